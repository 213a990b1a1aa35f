package journal

import "strings"

// quickCheck runs SQLite's quick_check, which reads every page of the
// journal, so damage is found when it opens rather than halfway through
// a save.
func (s *Store) quickCheck() error {
	var problems []string
	if err := s.db.Raw("PRAGMA quick_check").Scan(&problems).Error; err != nil {
		return &Error{Code: EDamaged, Message: "The journal at " + s.path + " is damaged (" + err.Error() + "). It was left as it is.", Err: err}
	}
	if len(problems) == 1 && problems[0] == "ok" {
		return nil
	}
	return Errorf(EDamaged, "The journal at %s is damaged: %s. It was left as it is.", s.path, strings.Join(problems, "; "))
}

// checkpoint copies the write-ahead log into the journal and empties it,
// so text just deleted doesn't linger in the log. Another program reading
// the journal can hold it back; then the next checkpoint does it.
func (s *Store) checkpoint() {
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
}
