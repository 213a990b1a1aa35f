package store

import (
	"fmt"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// ImportEntries adds entries from another journal in one transaction:
// all or none. An entry already in the journal (the same Source and
// SourceID, or without a SourceID the same time, title and body) is
// skipped, so importing a file twice adds nothing. Names not in the
// vocabulary become patterns in the imported category.
func (s *Store) ImportEntries(entries []journal.Entry) (added []journal.Entry, skipped []journal.Skipped, err error) {
	for i := range entries {
		if err := entries[i].Validate(); err != nil {
			return nil, nil, journal.Errorf(journal.EInvalid, "Entry %d of %d: %s Nothing was imported.", i+1, len(entries), err.Error())
		}
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		b := s.newBatch(tx)
		defer b.close()
		there, err := s.existing(tx, entries)
		if err != nil {
			return err
		}
		var fresh []journal.Entry
		for i, e := range entries {
			key := importKey(e)
			if there[key] {
				skipped = append(skipped, journal.Skipped{Item: i + 1, Reason: "already in the journal"})
				continue
			}
			there[key] = true // a second copy in the same file is skipped too
			if err := b.importVocabulary(e); err != nil {
				return err
			}
			fresh = append(fresh, e)
		}
		id, err := reserveIDs(tx, "entries", len(fresh))
		if err != nil {
			return err
		}
		now := s.now()
		for i, e := range fresh {
			e.ID, e.CreatedAt, e.UpdatedAt = id+int64(i), now, now
			if err := b.add(e); err != nil {
				return err
			}
			added = append(added, e)
		}
		return nil
	})
	if err != nil {
		return nil, nil, internal("import the entries", err)
	}
	return added, skipped, nil
}

// importKey identifies an entry across imports: its source and id
// there, or without an id its time, title and body.
func importKey(e journal.Entry) string {
	if e.SourceID != "" {
		return "id\x00" + e.Source + "\x00" + e.SourceID
	}
	return fmt.Sprintf("text\x00%d\x00%s\x00%s", e.WrittenAt.Unix(), e.Title, e.Body)
}

// existing reads, in two queries, the keys of the entries already in the
// journal that entries could match.
func (s *Store) existing(tx *gorm.DB, entries []journal.Entry) (map[string]bool, error) {
	there := map[string]bool{}
	var lo, hi int64
	withText := false
	for _, e := range entries {
		if e.SourceID != "" {
			continue
		}
		at := e.WrittenAt.Unix()
		if !withText || at < lo {
			lo = at
		}
		if !withText || at > hi {
			hi = at
		}
		withText = true
	}
	var sources []struct{ Source, SourceID string }
	if err := tx.Raw("SELECT source, source_id FROM entries WHERE source_id != ''").Scan(&sources).Error; err != nil {
		return nil, err
	}
	for _, r := range sources {
		there[importKey(journal.Entry{Source: r.Source, SourceID: r.SourceID})] = true
	}
	if !withText {
		return there, nil
	}
	var rows []entryRow
	if err := tx.Raw("SELECT * FROM entries WHERE written_at BETWEEN ? AND ?", lo, hi).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		old, err := s.fromRow(r)
		if err != nil {
			return nil, err
		}
		old.SourceID = "" // matched by text, as the entries being imported are
		there[importKey(old)] = true
	}
	return there, nil
}

// importVocabulary creates the entry's unknown pattern names in the
// imported category, so they can be told apart from the person's own.
func (b *batch) importVocabulary(e journal.Entry) error {
	if _, err := b.vocabularyIDs("patterns", nil); err != nil { // loads the names
		return err
	}
	known := b.ids["patterns"]
	for _, name := range e.Patterns {
		if _, ok := known[b.s.nameKey(name)]; ok {
			continue
		}
		p := journal.Pattern{Name: name, Category: journal.CategoryImported}
		if err := p.Validate(); err != nil {
			return err
		}
		id, err := b.s.insertPattern(b.tx, p)
		if err != nil {
			return err
		}
		known[b.s.nameKey(name)] = id
	}
	return nil
}
