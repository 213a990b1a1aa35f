package store

import (
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// eachEntryPage is how many entries EachEntry holds at once: enough that
// each page is a few queries, few enough that 100,000 entries are never
// in memory together. Tests make it small, to cross pages.
var eachEntryPage = 2000

// EachEntry calls each with every entry q's From and Before select,
// oldest first, complete as Entries gives them, reading a page at a time
// in one transaction, so an export of the whole journal is one moment's
// journal and is written while it is read. An error from each stops the
// reading and is returned as it is.
func (s *Store) EachEntry(q journal.EntryQuery, each func(journal.Entry) error) error {
	var theirs error
	err := s.db.Transaction(func(tx *gorm.DB) error {
		p := entryPager{Store: *s}
		p.db = tx // the same store, reading inside the transaction
		var err error
		if p.emotions, err = p.vocabularyNames("emotions"); err != nil {
			return err
		}
		if p.patterns, err = p.vocabularyNames("patterns"); err != nil {
			return err
		}
		if p.linked, err = p.entriesWithLinks(); err != nil {
			return err
		}
		var after *journal.Cursor
		for {
			entries, err := p.page(q, after)
			if err != nil || len(entries) == 0 {
				return err
			}
			for _, e := range entries {
				if theirs = each(e); theirs != nil {
					return theirs
				}
			}
			after = journal.CursorAfter(entries[len(entries)-1])
		}
	})
	if theirs != nil {
		return theirs
	}
	return internal("read the entries", err)
}

// entryPager reads the entries a page at a time, each row carrying the
// ids of its emotions and patterns, so a page is one query, and one more
// for goals and episodes only when some of its entries have them. Columns are scanned by hand: GORM's
// reflection would cost more than the reading.
type entryPager struct {
	Store
	emotions, patterns map[int64]string // every name, opened once
	linked             map[int64]bool   // the entries with goals or episodes
	entries            []journal.Entry  // the page, its room kept for the next
}

// entriesWithLinks finds the entries with goals or episodes, once, rather
// than asking of each entry.
func (p *entryPager) entriesWithLinks() (map[int64]bool, error) {
	linked := map[int64]bool{}
	err := p.scan("SELECT entry_id FROM entry_goals UNION SELECT entry_id FROM episodes", nil, func(scan func(...any) error) error {
		var id int64
		err := scan(&id)
		linked[id] = true
		return err
	})
	return linked, err
}

// vocabularyNames opens every name in a vocabulary, by id.
func (p *entryPager) vocabularyNames(vocabulary string) (map[int64]string, error) {
	names := map[int64]string{}
	err := p.scan("SELECT id, name FROM "+vocabulary, nil, func(scan func(...any) error) error {
		var id int64
		var stored string
		if err := scan(&id, &stored); err != nil {
			return err
		}
		seal := sealer{codec: p.codec, table: vocabulary, id: id}
		names[id] = seal.open("name", stored)
		return seal.err
	})
	return names, err
}

// page is the next page of entries after the cursor, oldest first.
func (p *entryPager) page(q journal.EntryQuery, after *journal.Cursor) ([]journal.Entry, error) {
	query := `SELECT id, written_at, written_offset, written_zone, created_at, updated_at, kind, title, body, mood, flagged, source, source_id,
		(SELECT group_concat(emotion_id) FROM entry_emotions WHERE entry_id = entries.id),
		(SELECT group_concat(pattern_id) FROM entry_patterns WHERE entry_id = entries.id)
		FROM entries WHERE 1=1`
	var args []any
	if !q.From.IsZero() {
		query += " AND written_at >= ?"
		args = append(args, q.From.Unix())
	}
	if !q.Before.IsZero() {
		query += " AND written_at < ?"
		args = append(args, q.Before.Unix())
	}
	if after != nil {
		query += " AND (written_at, id) > (?, ?)"
		args = append(args, after.WrittenAt.Unix(), after.ID)
	}
	query += " ORDER BY written_at, id LIMIT ?"
	args = append(args, eachEntryPage)
	clear(p.entries)
	entries := p.entries[:0]
	defer func() { p.entries = entries }()
	var linked []entryRow // the entries with goals or episodes
	err := p.scan(query, args, func(scan func(...any) error) error {
		var r entryRow
		var emotions, patterns sql.NullString
		if err := scan(&r.ID, &r.WrittenAt, &r.WrittenOffset, &r.WrittenZone, &r.Created, &r.Updated, &r.Kind, &r.Title, &r.Body, &r.Mood, &r.Flagged, &r.Source, &r.SourceID,
			&emotions, &patterns); err != nil {
			return err
		}
		e, err := p.fromRow(r)
		if err != nil {
			return err
		}
		if e.Emotions, err = namesOf(emotions.String, p.emotions); err != nil {
			return err
		}
		if e.Patterns, err = namesOf(patterns.String, p.patterns); err != nil {
			return err
		}
		if p.linked[r.ID] {
			linked = append(linked, r)
		}
		entries = append(entries, e)
		return nil
	})
	if err != nil || len(linked) == 0 {
		return entries, err
	}
	// The few entries with goals or episodes are completed as Entries
	// completes them.
	full, err := p.complete(linked)
	if err != nil {
		return nil, err
	}
	at := 0
	for _, f := range full {
		for entries[at].ID != f.ID {
			at++
		}
		entries[at].GoalIDs, entries[at].Episodes = f.GoalIDs, f.Episodes
	}
	return entries, nil
}

// namesOf turns a list of ids separated by commas into their names, in
// vocabulary order (by id), as Entries gives them.
func namesOf(list string, names map[int64]string) ([]string, error) {
	if list == "" {
		return nil, nil
	}
	var ids []int64
	for part := range strings.SplitSeq(list, ",") {
		id, err := strconv.ParseInt(part, 10, 64)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = names[id]
	}
	return out, nil
}

// scan runs a query and calls row with each row's Scan.
func (s *Store) scan(query string, args []any, row func(scan func(...any) error) error) error {
	rs, err := s.db.Raw(query, args...).Rows()
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		if err := row(rs.Scan); err != nil {
			return err
		}
	}
	return rs.Err()
}
