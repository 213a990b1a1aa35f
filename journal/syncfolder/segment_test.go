package syncfolder

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFolder_AppendReadRoundTrip(t *testing.T) {
	f, _ := newTestFolder(t)
	mustAppend(t, f, "laptop", 1, 2, 3)
	mustAppend(t, f, "desktop", 1)
	tests := []struct {
		device string
		after  uint64
		want   []uint64
	}{
		{"laptop", 0, []uint64{1, 2, 3}},
		{"laptop", 1, []uint64{2, 3}},
		{"laptop", 3, nil},
		{"desktop", 0, []uint64{1}},
		{"phone", 0, nil},
	}
	for _, tt := range tests {
		segs, err := f.Read(tt.device, tt.after)
		if err != nil {
			t.Fatalf("Read(%s, %d): %v", tt.device, tt.after, err)
		}
		if got := seqsOf(segs); !equalSeqs(got, tt.want) {
			t.Errorf("Read(%s, %d) = %v, want %v", tt.device, tt.after, got, tt.want)
		}
		checkPayloads(t, segs)
	}
	devices, err := f.Devices()
	if err != nil || strings.Join(devices, ",") != "desktop,laptop" {
		t.Errorf("Devices() = %v, %v; want desktop,laptop", devices, err)
	}
}

func TestFolder_AppendRefuses(t *testing.T) {
	f, _ := newTestFolder(t)
	mustAppend(t, f, "laptop", 1)
	tests := []struct {
		name   string
		device string
		seq    uint64
	}{
		{"a segment again", "laptop", 1},
		{"seq zero", "laptop", 0},
		{"seq too large", "laptop", maxSeq + 1},
		{"a path as device", "../x", 1},
		{"a hidden device", ".stfolder", 1},
		{"no device", "", 1},
		{"a dotted device", "laptop.sync-conflict-1", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := f.Append(tt.device, tt.seq, []byte("x")); err == nil {
				t.Fatalf("Append(%q, %d) made a segment", tt.device, tt.seq)
			}
		})
	}
	segs, err := f.Read("laptop", 0)
	if err != nil || len(segs) != 1 || string(segs[0].Payload) != string(payloadFor("laptop", 1)) {
		t.Errorf("segment 1 changed after refused appends: %v, %v", segs, err)
	}
}

// A file the sync service is still carrying is skipped, with nothing
// after it, until it is whole.
func TestFolder_ReadSkipsHalfWrittenSegment(t *testing.T) {
	cuts := []struct {
		name string
		keep func(n int) int
	}{
		{"empty", func(int) int { return 0 }},
		{"inside the magic", func(int) int { return 2 }},
		{"inside the length", func(int) int { return 8 }},
		{"just the head", func(int) int { return frameHead }},
		{"half", func(n int) int { return n / 2 }},
		{"one byte short", func(n int) int { return n - 1 }},
	}
	for _, c := range cuts {
		t.Run(c.name, func(t *testing.T) {
			f, _ := newTestFolder(t)
			mustAppend(t, f, "laptop", 1, 2, 3)
			whole, err := os.ReadFile(segPath(f, "laptop", 2))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(segPath(f, "laptop", 2), whole[:c.keep(len(whole))], fileMode); err != nil {
				t.Fatal(err)
			}
			segs, err := f.Read("laptop", 0)
			if err != nil {
				t.Fatalf("a half-written segment is an error: %v", err)
			}
			if got := seqsOf(segs); !equalSeqs(got, []uint64{1}) {
				t.Fatalf("with segment 2 half-written Read = %v, want [1]", got)
			}
			if err := os.WriteFile(segPath(f, "laptop", 2), whole, fileMode); err != nil {
				t.Fatal(err)
			}
			segs, err = f.Read("laptop", 1)
			if err != nil {
				t.Fatal(err)
			}
			if got := seqsOf(segs); !equalSeqs(got, []uint64{2, 3}) {
				t.Fatalf("once complete Read = %v, want [2 3]", got)
			}
			checkPayloads(t, segs)
		})
	}
}

func TestFolder_ReadStopsAtGap(t *testing.T) {
	f, _ := newTestFolder(t)
	mustAppend(t, f, "laptop", 1, 2, 4, 5)
	segs, err := f.Read("laptop", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := seqsOf(segs); !equalSeqs(got, []uint64{1, 2}) {
		t.Fatalf("Read across a gap = %v, want [1 2]", got)
	}
	mustAppend(t, f, "laptop", 3)
	segs, err = f.Read("laptop", 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := seqsOf(segs); !equalSeqs(got, []uint64{3, 4, 5}) {
		t.Fatalf("Read once the gap is filled = %v, want [3 4 5]", got)
	}
}

// A complete segment that doesn't open is refused, naming the device, and
// nothing from it or after it is returned.
func TestFolder_ReadRefusesDamagedSegment(t *testing.T) {
	tests := []struct {
		name   string
		device string // the device whose reading meets the damage
		damage func(t *testing.T, f *Folder, key []byte)
	}{
		{"a flipped bit in the sealed text", "laptop", func(t *testing.T, f *Folder, key []byte) {
			flipByte(t, segPath(f, "laptop", 2), -5)
		}},
		{"a flipped bit in the nonce", "laptop", func(t *testing.T, f *Folder, key []byte) {
			flipByte(t, segPath(f, "laptop", 2), frameHead+1)
		}},
		{"a wrong magic", "laptop", func(t *testing.T, f *Folder, key []byte) {
			flipByte(t, segPath(f, "laptop", 2), 0)
		}},
		{"an unknown format version", "laptop", func(t *testing.T, f *Folder, key []byte) {
			flipByte(t, segPath(f, "laptop", 2), 4)
		}},
		{"cut short with its length rewritten to match", "laptop", func(t *testing.T, f *Folder, key []byte) {
			path := segPath(f, "laptop", 2)
			data, _ := os.ReadFile(path)
			data = data[:len(data)-4]
			binary.BigEndian.PutUint64(data[5:frameHead], uint64(len(data)-frameHead))
			os.WriteFile(path, data, fileMode)
		}},
		{"a length no sync file has", "laptop", func(t *testing.T, f *Folder, key []byte) {
			flipByte(t, segPath(f, "laptop", 2), 5)
		}},
		{"bytes added at the end", "laptop", func(t *testing.T, f *Folder, key []byte) {
			path := segPath(f, "laptop", 2)
			data, _ := os.ReadFile(path)
			os.WriteFile(path, append(data, 0), fileMode)
		}},
		{"two segments swapped", "laptop", func(t *testing.T, f *Folder, key []byte) {
			a, b := segPath(f, "laptop", 2), segPath(f, "laptop", 3)
			tmp := a + "x"
			os.Rename(a, tmp)
			os.Rename(b, a)
			os.Rename(tmp, b)
		}},
		{"moved to another device's place", "desktop", func(t *testing.T, f *Folder, key []byte) {
			data, _ := os.ReadFile(segPath(f, "laptop", 2))
			os.WriteFile(segPath(f, "desktop", 2), data, fileMode)
		}},
		{"from another journal", "laptop", func(t *testing.T, f *Folder, key []byte) {
			other, err := Create(filepath.Join(t.TempDir(), "other"), Header{JournalID: "journal2"}, key)
			if err != nil {
				t.Fatal(err)
			}
			mustAppend(t, other, "laptop", 2)
			data, _ := os.ReadFile(segPath(other, "laptop", 2))
			os.WriteFile(segPath(f, "laptop", 2), data, fileMode)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, key := newTestFolder(t)
			mustAppend(t, f, "laptop", 1, 2, 3, 4)
			mustAppend(t, f, "desktop", 1)
			os.Remove(segPath(f, "desktop", 2))
			tt.damage(t, f, key)
			segs, err := f.Read(tt.device, 0)
			var damaged *DamagedError
			if !errors.As(err, &damaged) {
				t.Fatalf("Read(%s) error = %v, want a *DamagedError", tt.device, err)
			}
			if damaged.Device != tt.device || !strings.HasSuffix(damaged.File, segmentName(2)) {
				t.Errorf("damage names %s %s, want device %s file %s", damaged.Device, damaged.File, tt.device, segmentName(2))
			}
			if msg := err.Error(); !strings.Contains(msg, tt.device) || !strings.Contains(msg, segmentName(2)) {
				t.Errorf("message %q doesn't name the device and file", msg)
			}
			if got := seqsOf(segs); !equalSeqs(got, []uint64{1}) {
				t.Errorf("Read returned %v with segment 2 damaged, want [1] only", got)
			}
			checkPayloads(t, segs)
		})
	}
}

func TestFolder_IgnoresFilesThatArentOurs(t *testing.T) {
	f, key := newTestFolder(t)
	mustAppend(t, f, "laptop", 1, 2)
	if err := f.WriteSnapshot("laptop", 1, map[string]uint64{"laptop": 2}, []byte("snap")); err != nil {
		t.Fatal(err)
	}
	junk := []string{
		".stfolder/",
		".stignore",
		".dropbox",
		"devices/.stfolder/",
		"devices/notes.txt",
		"devices/laptop.sync-conflict-20261206-135300-ABCDEFG/",
		"devices/laptop/.syncthing.000000000003.seg.tmp",
		"devices/laptop/000000000003.sync-conflict-20261206-135300-ABCDEFG.seg",
		"devices/laptop/000000000003 (conflicted copy 2026-12-06).seg",
		"devices/laptop/000000000003 (Case Conflict).seg",
		"devices/laptop/.tmp-123456",
		"devices/laptop/desktop.ini",
		"devices/laptop/3.seg",
		"snapshots/laptop-000000000009.sync-conflict-20261206-135300-ABCDEFG.snap",
		"snapshots/.syncthing.laptop-000000000009.snap.tmp",
		"snapshots/.tmp-99",
		"snapshots/readme.txt",
	}
	for _, j := range junk {
		path := filepath.Join(f.Dir(), j)
		if strings.HasSuffix(j, "/") {
			if err := os.MkdirAll(path, dirMode); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(path, []byte("not ours"), fileMode); err != nil {
			t.Fatal(err)
		}
	}
	segs, err := f.Read("laptop", 0)
	if err != nil || !equalSeqs(seqsOf(segs), []uint64{1, 2}) {
		t.Errorf("Read = %v, %v; want [1 2] and no error", seqsOf(segs), err)
	}
	devices, err := f.Devices()
	if err != nil || strings.Join(devices, ",") != "laptop" {
		t.Errorf("Devices = %v, %v; want laptop", devices, err)
	}
	snap, ok, err := f.LatestSnapshot()
	if err != nil || !ok || snap.Seq != 1 || string(snap.Payload) != "snap" {
		t.Errorf("LatestSnapshot = %+v, %v, %v; want laptop's snapshot 1", snap, ok, err)
	}
	if _, err := f.Compact("laptop"); err != nil {
		t.Errorf("Compact: %v", err)
	}
	if _, err := Open(f.Dir(), key); err != nil {
		t.Errorf("Open with foreign files: %v", err)
	}
}

// Two writers racing for one segment: exactly one wins, and the file is
// the winner's whole.
func TestFolder_AppendRaceWritesOnce(t *testing.T) {
	f, _ := newTestFolder(t)
	const writers = 8
	errs := make(chan error, writers)
	for i := range writers {
		go func() { errs <- f.Append("laptop", 1, []byte{byte(i)}) }()
	}
	won := 0
	for range writers {
		if err := <-errs; err == nil {
			won++
		} else if !errors.Is(err, ErrExists) {
			t.Errorf("a losing writer got %v, want ErrExists", err)
		}
	}
	if won != 1 {
		t.Fatalf("%d writers made segment 1, want exactly 1", won)
	}
	if segs, err := f.Read("laptop", 0); err != nil || len(segs) != 1 {
		t.Fatalf("Read = %v, %v", segs, err)
	}
	if err := f.WriteSnapshot("laptop", 1, nil, []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := f.WriteSnapshot("laptop", 1, nil, []byte("b")); !errors.Is(err, ErrExists) {
		t.Errorf("rewriting a snapshot = %v, want ErrExists", err)
	}
}
