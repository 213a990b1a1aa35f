package journal

import (
	"slices"

	"gorm.io/gorm"
)

// nextID picks the id for a new row before it is written, so its text can
// be sealed with the row id it will have. Safe because writes run in
// immediate transactions on one connection.
func nextID(tx *gorm.DB, table string) (int64, error) {
	var id int64
	err := tx.Raw("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).Scan(&id).Error
	return id, err
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
		id, stored, NameKey(name), family).Error
	return id, err
}

func (s *Store) insertPattern(tx *gorm.DB, p Pattern) (int64, error) {
	id, err := nextID(tx, "patterns")
	if err != nil {
		return 0, err
	}
	seal := sealer{codec: s.codec, table: "patterns", id: id}
	name, desc := seal.seal("name", p.Name), seal.seal("description", p.Description)
	if seal.err != nil {
		return 0, seal.err
	}
	err = tx.Exec("INSERT INTO patterns (id, name, name_key, category, description) VALUES (?, ?, ?, ?, ?)",
		id, name, NameKey(p.Name), p.Category, desc).Error
	return id, err
}

// vocabularyIDs finds the ids of names in table ("emotions" or
// "patterns"), creating the ones that don't exist yet.
func (s *Store) vocabularyIDs(tx *gorm.DB, table string, names []string) ([]int64, error) {
	ids := make([]int64, 0, len(names))
	for _, name := range names {
		var found []int64
		if err := tx.Raw("SELECT id FROM "+table+" WHERE name_key = ?", NameKey(name)).Scan(&found).Error; err != nil {
			return nil, err
		}
		if len(found) == 1 {
			ids = append(ids, found[0])
			continue
		}
		var id int64
		var err error
		if table == "emotions" {
			id, err = s.insertEmotion(tx, name, FamilyOther)
		} else {
			id, err = s.insertPattern(tx, Pattern{Name: name, Category: CategoryOwn})
		}
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Emotions lists the emotion vocabulary, in family order then seed order.
func (s *Store) Emotions() ([]Emotion, error) {
	var rows []Emotion
	if err := s.db.Raw("SELECT id, name, family FROM emotions ORDER BY id").Scan(&rows).Error; err != nil {
		return nil, internal("read the emotion words", err)
	}
	for i := range rows {
		seal := sealer{codec: s.codec, table: "emotions", id: rows[i].ID}
		rows[i].Name = seal.open("name", rows[i].Name)
		if seal.err != nil {
			return nil, seal.err
		}
	}
	order := map[string]int{}
	for i, f := range EmotionFamilies {
		order[f] = i
	}
	slices.SortStableFunc(rows, func(a, b Emotion) int { return order[a.Family] - order[b.Family] })
	return rows, nil
}

// Patterns lists the pattern vocabulary in the order it was added.
func (s *Store) Patterns() ([]Pattern, error) {
	var rows []Pattern
	if err := s.db.Raw("SELECT id, name, category, description FROM patterns ORDER BY id").Scan(&rows).Error; err != nil {
		return nil, internal("read the patterns", err)
	}
	for i := range rows {
		seal := sealer{codec: s.codec, table: "patterns", id: rows[i].ID}
		rows[i].Name = seal.open("name", rows[i].Name)
		rows[i].Description = seal.open("description", rows[i].Description)
		if seal.err != nil {
			return nil, seal.err
		}
	}
	return rows, nil
}
