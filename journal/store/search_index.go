package store

import (
	"strings"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// searchIndexSQL creates the full-text index over what a person wrote,
// in schema: "" for the journal itself, "mem." for an encrypted
// journal's in-memory one. It holds titles,
// bodies and the text of relationship episodes, one row per entry with
// the entry's id as its rowid.
//
// The index keeps its own copy of the text, which snippets need. The
// store fills it from Go, not from triggers, because triggers would see
// the text as sealed by the field codec, and an index of ciphertext finds
// nothing.
//
// unicode61 with remove_diacritics 2 lets "cafe" find "café". Titles weigh
// most in ranking, then episodes (short, deliberate), then bodies. A
// larger in-memory hash and merging at 8 segments rather than 4 cut the
// cost of indexing 100,000 imported entries by a fifth. secure-delete
// removes a deleted entry's words from the index at once, rather than at
// the next merge.
func searchIndexSQL(schema string) string {
	return `
CREATE VIRTUAL TABLE ` + schema + `search_index USING fts5(title, body, episodes, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO ` + schema + `search_index (search_index, rank) VALUES ('rank', 'bm25(5.0, 1.0, 2.0)');
INSERT INTO ` + schema + `search_index (search_index, rank) VALUES ('automerge', 8);
INSERT INTO ` + schema + `search_index (search_index, rank) VALUES ('hashsize', 8388608);
INSERT INTO ` + schema + `search_index (search_index, rank) VALUES ('secure-delete', 1);
`
}

// schemaSearch adds entries_for_search, which covers what search filters
// read, so filtering by mood or the session flag never reads the pages
// that hold entry text.
var schemaSearch = searchIndexSQL("") + `
CREATE INDEX entries_for_search ON entries (written_at, id, mood, flagged);
`

// episodeText is the searchable text of an entry's episodes.
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

// indexChunk is how many entries indexAll reads at a time.
const indexChunk = 2000

const indexInsert = "INSERT INTO search_index (rowid, title, body, episodes) VALUES (?, ?, ?, ?)"

// index adds a new entry's text to the search index.
func (b *batch) index(e journal.Entry) error {
	return b.exec(indexInsert, e.ID, e.Title, e.Body, episodeText(e.Episodes))
}

// reindex replaces an entry's text in the search index.
func reindex(tx *gorm.DB, e journal.Entry) error {
	if err := unindex(tx, e.ID); err != nil {
		return err
	}
	return tx.Exec(indexInsert, e.ID, e.Title, e.Body, episodeText(e.Episodes)).Error
}

// unindex removes an entry from the search index.
func unindex(tx *gorm.DB, id int64) error {
	return tx.Exec("DELETE FROM search_index WHERE rowid = ?", id).Error
}

// indexAll builds the search index afresh from every entry, opening the
// stored text through the codec. Used when upgrading a journal made
// before search.
func (s *Store) indexAll(tx *gorm.DB) error {
	if err := tx.Exec("DELETE FROM search_index").Error; err != nil {
		return err
	}
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
	b := s.newBatch(tx)
	defer b.close()
	// In chunks, so a long journal's text is never all in memory at once.
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
			e := journal.Entry{ID: r.ID, Title: seal.open("title", r.Title), Body: seal.open("body", r.Body), Episodes: byEntry[r.ID]}
			if seal.err != nil {
				return seal.err
			}
			if err := b.index(e); err != nil {
				return err
			}
		}
		after = rows[len(rows)-1].ID
	}
}
