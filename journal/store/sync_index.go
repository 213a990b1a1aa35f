package store

import (
	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// syncReindexLimit is how many entries one round may change before the
// encrypted journal's search index is built afresh, rather than an entry
// at a time.
const syncReindexLimit = 500

// reindexApplied brings an encrypted journal's in-memory search index up
// to date with the entries a round's applying changed: the outbox rows
// past after, which the capture triggers wrote while it applied. Building
// the whole index again each time something arrived took half a second
// at 10,000 entries. It reports when that is still needed: an episode
// changed (a deleted one no longer says whose it was), or too many
// entries did.
func (s *Store) reindexApplied(tx *gorm.DB, after int64) (rebuild bool, err error) {
	if s.keys == nil { // a journal not encrypted indexes as it writes
		return false, nil
	}
	var episodes int64
	if err := tx.Raw("SELECT count(*) FROM sync_outbox WHERE seq > ? AND tbl = 'episodes'", after).Scan(&episodes).Error; err != nil {
		return false, err
	}
	var keys []string
	if err := tx.Raw("SELECT DISTINCT key FROM sync_outbox WHERE seq > ? AND tbl = 'entries'", after).Scan(&keys).Error; err != nil {
		return false, err
	}
	if episodes > 0 || len(keys) > syncReindexLimit {
		return true, nil
	}
	for _, key := range keys {
		_, vals, err := canonicalKey(key)
		if err != nil {
			return false, err
		}
		id, ok := vals[0].(int64)
		if !ok {
			continue
		}
		if err := s.reindexEntry(tx, id); err != nil {
			return false, err
		}
	}
	return false, nil
}

// reindexEntry puts an entry's text as it now stands in the encrypted
// journal's index, or takes it out when the entry is gone.
func (s *Store) reindexEntry(tx *gorm.DB, id int64) error {
	if err := s.unindex(tx, id); err != nil {
		return err
	}
	var rows []struct{ Title, Body string }
	if err := tx.Raw("SELECT title, body FROM entries WHERE id = ?", id).Scan(&rows).Error; err != nil || len(rows) == 0 {
		return err
	}
	seal := sealer{codec: s.codec, table: "entries", id: id}
	e := journal.Entry{ID: id, Title: seal.open("title", rows[0].Title), Body: seal.open("body", rows[0].Body)}
	if seal.err != nil {
		return seal.err
	}
	var episodes []struct {
		ID                                         int64
		Wish, OtherResponse, SelfResponse, Reminds string
	}
	if err := tx.Raw("SELECT id, wish, other_response, self_response, reminds FROM episodes WHERE entry_id = ? ORDER BY position", id).
		Scan(&episodes).Error; err != nil {
		return err
	}
	for _, r := range episodes {
		seal := sealer{codec: s.codec, table: "episodes", id: r.ID}
		e.Episodes = append(e.Episodes, journal.Episode{Wish: seal.open("wish", r.Wish), OtherResponse: seal.open("other_response", r.OtherResponse),
			SelfResponse: seal.open("self_response", r.SelfResponse), Reminds: seal.open("reminds", r.Reminds)})
		if seal.err != nil {
			return seal.err
		}
	}
	return s.index(tx, e)
}
