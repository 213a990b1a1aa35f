package store

import (
	"database/sql"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// batch writes new entries inside one transaction. It prepares each
// statement once and remembers vocabulary ids, because per-row SQL
// parsing and name look-ups were most of the time when importing
// 100,000 entries.
type batch struct {
	s     *Store
	tx    *gorm.DB
	stmts map[string]*sql.Stmt
	ids   map[string]map[string]int64 // "emotions"/"patterns" -> name key -> id
}

func (s *Store) newBatch(tx *gorm.DB) *batch {
	return &batch{s: s, tx: tx, stmts: map[string]*sql.Stmt{}, ids: map[string]map[string]int64{}}
}

// exec runs query with a statement prepared once per batch, or plainly
// when the transaction doesn't offer preparing.
func (b *batch) exec(query string, args ...any) error {
	stmt, ok := b.stmts[query]
	if !ok {
		sqlTx, isTx := b.tx.Statement.ConnPool.(*sql.Tx)
		if !isTx {
			return b.tx.Exec(query, args...).Error
		}
		var err error
		if stmt, err = sqlTx.Prepare(query); err != nil {
			return err
		}
		b.stmts[query] = stmt
	}
	_, err := stmt.Exec(args...)
	return err
}

func (b *batch) close() {
	for _, stmt := range b.stmts {
		stmt.Close()
	}
}

// vocabularyIDs is Store.vocabularyIDs with the answers remembered.
func (b *batch) vocabularyIDs(table string, names []string) ([]int64, error) {
	known := b.ids[table]
	if known == nil {
		var rows []struct {
			ID      int64
			NameKey string
		}
		if err := b.tx.Raw("SELECT id, name_key FROM " + table).Scan(&rows).Error; err != nil {
			return nil, err
		}
		known = make(map[string]int64, len(rows))
		for _, r := range rows {
			known[r.NameKey] = r.ID
		}
		b.ids[table] = known
	}
	out := make([]int64, 0, len(names))
	for _, name := range names {
		if id, ok := known[b.s.nameKey(name)]; ok {
			out = append(out, id)
			continue
		}
		created, err := b.s.vocabularyIDs(b.tx, table, []string{name})
		if err != nil {
			return nil, err
		}
		known[b.s.nameKey(name)] = created[0]
		out = append(out, created[0])
	}
	return out, nil
}

// addAll writes new entries (their IDs set, one run of ids from
// reserveIDs) with their names, goals and episodes, then puts their text
// in the search index.
func (b *batch) addAll(entries []journal.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	if err := b.addRows(entries); err != nil {
		return err
	}
	if err := b.indexOpenText(entries); err != nil {
		return err
	}
	return b.indexRowText(entries[0].ID, entries[len(entries)-1].ID)
}

// addRows writes new entries with their names, goals and episodes, but
// not their text in the search index. The driver prepares a statement
// afresh on every call, so rows go in many at a time.
func (b *batch) addRows(entries []journal.Entry) error {
	rows := make([]any, 0, rowsPerInsert*len(entryInsertColumns))
	for start := 0; start < len(entries); start += rowsPerInsert {
		chunk := entries[start:min(start+rowsPerInsert, len(entries))]
		rows = rows[:0]
		for _, e := range chunk {
			row, err := b.s.toRow(e)
			if err != nil {
				return err
			}
			rows = append(rows, row.ID, row.WrittenAt, row.WrittenOffset, row.WrittenZone, row.Created, row.Updated, row.Kind, row.Title, row.Body, row.Mood, row.Flagged,
				row.Source, row.SourceID)
		}
		if err := b.insertRows(entryInsert, len(entryInsertColumns), rows); err != nil {
			return err
		}
	}
	if err := b.linkAll(entries); err != nil {
		return err
	}
	for _, e := range entries {
		for _, goal := range e.GoalIDs {
			if _, err := b.s.goalIn(b.tx, goal); err != nil {
				return err
			}
			if err := b.exec("INSERT OR IGNORE INTO entry_goals (entry_id, goal_id) VALUES (?, ?)", e.ID, goal); err != nil {
				return err
			}
		}
		if len(e.Episodes) > 0 {
			if err := b.s.saveEpisodes(b.tx, e); err != nil {
				return err
			}
		}
	}
	return nil
}

// linkAll links the entries to their emotions and patterns by name. The
// pairs go in as one JSON list a statement: the links' foreign keys make
// SQLite keep a journal of each multi-row statement, so fewer and larger
// statements write less, and one parameter is quick for the driver to
// bind.
func (b *batch) linkAll(entries []journal.Entry) error {
	for _, l := range []struct {
		vocabulary, insert string
		names              func(e journal.Entry) []string
	}{
		{"emotions", "INSERT INTO entry_emotions (entry_id, emotion_id)", func(e journal.Entry) []string { return e.Emotions }},
		{"patterns", "INSERT INTO entry_patterns (entry_id, pattern_id)", func(e journal.Entry) []string { return e.Patterns }},
	} {
		var pairs [][2]int64
		for _, e := range entries {
			ids, err := b.vocabularyIDs(l.vocabulary, l.names(e))
			if err != nil {
				return err
			}
			for _, id := range ids {
				pairs = append(pairs, [2]int64{e.ID, id})
			}
		}
		if err := b.insertPairs(l.insert, pairs); err != nil {
			return err
		}
	}
	return nil
}
