package syncfolder

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
)

// keepSnapshots is how many of its own snapshots a device keeps, so one
// damaged in transit still leaves another to start from.
const keepSnapshots = 2

// Compact deletes device's own segments that no one needs any more: those
// every other known device has read and the newest snapshot covers, so a
// device joining later starts from that snapshot. It keeps device's
// newest two snapshots and deletes its older ones. A device whose state
// can't be read counts as having read nothing. removed counts the files
// deleted.
func (f *Folder) Compact(device string) (removed int, err error) {
	if err := validDevice(device); err != nil {
		return 0, err
	}
	snap, ok, err := f.latestCovers()
	if err != nil || !ok {
		var damaged *DamagedError
		if errors.As(err, &damaged) {
			err = nil // no good snapshot: nothing is safe to delete
		}
		return 0, err
	}
	limit := snap.covers[device]
	devices, err := f.Devices()
	if err != nil {
		return 0, err
	}
	for _, other := range devices {
		if other == device {
			continue
		}
		st, err := f.ReadState(other)
		if err != nil {
			st = DeviceState{}
		}
		limit = min(limit, st.Read[device])
	}
	seqs, err := f.segmentSeqs(device)
	if err != nil {
		return 0, err
	}
	for _, seq := range seqs {
		if seq > limit {
			break
		}
		if err := os.Remove(filepath.Join(f.deviceDir(device), segmentName(seq))); err != nil && !errors.Is(err, os.ErrNotExist) {
			return removed, err
		}
		removed++
	}
	n, err := f.pruneSnapshots(device)
	return removed + n, err
}

// pruneSnapshots deletes all but device's newest keepSnapshots snapshots.
func (f *Folder) pruneSnapshots(device string) (int, error) {
	refs, err := f.snapshotRefs()
	if err != nil {
		return 0, err
	}
	var own []snapshotRef
	for _, r := range refs {
		if r.device == device {
			own = append(own, r)
		}
	}
	sort.Slice(own, func(i, j int) bool { return own[i].seq > own[j].seq })
	removed := 0
	for _, r := range own[min(len(own), keepSnapshots):] {
		if err := os.Remove(filepath.Join(f.dir, snapshotsDir, r.name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return removed, err
		}
		removed++
	}
	return removed, nil
}
