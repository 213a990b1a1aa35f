package syncfolder

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

type snapSpec struct {
	device string
	seq    uint64
	covers map[string]uint64
}

func TestFolder_LatestSnapshot(t *testing.T) {
	snapPath := func(f *Folder, device string, seq uint64) string {
		return filepath.Join(f.Dir(), snapshotsDir, snapshotName(device, seq))
	}
	tests := []struct {
		name     string
		snaps    []snapSpec
		damage   func(t *testing.T, f *Folder)
		want     string // device-seq of the snapshot expected, "" for none
		wantErr  bool   // a *DamagedError
		wantNone bool
	}{
		{name: "none", wantNone: true},
		{name: "one", snaps: []snapSpec{{"laptop", 1, map[string]uint64{"laptop": 3}}}, want: "laptop-1"},
		{name: "the one covering most", snaps: []snapSpec{
			{"laptop", 5, map[string]uint64{"laptop": 9}},
			{"desktop", 1, map[string]uint64{"laptop": 8, "desktop": 4}},
		}, want: "desktop-1"},
		{name: "equal covers: the higher seq", snaps: []snapSpec{
			{"laptop", 2, map[string]uint64{"laptop": 4}},
			{"desktop", 3, map[string]uint64{"desktop": 4}},
		}, want: "desktop-3"},
		{name: "the newest damaged is skipped", snaps: []snapSpec{
			{"laptop", 1, map[string]uint64{"laptop": 3}},
			{"laptop", 2, map[string]uint64{"laptop": 6}},
		}, damage: func(t *testing.T, f *Folder) { flipByte(t, snapPath(f, "laptop", 2), -2) }, want: "laptop-1"},
		{name: "the newest still arriving is skipped", snaps: []snapSpec{
			{"laptop", 1, map[string]uint64{"laptop": 3}},
			{"laptop", 2, map[string]uint64{"laptop": 6}},
		}, damage: func(t *testing.T, f *Folder) {
			path := snapPath(f, "laptop", 2)
			data, _ := os.ReadFile(path)
			os.WriteFile(path, data[:len(data)-10], fileMode)
		}, want: "laptop-1"},
		{name: "a renamed one is damaged", snaps: []snapSpec{
			{"laptop", 1, map[string]uint64{"laptop": 3}},
			{"laptop", 2, map[string]uint64{"laptop": 6}},
		}, damage: func(t *testing.T, f *Folder) {
			os.Rename(snapPath(f, "laptop", 2), snapPath(f, "laptop", 7))
		}, want: "laptop-1"},
		{name: "only damaged ones", snaps: []snapSpec{
			{"laptop", 1, map[string]uint64{"laptop": 3}},
		}, damage: func(t *testing.T, f *Folder) { flipByte(t, snapPath(f, "laptop", 1), frameHead+30) }, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := newTestFolder(t)
			for _, s := range tt.snaps {
				payload := []byte(s.device + "-" + segmentName(s.seq))
				if err := f.WriteSnapshot(s.device, s.seq, s.covers, payload); err != nil {
					t.Fatal(err)
				}
			}
			if tt.damage != nil {
				tt.damage(t, f)
			}
			snap, ok, err := f.LatestSnapshot()
			if tt.wantErr {
				var damaged *DamagedError
				if !errors.As(err, &damaged) || damaged.Device != "laptop" || ok {
					t.Fatalf("LatestSnapshot = %v, %v; want a *DamagedError naming laptop", ok, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantNone {
				if ok {
					t.Fatalf("LatestSnapshot found %+v in an empty folder", snap)
				}
				return
			}
			if got := snap.Device + "-" + strconv.FormatUint(snap.Seq, 10); !ok || got != tt.want {
				t.Fatalf("LatestSnapshot = %s (ok %v), want %s", got, ok, tt.want)
			}
			if string(snap.Payload) != snap.Device+"-"+segmentName(snap.Seq) {
				t.Errorf("payload = %q", snap.Payload)
			}
			for _, s := range tt.snaps {
				if s.device == snap.Device && s.seq == snap.Seq && coverSum(s.covers) != coverSum(snap.Covers) {
					t.Errorf("covers = %v, want %v", snap.Covers, s.covers)
				}
			}
		})
	}
}
