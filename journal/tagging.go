package journal

import "time"

// Tagging is what pattern analysis needs of one entry: when it was
// written, its mood, and the names on it. No text, so analysing years of
// entries never loads their bodies.
type Tagging struct {
	EntryID   int64
	WrittenAt time.Time
	Mood      int // 0 when not rated
	Patterns  []string
	Emotions  []string
}

// Taggings lists the taggings of the entries written in [from, before),
// oldest first. Zero times leave that side open.
func (s *Store) Taggings(from, before time.Time) ([]Tagging, error) {
	var rows []struct {
		ID            int64
		WrittenAt     int64
		WrittenOffset int
		WrittenZone   string
		Mood          *int
	}
	where, args := "1 = 1", []any{}
	if !from.IsZero() {
		where += " AND e.written_at >= ?"
		args = append(args, from.Unix())
	}
	if !before.IsZero() {
		where += " AND e.written_at < ?"
		args = append(args, before.Unix())
	}
	err := s.db.Raw("SELECT id, written_at, written_offset, written_zone, mood FROM entries e WHERE "+where+
		" ORDER BY written_at, id", args...).Scan(&rows).Error
	if err != nil {
		return nil, internal("read the entries' patterns", err)
	}
	out := make([]Tagging, len(rows))
	index := make(map[int64]int, len(rows))
	for i, r := range rows {
		out[i] = Tagging{EntryID: r.ID, WrittenAt: inZone(r.WrittenAt, r.WrittenZone, r.WrittenOffset)}
		if r.Mood != nil {
			out[i].Mood = *r.Mood
		}
		index[r.ID] = i
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
		var links []struct{ EntryID, VocabID int64 }
		err = s.db.Raw("SELECT l.entry_id, l."+l.column+" AS vocab_id FROM "+l.table+" l JOIN entries e ON e.id = l.entry_id WHERE "+where+
			" ORDER BY l.entry_id, l."+l.column, args...).Scan(&links).Error
		if err != nil {
			return nil, internal("read the entries' "+l.vocabulary, err)
		}
		for _, link := range links {
			l.add(&out[index[link.EntryID]], names[link.VocabID])
		}
	}
	return out, nil
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
