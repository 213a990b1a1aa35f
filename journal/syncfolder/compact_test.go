package syncfolder

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// Compaction deletes only what every other device has read and the newest
// snapshot covers.
func TestFolder_Compact(t *testing.T) {
	tests := []struct {
		name   string
		states map[string]map[string]uint64 // device → its read cursors; nil cursors: no state file
		snaps  []snapSpec
		damage string // a device whose state file is damaged
		kept   uint64 // laptop's first segment left (1..10 written)
	}{
		{name: "no snapshot yet", states: map[string]map[string]uint64{
			"desktop": {"laptop": 10},
		}, kept: 1},
		{name: "everyone has read, the snapshot covers part", states: map[string]map[string]uint64{
			"desktop": {"laptop": 10}, "phone": {"laptop": 10},
		}, snaps: []snapSpec{{"desktop", 1, map[string]uint64{"laptop": 8}}}, kept: 9},
		{name: "a device has read less than the snapshot covers", states: map[string]map[string]uint64{
			"desktop": {"laptop": 10}, "phone": {"laptop": 5},
		}, snaps: []snapSpec{{"laptop", 1, map[string]uint64{"laptop": 10}}}, kept: 6},
		{name: "a device that has written no state", states: map[string]map[string]uint64{
			"desktop": {"laptop": 10}, "phone": nil,
		}, snaps: []snapSpec{{"laptop", 1, map[string]uint64{"laptop": 10}}}, kept: 1},
		{name: "a device whose state is damaged", states: map[string]map[string]uint64{
			"desktop": {"laptop": 10}, "phone": {"laptop": 10},
		}, damage: "phone", snaps: []snapSpec{{"laptop", 1, map[string]uint64{"laptop": 10}}}, kept: 1},
		{name: "alone in the folder", snaps: []snapSpec{{"laptop", 1, map[string]uint64{"laptop": 6}}}, kept: 7},
		{name: "the newest snapshot doesn't cover this device", states: map[string]map[string]uint64{
			"desktop": {"laptop": 10},
		}, snaps: []snapSpec{{"desktop", 1, map[string]uint64{"desktop": 50}}}, kept: 1},
		{name: "only a damaged snapshot", states: map[string]map[string]uint64{
			"desktop": {"laptop": 10},
		}, snaps: []snapSpec{{"desktop", 1, map[string]uint64{"laptop": 10}}}, damage: "snapshot", kept: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := newTestFolder(t)
			mustAppend(t, f, "laptop", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
			for device, read := range tt.states {
				mkdir(t, f.deviceDir(device))
				if read != nil {
					if err := f.WriteState(device, DeviceState{Name: device, Read: read}); err != nil {
						t.Fatal(err)
					}
				}
			}
			for _, s := range tt.snaps {
				if err := f.WriteSnapshot(s.device, s.seq, s.covers, []byte("snap")); err != nil {
					t.Fatal(err)
				}
			}
			switch tt.damage {
			case "":
			case "snapshot":
				flipByte(t, filepath.Join(f.Dir(), snapshotsDir, snapshotName("desktop", 1)), -1)
			default:
				flipByte(t, filepath.Join(f.deviceDir(tt.damage), stateName), -1)
			}
			removed, err := f.Compact("laptop")
			if err != nil {
				t.Fatal(err)
			}
			if want := int(tt.kept - 1); removed != want {
				t.Errorf("removed %d, want %d", removed, want)
			}
			seqs, _ := f.segmentSeqs("laptop")
			if len(seqs) == 0 || seqs[0] != tt.kept || seqs[len(seqs)-1] != 10 {
				t.Fatalf("laptop's segments after Compact = %v, want %d..10", seqs, tt.kept)
			}
			segs, err := f.Read("laptop", tt.kept-1)
			if err != nil || len(segs) != int(11-tt.kept) {
				t.Errorf("Read after the compacted part = %v, %v", seqsOf(segs), err)
			}
		})
	}
}

func TestFolder_CompactKeepsNewestTwoOwnSnapshots(t *testing.T) {
	f, _ := newTestFolder(t)
	mustAppend(t, f, "laptop", 1, 2)
	for seq := uint64(1); seq <= 4; seq++ {
		if err := f.WriteSnapshot("laptop", seq, map[string]uint64{"laptop": 1}, []byte("snap")); err != nil {
			t.Fatal(err)
		}
	}
	for seq := uint64(1); seq <= 3; seq++ {
		if err := f.WriteSnapshot("desktop", seq, map[string]uint64{"laptop": 1}, []byte("snap")); err != nil {
			t.Fatal(err)
		}
	}
	removed, err := f.Compact("laptop")
	if err != nil {
		t.Fatal(err)
	}
	if removed != 3 { // segment 1 and snapshots 1, 2
		t.Errorf("removed %d files, want 3", removed)
	}
	entries, err := os.ReadDir(filepath.Join(f.Dir(), snapshotsDir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	want := []string{snapshotName("desktop", 1), snapshotName("desktop", 2), snapshotName("desktop", 3),
		snapshotName("laptop", 3), snapshotName("laptop", 4)}
	if len(names) != len(want) {
		t.Fatalf("snapshots left = %v, want %v", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("snapshots left = %v, want %v", names, want)
		}
	}
}
