package syncfolder

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/throughline/throughline/journal"
)

// Segment is one sealed batch of a device's changes, opened.
type Segment struct {
	Device  string
	Seq     uint64
	Payload []byte
}

// DamagedError is a complete file in the folder that didn't open: changed
// on disk, cut short and padded, renamed, or moved from another device's
// place. Nothing from it, nor after it for that device, is used.
type DamagedError struct {
	Device, File string
	Err          error
}

func (e *DamagedError) Error() string {
	if strings.HasPrefix(e.File, snapshotsDir) {
		return fmt.Sprintf("A snapshot from device %s can't be used: %s is damaged (%v). It was skipped; the device's next snapshot replaces it.", e.Device, e.File, e.Err)
	}
	return fmt.Sprintf("The changes synced from device %s can't be used: %s is damaged (%v). Nothing from it or after it was applied; sync on that computer again, or put back the file from a backup.", e.Device, e.File, e.Err)
}

func (e *DamagedError) Unwrap() error { return e.Err }

// Append writes device's segment seq, sealed with payload, whole and
// under its final name only once complete. A segment is never rewritten:
// an existing seq is refused.
func (f *Folder) Append(device string, seq uint64, payload []byte) error {
	if err := validDevice(device); err != nil {
		return err
	}
	if err := validSeq(seq); err != nil {
		return err
	}
	path := filepath.Join(f.deviceDir(device), segmentName(seq))
	data := frame(magicSegment, sealWith(f.aead, payload, segmentAD(f.header.JournalID, device, seq)))
	err := writeFileOnce(path, data)
	if errors.Is(err, ErrExists) {
		return fmt.Errorf("syncfolder: segment %d of device %s: %w", seq, device, err)
	}
	if err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't write this computer's changes to the sync folder %s: %v.", f.dir, err)
	}
	return nil
}

// Read returns device's complete segments after seq after, in order,
// stopping at a gap or a file still arriving (not an error: it is read
// on a later round). A damaged segment ends the list with a
// *DamagedError; the segments before it are still returned.
func (f *Folder) Read(device string, after uint64) ([]Segment, error) {
	if err := validDevice(device); err != nil {
		return nil, err
	}
	seqs, err := f.segmentSeqs(device)
	if err != nil {
		return nil, err
	}
	var out []Segment
	next := after + 1
	for _, seq := range seqs {
		if seq <= after {
			continue
		}
		if seq != next {
			break // a gap: the missing segment hasn't arrived yet
		}
		name := segmentName(seq)
		payload, err := f.readSegment(device, seq)
		if errors.Is(err, errIncomplete) {
			break
		}
		if err != nil {
			return out, &DamagedError{Device: device, File: filepath.Join(devicesDir, device, name), Err: err}
		}
		out = append(out, Segment{Device: device, Seq: seq, Payload: payload})
		next++
	}
	return out, nil
}

func (f *Folder) readSegment(device string, seq uint64) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(f.deviceDir(device), segmentName(seq)))
	if err != nil {
		return nil, err
	}
	sealed, err := unframe(magicSegment, data)
	if err != nil {
		return nil, err
	}
	return openWith(f.aead, sealed, segmentAD(f.header.JournalID, device, seq))
}

// segmentSeqs lists device's segment numbers in order, ignoring every
// file that isn't a segment of ours.
func (f *Folder) segmentSeqs(device string) ([]uint64, error) {
	entries, err := os.ReadDir(f.deviceDir(device))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't read the sync folder %s: %v.", f.dir, err)
	}
	var seqs []uint64
	for _, e := range entries {
		if seq, ok := parseSegmentName(e.Name()); ok && e.Type().IsRegular() {
			seqs = append(seqs, seq)
		}
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] < seqs[j] })
	return seqs, nil
}

// Devices lists the devices that have a place in the folder, sorted.
func (f *Folder) Devices() ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(f.dir, devicesDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't read the sync folder %s: %v.", f.dir, err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && validDevice(e.Name()) == nil {
			out = append(out, e.Name())
		}
	}
	return out, nil
}
