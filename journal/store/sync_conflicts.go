package store

import (
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/journal/syncfolder"
)

// The versions kept in sync_conflicts are sealed exactly as entries.body
// is, with the entry's own field (entries, body, id) as associated data:
// each is a text of that entry's body, travels between computers as the
// same bytes, and can't be moved to another entry or column unnoticed.

func (s *Store) bodyConflicts(entryID int64) ([]journal.BodyVersion, error) {
	var rows []bodyConflict
	if err := s.db.Raw("SELECT entry_id, hlc, device, body FROM sync_conflicts WHERE entry_id = ? ORDER BY hlc DESC, device DESC", entryID).Scan(&rows).Error; err != nil {
		return nil, internal("read the entry's other versions", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	names := s.deviceNames()
	out := make([]journal.BodyVersion, len(rows))
	for i, r := range rows {
		seal := sealer{codec: s.codec, table: "entries", id: entryID}
		body := seal.open("body", r.Body)
		if seal.err != nil {
			return nil, seal.err
		}
		name, ok := names[r.Device]
		if !ok {
			name = "another computer"
		}
		out[i] = journal.BodyVersion{Body: body, At: time.UnixMilli(int64(r.HLC >> 16)), Device: name}
	}
	return out, nil
}

// deviceNames are the names the computers syncing this journal go by, as
// far as the sync folder can be read now.
func (s *Store) deviceNames() map[string]string {
	self, on, err := readSyncSelf(s.db)
	if err != nil || !on {
		return nil
	}
	names := map[string]string{self.Device: self.DeviceName}
	if s.keys == nil {
		return names
	}
	f, err := syncfolder.Open(self.Folder, s.keys.data)
	if err != nil {
		return names
	}
	devices, err := f.Devices()
	if err != nil {
		return names
	}
	for _, d := range devices {
		if st, err := f.ReadState(d); err == nil && st.Name != "" && d != self.Device {
			names[d] = st.Name
		}
	}
	return names
}

// resolveBodyConflict saves body freshly sealed, so it is always a change
// of the body even when the text chosen is the one on show, and takes the
// other versions out of sync_conflicts: the next sync then sends it with
// every head as its base (see noteLocalBody), ending the conflict on every
// computer.
var errNoConflict = journal.Errorf(journal.EInvalid, "This entry has no versions from two computers to choose between.")

func (s *Store) resolveBodyConflict(entryID int64, body string) error {
	e, err := s.Entry(entryID)
	if err != nil {
		return err
	}
	if !e.Conflicted {
		return errNoConflict
	}
	e.Body, e.UpdatedAt = body, s.now()
	if err := e.Validate(); err != nil {
		return err
	}
	row, err := s.toRow(e)
	if err != nil {
		return err
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Exec("DELETE FROM sync_conflicts WHERE entry_id = ?", e.ID)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 { // resolved meanwhile, in another window or by a sync
			return errNoConflict
		}
		if err := s.unindex(tx, e.ID); err != nil {
			return err
		}
		if err := tx.Exec("UPDATE entries SET body = ?, updated_at = ? WHERE id = ?", row.Body, row.Updated, e.ID).Error; err != nil {
			return err
		}
		return s.index(tx, e)
	})
	if err != nil {
		return internal("save the entry", err)
	}
	s.checkpoint() // the versions set aside leave the log
	return nil
}

// markConflicted sets Conflicted on the entries whose body waits for a
// choice: one indexed look-up per chunk of entries read.
func (s *Store) markConflicted(entries []journal.Entry, index map[int64]int, ids []int64) error {
	for start := 0; start < len(ids); start += linkChunk {
		var conflicted []int64
		if err := s.db.Raw("SELECT DISTINCT entry_id FROM sync_conflicts WHERE entry_id IN ?", ids[start:min(start+linkChunk, len(ids))]).Scan(&conflicted).Error; err != nil {
			return internal("read which entries were changed on two computers", err)
		}
		for _, id := range conflicted {
			entries[index[id]].Conflicted = true
		}
	}
	return nil
}
