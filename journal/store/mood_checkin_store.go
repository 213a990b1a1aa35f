package store

import (
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// AddMoodCheckIn keeps a mood noted without an entry. Its feelings must
// already be in the vocabulary: a check-in is quick, and a mistyped word
// quietly becoming a new feeling would be a surprise.
func (s *Store) AddMoodCheckIn(c journal.MoodCheckIn) (journal.MoodCheckIn, error) {
	if err := c.Validate(); err != nil {
		return journal.MoodCheckIn{}, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		ids := make([]int64, 0, len(c.Emotions))
		for _, name := range c.Emotions {
			var found []int64
			if err := tx.Raw("SELECT id FROM emotions WHERE name_key = ?", s.nameKey(name)).Scan(&found).Error; err != nil {
				return err
			}
			if len(found) != 1 {
				return journal.Errorf(journal.EInvalid, "%q is not one of your feelings. `throughline emotion list` shows them; use one of those. Nothing was saved.", name)
			}
			ids = append(ids, found[0])
		}
		id, err := nextID(tx, "mood_checkins")
		if err != nil {
			return err
		}
		c.ID = id
		zone, offset := zoneOf(c.At)
		if err := tx.Exec("INSERT INTO mood_checkins (id, at, at_offset, at_zone, mood) VALUES (?, ?, ?, ?, ?)",
			c.ID, c.At.Unix(), offset, zone, c.Mood).Error; err != nil {
			return err
		}
		for _, e := range ids {
			if err := tx.Exec("INSERT OR IGNORE INTO mood_checkin_emotions (checkin_id, emotion_id) VALUES (?, ?)", c.ID, e).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return journal.MoodCheckIn{}, internal("save the check-in", err)
	}
	return c, nil
}

// DeleteMoodCheckIn removes a check-in for good.
func (s *Store) DeleteMoodCheckIn(id int64) error {
	res := s.db.Exec("DELETE FROM mood_checkins WHERE id = ?", id)
	if res.Error == nil && res.RowsAffected == 0 {
		return journal.Errorf(journal.ENotFound, "There is no check-in %d. `throughline checkin list` shows them.", id)
	}
	return internal("delete the check-in", res.Error)
}

// MoodCheckIns lists the check-ins made in [from, before), oldest first;
// a zero bound leaves that side open.
func (s *Store) MoodCheckIns(from, before time.Time) ([]journal.MoodCheckIn, error) {
	q := s.db.Table("mood_checkins").Select("id, at, at_offset, at_zone, mood").Order("at, id")
	if !from.IsZero() {
		q = q.Where("at >= ?", from.Unix())
	}
	if !before.IsZero() {
		q = q.Where("at < ?", before.Unix())
	}
	var rows []struct {
		ID, At   int64
		AtOffset int
		AtZone   string
		Mood     int
	}
	if err := q.Scan(&rows).Error; err != nil {
		return nil, internal("read the check-ins", err)
	}
	out := make([]journal.MoodCheckIn, len(rows))
	index := map[int64]int{}
	for i, r := range rows {
		out[i] = journal.MoodCheckIn{ID: r.ID, At: inZone(r.At, r.AtZone, r.AtOffset), Mood: r.Mood}
		index[r.ID] = i
	}
	var links []struct {
		CheckinID, ID int64
		Name          string
	}
	if err := s.db.Raw("SELECT l.checkin_id, v.id, v.name FROM mood_checkin_emotions l JOIN emotions v ON v.id = l.emotion_id ORDER BY l.checkin_id, v.id").Scan(&links).Error; err != nil {
		return nil, internal("read the check-ins' feelings", err)
	}
	for _, l := range links {
		i, ok := index[l.CheckinID]
		if !ok {
			continue
		}
		seal := sealer{codec: s.codec, table: "emotions", id: l.ID}
		name := seal.open("name", l.Name)
		if seal.err != nil {
			return nil, seal.err
		}
		out[i].Emotions = append(out[i].Emotions, name)
	}
	return out, nil
}
