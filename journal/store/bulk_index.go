package store

import "github.com/throughline/throughline/journal"

// New entries reach the search index in bulk, after their rows and
// episodes. In a journal not encrypted the index reads their text,
// episodes included, from the rows through the search_text view, one
// statement for a whole import (indexRowText). An encrypted journal's
// rows hold sealed text, so its in-memory index is fed the opened text
// from Go, many rows a statement (indexOpenText).

// indexOpenText adds the entries' text to an encrypted journal's index.
func (b *batch) indexOpenText(entries []journal.Entry) error {
	if !b.s.encrypted {
		return nil
	}
	args := make([]any, 0, 4*len(entries))
	for _, e := range entries {
		args = append(args, e.ID, e.Title, e.Body, episodeText(e.Episodes))
	}
	return b.insertRows(indexInto, 4, args)
}

// indexRowText indexes the new entries with ids first to last, every one
// of them added by this batch, from their rows.
func (b *batch) indexRowText(first, last int64) error {
	if b.s.encrypted || last < first {
		return nil
	}
	return b.exec(indexEntriesSQL, first, last)
}
