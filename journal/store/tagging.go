package store

import (
	"cmp"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
)

// Taggings lists the taggings of the entries written in [from, before),
// oldest first. Zero times leave that side open.
//
// It reads each table as one packed string of numbers ("1,2;3,4;...")
// rather than row by row: the SQLite driver's cost is per row and
// column, and at 100,000 entries that cost was nine tenths of the time.
func (s *Store) Taggings(from, before time.Time) ([]journal.Tagging, error) {
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	if !from.IsZero() {
		lo = from.Unix()
	}
	if !before.IsZero() {
		hi = before.Unix()
	}
	rows, err := s.packed(`SELECT group_concat(id || ',' || written_at || ',' || written_offset || ',' || COALESCE(mood, 0), ';')
		FROM (SELECT id, written_at, written_offset, mood FROM entries WHERE written_at >= ? AND written_at < ? ORDER BY written_at, id)`,
		[]any{lo, hi}, 4)
	if err != nil {
		return nil, internal("read the entries' dates and moods", err)
	}
	out := make([]journal.Tagging, len(rows)/4)
	// Analysis needs the local day, not the zone's name: a fixed zone
	// with the offset the entry was written at gives the same day and
	// hour, and is shared by every entry written at that offset.
	zones := map[int64]*time.Location{}
	for i := range out {
		f := rows[4*i : 4*i+4]
		zone, ok := zones[f[2]]
		if !ok {
			zone = time.FixedZone("", int(f[2]))
			zones[f[2]] = zone
		}
		out[i] = journal.Tagging{EntryID: f[0], WrittenAt: time.Unix(f[1], 0).In(zone), Mood: int(f[3])}
	}
	// group_concat keeps the subquery's order in practice, but SQLite
	// doesn't promise it.
	if !slices.IsSortedFunc(out, compareTaggings) {
		slices.SortFunc(out, compareTaggings)
	}
	at := newPositions(out)
	for _, l := range []struct {
		vocabulary, query string
		list              func(t *journal.Tagging) *[]string
		onlyNew           bool // skip names the entry already has
	}{
		{"patterns", `SELECT group_concat(entry_id || ',' || pattern_id, ';') FROM entry_patterns`,
			func(t *journal.Tagging) *[]string { return &t.Patterns }, false},
		{"emotions", `SELECT group_concat(entry_id || ',' || emotion_id, ';') FROM entry_emotions`,
			func(t *journal.Tagging) *[]string { return &t.Emotions }, false},
		// Patterns named only in an entry's episodes count for the entry.
		{"patterns", `SELECT group_concat(ep.entry_id || ',' || l.pattern_id, ';') FROM episode_patterns l JOIN episodes ep ON ep.id = l.episode_id`,
			func(t *journal.Tagging) *[]string { return &t.Patterns }, true},
		{"people", `SELECT group_concat(entry_id || ',' || person_id, ';')
			FROM (SELECT entry_id, person_id FROM episodes WHERE person_id IS NOT NULL ORDER BY entry_id, position)`,
			func(t *journal.Tagging) *[]string { return &t.People }, true},
	} {
		names, err := s.vocabularyNames(l.vocabulary)
		if err != nil {
			return nil, err
		}
		links, err := s.packed(l.query, nil, 2)
		if err != nil {
			return nil, internal("read the entries' "+l.vocabulary, err)
		}
		// Count first, then hand each entry a piece of one array: at
		// 100,000 entries, growing a slice per entry was a third of the time.
		counts := make([]int32, len(out))
		for k := 0; k < len(links); k += 2 {
			if i, ok := at.of(links[k]); ok {
				counts[i]++
			}
		}
		backing := make([]string, 0, len(links)/2)
		for i, n := range counts {
			if n > 0 && !l.onlyNew {
				*l.list(&out[i]) = backing[len(backing) : len(backing) : len(backing)+int(n)]
				backing = backing[:len(backing)+int(n)]
			}
		}
		for k := 0; k < len(links); k += 2 {
			i, ok := at.of(links[k])
			if !ok {
				continue
			}
			list := l.list(&out[i])
			if name := names[links[k+1]]; !l.onlyNew || !slices.Contains(*list, name) {
				*list = append(*list, name)
			}
		}
	}
	return out, nil
}

func compareTaggings(a, b journal.Tagging) int {
	return cmp.Or(a.WrittenAt.Compare(b.WrittenAt), cmp.Compare(a.EntryID, b.EntryID))
}

// positions finds a tagging's place by entry id. A journal's own ids are
// dense (one per entry, from 1), so a slice indexed by id beats a map;
// a synced journal's entries from other computers have ids from each
// computer's own range (past 2^40), so for those a map it is.
type positions struct {
	byID   []int32
	sparse map[int64]int32
}

func newPositions(out []journal.Tagging) positions {
	var most int64
	for _, t := range out {
		most = max(most, t.EntryID)
	}
	if most > 4*int64(len(out))+1024 {
		p := positions{sparse: make(map[int64]int32, len(out))}
		for i, t := range out {
			p.sparse[t.EntryID] = int32(i)
		}
		return p
	}
	p := positions{byID: make([]int32, most+1)}
	for i := range p.byID {
		p.byID[i] = -1
	}
	for i, t := range out {
		p.byID[t.EntryID] = int32(i)
	}
	return p
}

func (p positions) of(id int64) (int, bool) {
	if p.sparse != nil {
		i, ok := p.sparse[id]
		return int(i), ok
	}
	if id < 0 || id >= int64(len(p.byID)) || p.byID[id] < 0 {
		return 0, false
	}
	return int(p.byID[id]), true
}

// packed runs a query that returns one string of records separated by
// ';', each of width integers separated by ',', and returns the integers
// in one flat slice.
func (s *Store) packed(query string, args []any, width int) ([]int64, error) {
	var packed sql.NullString
	if err := s.db.Raw(query, args...).Row().Scan(&packed); err != nil {
		return nil, err
	}
	data := packed.String
	if data == "" {
		return nil, nil
	}
	out := make([]int64, 0, width*(strings.Count(data, ";")+1))
	var n int64
	var negative, digits bool
	fields := 0
	end := func() error {
		if !digits {
			return fmt.Errorf("an empty number in %.40q", data)
		}
		if negative {
			n = -n
		}
		out = append(out, n)
		n, negative, digits = 0, false, false
		fields++
		return nil
	}
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c >= '0' && c <= '9':
			n, digits = n*10+int64(c-'0'), true
		case c == '-' && !digits:
			negative = true
		case c == ',' || c == ';':
			if err := end(); err != nil {
				return nil, err
			}
			if c == ';' && fields%width != 0 {
				return nil, fmt.Errorf("a record with %d fields, want %d", fields%width, width)
			}
		default:
			return nil, fmt.Errorf("unexpected %q in packed numbers", c)
		}
	}
	if err := end(); err != nil {
		return nil, err
	}
	if fields%width != 0 {
		return nil, fmt.Errorf("a record with %d fields, want %d", fields%width, width)
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
