package store

import (
	"github.com/throughline/throughline/journal"
)

// EnableSync turns sync on through dir: the journal must be encrypted and
// unlocked (else an error saying to turn encryption on first). dir empty or
// missing → made a sync folder for this journal; dir already this journal's
// folder → re-attached; anything else refused.
func (s *Store) EnableSync(dir, deviceName string) error {
	return s.enableSync(dir, deviceName)
}

// JoinSync makes a new journal at path from the synced journal in dir;
// passphrase unlocks the folder's key. The path must not exist yet. Wrong
// passphrase / not a sync folder → error, nothing made (no file left at
// path).
func JoinSync(path, dir, passphrase, deviceName string, options ...OpenOption) (*Store, error) {
	return joinSync(path, dir, passphrase, deviceName, options...)
}

// Sync runs one round: writes this device's new changes, reads and applies
// every other device's, may write a snapshot and compact. Safe to call from
// several processes (writers wait their turn).
func (s *Store) Sync() (journal.SyncReport, error) {
	return s.syncRound()
}

// SyncStatus is "" Folder when sync is off.
func (s *Store) SyncStatus() (journal.SyncStatus, error) {
	return s.syncStatus()
}

// BodyConflicts lists the other versions of an entry's body kept when two
// computers changed it at once (none when no conflict).
func (s *Store) BodyConflicts(entryID int64) ([]journal.BodyVersion, error) {
	return s.bodyConflicts(entryID)
}

// ResolveBodyConflict saves body as the entry's text, ending its conflict.
func (s *Store) ResolveBodyConflict(entryID int64, body string) error {
	return s.resolveBodyConflict(entryID, body)
}
