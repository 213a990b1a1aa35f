package store

import (
	"os"

	"github.com/throughline/throughline/journal"
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
	n, err := s.CountEntries()
	s.Close()
	if err != nil {
		return err
	}
	if n > 0 {
		return journal.Errorf(journal.EInvalid, "The journal at %s has entries of its own, so it was not replaced; the synced journal is at %s.", path, built)
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

// RemoveJournalFiles deletes the journal at path with every file that
// goes with it (its log, index and locks): for a journal that was being
// built and is not wanted, such as a join that failed or was cut off.
func RemoveJournalFiles(path string) {
	for _, f := range []string{path, path + "-wal", path + "-shm", path + ".lock", path + ".upgrade.lock"} {
		os.Remove(f)
	}
}
