package store

import (
	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

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

// settleAfter is how many entries indexed at once make settleIndex worth
// its cost.
const settleAfter = 2000

// automerge is how many segments on one level FTS5 lets pile up before
// it merges them, a little at each later write.
const automerge = 8

// beginBulkIndex stops FTS5 merging segments along the way while many
// entries are indexed at once, until settleIndex: after many it merges
// every segment into one anyway, so merging along the way was the same
// work done twice.
func beginBulkIndex(tx *gorm.DB) error {
	return setAutomerge(tx, 0)
}

func setAutomerge(tx *gorm.DB, segments int) error {
	return tx.Exec("INSERT INTO "+searchTable+" ("+searchTable+", rank) VALUES ('automerge', ?)", segments).Error
}

// settleIndex ends indexing in bulk. After many entries it merges the
// index's segments into one. Indexing in bulk leaves a pile of segments,
// and FTS5 merges a pile all at once in whichever later write finds it
// too high: at 100,000 entries, an `add` soon after the import took
// 1.5 s rather than 10 ms. Merging here costs the import about 1.4 s at
// 100,000 entries, once, and leaves every later write only its own small
// merges, which it turns back on.
func settleIndex(tx *gorm.DB, indexed int) error {
	if indexed >= settleAfter {
		if err := tx.Exec("INSERT INTO " + searchTable + " (" + searchTable + ") VALUES ('optimize')").Error; err != nil {
			return err
		}
		if err := reclaimFreePages(tx); err != nil {
			return err
		}
	}
	return setAutomerge(tx, automerge)
}

// reclaimFreePages gives the pages the merge freed back to the file
// system, so a journal holds about its text and an index, not also the
// index's old segments: at 100,000 entries they were 16 MB, and a file
// over twice the size of its text. A journal made before Throughline
// made files this way has no auto-vacuum and keeps its free pages for
// later writes, as before.
func reclaimFreePages(tx *gorm.DB) error {
	// The pragma frees a page a step: its rows must be read to the end.
	rows, err := tx.Raw("PRAGMA incremental_vacuum").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}
