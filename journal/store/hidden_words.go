package store

import "github.com/throughline/throughline/journal"
import "gorm.io/gorm"

// Hidden words are one-off words a person chose to hide in every redacted
// report, such as the name of someone they won't add to the people list.
// They are sealed like names, since most of them are names.

// HiddenWords lists the words hidden in redacted reports, in the order
// they were added.
func (s *Store) HiddenWords() ([]string, error) {
	var rows []struct {
		ID   int64
		Name string
	}
	if err := s.db.Raw("SELECT id, name FROM hidden_words ORDER BY id").Scan(&rows).Error; err != nil {
		return nil, internal("read the hidden words", err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		seal := sealer{codec: s.codec, table: "hidden_words", id: r.ID}
		out[i] = seal.open("name", r.Name)
		if seal.err != nil {
			return nil, seal.err
		}
	}
	return out, nil
}

// HideWords adds words to hide in every redacted report; a word already
// hidden (ignoring case) is left as it is.
func (s *Store) HideWords(words ...string) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		for _, w := range words {
			if w = journal.CleanName(w); w != "" {
				if err := s.insertHiddenWord(tx, w); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return internal("remember the words to hide", err)
}

func (s *Store) insertHiddenWord(tx *gorm.DB, word string) error {
	var taken int64
	if err := tx.Raw("SELECT COUNT(*) FROM hidden_words WHERE name_key = ?", s.nameKey(word)).Scan(&taken).Error; err != nil || taken > 0 {
		return err
	}
	id, err := nextID(tx, "hidden_words")
	if err != nil {
		return err
	}
	seal := sealer{codec: s.codec, table: "hidden_words", id: id}
	name := seal.seal("name", word)
	if seal.err != nil {
		return seal.err
	}
	return tx.Exec("INSERT INTO hidden_words (id, name, name_key) VALUES (?, ?, ?)", id, name, s.nameKey(word)).Error
}

// ShowWord stops hiding a word in redacted reports.
func (s *Store) ShowWord(word string) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		return tx.Exec("DELETE FROM hidden_words WHERE name_key = ?", s.nameKey(word)).Error
	})
	return internal("forget the hidden word", err)
}
