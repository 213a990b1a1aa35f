package journal

import (
	"fmt"

	"gorm.io/gorm"
)

// Skipped is an imported entry left out, and why.
type Skipped struct {
	Item   int // its place in the import, from 1
	Reason string
}

// ImportEntries adds entries from another journal in one transaction:
// all or none. An entry already in the journal (the same Source and
// SourceID, or without a SourceID the same time, title and body) is
// skipped, so importing a file twice adds nothing. Names not in the
// vocabulary become patterns in the imported category.
func (s *Store) ImportEntries(entries []Entry) (added []Entry, skipped []Skipped, err error) {
	for i := range entries {
		if err := entries[i].Validate(); err != nil {
			return nil, nil, Errorf(EInvalid, "Entry %d of %d: %s Nothing was imported.", i+1, len(entries), err.Error())
		}
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		seen := map[string]bool{}
		var fresh []Entry
		for i, e := range entries {
			key, dup, err := s.alreadyThere(tx, e)
			if err != nil {
				return err
			}
			if dup || seen[key] {
				skipped = append(skipped, Skipped{Item: i + 1, Reason: "already in the journal"})
				continue
			}
			seen[key] = true
			if err := s.importVocabulary(tx, e); err != nil {
				return err
			}
			fresh = append(fresh, e)
		}
		id, err := nextID(tx, "entries")
		if err != nil {
			return err
		}
		now := s.now()
		for i, e := range fresh {
			e.ID, e.CreatedAt, e.UpdatedAt = id+int64(i), now, now
			row, err := s.toRow(e)
			if err != nil {
				return err
			}
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			if err := s.link(tx, e); err != nil {
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

// alreadyThere reports whether e was imported before, with the key that
// identifies it within one import.
func (s *Store) alreadyThere(tx *gorm.DB, e Entry) (key string, dup bool, err error) {
	if e.SourceID != "" {
		var n int64
		err := tx.Raw("SELECT COUNT(*) FROM entries WHERE source = ? AND source_id = ?", e.Source, e.SourceID).Scan(&n).Error
		return "id\x00" + e.Source + "\x00" + e.SourceID, n > 0, err
	}
	key = fmt.Sprintf("text\x00%d\x00%s\x00%s", e.WrittenAt.Unix(), e.Title, e.Body)
	var rows []entryRow
	if err := tx.Raw("SELECT * FROM entries WHERE written_at = ?", e.WrittenAt.Unix()).Scan(&rows).Error; err != nil {
		return key, false, err
	}
	for _, r := range rows {
		old, err := s.fromRow(r)
		if err != nil {
			return key, false, err
		}
		if old.Title == e.Title && old.Body == e.Body {
			return key, true, nil
		}
	}
	return key, false, nil
}

// importVocabulary creates the entry's unknown pattern names in the
// imported category, so they can be told apart from the person's own.
func (s *Store) importVocabulary(tx *gorm.DB, e Entry) error {
	for _, name := range e.Patterns {
		var n int64
		if err := tx.Raw("SELECT COUNT(*) FROM patterns WHERE name_key = ?", NameKey(name)).Scan(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		p := Pattern{Name: name, Category: CategoryImported}
		if err := p.Validate(); err != nil {
			return err
		}
		if _, err := s.insertPattern(tx, p); err != nil {
			return err
		}
	}
	return nil
}
