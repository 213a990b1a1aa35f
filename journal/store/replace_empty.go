package store

import (
	"os"
	"path/filepath"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/journal/syncfolder"
)

// ReplaceEmptyJournal puts the journal at built in place of the one at
// path, which must be closed and hold no entries: the new journal a
// window opened on before the person chose to join a synced one. The
// built journal is checked first; if it fails, or path holds entries,
// nothing changes.
func ReplaceEmptyJournal(path, built string) error {
	if err := CheckBackup(built); err != nil {
		return err
	}
	s, err := Open(path)
	if err != nil {
		return err
	}
	err = s.MayGiveWayToJoin()
	s.Close()
	if err != nil {
		return err
	}
	if err := refuseIfOpen(path); err != nil {
		return err
	}
	if err := replaceJournal(path, built); err != nil {
		return err
	}
	RemoveJournalFiles(built)
	return nil
}

// SyncFolderHoldsAnotherJournal reports whether dir is a sync folder that
// this journal does not sync through: turning sync on there would join the
// journal synced there rather than start a new one.
func (s *Store) SyncFolderHoldsAnotherJournal(dir string) bool {
	if _, err := syncfolder.ReadHeader(dir); err != nil {
		return false
	}
	st, err := s.SyncStatus()
	abs, _ := filepath.Abs(dir)
	return err == nil && st.Folder != abs
}

// MayGiveWayToJoin says why the journal can't be replaced by one joined
// from a sync folder, or nil when it can: it has never been written in.
func (s *Store) MayGiveWayToJoin() error {
	n, err := s.CountEntries()
	if err != nil {
		return err
	}
	if n > 0 {
		return journal.Errorf(journal.EInvalid, "The journal at %s has entries of its own, so the synced journal can't take its place: a computer joins a synced journal only while its own is empty. To keep both, join with --db and a new file, or sync this one through a new, empty folder.", s.Path())
	}
	return nil
}

// JoiningPath is where a journal joined from a sync folder is built
// before it takes the place of the new, empty journal at path.
func JoiningPath(path string) string { return path + ".joining" }

// RemoveJournalFiles deletes the journal at path with every file that
// goes with it (its log, index and locks): for a journal that was being
// built and is not wanted, such as a join that failed or was cut off.
func RemoveJournalFiles(path string) {
	for _, f := range []string{path, path + "-wal", path + "-shm", path + ".lock", path + ".upgrade.lock"} {
		os.Remove(f)
	}
}
