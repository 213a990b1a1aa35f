package journal

import (
	"fmt"

	"gorm.io/gorm"
)

// migration is one step of the schema's history. Steps are never edited
// once released: a change is a new step, so every journal, however old,
// upgrades along the same path.
type migration struct {
	id   int
	name string
	up   func(tx *gorm.DB, s *Store) error
}

// migrations is the schema's history, oldest first.
var migrations = []migration{
	{1, "entries and vocabulary", execSQL(schemaEntries)},
	{2, "seed starter vocabulary", seedVocabulary},
	{3, "autosaved drafts", execSQL(schemaDrafts)},
	{4, "index for pattern analysis", execSQL(indexTaggings)},
}

const schemaEntries = `
CREATE TABLE entries (
	id             INTEGER PRIMARY KEY,
	written_at     INTEGER NOT NULL, -- unix seconds
	written_offset INTEGER NOT NULL, -- seconds east of UTC where it was written
	written_zone   TEXT    NOT NULL, -- zone name, to show the time as it was
	created_at     INTEGER NOT NULL, -- unix milliseconds
	updated_at     INTEGER NOT NULL,
	kind           TEXT    NOT NULL CHECK (kind IN ('reflection', 'dream', 'free-association', 'after-session')),
	title          TEXT    NOT NULL DEFAULT '',
	body           TEXT    NOT NULL DEFAULT '',
	mood           INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 10),
	flagged        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entries_by_written ON entries (written_at DESC, id DESC);

CREATE TABLE emotions (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	name_key TEXT NOT NULL UNIQUE,
	family   TEXT NOT NULL
);
CREATE TABLE patterns (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	name_key    TEXT NOT NULL UNIQUE,
	category    TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE entry_emotions (
	entry_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
	emotion_id INTEGER NOT NULL REFERENCES emotions (id),
	PRIMARY KEY (entry_id, emotion_id)
) WITHOUT ROWID;
CREATE INDEX entry_emotions_by_emotion ON entry_emotions (emotion_id);
CREATE TABLE entry_patterns (
	entry_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
	pattern_id INTEGER NOT NULL REFERENCES patterns (id),
	PRIMARY KEY (entry_id, pattern_id)
) WITHOUT ROWID;
CREATE INDEX entry_patterns_by_pattern ON entry_patterns (pattern_id);
`

const schemaDrafts = `
CREATE TABLE drafts (
	slot     INTEGER PRIMARY KEY, -- one editor, one slot; room for more later
	data     TEXT    NOT NULL,    -- the editor's fields as JSON, through the field codec
	saved_at INTEGER NOT NULL     -- unix milliseconds
);
`

// indexTaggings covers what analysis reads of an entry, so reading years
// of dates and moods never touches the pages that hold entry text.
const indexTaggings = `
CREATE INDEX entries_for_analysis ON entries (written_at, id, mood, written_offset, written_zone);
`

func execSQL(sql string) func(tx *gorm.DB, _ *Store) error {
	return func(tx *gorm.DB, _ *Store) error { return tx.Exec(sql).Error }
}

func seedVocabulary(tx *gorm.DB, s *Store) error {
	for _, e := range starterEmotions {
		if _, err := s.insertEmotion(tx, e.Name, e.Family); err != nil {
			return err
		}
	}
	for _, p := range starterPatterns {
		if _, err := s.insertPattern(tx, p); err != nil {
			return err
		}
	}
	return nil
}

// migrate applies the steps of list not yet recorded in the journal, each
// in its own transaction with its record, so a crash leaves the journal
// at a whole step.
func (s *Store) migrate(list []migration) error {
	err := s.db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		id         INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL,
		applied_at INTEGER NOT NULL
	)`).Error
	if err != nil {
		return openError(s.path, err)
	}
	var applied []int
	if err := s.db.Raw("SELECT id FROM schema_migrations").Scan(&applied).Error; err != nil {
		return openError(s.path, err)
	}
	done := map[int]bool{}
	for _, id := range applied {
		done[id] = true
		if id > list[len(list)-1].id {
			return Errorf(ETooNew, "Couldn't open the journal: %s was made by a newer version of Throughline. Install the newer version to open it. Nothing was changed.", s.path)
		}
	}
	for _, m := range list {
		if done[m.id] {
			continue
		}
		err := s.db.Transaction(func(tx *gorm.DB) error {
			if err := m.up(tx, s); err != nil {
				return err
			}
			return tx.Exec("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)",
				m.id, m.name, s.now().UnixMilli()).Error
		})
		if err != nil {
			return internal(fmt.Sprintf("upgrade the journal (step %d, %s)", m.id, m.name), err)
		}
	}
	return nil
}
