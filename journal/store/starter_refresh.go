package store

import (
	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// schemaStarterRefresh gives emotions a description and defenses a mark
// for being adaptive, and notes that the starter vocabulary is still to
// be brought up to date: at once in a plain journal, at the next unlock
// in an encrypted one, whose names and text can't be read or sealed
// without the passphrase.
const schemaStarterRefresh = `
ALTER TABLE emotions ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE patterns ADD COLUMN adaptive INTEGER NOT NULL DEFAULT 0;
CREATE TABLE starter_refresh_pending (step INTEGER PRIMARY KEY);
INSERT INTO starter_refresh_pending (step) VALUES (19);
`

// formerStarterPattern is a starter pattern as journals seeded before
// step 19 hold it. A row still holding exactly this was never changed by
// the person, so it may be brought up to date; one they changed is theirs.
type formerStarterPattern struct{ name, description string }

var formerStarterPatterns = map[string]formerStarterPattern{
	"denial":         {"denial", "Not letting myself see something that is plainly there."},
	"acting out":     {"acting out", "Doing something drastic instead of putting a feeling into words."},
	"indirect anger": {"passive aggression", "Showing anger indirectly: lateness, silence, 'forgetting'."},
}

func starterRefreshMigration(tx *gorm.DB, s *Store) error {
	if err := tx.Exec(schemaStarterRefresh).Error; err != nil {
		return err
	}
	if _, encrypted, err := s.keyring(tx); err != nil || encrypted {
		return err
	}
	return s.refreshStarterVocabulary(tx)
}

// refreshPendingStarters brings an encrypted journal's starter vocabulary
// up to date once it is unlocked. A failure leaves it pending for the
// next unlock rather than keeping the person from their journal.
func (s *Store) refreshPendingStarters() {
	var pending int
	if s.db.Raw("SELECT count(*) FROM starter_refresh_pending").Scan(&pending).Error != nil || pending == 0 {
		return
	}
	s.db.Transaction(s.refreshStarterVocabulary)
}

// refreshStarterVocabulary adds the starter emotions and patterns the
// journal lacks (by name, so one the person already has is left alone),
// fills the descriptions left empty, marks the adaptive defenses, and
// replaces former starter text a row still holds. Every text goes
// through the journal's codec.
func (s *Store) refreshStarterVocabulary(tx *gorm.DB) error {
	for _, e := range journal.StarterEmotions {
		if err := s.refreshStarterEmotion(tx, e); err != nil {
			return err
		}
	}
	for _, p := range journal.StarterPatterns {
		if err := s.refreshStarterPattern(tx, p); err != nil {
			return err
		}
	}
	if err := s.describeStarterGoals(tx); err != nil {
		return err
	}
	return tx.Exec("DELETE FROM starter_refresh_pending").Error
}

func (s *Store) refreshStarterEmotion(tx *gorm.DB, e journal.Emotion) error {
	var rows []journal.Emotion
	if err := tx.Raw("SELECT id, description FROM emotions WHERE name_key = ?", s.nameKey(e.Name)).Scan(&rows).Error; err != nil {
		return err
	}
	if len(rows) == 0 {
		id, err := s.insertEmotion(tx, e.Name, e.Family)
		if err != nil {
			return err
		}
		rows = append(rows, journal.Emotion{ID: id})
	}
	seal := sealer{codec: s.codec, table: "emotions", id: rows[0].ID}
	if seal.open("description", rows[0].Description) != "" {
		return nil // the person's own words
	}
	desc := seal.seal("description", e.Description)
	if seal.err != nil {
		return seal.err
	}
	return tx.Exec("UPDATE emotions SET description = ? WHERE id = ?", desc, rows[0].ID).Error
}

func (s *Store) refreshStarterPattern(tx *gorm.DB, p journal.Pattern) error {
	former, softened := formerStarterPatterns[p.Name]
	var rows []journal.Pattern
	find := func(name string) error {
		return tx.Raw("SELECT id, name, description FROM patterns WHERE name_key = ?", s.nameKey(name)).Scan(&rows).Error
	}
	if err := find(p.Name); err != nil {
		return err
	}
	if len(rows) == 0 && softened && former.name != p.Name {
		if err := find(former.name); err != nil {
			return err
		}
	}
	var id int64
	if len(rows) == 0 {
		var err error
		if id, err = s.insertPattern(tx, p); err != nil {
			return err
		}
	} else {
		id = rows[0].ID
		if err := s.openPattern(&rows[0]); err != nil {
			return err
		}
		if softened && rows[0].Description == former.description && rows[0].Name == former.name {
			seal := sealer{codec: s.codec, table: "patterns", id: id}
			name, desc := seal.seal("name", p.Name), seal.seal("description", p.Description)
			if seal.err != nil {
				return seal.err
			}
			if err := tx.Exec("UPDATE patterns SET name = ?, name_key = ?, description = ? WHERE id = ?",
				name, s.nameKey(p.Name), desc, id).Error; err != nil {
				return err
			}
		}
	}
	if !p.Adaptive {
		return nil
	}
	return tx.Exec("UPDATE patterns SET adaptive = 1 WHERE id = ?", id).Error
}

// describeStarterGoals gives a starter goal the person kept without a
// description the starter's one-line description.
func (s *Store) describeStarterGoals(tx *gorm.DB) error {
	described := map[string]string{}
	for _, g := range journal.StarterGoals {
		described[g.Title] = g.Description
		for _, sub := range g.Sub {
			described[sub.Title] = sub.Description
		}
	}
	var rows []struct {
		ID    int64
		Title string
	}
	if err := tx.Raw("SELECT id, title FROM goals WHERE description = ''").Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		seal := sealer{codec: s.codec, table: "goals", id: r.ID}
		description, ok := described[seal.open("title", r.Title)]
		if seal.err != nil {
			return seal.err
		}
		if !ok {
			continue
		}
		desc := seal.seal("description", description)
		if seal.err != nil {
			return seal.err
		}
		if err := tx.Exec("UPDATE goals SET description = ? WHERE id = ?", desc, r.ID).Error; err != nil {
			return err
		}
	}
	return nil
}
