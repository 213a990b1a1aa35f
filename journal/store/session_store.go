package store

import (
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// SaveSession adds a session (ID 0) or replaces one, with its questions.
func (s *Store) SaveSession(sess journal.Session) (journal.Session, error) {
	if err := sess.Validate(); err != nil {
		return journal.Session{}, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if sess.ID == 0 {
			id, err := nextID(tx, "sessions")
			if err != nil {
				return err
			}
			sess.ID = id
		} else if err := tx.Exec("DELETE FROM sessions WHERE id = ?", sess.ID).Error; err != nil {
			return err // its questions go with it, by cascade
		}
		seal := sealer{codec: s.codec, table: "sessions", id: sess.ID}
		takeaways := seal.seal("takeaways", sess.Takeaways)
		if seal.err != nil {
			return seal.err
		}
		zone, offset := zoneOf(sess.At)
		if err := tx.Exec("INSERT INTO sessions (id, at, at_offset, at_zone, format, approach, takeaways, new_course) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			sess.ID, sess.At.Unix(), offset, zone, sess.Format, sess.Approach, takeaways, sess.NewCourse).Error; err != nil {
			return err
		}
		for i, q := range sess.Questions {
			id, err := nextID(tx, "session_questions")
			if err != nil {
				return err
			}
			seal := sealer{codec: s.codec, table: "session_questions", id: id}
			text := seal.seal("text", q.Text)
			if seal.err != nil {
				return seal.err
			}
			if err := tx.Exec("INSERT INTO session_questions (id, session_id, position, text, done) VALUES (?, ?, ?, ?, ?)",
				id, sess.ID, i, text, q.Done).Error; err != nil {
				return err
			}
		}
		return nil
	})
	return sess, internal("save the session", err)
}

// DeleteSession removes a session and its questions.
func (s *Store) DeleteSession(id int64) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Exec("DELETE FROM sessions WHERE id = ?", id)
		if res.Error == nil && res.RowsAffected == 0 {
			return journal.Errorf(journal.ENotFound, "There is no session %d. `throughline session list` shows them.", id)
		}
		return res.Error
	})
	return internal("delete the session", err)
}

// Sessions lists every session, oldest first.
func (s *Store) Sessions() ([]journal.Session, error) {
	var rows []struct {
		ID, At           int64
		AtOffset         int
		AtZone           string
		Format, Approach string
		Takeaways        string
		NewCourse        bool
	}
	if err := s.db.Raw("SELECT id, at, at_offset, at_zone, format, approach, takeaways, new_course FROM sessions ORDER BY at, id").Scan(&rows).Error; err != nil {
		return nil, internal("read the sessions", err)
	}
	out := make([]journal.Session, len(rows))
	index := map[int64]int{}
	for i, r := range rows {
		seal := sealer{codec: s.codec, table: "sessions", id: r.ID}
		out[i] = journal.Session{ID: r.ID, At: inZone(r.At, r.AtZone, r.AtOffset), Format: r.Format, Approach: r.Approach,
			Takeaways: seal.open("takeaways", r.Takeaways), NewCourse: r.NewCourse}
		if seal.err != nil {
			return nil, seal.err
		}
		index[r.ID] = i
	}
	var questions []struct {
		ID, SessionID int64
		Text          string
		Done          bool
	}
	if err := s.db.Raw("SELECT id, session_id, text, done FROM session_questions ORDER BY session_id, position").Scan(&questions).Error; err != nil {
		return nil, internal("read the session questions", err)
	}
	for _, q := range questions {
		seal := sealer{codec: s.codec, table: "session_questions", id: q.ID}
		text := seal.open("text", q.Text)
		if seal.err != nil {
			return nil, seal.err
		}
		sess := &out[index[q.SessionID]]
		sess.Questions = append(sess.Questions, journal.Question{Text: text, Done: q.Done})
	}
	return out, nil
}

// LastSession is the latest session at or before now, if any: it starts
// the "since last session" window.
func (s *Store) LastSession(now time.Time) (journal.Session, bool, error) {
	sessions, err := s.Sessions()
	if err != nil {
		return journal.Session{}, false, err
	}
	for i := len(sessions) - 1; i >= 0; i-- {
		if !sessions[i].At.After(now) {
			return sessions[i], true, nil
		}
	}
	return journal.Session{}, false, nil
}

// Setting returns a setting's value, or "" when it was never set.
func (s *Store) Setting(key string) (string, error) {
	var values []string
	if err := s.db.Raw("SELECT value FROM settings WHERE key = ?", key).Scan(&values).Error; err != nil {
		return "", internal("read the settings", err)
	}
	if len(values) == 0 {
		return "", nil
	}
	return values[0], nil
}

// SetSetting stores a setting; "" removes it.
func (s *Store) SetSetting(key, value string) error {
	err := s.db.Transaction(func(tx *gorm.DB) error { return setSetting(tx, key, value) })
	return internal("save the setting", err)
}

// SetSettings keeps several settings that belong together, all or none;
// "" removes one.
func (s *Store) SetSettings(values map[string]string) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		for key, value := range values {
			if err := setSetting(tx, key, value); err != nil {
				return err
			}
		}
		return nil
	})
	return internal("save the settings", err)
}

func setSetting(tx *gorm.DB, key, value string) error {
	if value == "" {
		return tx.Exec("DELETE FROM settings WHERE key = ?", key).Error
	}
	return tx.Exec("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value).Error
}
