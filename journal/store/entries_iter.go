package store

import (
	"fmt"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// eachEntryPage is how many entries EachEntry holds at once: enough that
// reading their names and episodes is a few queries a page, few enough
// that 100,000 entries are never in memory together. Tests make it
// small, to cross pages.
var eachEntryPage = 2000

// EachEntry calls each with every entry q's From and Before select,
// oldest first, complete as Entries gives them, reading a page at a time
// in one transaction, so an export of the whole journal is one moment's
// journal and is written while it is read. An error from each stops the
// reading and is returned as it is.
func (s *Store) EachEntry(q journal.EntryQuery, each func(journal.Entry) error) error {
	var theirs error
	err := s.db.Transaction(func(tx *gorm.DB) error {
		p := entryPager{Store: *s, names: map[vocabularyName]string{}}
		p.db = tx // the same store, reading inside the transaction
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

// entryPager reads the entries a page at a time, with their names, goals
// and episodes found by the page's span of the (written_at, id) index
// rather than by lists of ids: one query each per page, scanned by hand.
type entryPager struct {
	Store
	names map[vocabularyName]string // each emotion and pattern, opened once
}

type vocabularyName struct {
	vocabulary string
	id         int64
}

// page is the next page of entries after the cursor, oldest first.
func (p *entryPager) page(q journal.EntryQuery, after *journal.Cursor) ([]journal.Entry, error) {
	rows, err := p.entryPage(q, after)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	entries := make([]journal.Entry, len(rows))
	index := make(map[int64]int, len(rows))
	for i, row := range rows {
		if entries[i], err = p.fromRow(row); err != nil {
			return nil, err
		}
		index[row.ID] = i
	}
	first, last := rows[0], rows[len(rows)-1]
	span := " JOIN entries e ON e.id = %s WHERE (e.written_at, e.id) >= (?, ?) AND (e.written_at, e.id) <= (?, ?) "
	args := []any{first.WrittenAt, first.ID, last.WrittenAt, last.ID}
	for _, l := range []struct{ vocabulary, column string }{{"emotions", "emotion_id"}, {"patterns", "pattern_id"}} {
		err := p.scan("SELECT l.entry_id, v.id, v.name FROM entry_"+l.vocabulary+" l JOIN "+l.vocabulary+" v ON v.id = l."+l.column+
			fmt.Sprintf(span, "l.entry_id")+"ORDER BY l.entry_id, v.id", args, func(scan func(...any) error) error {
			var entryID, id int64
			var stored string
			if err := scan(&entryID, &id, &stored); err != nil {
				return err
			}
			key := vocabularyName{l.vocabulary, id}
			name, ok := p.names[key]
			if !ok {
				seal := sealer{codec: p.codec, table: l.vocabulary, id: id}
				if name = seal.open("name", stored); seal.err != nil {
					return seal.err
				}
				p.names[key] = name
			}
			e := &entries[index[entryID]]
			if l.vocabulary == "emotions" {
				e.Emotions = append(e.Emotions, name)
			} else {
				e.Patterns = append(e.Patterns, name)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err = p.scan("SELECT g.entry_id, g.goal_id FROM entry_goals g"+fmt.Sprintf(span, "g.entry_id")+"ORDER BY g.entry_id, g.goal_id", args, func(scan func(...any) error) error {
		var entryID, goalID int64
		if err := scan(&entryID, &goalID); err != nil {
			return err
		}
		e := &entries[index[entryID]]
		e.GoalIDs = append(e.GoalIDs, goalID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var epRows []episodeRow
	if err := p.db.Raw(episodeSelect+fmt.Sprintf(span, "ep.entry_id")+"ORDER BY ep.entry_id, ep.position", args...).Scan(&epRows).Error; err != nil {
		return nil, err
	}
	episodes, err := p.openEpisodes(epRows)
	if err != nil {
		return nil, err
	}
	for i, r := range epRows {
		e := &entries[index[r.EntryID]]
		e.Episodes = append(e.Episodes, episodes[i])
	}
	return entries, nil
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

// entryPage reads the next page of rows after the cursor, oldest first,
// scanning each column itself: GORM's reflection would cost more than
// the reading.
func (s *Store) entryPage(q journal.EntryQuery, after *journal.Cursor) ([]entryRow, error) {
	sql := "SELECT id, written_at, written_offset, written_zone, created_at, updated_at, kind, title, body, mood, flagged, source, source_id FROM entries WHERE 1=1"
	var args []any
	if !q.From.IsZero() {
		sql += " AND written_at >= ?"
		args = append(args, q.From.Unix())
	}
	if !q.Before.IsZero() {
		sql += " AND written_at < ?"
		args = append(args, q.Before.Unix())
	}
	if after != nil {
		sql += " AND (written_at, id) > (?, ?)"
		args = append(args, after.WrittenAt.Unix(), after.ID)
	}
	sql += " ORDER BY written_at, id LIMIT ?"
	args = append(args, eachEntryPage)
	rs, err := s.db.Raw(sql, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	rows := make([]entryRow, 0, eachEntryPage)
	for rs.Next() {
		var r entryRow
		if err := rs.Scan(&r.ID, &r.WrittenAt, &r.WrittenOffset, &r.WrittenZone, &r.Created, &r.Updated, &r.Kind, &r.Title, &r.Body, &r.Mood, &r.Flagged, &r.Source, &r.SourceID); err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	return rows, rs.Err()
}
