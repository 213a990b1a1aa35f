package store

// schemaSync holds what sync keeps beside the journal. None of it is
// synced itself except sync_aliases (see syncedTables).
const schemaSync = `
CREATE TABLE sync_self (
	id             INTEGER PRIMARY KEY CHECK (id = 1),
	folder         TEXT    NOT NULL,
	device         TEXT    NOT NULL,
	device_name    TEXT    NOT NULL,
	number         INTEGER NOT NULL, -- this device's id range: [number<<40, (number+1)<<40)
	hlc            INTEGER NOT NULL DEFAULT 0,
	wrote          INTEGER NOT NULL DEFAULT 0, -- the last segment written
	snapshot_at    INTEGER NOT NULL DEFAULT 0, -- wrote when the last snapshot was written
	last_sync      INTEGER NOT NULL DEFAULT 0  -- unix ms
);
CREATE TABLE sync_outbox (
	seq   INTEGER PRIMARY KEY AUTOINCREMENT,
	tbl   TEXT    NOT NULL,
	key   TEXT    NOT NULL, -- JSON array of the key columns' values
	op    TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
	cols  TEXT,             -- JSON array of the columns an update changed
	at_ms INTEGER NOT NULL
);
CREATE TABLE sync_clock (
	tbl     TEXT    NOT NULL,
	key     TEXT    NOT NULL,
	col     TEXT    NOT NULL, -- '*' is the row's existence
	hlc     INTEGER NOT NULL,
	device  TEXT    NOT NULL,
	deleted INTEGER NOT NULL DEFAULT 0, -- for '*': a tombstone
	PRIMARY KEY (tbl, key, col)
) WITHOUT ROWID;
CREATE TABLE sync_cursors (
	device TEXT    PRIMARY KEY,
	seq    INTEGER NOT NULL
);
CREATE TABLE sync_pending (
	id     INTEGER PRIMARY KEY,
	change TEXT    NOT NULL -- JSON of a change waiting for its row or its row's parents
);
CREATE TABLE sync_aliases (
	tbl     TEXT    NOT NULL,
	from_id INTEGER NOT NULL,
	to_id   INTEGER NOT NULL,
	PRIMARY KEY (tbl, from_id)
);
CREATE TABLE sync_body_versions (
	entry_id INTEGER NOT NULL,
	hlc      INTEGER NOT NULL,
	device   TEXT    NOT NULL,
	bases    TEXT    NOT NULL, -- JSON array of "hlc/device" versions this one replaced
	PRIMARY KEY (entry_id, hlc, device)
) WITHOUT ROWID;
CREATE TABLE sync_conflicts (
	entry_id INTEGER NOT NULL,
	hlc      INTEGER NOT NULL,
	device   TEXT    NOT NULL,
	body     TEXT    NOT NULL, -- sealed like entries.body
	PRIMARY KEY (entry_id, hlc, device)
) WITHOUT ROWID;
`

// syncedTable is a table of the person's data that sync carries, parents
// before children so a snapshot loads in order.
type syncedTable struct {
	name string
	key  []string
}

var syncedTables = []syncedTable{
	{"settings", []string{"key"}},
	{"emotions", []string{"id"}},
	{"patterns", []string{"id"}},
	{"people", []string{"id"}},
	{"hidden_words", []string{"id"}},
	{"goals", []string{"id"}},
	{"entries", []string{"id"}},
	{"entry_emotions", []string{"entry_id", "emotion_id"}},
	{"entry_patterns", []string{"entry_id", "pattern_id"}},
	{"entry_goals", []string{"entry_id", "goal_id"}},
	{"episodes", []string{"id"}},
	{"episode_patterns", []string{"episode_id", "pattern_id"}},
	{"episode_emotions", []string{"episode_id", "emotion_id"}},
	{"episode_categories", []string{"episode_id", "component", "category"}},
	{"checkins", []string{"id"}},
	{"sessions", []string{"id"}},
	{"session_questions", []string{"id"}},
	{"measures", []string{"id"}},
	{"attachments", []string{"id"}},
	{"entry_attachments", []string{"id"}},
	{"mood_checkins", []string{"id"}},
	{"mood_checkin_emotions", []string{"checkin_id", "emotion_id"}},
	{"sync_aliases", []string{"tbl", "from_id"}},
}

func syncedTableNamed(name string) (syncedTable, bool) {
	for _, t := range syncedTables {
		if t.name == name {
			return t, true
		}
	}
	return syncedTable{}, false
}
