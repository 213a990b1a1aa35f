package store

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// nextID picks the id for a new row before it is written, so its text can
// be sealed with the row id it will have.
func nextID(tx *gorm.DB, table string) (int64, error) { return reserveIDs(tx, table, 1) }

// reserveIDs takes n ids in a row for new rows of table and returns the
// first. Ids are never given out twice, even after the newest row is
// deleted: a window still showing deleted entry 7 must not save over a
// new entry 7 that the command line added meanwhile. Safe because writes
// run in immediate transactions on one connection.
//
// With sync on, each device takes ids from its own range [n<<40,
// (n+1)<<40), so ids are equal on every device and never collide.
func reserveIDs(tx *gorm.DB, table string, n int) (int64, error) {
	counter, lo, hi := table, int64(1), int64(1)<<62
	if num := syncNumber(tx); num > 0 {
		counter, lo, hi = fmt.Sprintf("%s@%d", table, num), num<<40, (num+1)<<40
	}
	var first int64
	err := tx.Raw("SELECT MAX(COALESCE((SELECT next FROM id_counters WHERE name = ?), ?), (SELECT COALESCE(MAX(id) + 1, ?) FROM "+table+" WHERE id >= ? AND id < ?))",
		counter, lo, lo, lo, hi).Scan(&first).Error
	if err != nil {
		return 0, err
	}
	err = tx.Exec("INSERT INTO id_counters (name, next) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET next = excluded.next",
		counter, first+int64(n)).Error
	return first, err
}

func (s *Store) insertEmotion(tx *gorm.DB, name, family string) (int64, error) {
	id, err := nextID(tx, "emotions")
	if err != nil {
		return 0, err
	}
	seal := sealer{codec: s.codec, table: "emotions", id: id}
	stored := seal.seal("name", name)
	if seal.err != nil {
		return 0, seal.err
	}
	err = tx.Exec("INSERT INTO emotions (id, name, name_key, family) VALUES (?, ?, ?, ?)",
		id, stored, s.nameKey(name), family).Error
	return id, err
}

func (s *Store) insertPattern(tx *gorm.DB, p journal.Pattern) (int64, error) {
	id, err := nextID(tx, "patterns")
	if err != nil {
		return 0, err
	}
	seal := sealer{codec: s.codec, table: "patterns", id: id}
	name, desc := seal.seal("name", p.Name), seal.seal("description", p.Description)
	if seal.err != nil {
		return 0, seal.err
	}
	err = tx.Exec("INSERT INTO patterns (id, name, name_key, category, description, colour) VALUES (?, ?, ?, ?, ?, ?)",
		id, name, s.nameKey(p.Name), p.Category, desc, p.Colour).Error
	return id, err
}

// vocabularyIDs finds the ids of names in table ("emotions" or
// "patterns"), creating the ones that don't exist yet.
func (s *Store) vocabularyIDs(tx *gorm.DB, table string, names []string) ([]int64, error) {
	ids := make([]int64, 0, len(names))
	for _, name := range names {
		var found []int64
		if err := tx.Raw("SELECT id FROM "+table+" WHERE name_key = ?", s.nameKey(name)).Scan(&found).Error; err != nil {
			return nil, err
		}
		if len(found) == 1 {
			ids = append(ids, found[0])
			continue
		}
		var id int64
		var err error
		if table == "emotions" {
			id, err = s.insertEmotion(tx, name, journal.FamilyOther)
		} else {
			p := journal.Pattern{Name: name, Category: journal.CategoryOwn}
			if err := p.Validate(); err != nil {
				return nil, err
			}
			id, err = s.insertPattern(tx, p)
		}
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Emotions lists the emotion vocabulary, in family order then seed order.
func (s *Store) Emotions() ([]journal.Emotion, error) {
	var rows []journal.Emotion
	if err := s.db.Raw("SELECT id, name, family, description FROM emotions ORDER BY id").Scan(&rows).Error; err != nil {
		return nil, internal("read the emotion words", err)
	}
	for i := range rows {
		seal := sealer{codec: s.codec, table: "emotions", id: rows[i].ID}
		rows[i].Name, rows[i].Description = seal.open("name", rows[i].Name), seal.open("description", rows[i].Description)
		if seal.err != nil {
			return nil, seal.err
		}
	}
	order := map[string]int{}
	for i, f := range journal.EmotionFamilies {
		order[f] = i
	}
	slices.SortStableFunc(rows, func(a, b journal.Emotion) int { return order[a.Family] - order[b.Family] })
	return rows, nil
}

// Patterns lists the pattern vocabulary in the order it was added,
// archived ones included.
func (s *Store) Patterns() ([]journal.Pattern, error) {
	var rows []journal.Pattern
	if err := s.db.Raw("SELECT id, name, category, description, colour, archived, adaptive FROM patterns ORDER BY id").Scan(&rows).Error; err != nil {
		return nil, internal("read the patterns", err)
	}
	for i := range rows {
		if err := s.openPattern(&rows[i]); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

func (s *Store) openPattern(p *journal.Pattern) error {
	seal := sealer{codec: s.codec, table: "patterns", id: p.ID}
	p.Name = seal.open("name", p.Name)
	p.Description = seal.open("description", p.Description)
	return seal.err
}

// Pattern returns one pattern by id.
func (s *Store) Pattern(id int64) (journal.Pattern, error) {
	var rows []journal.Pattern
	if err := s.db.Raw("SELECT id, name, category, description, colour, archived, adaptive FROM patterns WHERE id = ?", id).Scan(&rows).Error; err != nil {
		return journal.Pattern{}, internal("read the pattern", err)
	}
	if len(rows) == 0 {
		return journal.Pattern{}, journal.Errorf(journal.ENotFound, "There is no pattern %d. `throughline pattern list` shows them.", id)
	}
	p := rows[0]
	err := s.openPattern(&p)
	return p, err
}

// PatternNamed finds a pattern by name, ignoring case and spacing.
func (s *Store) PatternNamed(name string) (journal.Pattern, error) {
	var ids []int64
	if err := s.db.Raw("SELECT id FROM patterns WHERE name_key = ?", s.nameKey(name)).Scan(&ids).Error; err != nil {
		return journal.Pattern{}, internal("find the pattern", err)
	}
	if len(ids) == 0 {
		return journal.Pattern{}, journal.Errorf(journal.ENotFound, "There is no pattern called “%s”. `throughline pattern list` shows them.", journal.CleanName(name))
	}
	return s.Pattern(ids[0])
}

// nameTaken reports a conflict when another pattern has name's key.
func (s *Store) nameTaken(tx *gorm.DB, name string, except int64) error {
	var other []string
	if err := tx.Raw("SELECT name FROM patterns WHERE name_key = ? AND id != ?", s.nameKey(name), except).Scan(&other).Error; err != nil {
		return err
	}
	if len(other) > 0 {
		return journal.Errorf(journal.EInvalid, "There is already a pattern called “%s” (names match ignoring case). Choose another name, or merge the two.", name)
	}
	return nil
}

// AddPattern adds a pattern to the vocabulary.
func (s *Store) AddPattern(p journal.Pattern) (journal.Pattern, error) {
	if err := p.Validate(); err != nil {
		return journal.Pattern{}, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.nameTaken(tx, p.Name, 0); err != nil {
			return err
		}
		id, err := s.insertPattern(tx, p)
		p.ID = id
		return err
	})
	return p, internal("add the pattern", err)
}

// UpdatePattern changes a pattern's name, category, description and
// colour; its links to entries stay as they are.
func (s *Store) UpdatePattern(p journal.Pattern) (journal.Pattern, error) {
	if err := p.Validate(); err != nil {
		return journal.Pattern{}, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.nameTaken(tx, p.Name, p.ID); err != nil {
			return err
		}
		seal := sealer{codec: s.codec, table: "patterns", id: p.ID}
		name, desc := seal.seal("name", p.Name), seal.seal("description", p.Description)
		if seal.err != nil {
			return seal.err
		}
		res := tx.Exec("UPDATE patterns SET name = ?, name_key = ?, category = ?, description = ?, colour = ? WHERE id = ?",
			name, s.nameKey(p.Name), p.Category, desc, p.Colour, p.ID)
		if res.Error == nil && res.RowsAffected == 0 {
			return journal.Errorf(journal.ENotFound, "There is no pattern %d. `throughline pattern list` shows them.", p.ID)
		}
		return res.Error
	})
	return p, internal("change the pattern", err)
}

// ArchivePattern stops offering a pattern (or offers it again). Entries
// that name it keep it.
func (s *Store) ArchivePattern(id int64, archived bool) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Exec("UPDATE patterns SET archived = ? WHERE id = ?", archived, id)
		if res.Error == nil && res.RowsAffected == 0 {
			return journal.Errorf(journal.ENotFound, "There is no pattern %d. `throughline pattern list` shows them.", id)
		}
		return res.Error
	})
	return internal("archive the pattern", err)
}

// MergePatterns folds pattern from into pattern into: every entry and
// episode that named from names into instead, and from is removed.
func (s *Store) MergePatterns(from, into int64) error {
	if from == into {
		return journal.Errorf(journal.EInvalid, "A pattern can't be merged into itself. Pick two different patterns.")
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		for _, id := range []int64{from, into} {
			var n int64
			if err := tx.Raw("SELECT COUNT(*) FROM patterns WHERE id = ?", id).Scan(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				return journal.Errorf(journal.ENotFound, "There is no pattern %d. `throughline pattern list` shows them.", id)
			}
		}
		for _, table := range []string{"entry_patterns", "episode_patterns"} {
			owner := strings.TrimSuffix(table, "_patterns") + "_id"
			// OR IGNORE: an entry that named both keeps one link.
			if err := tx.Exec("INSERT OR IGNORE INTO "+table+" ("+owner+", pattern_id) SELECT "+owner+", ? FROM "+table+" WHERE pattern_id = ?", into, from).Error; err != nil {
				return err
			}
			if err := tx.Exec("DELETE FROM "+table+" WHERE pattern_id = ?", from).Error; err != nil {
				return err
			}
		}
		// Synced, so a link another computer makes to from meanwhile
		// lands on into (see linkRows).
		if err := writeAlias(tx, "patterns", from, into); err != nil {
			return err
		}
		return tx.Exec("DELETE FROM patterns WHERE id = ?", from).Error
	})
	return internal("merge the patterns", err)
}
