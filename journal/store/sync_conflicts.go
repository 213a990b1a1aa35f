package store

import "github.com/throughline/throughline/journal"

func (s *Store) bodyConflicts(entryID int64) ([]journal.BodyVersion, error) { return nil, nil }

func (s *Store) resolveBodyConflict(entryID int64, body string) error {
	return journal.Errorf(journal.EInvalid, "This entry has no versions from two computers to choose between.")
}
