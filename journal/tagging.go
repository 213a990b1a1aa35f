package journal

import (
	"database/sql"
	"math"
	"slices"
	"time"
)

// Tagging is what pattern analysis needs of one entry: when it was
// written, its mood, and the names on it. No text, so analysing years of
// entries never loads their bodies.
type Tagging struct {
	EntryID   int64
	WrittenAt time.Time
	Mood      int // 0 when not rated
	Patterns  []string
	Emotions  []string
	People    []string // who the entry's relationship episodes were with
	// Patterns include those named only in the entry's episodes.
}

// Taggings lists the taggings of the entries written in [from, before),
// oldest first. Zero times leave that side open.
func (s *Store) Taggings(from, before time.Time) ([]Tagging, error) {
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	if !from.IsZero() {
		lo = from.Unix()
	}
	if !before.IsZero() {
		hi = before.Unix()
	}
	var out []Tagging
	index := map[int64]int{}
	err := s.scan(`SELECT id, written_at, written_offset, written_zone, COALESCE(mood, 0) FROM entries
		WHERE written_at >= ? AND written_at < ? ORDER BY written_at, id`, []any{lo, hi}, func(rows *sql.Rows) error {
		var t Tagging
		var at int64
		var offset int
		var zone string
		if err := rows.Scan(&t.EntryID, &at, &offset, &zone, &t.Mood); err != nil {
			return err
		}
		t.WrittenAt = inZone(at, zone, offset)
		index[t.EntryID] = len(out)
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, internal("read the entries' dates and moods", err)
	}
	for _, l := range []struct {
		vocabulary, table, column string
		add                       func(t *Tagging, name string)
	}{
		{"patterns", "entry_patterns", "pattern_id", func(t *Tagging, n string) { t.Patterns = append(t.Patterns, n) }},
		{"emotions", "entry_emotions", "emotion_id", func(t *Tagging, n string) { t.Emotions = append(t.Emotions, n) }},
	} {
		names, err := s.vocabularyNames(l.vocabulary)
		if err != nil {
			return nil, err
		}
		// All links, filtered here: a join back to entries would read the
		// table's text pages, and the links are small.
		err = s.scan("SELECT entry_id, "+l.column+" FROM "+l.table+" ORDER BY entry_id, "+l.column, nil, func(rows *sql.Rows) error {
			var entryID, vocabID int64
			if err := rows.Scan(&entryID, &vocabID); err != nil {
				return err
			}
			if i, ok := index[entryID]; ok {
				l.add(&out[i], names[vocabID])
			}
			return nil
		})
		if err != nil {
			return nil, internal("read the entries' "+l.vocabulary, err)
		}
	}
	if err := s.addEpisodeTaggings(out, index); err != nil {
		return nil, internal("read the entries' episodes", err)
	}
	return out, nil
}

// addEpisodeTaggings adds what episodes name to their entries' taggings:
// the person each was with, and patterns not already on the entry.
func (s *Store) addEpisodeTaggings(out []Tagging, index map[int64]int) error {
	people, err := s.People()
	if err != nil {
		return err
	}
	names := make(map[int64]string, len(people))
	for _, p := range people {
		names[p.ID] = p.Name
	}
	err = s.scan("SELECT entry_id, person_id FROM episodes WHERE person_id IS NOT NULL ORDER BY entry_id, position", nil, func(rows *sql.Rows) error {
		var entryID, personID int64
		if err := rows.Scan(&entryID, &personID); err != nil {
			return err
		}
		if i, ok := index[entryID]; ok && !slices.Contains(out[i].People, names[personID]) {
			out[i].People = append(out[i].People, names[personID])
		}
		return nil
	})
	if err != nil {
		return err
	}
	patterns, err := s.vocabularyNames("patterns")
	if err != nil {
		return err
	}
	return s.scan(`SELECT ep.entry_id, l.pattern_id FROM episode_patterns l JOIN episodes ep ON ep.id = l.episode_id
		ORDER BY ep.entry_id, l.pattern_id`, nil, func(rows *sql.Rows) error {
		var entryID, patternID int64
		if err := rows.Scan(&entryID, &patternID); err != nil {
			return err
		}
		if i, ok := index[entryID]; ok && !slices.Contains(out[i].Patterns, patterns[patternID]) {
			out[i].Patterns = append(out[i].Patterns, patterns[patternID])
		}
		return nil
	})
}

// scan runs a query and calls each for every row: plain database/sql,
// for reads too large for GORM's reflection to be cheap.
func (s *Store) scan(query string, args []any, each func(*sql.Rows) error) error {
	rows, err := s.db.Raw(query, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// vocabularyNames maps the ids of "patterns" or "emotions" to their names.
func (s *Store) vocabularyNames(table string) (map[int64]string, error) {
	var rows []struct {
		ID   int64
		Name string
	}
	if err := s.db.Raw("SELECT id, name FROM " + table).Scan(&rows).Error; err != nil {
		return nil, internal("read the "+table, err)
	}
	names := make(map[int64]string, len(rows))
	for _, r := range rows {
		seal := sealer{codec: s.codec, table: table, id: r.ID}
		names[r.ID] = seal.open("name", r.Name)
		if seal.err != nil {
			return nil, seal.err
		}
	}
	return names, nil
}
