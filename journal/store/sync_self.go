package store

import (
	"gorm.io/gorm"
)

// syncSelf is this journal's sync settings (the one sync_self row).
type syncSelf struct {
	Folder, Device, DeviceName string
	Number                     uint32
	HLC                        uint64
	Wrote, SnapshotAt          uint64
	LastSync                   int64
}

func readSyncSelf(tx *gorm.DB) (syncSelf, bool, error) {
	var rows []syncSelf
	err := tx.Raw("SELECT folder, device, device_name, number, hlc, wrote, snapshot_at, last_sync FROM sync_self WHERE id = 1").Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return syncSelf{}, false, err
	}
	return rows[0], true, nil
}

// syncNumber is this device's number when sync is on, else 0; a schema
// from before sync has none.
func syncNumber(tx *gorm.DB) int64 {
	var n []int64
	if tx.Raw("SELECT number FROM sync_self WHERE id = 1").Scan(&n).Error != nil || len(n) == 0 {
		return 0
	}
	return n[0]
}
