package syncfolder

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestFolder_DeviceState(t *testing.T) {
	f, _ := newTestFolder(t)
	seen := time.Date(2026, 12, 6, 13, 0, 0, 0, time.UTC)
	want := DeviceState{Name: "Laptop", Number: 4242, Read: map[string]uint64{"desktop": 7}, Wrote: 12, LastSeen: seen}
	if err := f.WriteState("laptop", want); err != nil {
		t.Fatal(err)
	}
	statePath := func(device string) string { return filepath.Join(f.deviceDir(device), stateName) }
	tests := []struct {
		name    string
		device  string
		setup   func(t *testing.T)
		want    DeviceState
		damaged bool
	}{
		{"written", "laptop", func(*testing.T) {}, want, false},
		{"none yet", "desktop", func(*testing.T) {}, DeviceState{}, false},
		{"still arriving", "phone", func(t *testing.T) {
			data, _ := os.ReadFile(statePath("laptop"))
			write(t, statePath("phone"), string(data[:len(data)/2]))
		}, DeviceState{}, false},
		{"damaged", "tablet", func(t *testing.T) {
			data, _ := os.ReadFile(statePath("laptop"))
			data[len(data)-3] ^= 1
			write(t, statePath("tablet"), string(data))
		}, DeviceState{}, true},
		{"copied from another device", "desktop2", func(t *testing.T) {
			data, _ := os.ReadFile(statePath("laptop"))
			write(t, statePath("desktop2"), string(data))
		}, DeviceState{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.setup(t)
			got, err := f.ReadState(tt.device)
			var damaged *DamagedError
			if tt.damaged {
				if !errors.As(err, &damaged) || damaged.Device != tt.device {
					t.Fatalf("ReadState(%s) = %v, want a *DamagedError naming it", tt.device, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != tt.want.Name || got.Number != tt.want.Number || got.Wrote != tt.want.Wrote ||
				!got.LastSeen.Equal(tt.want.LastSeen) || got.Read["desktop"] != tt.want.Read["desktop"] {
				t.Errorf("ReadState(%s) = %+v, want %+v", tt.device, got, tt.want)
			}
		})
	}
	want.Wrote = 13
	if err := f.WriteState("laptop", want); err != nil {
		t.Fatal(err)
	}
	if got, err := f.ReadState("laptop"); err != nil || got.Wrote != 13 {
		t.Errorf("rewritten state = %+v, %v; want Wrote 13", got, err)
	}
}
