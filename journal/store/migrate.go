package store

import (
	"fmt"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
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
	{5, "pattern colours and archiving", execSQL(schemaPatternStyle)},
	{6, "people and relationship episodes", execSQL(schemaEpisodes)},
	{7, "goals, check-ins, sessions, measures and settings", execSQL(schemaProgress)},
	{8, "where imported entries came from", execSQL(schemaSources)},
	{9, "full-text search", searchMigration},
	{10, "encryption keyring", execSQL(schemaKeyring)},
	{11, "ids never reused", execSQL(schemaIDCounters)},
	{12, "questionnaires' difficulty question", execSQL(schemaMeasureDifficulty)},
	{13, "aliases and words hidden in reports", execSQL(schemaHiding)},
	{14, "search reads its text from the entries", searchTextMigration},
	{15, "attachments", execSQL(schemaAttachments)},
	{17, "episodes' CCRT categories", execSQL(schemaCCRT)},
	{18, "where a new DIT course starts", execSQL(schemaNewCourse)},
	{19, "starter vocabulary described and softened, adaptive defenses marked", starterRefreshMigration},
	{20, "mood check-ins", execSQL(schemaMoodCheckIns)},
	{21, "sync through a folder", execSQL(schemaSync)},
	{22, "a deleted entry's body versions go with it", execSQL(schemaBodyVersionsFollowEntries)},
}

// indexingSteps are the steps that index every entry, which upgrades
// report (see ReportUpgrade).
var indexingSteps = map[int]bool{9: true, 14: true}

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

const schemaPatternStyle = `
ALTER TABLE patterns ADD COLUMN colour TEXT NOT NULL DEFAULT ''; -- '#rrggbb', or '' for the category's
ALTER TABLE patterns ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
`

// schemaEpisodes holds relationship episodes in the Core Conflictual
// Relationship Theme form: a wish, the other's response, one's own.
const schemaEpisodes = `
CREATE TABLE people (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	name_key TEXT NOT NULL UNIQUE,
	role     TEXT NOT NULL CHECK (role IN ('partner', 'parent', 'sibling', 'child', 'friend', 'boss', 'colleague', 'therapist', 'other'))
);
CREATE TABLE episodes (
	id                INTEGER PRIMARY KEY,
	entry_id          INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
	position          INTEGER NOT NULL,            -- order within the entry
	person_id         INTEGER REFERENCES people (id),
	wish              TEXT    NOT NULL DEFAULT '', -- what I wanted
	other_response    TEXT    NOT NULL DEFAULT '', -- how they responded
	self_response     TEXT    NOT NULL DEFAULT '', -- how I responded
	reminds           TEXT    NOT NULL DEFAULT '', -- what it reminds me of from earlier in life
	earlier_person_id INTEGER REFERENCES people (id)
);
CREATE INDEX episodes_by_entry ON episodes (entry_id, position);
CREATE INDEX episodes_by_person ON episodes (person_id);
CREATE INDEX episodes_by_earlier_person ON episodes (earlier_person_id);
CREATE TABLE episode_patterns (
	episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
	pattern_id INTEGER NOT NULL REFERENCES patterns (id),
	PRIMARY KEY (episode_id, pattern_id)
) WITHOUT ROWID;
CREATE INDEX episode_patterns_by_pattern ON episode_patterns (pattern_id);
CREATE TABLE episode_emotions (
	episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
	emotion_id INTEGER NOT NULL REFERENCES emotions (id),
	PRIMARY KEY (episode_id, emotion_id)
) WITHOUT ROWID;
CREATE INDEX episode_emotions_by_emotion ON episode_emotions (emotion_id);
`

const schemaProgress = `
CREATE TABLE goals (
	id         INTEGER PRIMARY KEY,
	parent_id  INTEGER REFERENCES goals (id),
	title      TEXT    NOT NULL,
	description TEXT   NOT NULL DEFAULT '',
	priority   INTEGER NOT NULL, -- 0 first, among goals with the same parent
	status     TEXT    NOT NULL CHECK (status IN ('active', 'completed', 'archived')),
	created_at INTEGER NOT NULL, -- unix milliseconds
	done_at    INTEGER           -- when completed or archived
);
CREATE INDEX goals_by_parent ON goals (parent_id, priority);
CREATE TABLE checkins (
	id        INTEGER PRIMARY KEY,
	goal_id   INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
	at        INTEGER NOT NULL, -- unix seconds
	at_offset INTEGER NOT NULL,
	rating    INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
	note      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX checkins_by_goal ON checkins (goal_id, at);
CREATE TABLE entry_goals (
	entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
	goal_id  INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
	PRIMARY KEY (entry_id, goal_id)
) WITHOUT ROWID;
CREATE INDEX entry_goals_by_goal ON entry_goals (goal_id);
CREATE TABLE sessions (
	id        INTEGER PRIMARY KEY,
	at        INTEGER NOT NULL, -- unix seconds
	at_offset INTEGER NOT NULL,
	at_zone   TEXT    NOT NULL,
	format    TEXT    NOT NULL CHECK (format IN ('individual', 'couples', 'family', 'group')),
	approach  TEXT    NOT NULL CHECK (approach IN ('psychodynamic', 'dynamic interpersonal therapy', 'brief', 'long-term', 'art or music', 'other')),
	takeaways TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_time ON sessions (at);
CREATE TABLE session_questions (
	id         INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	text       TEXT    NOT NULL,
	done       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX session_questions_by_session ON session_questions (session_id, position);
CREATE TABLE measures (
	id         INTEGER PRIMARY KEY,
	instrument TEXT    NOT NULL CHECK (instrument IN ('phq9', 'gad7')),
	at         INTEGER NOT NULL, -- unix seconds
	at_offset  INTEGER NOT NULL,
	answers    TEXT    NOT NULL, -- "0,1,2,..."
	score      INTEGER NOT NULL
);
CREATE INDEX measures_by_time ON measures (instrument, at);
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
`

// schemaSources remembers each imported entry's origin, so importing the
// same file twice adds nothing.
const schemaSources = `
ALTER TABLE entries ADD COLUMN source TEXT NOT NULL DEFAULT '';    -- "jrnl", "dayone", ... or '' when written here
ALTER TABLE entries ADD COLUMN source_id TEXT NOT NULL DEFAULT ''; -- the entry's id in that journal, when it has one
CREATE UNIQUE INDEX entries_by_source ON entries (source, source_id) WHERE source_id != '';
`

// schemaIDCounters holds the next id of each table, so an id is never
// given out twice, even after the newest row is deleted.
const schemaIDCounters = `
CREATE TABLE id_counters (
	name TEXT    PRIMARY KEY, -- the table
	next INTEGER NOT NULL
) WITHOUT ROWID;
`

// schemaMeasureDifficulty keeps the forms' last, unscored question:
// how difficult the problems have made things, 0 to 3, or NULL when it
// was left blank, as it is in every questionnaire kept before.
const schemaMeasureDifficulty = `
ALTER TABLE measures ADD COLUMN difficulty INTEGER CHECK (difficulty IS NULL OR difficulty BETWEEN 0 AND 3);
`

// schemaHiding holds what a redacted report hides besides people's
// names: the other names they go by, and one-off words (a name that is
// no one in the people list). Both are sealed like names.
const schemaHiding = `
ALTER TABLE people ADD COLUMN aliases TEXT NOT NULL DEFAULT ''; -- one a line
CREATE TABLE hidden_words (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	name_key TEXT NOT NULL UNIQUE
);
`

// schemaNewCourse marks the session that starts a new course of
// dynamic interpersonal therapy. No session is marked in a journal kept
// before, so its sessions stay one course, numbered as they were.
const schemaNewCourse = `
ALTER TABLE sessions ADD COLUMN new_course INTEGER NOT NULL DEFAULT 0 CHECK (new_course IN (0, 1));
`

// schemaCCRT gives episodes the standard CCRT categories (names from
// journal.Component.Categories, checked there so the list can grow
// without a step) and, for each response, whether it was expected or
// actual and whether it went well.
const schemaCCRT = `
CREATE TABLE episode_categories (
	episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
	component  TEXT    NOT NULL CHECK (component IN ('wish', 'other', 'self')),
	category   TEXT    NOT NULL,
	PRIMARY KEY (episode_id, component, category)
) WITHOUT ROWID;
ALTER TABLE episodes ADD COLUMN other_expected INTEGER NOT NULL DEFAULT 0 CHECK (other_expected IN (0, 1));
ALTER TABLE episodes ADD COLUMN other_valence TEXT NOT NULL DEFAULT '' CHECK (other_valence IN ('', 'positive', 'negative'));
ALTER TABLE episodes ADD COLUMN self_expected INTEGER NOT NULL DEFAULT 0 CHECK (self_expected IN (0, 1));
ALTER TABLE episodes ADD COLUMN self_valence TEXT NOT NULL DEFAULT '' CHECK (self_valence IN ('', 'positive', 'negative'));
`

// SchemaVersion is the newest migration this build knows.
func SchemaVersion() int { return migrations[len(migrations)-1].id }

// schemaSearch is step 9's search index, which kept its own copy of the
// text (step 14 replaces it), and entries_for_search, which covers what
// search filters read, so filtering by mood or the session flag never
// reads the pages that hold entry text.
const schemaSearch = `
CREATE VIRTUAL TABLE search_index USING fts5(title, body, episodes, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(5.0, 1.0, 2.0)');
INSERT INTO search_index (search_index, rank) VALUES ('automerge', 8);
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 8388608);
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
CREATE INDEX entries_for_search ON entries (written_at, id, mood, flagged);
`

// searchMigration creates the search index and fills it with what the
// journal already holds. No journal is encrypted at this step.
func searchMigration(tx *gorm.DB, s *Store) error {
	if err := tx.Exec(schemaSearch).Error; err != nil {
		return err
	}
	return s.indexOpened(tx)
}

// searchTextMigration replaces step 9's index, which held a second copy
// of every entry's text, with one that reads the text from the entries
// (see searchIndexSQL): a journal a third the size. An encrypted
// journal has no index on disk to replace.
func searchTextMigration(tx *gorm.DB, s *Store) error {
	if err := tx.Exec(searchTextSQL).Error; err != nil {
		return err
	}
	var indexes int
	if err := tx.Raw("SELECT count(*) FROM sqlite_master WHERE name = ?", searchTable).Scan(&indexes).Error; err != nil {
		return err
	}
	if indexes == 0 {
		s.upgrade.skip()
		return nil
	}
	// Zeroing the old copy's pages as they are freed, as secure_delete
	// does, would take as long as the indexing: VACUUM drops them after
	// the step instead (see migrate), and they held only text the
	// entries still hold.
	if err := tx.Exec("PRAGMA secure_delete = 0").Error; err != nil {
		return err
	}
	err := tx.Exec("DROP TABLE " + searchTable).Error
	if restore := tx.Exec("PRAGMA secure_delete = 1").Error; err == nil {
		err = restore
	}
	if err != nil {
		return err
	}
	if err := tx.Exec(searchIndexSQL("", true)).Error; err != nil {
		return err
	}
	s.shrink = true
	return s.indexJournal(tx)
}

func execSQL(sql string) func(tx *gorm.DB, _ *Store) error {
	return func(tx *gorm.DB, _ *Store) error { return tx.Exec(sql).Error }
}

// seedVocabulary writes the starter words with the columns step 2 had,
// so later steps that add columns never break it.
func seedVocabulary(tx *gorm.DB, s *Store) error {
	for i, e := range journal.StarterEmotions {
		id := int64(i + 1)
		seal := sealer{codec: s.codec, table: "emotions", id: id}
		name := seal.seal("name", e.Name)
		if seal.err != nil {
			return seal.err
		}
		if err := tx.Exec("INSERT INTO emotions (id, name, name_key, family) VALUES (?, ?, ?, ?)", id, name, s.nameKey(e.Name), e.Family).Error; err != nil {
			return err
		}
	}
	for i, p := range journal.StarterPatterns {
		id := int64(i + 1)
		seal := sealer{codec: s.codec, table: "patterns", id: id}
		name, desc := seal.seal("name", p.Name), seal.seal("description", p.Description)
		if seal.err != nil {
			return seal.err
		}
		if err := tx.Exec("INSERT INTO patterns (id, name, name_key, category, description) VALUES (?, ?, ?, ?, ?)",
			id, name, s.nameKey(p.Name), p.Category, desc).Error; err != nil {
			return err
		}
	}
	return nil
}

// migrate applies the steps of list not yet recorded in the journal, each
// in its own transaction with its record, so a crash leaves the journal
// at a whole step. Looking costs one small read; only when there is
// something to do does it take the upgrade lock, and then it looks
// again, since another program may have done it meanwhile.
func (s *Store) migrate(list []migration, lock *upgradeLock) error {
	todo, err := s.pendingMigrations(list)
	if err != nil || len(todo) == 0 {
		return err
	}
	if err := lock.hold(); err != nil {
		return err
	}
	if todo, err = s.pendingMigrations(list); err != nil {
		return err
	}
	if len(todo) > 0 {
		err := s.db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
			id         INTEGER PRIMARY KEY,
			name       TEXT    NOT NULL,
			applied_at INTEGER NOT NULL
		)`).Error
		if err != nil {
			return internal("prepare the journal", err)
		}
	}
	passes := 0
	for _, m := range todo {
		if indexingSteps[m.id] {
			passes++
		}
	}
	if passes > 0 && s.upgrade != nil {
		var entries int
		s.db.Raw("SELECT count(*) FROM entries").Scan(&entries) // a new journal has no table yet: nothing to report
		s.upgrade.plan(passes, entries)
	}
	for _, m := range todo {
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
	if len(todo) > 0 {
		// A new journal's steps leave a log several times the file's
		// size; copying it in now keeps a small disk's room for entries.
		s.checkpoint()
	}
	if len(todo) > 0 && syncNumber(s.db) > 0 {
		// A step may have added columns: capture them too.
		if err := s.db.Transaction(installSyncTriggers); err != nil {
			return internal("upgrade the journal (sync)", err)
		}
	}
	if s.shrink {
		// The pages a step freed go back to the file system, still under
		// the upgrade lock. A journal that stays its old size is still
		// whole, so a failure here is no reason to refuse it.
		s.shrink = false
		s.upgrade.tidy()
		s.db.Exec("VACUUM")
	}
	return nil
}

// pendingMigrations lists the steps of list the journal hasn't had, and
// refuses a journal with steps this build doesn't know.
func (s *Store) pendingMigrations(list []migration) ([]migration, error) {
	// Read without writing: a write waits for the integrity check, and
	// opening an up-to-date journal should not.
	var tables int
	if err := s.db.Raw("SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'").Scan(&tables).Error; err != nil {
		return nil, openError(s.path, err)
	}
	var applied []int
	if tables > 0 {
		if err := s.db.Raw("SELECT id FROM schema_migrations").Scan(&applied).Error; err != nil {
			return nil, openError(s.path, err)
		}
	}
	done := map[int]bool{}
	for _, id := range applied {
		done[id] = true
		if id > list[len(list)-1].id {
			return nil, journal.Errorf(journal.ETooNew, "Couldn't open the journal: %s was made by a newer version of Throughline. Install the newer version to open it. Nothing was changed.", s.path)
		}
	}
	var todo []migration
	for _, m := range list {
		if !done[m.id] {
			todo = append(todo, m)
		}
	}
	return todo, nil
}

// schemaMoodCheckIns keeps moods noted without an entry. Their feelings
// link to the vocabulary as entries' do; a feeling turned into a
// pattern drops out of the check-ins that named it. No free text, so
// nothing here is sealed. Not the goals' checkins table.
const schemaMoodCheckIns = `
CREATE TABLE mood_checkins (
	id        INTEGER PRIMARY KEY,
	at        INTEGER NOT NULL, -- unix seconds
	at_offset INTEGER NOT NULL,
	at_zone   TEXT    NOT NULL,
	mood      INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 10)
);
CREATE INDEX mood_checkins_by_time ON mood_checkins (at);
CREATE TABLE mood_checkin_emotions (
	checkin_id INTEGER NOT NULL REFERENCES mood_checkins (id) ON DELETE CASCADE,
	emotion_id INTEGER NOT NULL REFERENCES emotions (id) ON DELETE CASCADE,
	PRIMARY KEY (checkin_id, emotion_id)
) WITHOUT ROWID;
CREATE INDEX mood_checkin_emotions_by_emotion ON mood_checkin_emotions (emotion_id);
`
