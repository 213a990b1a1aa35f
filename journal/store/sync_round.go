package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/journal/syncfolder"
)

// snapshotEvery is how many segments a device writes between snapshots.
var snapshotEvery uint64 = 200

func (s *Store) openSyncFolder(self syncSelf) (*syncfolder.Folder, error) {
	if s.keys == nil {
		return nil, errLocked
	}
	f, err := syncfolder.Open(self.Folder, s.keys.data)
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "The sync folder %s can't be opened: %v. Check it is still there.", self.Folder, err)
	}
	return f, nil
}

func (s *Store) syncRound() (journal.SyncReport, error) {
	var report journal.SyncReport
	self, on, err := readSyncSelf(s.db)
	if err != nil {
		return report, internal("read the sync settings", err)
	}
	if !on {
		return report, journal.Errorf(journal.EInvalid, "Sync is off for this journal. Turn it on with `throughline sync --folder DIR`.")
	}
	f, err := s.openSyncFolder(self)
	if err != nil {
		return report, err
	}
	// Reading the folder happens outside the transaction: files can be slow.
	var cursors []struct {
		Device string
		Seq    uint64
	}
	if err := s.db.Raw("SELECT device, seq FROM sync_cursors").Scan(&cursors).Error; err != nil {
		return report, internal("read the sync cursors", err)
	}
	read := map[string]uint64{}
	for _, c := range cursors {
		read[c.Device] = c.Seq
	}
	devices, err := f.Devices()
	if err != nil {
		return report, internal("list the sync folder's devices", err)
	}
	var segs []syncfolder.Segment
	for _, d := range devices {
		if d == self.Device {
			continue
		}
		got, err := f.Read(d, read[d])
		var damaged *syncfolder.DamagedError
		if errors.As(err, &damaged) {
			name := d
			if st, e := f.ReadState(d); e == nil && st.Name != "" {
				name = st.Name
			}
			report.Problems = append(report.Problems, fmt.Sprintf("The changes from %q (device %s) in %s are damaged or were altered, so neither they nor what that computer wrote after them were applied; everything else synced. Nothing is lost: they are still in that computer's journal. If the file was damaged on its way, your sync service may bring a good copy.", name, d, damaged.File))
		} else if err != nil {
			return report, internal("read the sync folder", err)
		}
		segs = append(segs, got...)
	}
	var received []change
	newRead := map[string]uint64{}
	for _, seg := range segs {
		var cs []change
		if err := json.Unmarshal(seg.Payload, &cs); err != nil {
			report.Problems = append(report.Problems, fmt.Sprintf("A change file from device %s can't be read; it was skipped.", seg.Device))
			continue
		}
		received = append(received, cs...)
		newRead[seg.Device] = max(newRead[seg.Device], seg.Seq)
	}
	rebuildIndex := false
	var snapshot []byte
	var wrote uint64
	err = s.db.Transaction(func(tx *gorm.DB) error {
		self, _, err = readSyncSelf(tx) // another process may have synced meanwhile
		if err != nil {
			return err
		}
		clock := hlcClock{last: self.HLC}
		sent, err := captureOutbox(tx, &clock, self.Device)
		if err != nil {
			return err
		}
		var fresh []change
		for _, c := range received {
			clock.see(c.HLC)
			fresh = append(fresh, c)
		}
		var applying int64 // the outbox rows past this one are what applying wrote
		if err := tx.Raw("SELECT COALESCE(max(seq), 0) FROM sync_outbox").Scan(&applying).Error; err != nil {
			return err
		}
		// A round with nothing to send or receive finds the journal as the
		// last round left it, links and names settled: applying (which
		// rebuilds the link tables and settles names over whole tables)
		// would change nothing, and the window runs one every minute.
		if len(fresh) > 0 || len(sent) > 0 {
			n, err := s.applyChanges(tx, fresh)
			if err != nil {
				return err
			}
			report.Received = n
			if rebuildIndex, err = s.reindexApplied(tx, applying); err != nil {
				return err
			}
		}
		if err := tx.Exec("DELETE FROM sync_outbox").Error; err != nil {
			return err
		}
		if err := queueResends(tx); err != nil {
			return err
		}
		for d, seq := range newRead {
			if err := tx.Exec("INSERT INTO sync_cursors (device, seq) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET seq = max(seq, excluded.seq)", d, seq).Error; err != nil {
				return err
			}
		}
		wrote = self.Wrote
		if len(sent) > 0 {
			payload, err := json.Marshal(sent)
			if err != nil {
				return err
			}
			for {
				wrote++
				err = f.Append(self.Device, wrote, payload)
				if !errors.Is(err, syncfolder.ErrExists) {
					break
				}
			}
			if err != nil {
				return err
			}
			report.Sent = len(sent)
		}
		snapAt := self.SnapshotAt
		if wrote-self.SnapshotAt >= snapshotEvery {
			if snapshot, err = takeSyncSnapshot(tx, clock.last); err != nil {
				return err
			}
			snapAt = wrote
		}
		return tx.Exec("UPDATE sync_self SET hlc = ?, wrote = ?, snapshot_at = ?, last_sync = ? WHERE id = 1",
			clock.last, wrote, snapAt, s.now().UnixMilli()).Error
	})
	if err != nil {
		return report, internal("sync", err)
	}
	if rebuildIndex {
		if err := s.buildMemoryIndex(); err != nil {
			return report, internal("rebuild the search index", err)
		}
	}
	covers := s.covers(self.Device, wrote)
	if snapshot != nil {
		if err := f.WriteSnapshot(self.Device, wrote, covers, snapshot); err != nil {
			return report, internal("write a sync snapshot", err)
		}
	}
	delete(covers, self.Device)
	st := syncfolder.DeviceState{Name: self.DeviceName, Number: self.Number, Read: covers, Wrote: wrote, LastSeen: s.now()}
	if err := f.WriteState(self.Device, st); err != nil {
		return report, internal("write this computer's sync state", err)
	}
	if _, err := f.Compact(self.Device); err != nil {
		return report, internal("tidy the sync folder", err)
	}
	return report, nil
}

// covers is how far this journal has read every device, itself included.
func (s *Store) covers(device string, wrote uint64) map[string]uint64 {
	var cursors []struct {
		Device string
		Seq    uint64
	}
	s.db.Raw("SELECT device, seq FROM sync_cursors").Scan(&cursors)
	out := map[string]uint64{device: wrote}
	for _, c := range cursors {
		out[c.Device] = c.Seq
	}
	return out
}

func (s *Store) syncStatus() (journal.SyncStatus, error) {
	self, on, err := readSyncSelf(s.db)
	if err != nil || !on {
		return journal.SyncStatus{}, err
	}
	st := journal.SyncStatus{Folder: self.Folder, Device: self.Device, DeviceName: self.DeviceName}
	if self.LastSync > 0 {
		st.LastSync = time.UnixMilli(self.LastSync)
	}
	f, err := s.openSyncFolder(self)
	if err != nil {
		return st, err
	}
	devices, err := f.Devices()
	if err != nil {
		return st, internal("list the sync folder's devices", err)
	}
	for _, d := range devices {
		ds, err := f.ReadState(d)
		if err != nil {
			continue
		}
		st.Devices = append(st.Devices, journal.SyncDevice{ID: d, Name: ds.Name, LastSeen: ds.LastSeen, You: d == self.Device})
	}
	sort.Slice(st.Devices, func(i, j int) bool { return st.Devices[i].ID < st.Devices[j].ID })
	return st, nil
}
