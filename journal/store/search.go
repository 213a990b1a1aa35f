package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// DefaultSearchLimit is how many hits a search returns unless asked.
const DefaultSearchLimit = 50

// SearchQuery is what to look for. Every filter set narrows the search:
// an entry must carry every pattern, emotion and person named.
type SearchQuery struct {
	Text     string    // words, "phrases", prefix*, AND, OR, NOT, -word; "" for filters alone
	From     time.Time // inclusive; zero means from the start
	Before   time.Time // exclusive; zero means to the end
	Patterns []string  // on the entry or one of its episodes
	Emotions []string  // on the entry or one of its episodes
	People   []string  // in one of its episodes
	MinMood  int       // 0 for no lower bound; a bound leaves out unrated entries
	MaxMood  int       // 0 for no upper bound
	Flagged  bool      // only entries to bring to the next session
	Newest   bool      // newest first instead of best match first
	Limit    int       // 0 means DefaultSearchLimit
	Offset   int       // hits to skip, for the pages after the first
}

// SearchResult is a page of hits, best first.
type SearchResult struct {
	Hits  []SearchHit
	Total int // every entry that matches; Hits holds Limit of them from Offset
	// RankedNewest, when not 0, is how many of the newest matches were
	// ranked: so many entries matched that ranking them all would be slow.
	// The matches past those follow them, newest first.
	RankedNewest int
	// Loose is true when the query's syntax wasn't understood (say, an
	// unclosed quote) and its words were searched instead.
	Loose bool
}

// SearchHit is one entry found, with the matched words marked.
type SearchHit struct {
	ID        int64
	WrittenAt time.Time
	Kind      journal.Kind
	Title     Highlighted // the title, or the start of the body when untitled
	Snippet   Highlighted // the passage of the body or episodes that matched best
	Mood      int
	Flagged   bool
	Emotions  []string
	Patterns  []string
}

// Highlighted is text in pieces, some of them matches of the query.
type Highlighted []Fragment

// Fragment is a piece of highlighted text.
type Fragment struct {
	Text  string
	Match bool
}

// String is the text without marks.
func (h Highlighted) String() string {
	var b strings.Builder
	for _, f := range h {
		b.WriteString(f.Text)
	}
	return b.String()
}

// Markdown is the text with matches in bold.
func (h Highlighted) Markdown() string {
	var b strings.Builder
	for _, f := range h {
		if f.Match && strings.TrimSpace(f.Text) != "" {
			b.WriteString("**" + f.Text + "**")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

// Private-use characters mark matches in FTS5's highlights: they never
// come from a keyboard, so splitting on them can't cut a person's text.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

func parseHighlighted(s string) Highlighted {
	var out Highlighted
	for s != "" {
		open := strings.Index(s, markOpen)
		if open < 0 {
			return append(out, Fragment{Text: s})
		}
		if open > 0 {
			out = append(out, Fragment{Text: s[:open]})
		}
		s = s[open+len(markOpen):]
		end := strings.Index(s, markClose)
		if end < 0 {
			end = len(s)
		}
		out = append(out, Fragment{Text: s[:end], Match: true})
		s = strings.TrimPrefix(s[end:], markClose)
	}
	return out
}

func (h Highlighted) hasMatch() bool {
	for _, f := range h {
		if f.Match {
			return true
		}
	}
	return false
}

// snippetWords is how many words a snippet shows around the match.
const snippetWords = 24

// Search finds the entries q describes. A query whose syntax FTS5 would
// reject still searches its words; see SearchResult.Loose.
func (s *Store) Search(q SearchQuery) (SearchResult, error) {
	if err := q.validate(); err != nil {
		return SearchResult{}, err
	}
	filters, args, err := s.searchFilters(q)
	if err != nil {
		return SearchResult{}, err
	}
	expr, loose := journal.FTSQuery(q.Text)
	if expr == "" && strings.TrimSpace(q.Text) != "" {
		return SearchResult{Loose: loose}, nil // only punctuation: nothing can match
	}
	res, err := s.search(q, expr, filters, args)
	if err != nil && expr != "" && !loose {
		// Our quoting should leave FTS5 nothing to reject; if it still
		// does, search the words rather than fail the person.
		if words := journal.FTSWords(q.Text); words != "" {
			res, err = s.search(q, words, filters, args)
			loose = true
		}
	}
	if err != nil {
		return SearchResult{}, internal("search the journal", err)
	}
	res.Loose = loose
	return res, nil
}

func (q SearchQuery) validate() error {
	for _, m := range []int{q.MinMood, q.MaxMood} {
		if m != 0 && (m < journal.MinMood || m > journal.MaxMood) {
			return journal.Errorf(journal.EInvalid, "A mood of %d can't be searched for: moods run from %d to %d.", m, journal.MinMood, journal.MaxMood)
		}
	}
	if q.MinMood != 0 && q.MaxMood != 0 && q.MinMood > q.MaxMood {
		return journal.Errorf(journal.EInvalid, "The lowest mood (%d) is above the highest (%d). Swap them to search between them.", q.MinMood, q.MaxMood)
	}
	if !q.From.IsZero() && !q.Before.IsZero() && !q.From.Before(q.Before) {
		return journal.Errorf(journal.EInvalid, "The search starts on %s, after it ends. Give a start before the end.", q.From.Format(time.DateOnly))
	}
	if q.Limit < 0 {
		return journal.Errorf(journal.EInvalid, "A search can't return %d entries. Give a limit of 1 or more.", q.Limit)
	}
	if q.Offset < 0 {
		return journal.Errorf(journal.EInvalid, "A search can't skip %d entries. Give an offset of 0 or more.", q.Offset)
	}
	return nil
}

// searchFilters turns q's filters into SQL conditions on entries (as e).
// The unary plus on "+e.id IN" keeps SQLite from looking up each tagged
// entry's row, which holds its text; it scans entries_for_search instead.
func (s *Store) searchFilters(q SearchQuery) (conds []string, args []any, err error) {
	if !q.From.IsZero() {
		conds, args = append(conds, "e.written_at >= ?"), append(args, q.From.Unix())
	}
	if !q.Before.IsZero() {
		conds, args = append(conds, "e.written_at < ?"), append(args, q.Before.Unix())
	}
	if q.MinMood != 0 {
		conds, args = append(conds, "e.mood >= ?"), append(args, q.MinMood)
	}
	if q.MaxMood != 0 {
		conds, args = append(conds, "e.mood <= ?"), append(args, q.MaxMood)
	}
	if q.Flagged {
		conds = append(conds, "e.flagged = 1")
	}
	for _, v := range []struct {
		table, column, what, hint string
		names                     []string
	}{
		{"patterns", "pattern_id", "pattern", "`throughline pattern list` shows them.", q.Patterns},
		{"emotions", "emotion_id", "emotion", "Check the spelling against the emotions in the editor.", q.Emotions},
	} {
		for _, name := range v.names {
			id, err := s.vocabularyID(v.table, name)
			if err != nil {
				return nil, nil, err
			}
			if id == 0 {
				return nil, nil, journal.Errorf(journal.ENotFound, "There is no %s called “%s” in this journal. %s", v.what, journal.CleanName(name), v.hint)
			}
			conds = append(conds, "(+e.id IN (SELECT entry_id FROM entry_"+v.table+" WHERE "+v.column+" = ?)"+
				" OR +e.id IN (SELECT ep.entry_id FROM episodes ep JOIN episode_"+v.table+" x ON x.episode_id = ep.id WHERE x."+v.column+" = ?))")
			args = append(args, id, id)
		}
	}
	for _, name := range q.People {
		p, err := s.PersonNamed(name)
		if err != nil {
			return nil, nil, err
		}
		conds = append(conds, "+e.id IN (SELECT entry_id FROM episodes WHERE person_id = ? OR earlier_person_id = ?)")
		args = append(args, p.ID, p.ID)
	}
	return conds, args, nil
}

// vocabularyID is the id of the emotion or pattern called name, or 0.
func (s *Store) vocabularyID(table, name string) (int64, error) {
	var ids []int64
	err := s.db.Raw("SELECT id FROM "+table+" WHERE name_key = ?", s.nameKey(name)).Scan(&ids).Error
	if err != nil || len(ids) == 0 {
		return 0, internal("read the "+table, err)
	}
	return ids[0], nil
}

// rankWindow bounds how many matches are ranked. Ranking costs a few
// microseconds a match, so a word in 90,000 entries would take a third of
// a second; past this many, the newest rankWindow matches are ranked,
// and SearchResult.RankedNewest says so.
const rankWindow = 4000

// walkAbove is the number of matches above which listing them newest
// first walks the date index, stopping at the limit, rather than looking
// up every match and sorting.
const walkAbove = 2000

type hitRow struct {
	ID                     int64
	Title                  string
	Lead                   string // the start of the body, for untitled entries
	BodySnippet, EpSnippet string
}

type hitMeta struct {
	ID            int64
	WrittenAt     int64
	WrittenOffset int
	WrittenZone   string
	Kind          string
	Mood          *int
	Flagged       bool
}

// search runs one query, expr an FTS5 expression or "" for filters
// alone, in three cheap steps: count, choose the page's ids, then read
// those entries and their snippets. One query doing all three let SQLite
// join the whole match set before sorting, ten times slower.
func (s *Store) search(q SearchQuery, expr string, conds []string, args []any) (SearchResult, error) {
	limit := q.Limit
	if limit == 0 {
		limit = DefaultSearchLimit
	}
	filtered := "SELECT e.id FROM entries e"
	if len(conds) > 0 {
		filtered += " WHERE " + strings.Join(conds, " AND ")
	}
	var res SearchResult
	var ids []int64
	var hits []hitRow
	var metas []hitMeta
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		if expr == "" {
			ids, res.Total, err = newestFiltered(tx, filtered, args, limit, q.Offset)
		} else {
			ids, res.Total, res.RankedNewest, err = matching(tx, q.Newest, expr, filtered, conds, args, page{limit, q.Offset})
		}
		if err != nil || len(ids) == 0 {
			return err
		}
		if err := tx.Raw("SELECT id, written_at, written_offset, written_zone, kind, mood, flagged FROM entries WHERE id IN ?", ids).
			Scan(&metas).Error; err != nil {
			return err
		}
		// The range and the unary plus make FTS5 run the query once over the
		// range rather than once an id: a prefix query is costly to start.
		lead := "CASE WHEN title = '' THEN substr(body, 1, 400) ELSE '' END AS lead"
		if expr == "" {
			return tx.Raw("SELECT rowid AS id, title, "+lead+", substr(body, 1, 400) AS body_snippet, '' AS ep_snippet FROM search_index WHERE rowid IN ?", ids).
				Scan(&hits).Error
		}
		return tx.Raw("SELECT rowid AS id, highlight(search_index, 0, '"+markOpen+"', '"+markClose+"') AS title, "+lead+", "+
			snippetSQL(1, "body_snippet")+", "+snippetSQL(2, "ep_snippet")+" FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ?",
			expr, slices.Min(ids), slices.Max(ids), ids).Scan(&hits).Error
	})
	if err != nil {
		return SearchResult{}, err
	}
	res.Hits = make([]SearchHit, len(ids))
	index := make(map[int64]int, len(ids))
	for i, id := range ids {
		index[id] = i
		res.Hits[i].ID = id
	}
	for _, m := range metas {
		h := &res.Hits[index[m.ID]]
		h.WrittenAt, h.Kind, h.Flagged = inZone(m.WrittenAt, m.WrittenZone, m.WrittenOffset), journal.Kind(m.Kind), m.Flagged
		if m.Mood != nil {
			h.Mood = *m.Mood
		}
	}
	for _, r := range hits {
		h := &res.Hits[index[r.ID]]
		h.Title = parseHighlighted(r.Title)
		if strings.TrimSpace(h.Title.String()) == "" {
			h.Title = Highlighted{{Text: journal.Entry{Body: r.Lead}.DisplayTitle()}}
		}
		h.Snippet = bestSnippet(r, expr == "")
	}
	err = s.namesFor("entry", ids, func(id int64, vocabulary, name string) {
		h := &res.Hits[index[id]]
		if vocabulary == "emotions" {
			h.Emotions = append(h.Emotions, name)
		} else {
			h.Patterns = append(h.Patterns, name)
		}
	})
	return res, err
}

// newestFiltered pages through the entries the filters allow, newest first.
func newestFiltered(tx *gorm.DB, filtered string, args []any, limit, offset int) (ids []int64, total int, err error) {
	if err := tx.Raw("SELECT count(*) FROM ("+filtered+")", args...).Scan(&total).Error; err != nil {
		return nil, 0, err
	}
	err = tx.Raw(filtered+" ORDER BY e.written_at DESC, e.id DESC LIMIT ? OFFSET ?", append(args, limit, offset)...).Scan(&ids).Error
	return ids, total, err
}

// page is which hits a query returns: limit of them, after offset.
type page struct{ limit, offset int }

// matching pages through the entries that match expr and the filters,
// best match or newest first.
func matching(tx *gorm.DB, newest bool, expr, filtered string, conds []string, args []any, p page) (ids []int64, total, rankedNewest int, err error) {
	match := "SELECT rowid FROM search_index WHERE search_index MATCH ?"
	matchArgs := []any{expr}
	if len(conds) > 0 {
		match += " AND rowid IN (" + filtered + ")"
		matchArgs = append(matchArgs, args...)
	}
	if err := tx.Raw("SELECT count(*) FROM ("+match+")", matchArgs...).Scan(&total).Error; err != nil {
		return nil, 0, 0, err
	}
	if total == 0 || p.offset >= total {
		return nil, total, 0, nil
	}
	if newest {
		in := "e.id IN (" + match + ")"
		if total > walkAbove {
			in = "+" + in // the unary plus keeps SQLite walking the date index
		}
		err = tx.Raw("SELECT e.id FROM entries e WHERE "+in+" ORDER BY e.written_at DESC, e.id DESC LIMIT ? OFFSET ?", append(matchArgs, p.limit, p.offset)...).Scan(&ids).Error
		return ids, total, 0, err
	}
	if total <= rankWindow {
		err = tx.Raw(match+" ORDER BY rank LIMIT ? OFFSET ?", append(matchArgs, p.limit, p.offset)...).Scan(&ids).Error
		return ids, total, 0, err
	}
	// Too many to rank: the newest rankWindow matches are ranked, and the
	// older ones follow them newest first, so paging still reaches every
	// match without ranking them all.
	var bound []int64
	if err := tx.Raw(match+" ORDER BY rowid DESC LIMIT 1 OFFSET ?", append(matchArgs, rankWindow-1)...).Scan(&bound).Error; err != nil || len(bound) == 0 {
		return nil, 0, 0, err
	}
	if p.offset < rankWindow {
		err = tx.Raw(match+" AND rowid >= ? ORDER BY rank LIMIT ? OFFSET ?", append(matchArgs, bound[0], min(p.limit, rankWindow-p.offset), p.offset)...).Scan(&ids).Error
		if err != nil {
			return nil, 0, 0, err
		}
	}
	if rest := p.limit - len(ids); rest > 0 {
		var older []int64
		err = tx.Raw(match+" AND rowid < ? ORDER BY rowid DESC LIMIT ? OFFSET ?", append(matchArgs, bound[0], rest, max(p.offset-rankWindow, 0))...).Scan(&older).Error
		ids = append(ids, older...)
	}
	return ids, total, rankWindow, err
}

func snippetSQL(column int, as string) string {
	return fmt.Sprintf("snippet(search_index, %d, '%s', '%s', '…', %d) AS %s", column, markOpen, markClose, snippetWords, as)
}

// bestSnippet picks the body's passage when the match is there, else the
// episodes', else the start of the body.
func bestSnippet(r hitRow, unmatched bool) Highlighted {
	body, episodes := parseHighlighted(r.BodySnippet), parseHighlighted(r.EpSnippet)
	if unmatched {
		return Highlighted{{Text: leadWords(r.BodySnippet, snippetWords)}}
	}
	if !body.hasMatch() && episodes.hasMatch() {
		return episodes
	}
	if strings.TrimSpace(body.String()) == "" {
		return episodes
	}
	return body
}

// leadWords is the first n words of text, on one line.
func leadWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) > n {
		return strings.Join(words[:n], " ") + "…"
	}
	return strings.Join(words, " ")
}
