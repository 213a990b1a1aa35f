package store

import (
	"slices"
	"strings"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// Turning a pattern into an emotion (or back) moves every link to it:
// the entries and the relationship episodes that name it. The word gets
// a new row in the other table, sealed there like every name, and the
// old row goes. When the other table already has the word (ignoring
// case), the links join that one instead.

// PatternToEmotion turns the pattern id into an emotion of family
// (journal.FamilyOther when ""), in one transaction.
func (s *Store) PatternToEmotion(id int64, family string) (journal.Conversion, error) {
	if family == "" {
		family = journal.FamilyOther
	}
	if !slices.Contains(journal.EmotionFamilies, family) {
		return journal.Conversion{}, journal.Errorf(journal.EInvalid, "%q is not a family of feelings. Use one of: %s.", family, strings.Join(journal.EmotionFamilies, ", "))
	}
	var c journal.Conversion
	err := s.db.Transaction(func(tx *gorm.DB) error {
		p, err := s.patternIn(tx, id)
		if err != nil {
			return err
		}
		c = journal.Conversion{Name: p.Name, ToEmotion: true}
		var into []int64
		if err := tx.Raw("SELECT id FROM emotions WHERE name_key = ?", s.nameKey(p.Name)).Scan(&into).Error; err != nil {
			return err
		}
		if len(into) > 0 {
			c.ID, c.Merged = into[0], true
			if c.Into, err = s.emotionName(tx, c.ID); err != nil {
				return err
			}
		} else if c.ID, err = s.insertEmotion(tx, p.Name, family); err != nil {
			return err
		}
		if c.Entries, c.Episodes, err = moveLinks(tx, "pattern", id, "emotion", c.ID); err != nil {
			return err
		}
		return tx.Exec("DELETE FROM patterns WHERE id = ?", id).Error
	})
	return c, internal("turn the pattern into a feeling", err)
}

// EmotionToPattern turns the emotion id into a pattern of the person's
// own, in one transaction.
func (s *Store) EmotionToPattern(id int64) (journal.Conversion, error) {
	var c journal.Conversion
	err := s.db.Transaction(func(tx *gorm.DB) error {
		name, err := s.emotionName(tx, id)
		if err != nil {
			return err
		}
		c = journal.Conversion{Name: name}
		var into []int64
		if err := tx.Raw("SELECT id FROM patterns WHERE name_key = ?", s.nameKey(name)).Scan(&into).Error; err != nil {
			return err
		}
		if len(into) > 0 {
			c.ID, c.Merged = into[0], true
			p, err := s.patternIn(tx, c.ID)
			if err != nil {
				return err
			}
			c.Into = p.Name
		} else {
			p := journal.Pattern{Name: name, Category: journal.CategoryOwn}
			if err := p.Validate(); err != nil {
				return err
			}
			if c.ID, err = s.insertPattern(tx, p); err != nil {
				return err
			}
		}
		if c.Entries, c.Episodes, err = moveLinks(tx, "emotion", id, "pattern", c.ID); err != nil {
			return err
		}
		return tx.Exec("DELETE FROM emotions WHERE id = ?", id).Error
	})
	return c, internal("turn the feeling into a pattern", err)
}

// moveLinks moves the links of entries and episodes to the from word
// (kind "pattern" or "emotion") to the to word, and says how many of
// each there were. OR IGNORE: an entry that named both keeps one link.
func moveLinks(tx *gorm.DB, from string, fromID int64, to string, toID int64) (entries, episodes int, err error) {
	counts := [2]int{}
	for i, owner := range []string{"entry", "episode"} {
		fromTable, toTable := owner+"_"+from+"s", owner+"_"+to+"s"
		var n int64
		if err := tx.Raw("SELECT COUNT(*) FROM "+fromTable+" WHERE "+from+"_id = ?", fromID).Scan(&n).Error; err != nil {
			return 0, 0, err
		}
		counts[i] = int(n)
		if err := tx.Exec("INSERT OR IGNORE INTO "+toTable+" ("+owner+"_id, "+to+"_id) SELECT "+owner+"_id, ? FROM "+fromTable+" WHERE "+from+"_id = ?", toID, fromID).Error; err != nil {
			return 0, 0, err
		}
		if err := tx.Exec("DELETE FROM "+fromTable+" WHERE "+from+"_id = ?", fromID).Error; err != nil {
			return 0, 0, err
		}
	}
	return counts[0], counts[1], nil
}

// patternIn reads one pattern inside a transaction.
func (s *Store) patternIn(tx *gorm.DB, id int64) (journal.Pattern, error) {
	var rows []journal.Pattern
	if err := tx.Raw("SELECT id, name, category, description, colour, archived FROM patterns WHERE id = ?", id).Scan(&rows).Error; err != nil {
		return journal.Pattern{}, err
	}
	if len(rows) == 0 {
		return journal.Pattern{}, journal.Errorf(journal.ENotFound, "There is no pattern %d. `throughline pattern list` shows them.", id)
	}
	err := s.openPattern(&rows[0])
	return rows[0], err
}

// emotionName reads one emotion's name inside a transaction.
func (s *Store) emotionName(tx *gorm.DB, id int64) (string, error) {
	var names []string
	if err := tx.Raw("SELECT name FROM emotions WHERE id = ?", id).Scan(&names).Error; err != nil {
		return "", err
	}
	if len(names) == 0 {
		return "", journal.Errorf(journal.ENotFound, "There is no feeling %d. `throughline emotion list` shows them.", id)
	}
	seal := sealer{codec: s.codec, table: "emotions", id: id}
	name := seal.open("name", names[0])
	return name, seal.err
}

// EmotionNamed finds an emotion by name, ignoring case and spacing.
func (s *Store) EmotionNamed(name string) (journal.Emotion, error) {
	var rows []journal.Emotion
	if err := s.db.Raw("SELECT id, name, family FROM emotions WHERE name_key = ?", s.nameKey(name)).Scan(&rows).Error; err != nil {
		return journal.Emotion{}, internal("find the feeling", err)
	}
	if len(rows) == 0 {
		return journal.Emotion{}, journal.Errorf(journal.ENotFound, "There is no feeling called “%s”. `throughline emotion list` shows them.", journal.CleanName(name))
	}
	seal := sealer{codec: s.codec, table: "emotions", id: rows[0].ID}
	rows[0].Name = seal.open("name", rows[0].Name)
	return rows[0], seal.err
}
