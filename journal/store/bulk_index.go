package store

import (
	"strings"

	"github.com/throughline/throughline/journal"
)

// indexInto is indexInsert without its values: the search index's table
// and columns, named once in search_index.go.
var indexInto, _, _ = strings.Cut(indexInsert, " VALUES")

// New entries reach the search index in two steps, after their rows: the
// text the rows hold as it is is read by the index from the rows, in one
// statement for a whole import (indexRowText); the rest is fed from Go
// (indexOpenText). That is every entry of an encrypted journal, whose rows
// hold sealed text and whose index is in memory, and entries with
// episodes, whose text is not in their row.

// fromRows reports whether the index can read entries' text from their
// rows: it is stored as written.
func (b *batch) fromRows() bool {
	_, plain := b.s.codec.(PlainText)
	return plain
}

// indexOpenText adds the text of the entries that indexRowText leaves
// out, many rows a statement.
func (b *batch) indexOpenText(entries []journal.Entry) error {
	fromRows := b.fromRows()
	var args []any
	for _, e := range entries {
		if fromRows && len(e.Episodes) == 0 {
			continue
		}
		args = append(args, e.ID, e.Title, e.Body, episodeText(e.Episodes))
	}
	return b.insertRows(indexInto, 4, args)
}

// indexRowText adds the text of the new entries with ids first to last,
// every one of them added by this batch, from their rows: one statement
// that works whether the index keeps its own copy of the text or reads it
// from entries.
func (b *batch) indexRowText(first, last int64) error {
	if !b.fromRows() || last < first {
		return nil
	}
	return b.exec(indexInto+" SELECT id, title, body, '' FROM entries WHERE id BETWEEN ? AND ?"+
		" AND id NOT IN (SELECT entry_id FROM episodes WHERE entry_id BETWEEN ? AND ?)", first, last, first, last)
}
