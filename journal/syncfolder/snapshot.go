package syncfolder

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/throughline/throughline/journal"
)

// Snapshot is a whole journal as one device saw it after reading each
// device up to Covers[device], so a new device starts from it and reads
// only the segments after.
type Snapshot struct {
	Device  string
	Seq     uint64
	Covers  map[string]uint64
	Payload []byte
}

type snapshotBody struct {
	Covers  map[string]uint64 `json:"covers"`
	Payload []byte            `json:"payload"`
}

// WriteSnapshot writes device's snapshot number seq (a device numbers its
// snapshots itself, rising), sealed whole; like a segment, a snapshot is
// never rewritten.
func (f *Folder) WriteSnapshot(device string, seq uint64, covers map[string]uint64, payload []byte) error {
	if err := validDevice(device); err != nil {
		return err
	}
	if err := validSeq(seq); err != nil {
		return err
	}
	plain, err := json.Marshal(snapshotBody{Covers: covers, Payload: payload})
	if err != nil {
		return err
	}
	data := frame(magicSnapshot, sealWith(f.aead, plain, snapshotAD(f.header.JournalID, device, seq)))
	err = writeFileOnce(filepath.Join(f.dir, snapshotsDir, snapshotName(device, seq)), data)
	if errors.Is(err, ErrExists) {
		return fmt.Errorf("syncfolder: snapshot %d of device %s: %w", seq, device, err)
	}
	if err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't write a snapshot to the sync folder %s: %v.", f.dir, err)
	}
	return nil
}

// snapshotRef is a snapshot file found in the folder, not yet opened.
type snapshotRef struct {
	device string
	seq    uint64
	name   string
}

func (f *Folder) snapshotRefs() ([]snapshotRef, error) {
	entries, err := os.ReadDir(filepath.Join(f.dir, snapshotsDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't read the sync folder %s: %v.", f.dir, err)
	}
	var refs []snapshotRef
	for _, e := range entries {
		if device, seq, ok := parseSnapshotName(e.Name()); ok && e.Type().IsRegular() {
			refs = append(refs, snapshotRef{device: device, seq: seq, name: e.Name()})
		}
	}
	return refs, nil
}

// readSnapshot opens one snapshot; errIncomplete while it is arriving.
func (f *Folder) readSnapshot(ref snapshotRef) (Snapshot, error) {
	data, err := os.ReadFile(filepath.Join(f.dir, snapshotsDir, ref.name))
	if err != nil {
		return Snapshot{}, err
	}
	sealed, err := unframe(magicSnapshot, data)
	if err != nil {
		return Snapshot{}, err
	}
	plain, err := openWith(f.aead, sealed, snapshotAD(f.header.JournalID, ref.device, ref.seq))
	if err != nil {
		return Snapshot{}, err
	}
	var body snapshotBody
	if err := json.Unmarshal(plain, &body); err != nil {
		return Snapshot{}, err
	}
	return Snapshot{Device: ref.device, Seq: ref.seq, Covers: body.Covers, Payload: body.Payload}, nil
}

// LatestSnapshot returns the snapshot that covers the most: the largest
// sum of covers, then the highest seq, then the device id (so every
// device picks the same one). Damaged and still-arriving snapshots are
// skipped; the damage is reported (as a *DamagedError) only when no good
// snapshot is left. ok is false when the folder has none.
func (f *Folder) LatestSnapshot() (Snapshot, bool, error) {
	best, found, err := f.latestCovers()
	if err != nil || !found {
		return Snapshot{}, found, err
	}
	snap, err := f.readSnapshot(best.ref)
	if err != nil { // gone or changed since its covers were read
		return Snapshot{}, false, &DamagedError{Device: best.ref.device, File: filepath.Join(snapshotsDir, best.ref.name), Err: err}
	}
	return snap, true, nil
}

// coveredSnapshot is a snapshot's covers, without its journal.
type coveredSnapshot struct {
	ref    snapshotRef
	covers map[string]uint64
}

// latestCovers picks the snapshot LatestSnapshot returns, by covers alone.
func (f *Folder) latestCovers() (coveredSnapshot, bool, error) {
	refs, err := f.snapshotRefs()
	if err != nil {
		return coveredSnapshot{}, false, err
	}
	var best coveredSnapshot
	found := false
	var damage error
	for _, ref := range refs {
		covers, err := f.snapshotCovers(ref)
		if errors.Is(err, errIncomplete) {
			continue
		}
		if err != nil {
			if damage == nil {
				damage = &DamagedError{Device: ref.device, File: filepath.Join(snapshotsDir, ref.name), Err: err}
			}
			continue
		}
		c := coveredSnapshot{ref, covers}
		if !found || newer(Snapshot{Device: ref.device, Seq: ref.seq, Covers: covers}, Snapshot{Device: best.ref.device, Seq: best.ref.seq, Covers: best.covers}) {
			best, found = c, true
		}
	}
	if !found && damage != nil {
		return coveredSnapshot{}, false, damage
	}
	return best, found, nil
}

// coversRead keeps the covers of each snapshot file read, by its path,
// size and time: a snapshot is never rewritten, and its covers are sealed
// with the whole journal, which a round tidying the folder would
// otherwise open every time.
var coversRead sync.Map // string → map[string]uint64

func (f *Folder) snapshotCovers(ref snapshotRef) (map[string]uint64, error) {
	path := filepath.Join(f.dir, snapshotsDir, ref.name)
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%s|%s|%d|%d", f.header.JournalID, path, info.Size(), info.ModTime().UnixNano())
	if covers, ok := coversRead.Load(key); ok {
		return covers.(map[string]uint64), nil
	}
	snap, err := f.readSnapshot(ref)
	if err != nil {
		return nil, err
	}
	coversRead.Store(key, snap.Covers)
	return snap.Covers, nil
}

func newer(a, b Snapshot) bool {
	sa, sb := coverSum(a.Covers), coverSum(b.Covers)
	if sa != sb {
		return sa > sb
	}
	if a.Seq != b.Seq {
		return a.Seq > b.Seq
	}
	return a.Device > b.Device
}

func coverSum(covers map[string]uint64) uint64 {
	var sum uint64
	for _, seq := range covers {
		sum += seq
	}
	return sum
}
