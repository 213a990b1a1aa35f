package store

import (
	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// DisableSync turns sync off on this computer. What it wrote last is sent
// first when the folder can be reached; then it stops reading and writing
// the folder, and records no more changes to send. The journal keeps
// everything, versions from two computers still to compare included; the
// folder and the other computers carry on without it. Syncing this journal
// again takes a new, empty folder.
func (s *Store) DisableSync() error {
	self, on, err := readSyncSelf(s.db)
	if err != nil {
		return internal("read how sync stands", err)
	}
	if !on {
		return journal.Errorf(journal.EInvalid, "Sync is already off for this journal.")
	}
	if !s.Locked() {
		s.Sync() // a folder that is gone or damaged must not keep sync on
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if err := dropSyncTriggers(tx); err != nil {
			return err
		}
		for _, table := range []string{"sync_self", "sync_outbox", "sync_clock", "sync_cursors", "sync_pending"} {
			if err := tx.Exec("DELETE FROM " + table).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return internal("turn sync off through "+self.Folder, err)
	}
	return nil
}
