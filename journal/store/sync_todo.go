package store

import "github.com/throughline/throughline/journal"

var errSyncUnfinished = journal.Errorf(journal.EInternal, "Sync is not ready in this build yet")

func (s *Store) enableSync(dir, deviceName string) error { return errSyncUnfinished }
func joinSync(path, dir, passphrase, deviceName string, options ...OpenOption) (*Store, error) {
	return nil, errSyncUnfinished
}
func (s *Store) syncRound() (journal.SyncReport, error) {
	return journal.SyncReport{}, errSyncUnfinished
}
func (s *Store) syncStatus() (journal.SyncStatus, error)            { return journal.SyncStatus{}, nil }
func (s *Store) bodyConflicts(int64) ([]journal.BodyVersion, error) { return nil, nil }
func (s *Store) resolveBodyConflict(int64, string) error            { return errSyncUnfinished }
