package journal

import (
	"path/filepath"
	"testing"
	"time"
)

func TestMigrations_IDsAreUniqueAndIncreasing(t *testing.T) {
	for i := 1; i < len(migrations); i++ {
		if migrations[i].id <= migrations[i-1].id {
			t.Errorf("migration %q has id %d, not after %d", migrations[i].name, migrations[i].id, migrations[i-1].id)
		}
	}
}

// A journal made by each earlier release upgrades to the current schema
// and keeps every row.
func TestMigrations_UpgradeKeepsEveryRow(t *testing.T) {
	for released := 2; released < len(migrations); released++ {
		t.Run(migrations[released-1].name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			old := openWith(t, path, migrations[:released])
			if _, err := old.CreateEntries([]Entry{
				{Title: "before the upgrade", Body: "kept", Mood: 3, WrittenAt: time.Now(), Patterns: []string{"denial"}, Emotions: []string{"sad"}},
				{Title: "second", WrittenAt: time.Now(), Flagged: true},
			}); err != nil {
				t.Fatal(err)
			}
			old.Close()

			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			entries, err := s.Entries(EntryQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 2 || entries[1].Body != "kept" || entries[1].Patterns[0] != "denial" || !entries[0].Flagged {
				t.Fatalf("after upgrade: %+v", entries)
			}
			var applied int
			s.db.Raw("SELECT COUNT(*) FROM schema_migrations").Scan(&applied)
			if applied != len(migrations) {
				t.Errorf("%d migrations recorded, want %d", applied, len(migrations))
			}
		})
	}
}

// openWith opens the journal at path with only the given migrations, as an older release would have.
func openWith(t *testing.T, path string, list []migration) *Store {
	t.Helper()
	saved := migrations
	migrations = list
	defer func() { migrations = saved }()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
