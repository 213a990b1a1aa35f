package syncfolder

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/throughline/throughline/journal"
)

// DeviceState is what a device tells the others about itself: its name
// for people, its id-range number, how far it has read every other
// device, how far it has written, and when it last synced.
type DeviceState struct {
	Name     string            `json:"name"`
	Number   uint32            `json:"number"`
	Read     map[string]uint64 `json:"read"`
	Wrote    uint64            `json:"wrote"`
	LastSeen time.Time         `json:"last_seen"`
}

// WriteState replaces device's sealed state file.
func (f *Folder) WriteState(device string, st DeviceState) error {
	if err := validDevice(device); err != nil {
		return err
	}
	plain, err := json.Marshal(st)
	if err != nil {
		return err
	}
	data := frame(magicState, sealWith(f.aead, plain, stateAD(f.header.JournalID, device)))
	if err := writeFileAtomic(filepath.Join(f.deviceDir(device), stateName), data); err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't write this computer's sync state to %s: %v.", f.dir, err)
	}
	return nil
}

// ReadState reads device's state; a device with none yet (or one still
// arriving) has the zero state. A damaged one is a *DamagedError.
func (f *Folder) ReadState(device string) (DeviceState, error) {
	if err := validDevice(device); err != nil {
		return DeviceState{}, err
	}
	data, err := os.ReadFile(filepath.Join(f.deviceDir(device), stateName))
	if errors.Is(err, os.ErrNotExist) {
		return DeviceState{}, nil
	}
	if err != nil {
		return DeviceState{}, journal.Errorf(journal.EUnwritable, "Couldn't read the sync folder %s: %v.", f.dir, err)
	}
	damaged := func(err error) error {
		return &DamagedError{Device: device, File: filepath.Join(devicesDir, device, stateName), Err: err}
	}
	sealed, err := unframe(magicState, data)
	if errors.Is(err, errIncomplete) {
		return DeviceState{}, nil
	}
	if err != nil {
		return DeviceState{}, damaged(err)
	}
	plain, err := openWith(f.aead, sealed, stateAD(f.header.JournalID, device))
	if err != nil {
		return DeviceState{}, damaged(err)
	}
	var st DeviceState
	if err := json.Unmarshal(plain, &st); err != nil {
		return DeviceState{}, damaged(err)
	}
	return st, nil
}
