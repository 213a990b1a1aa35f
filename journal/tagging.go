package journal

import (
	"cmp"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
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
//
// It reads each table as one packed string of numbers ("1,2;3,4;...")
// rather than row by row: the SQLite driver's cost is per row and
// column, and at 100,000 entries that cost was nine tenths of the time.
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
	// Analysis needs the local day, not the zone's name: a fixed zone
	// with the offset the entry was written at gives the same day and
	// hour, and is shared by every entry written at that offset.
	zones := map[int64]*time.Location{}
	err := s.scanPacked(`SELECT group_concat(id || ',' || written_at || ',' || written_offset || ',' || COALESCE(mood, 0), ';')
		FROM (SELECT id, written_at, written_offset, mood FROM entries WHERE written_at >= ? AND written_at < ? ORDER BY written_at, id)`,
		[]any{lo, hi}, 4, func(n int) {
			out, index = make([]Tagging, 0, n), make(map[int64]int, n)
		}, func(f []int64) {
			zone, ok := zones[f[2]]
			if !ok {
				zone = time.FixedZone("", int(f[2]))
				zones[f[2]] = zone
			}
			index[f[0]] = len(out)
			out = append(out, Tagging{EntryID: f[0], WrittenAt: time.Unix(f[1], 0).In(zone), Mood: int(f[3])})
		})
	if err != nil {
		return nil, internal("read the entries' dates and moods", err)
	}
	// group_concat keeps the subquery's order in practice, but SQLite
	// doesn't promise it.
	if !slices.IsSortedFunc(out, compareTaggings) {
		slices.SortFunc(out, compareTaggings)
		for i, t := range out {
			index[t.EntryID] = i
		}
	}
	for _, l := range []struct {
		vocabulary, query string
		add               func(t *Tagging, name string)
	}{
		{"patterns", `SELECT group_concat(entry_id || ',' || pattern_id, ';') FROM entry_patterns`,
			func(t *Tagging, n string) { t.Patterns = append(t.Patterns, n) }},
		{"emotions", `SELECT group_concat(entry_id || ',' || emotion_id, ';') FROM entry_emotions`,
			func(t *Tagging, n string) { t.Emotions = append(t.Emotions, n) }},
		// Patterns named only in an entry's episodes count for the entry.
		{"patterns", `SELECT group_concat(ep.entry_id || ',' || l.pattern_id, ';') FROM episode_patterns l JOIN episodes ep ON ep.id = l.episode_id`,
			func(t *Tagging, n string) {
				if !slices.Contains(t.Patterns, n) {
					t.Patterns = append(t.Patterns, n)
				}
			}},
		{"people", `SELECT group_concat(entry_id || ',' || person_id, ';')
			FROM (SELECT entry_id, person_id FROM episodes WHERE person_id IS NOT NULL ORDER BY entry_id, position)`,
			func(t *Tagging, n string) {
				if !slices.Contains(t.People, n) {
					t.People = append(t.People, n)
				}
			}},
	} {
		names, err := s.vocabularyNames(l.vocabulary)
		if err != nil {
			return nil, err
		}
		err = s.scanPacked(l.query, nil, 2, nil, func(f []int64) {
			if i, ok := index[f[0]]; ok {
				l.add(&out[i], names[f[1]])
			}
		})
		if err != nil {
			return nil, internal("read the entries' "+l.vocabulary, err)
		}
	}
	return out, nil
}

func compareTaggings(a, b Tagging) int {
	return cmp.Or(a.WrittenAt.Compare(b.WrittenAt), cmp.Compare(a.EntryID, b.EntryID))
}

// scanPacked runs a query that returns one string of records separated
// by ';', each of width integers separated by ',', tells grow (if set)
// how many records there are, then calls each with every record's fields
// (the slice is reused between calls).
func (s *Store) scanPacked(query string, args []any, width int, grow func(n int), each func([]int64)) error {
	var packed sql.NullString
	if err := s.db.Raw(query, args...).Row().Scan(&packed); err != nil {
		return err
	}
	fields := make([]int64, 0, width)
	data := packed.String
	if grow != nil && data != "" {
		grow(strings.Count(data, ";") + 1)
	}
	for len(data) > 0 {
		var record string
		record, data, _ = strings.Cut(data, ";")
		fields = fields[:0]
		for field := range strings.SplitSeq(record, ",") {
			n, err := strconv.ParseInt(field, 10, 64)
			if err != nil {
				return fmt.Errorf("reading %q: %w", record, err)
			}
			fields = append(fields, n)
		}
		if len(fields) != width {
			return fmt.Errorf("record %q has %d fields, want %d", record, len(fields), width)
		}
		each(fields)
	}
	return nil
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
