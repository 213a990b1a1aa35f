package store

import (
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// The search index's names, for SQL that fills it in bulk (see
// indexEntriesSQL).
const (
	searchTable   = "search_index"          // the FTS5 table
	searchText    = "search_text"           // the view it reads its text from, in a journal not encrypted
	searchColumns = "title, body, episodes" // its columns, in both
)

// searchTextSQL is the text search reads, one row per entry, its id the
// index's rowid: the entry's title and body, and its episodes' text
// joined a line a part. It reads the journal's own rows, so in a journal
// not encrypted the index needs no copy of the text; in an encrypted
// one the rows are sealed and nothing reads this view. The episodes are
// ordered in a subquery, not by an ORDER BY inside group_concat, which
// SQLite before 3.44, and tools built on it, can't read.
const searchTextSQL = `
CREATE VIEW ` + searchText + ` AS
SELECT e.id, e.title, e.body, coalesce((
	SELECT group_concat(text, char(10)) FROM (
		SELECT position, 1 AS part, wish AS text FROM episodes WHERE entry_id = e.id
		UNION ALL SELECT position, 2, other_response FROM episodes WHERE entry_id = e.id
		UNION ALL SELECT position, 3, self_response FROM episodes WHERE entry_id = e.id
		UNION ALL SELECT position, 4, reminds FROM episodes WHERE entry_id = e.id
		ORDER BY 1, 2
	) WHERE trim(text, ' ' || char(9, 10, 13)) != ''), '') AS episodes
FROM entries e;
`

// searchIndexSQL creates the full-text index over what a person wrote:
// titles, bodies and the text of relationship episodes, one row per
// entry with the entry's id as its rowid.
//
// In a journal not encrypted (external true) the index keeps no text of
// its own: FTS5 reads search_text when a snippet or highlight needs it.
// The store, not triggers, keeps it in step, and must remove an entry's
// row with the text it was indexed with, before that text changes (see
// unindex). An encrypted journal's index lives in an in-memory database
// ("mem.") and keeps its own copy there, since the rows on disk hold
// only sealed text.
//
// unicode61 with remove_diacritics 2 lets "cafe" find "café". Titles weigh
// most in ranking, then episodes (short, deliberate), then bodies. A
// larger in-memory hash and merging at 8 segments rather than 4 cut the
// cost of indexing 100,000 imported entries by a fifth. secure-delete
// removes a deleted entry's words from the index at once, rather than at
// the next merge.
func searchIndexSQL(schema string, external bool) string {
	content := ""
	if external {
		content = ", content = '" + searchText + "', content_rowid = 'id'"
	}
	table := schema + searchTable
	return `
CREATE VIRTUAL TABLE ` + table + ` USING fts5(` + searchColumns + content + `, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO ` + table + ` (` + searchTable + `, rank) VALUES ('rank', 'bm25(5.0, 1.0, 2.0)');
INSERT INTO ` + table + ` (` + searchTable + `, rank) VALUES ('automerge', ` + strconv.Itoa(automerge) + `);
INSERT INTO ` + table + ` (` + searchTable + `, rank) VALUES ('hashsize', 8388608);
INSERT INTO ` + table + ` (` + searchTable + `, rank) VALUES ('secure-delete', 1);
`
}

// episodeText is the searchable text of an entry's episodes, as
// search_text joins it.
func episodeText(episodes []journal.Episode) string {
	var parts []string
	for _, ep := range episodes {
		parts = append(parts, ep.Wish, ep.OtherResponse, ep.SelfResponse, ep.Reminds)
	}
	return joinText(parts)
}

// joinText joins the parts that hold text, a line each.
func joinText(parts []string) string {
	var b strings.Builder
	for _, text := range parts {
		if strings.TrimSpace(text) == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(text)
	}
	return b.String()
}

// indexChunk is how many entries are indexed at a time when indexing
// them all: a long journal's text is never all in memory at once, and
// each chunk reports progress.
const indexChunk = 2000

// indexEntriesSQL indexes the entries whose ids are between its two
// arguments, reading their text from the journal's rows: how a journal
// not encrypted indexes entries after writing them.
const indexEntriesSQL = indexInto + " SELECT id, " + searchColumns +
	" FROM " + searchText + " WHERE id BETWEEN ? AND ?"

// unindexEntrySQL removes an entry from a journal not encrypted's index,
// with the text it was indexed with, read before it changes.
const unindexEntrySQL = "INSERT INTO " + searchTable + " (" + searchTable + ", rowid, " + searchColumns + ") SELECT 'delete', id, " +
	searchColumns + " FROM " + searchText + " WHERE id = ?"

// indexValuesSQL indexes one entry from its text: how the encrypted
// journal's in-memory index, which keeps its own copy, is filled.
const indexValuesSQL = indexInto + " VALUES (?, ?, ?, ?)"

// indexInto is the start of every statement that adds rows to the index.
const indexInto = "INSERT INTO " + searchTable + " (rowid, " + searchColumns + ")"

// index adds an entry, its rows and episodes written, to the search index.
func (s *Store) index(tx *gorm.DB, e journal.Entry) error {
	if s.encrypted {
		return tx.Exec(indexValuesSQL, e.ID, e.Title, e.Body, episodeText(e.Episodes)).Error
	}
	return tx.Exec(indexEntriesSQL, e.ID, e.ID).Error
}

// unindex removes an entry from the search index. In a journal not
// encrypted it must run before the entry's text or episodes change or go:
// the index is told which words to remove by the text as it still is.
func (s *Store) unindex(tx *gorm.DB, id int64) error {
	if s.encrypted {
		return tx.Exec("DELETE FROM "+searchTable+" WHERE rowid = ?", id).Error
	}
	return tx.Exec(unindexEntrySQL, id).Error
}

// indexJournal fills a journal's empty, external-content index from
// every entry, a chunk at a time.
func (s *Store) indexJournal(tx *gorm.DB) error {
	var ids []int64
	if err := tx.Raw("SELECT id FROM entries ORDER BY id").Scan(&ids).Error; err != nil {
		return err
	}
	s.upgrade.start(len(ids))
	if err := beginBulkIndex(tx); err != nil {
		return err
	}
	for start := 0; start < len(ids); start += indexChunk {
		chunk := ids[start:min(start+indexChunk, len(ids))]
		if err := tx.Exec(indexEntriesSQL, chunk[0], chunk[len(chunk)-1]).Error; err != nil {
			return err
		}
		s.upgrade.add(len(chunk))
	}
	return settleIndex(tx, len(ids))
}

// indexOpened fills an empty index that keeps its own text with every
// entry's, opening the stored text through the codec: the encrypted
// journal's in-memory index, and the index step 9 made.
func (s *Store) indexOpened(tx *gorm.DB) error {
	var episodes []struct {
		ID, EntryID                                int64
		Wish, OtherResponse, SelfResponse, Reminds string
	}
	if err := tx.Raw("SELECT id, entry_id, wish, other_response, self_response, reminds FROM episodes ORDER BY entry_id, position").
		Scan(&episodes).Error; err != nil {
		return err
	}
	byEntry := map[int64][]journal.Episode{}
	for _, r := range episodes {
		seal := sealer{codec: s.codec, table: "episodes", id: r.ID}
		ep := journal.Episode{Wish: seal.open("wish", r.Wish), OtherResponse: seal.open("other_response", r.OtherResponse),
			SelfResponse: seal.open("self_response", r.SelfResponse), Reminds: seal.open("reminds", r.Reminds)}
		if seal.err != nil {
			return seal.err
		}
		byEntry[r.EntryID] = append(byEntry[r.EntryID], ep)
	}
	var total int
	if err := tx.Raw("SELECT count(*) FROM entries").Scan(&total).Error; err != nil {
		return err
	}
	s.upgrade.start(total)
	b := s.newBatch(tx)
	defer b.close()
	for after := int64(0); ; {
		var rows []struct {
			ID          int64
			Title, Body string
		}
		if err := tx.Raw("SELECT id, title, body FROM entries WHERE id > ? ORDER BY id LIMIT ?", after, indexChunk).
			Scan(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		for _, r := range rows {
			seal := sealer{codec: s.codec, table: "entries", id: r.ID}
			title, body := seal.open("title", r.Title), seal.open("body", r.Body)
			if seal.err != nil {
				return seal.err
			}
			if err := b.exec(indexValuesSQL, r.ID, title, body, episodeText(byEntry[r.ID])); err != nil {
				return err
			}
		}
		s.upgrade.add(len(rows))
		after = rows[len(rows)-1].ID
	}
}
