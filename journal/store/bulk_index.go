package store

import (
	"strings"

	"github.com/throughline/throughline/journal"
)

// indexInto is indexInsert without its values: the search index's table
// and columns, named once in search_index.go.
var indexInto, _, _ = strings.Cut(indexInsert, " VALUES")

// indexAdded puts entries just written by addAll in the search index, in
// bulk after their rows. In a journal stored as plain text the index
// reads the text from the rows in one statement, which works whether the
// index keeps its own copy of the text or reads it from entries. An
// encrypted journal's rows hold sealed text, so its (in-memory) index is
// fed the open text from here, many rows a statement; so are entries with
// episodes, whose text is not in their row, and entries whose ids are not
// one run.
func (b *batch) indexAdded(entries []journal.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	first, last := entries[0].ID, entries[len(entries)-1].ID
	_, plain := b.s.codec.(PlainText)
	if !plain || last-first != int64(len(entries)-1) {
		return b.indexRows(entries)
	}
	var withEpisodes []journal.Entry
	for _, e := range entries {
		if len(e.Episodes) > 0 {
			withEpisodes = append(withEpisodes, e)
		}
	}
	if err := b.exec(indexInto+" SELECT id, title, body, '' FROM entries WHERE id BETWEEN ? AND ?"+
		" AND id NOT IN (SELECT entry_id FROM episodes WHERE entry_id BETWEEN ? AND ?)", first, last, first, last); err != nil {
		return err
	}
	return b.indexRows(withEpisodes)
}

// indexRows adds entries' open text to the search index from Go.
func (b *batch) indexRows(entries []journal.Entry) error {
	args := make([]any, 0, 4*min(len(entries), rowsPerInsert))
	for start := 0; start < len(entries); start += rowsPerInsert {
		args = args[:0]
		for _, e := range entries[start:min(start+rowsPerInsert, len(entries))] {
			args = append(args, e.ID, e.Title, e.Body, episodeText(e.Episodes))
		}
		if err := b.insertRows(indexInto, 4, args); err != nil {
			return err
		}
	}
	return nil
}
