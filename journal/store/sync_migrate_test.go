package store

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// Step 21 adds sync's tables: a journal of step 20 keeps its entries, and
// can then turn sync on, its new ids in the device's own range.
func TestMigrations_SyncUpgradesStep20(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	old := openWith(t, path, migrationsThrough(20))
	if got := appliedStep(t, old); got != 20 {
		t.Fatalf("the old journal is at step %d", got)
	}
	e, err := old.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: "before sync", Body: "kept"})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.Entry(e.ID); err != nil || got.Body != "kept" {
		t.Fatalf("after the upgrade: %+v, %v", got, err)
	}
	if err := s.EnableEncryption(syncPass); err != nil {
		t.Fatal(err)
	}
	if err := s.EnableSync(filepath.Join(t.TempDir(), "sync"), "laptop"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Entry(e.ID); err != nil || got.ID != e.ID {
		t.Fatalf("an entry from before sync changed id: %+v, %v", got, err)
	}
	n, err := s.CreateEntry(journal.Entry{WrittenAt: time.Now(), Body: "after"})
	if err != nil || n.ID < 1<<40 {
		t.Fatalf("new entry id %d, %v: not in the device's range", n.ID, err)
	}
}

// A later step's new column is captured too: the triggers are made again
// after migrations while sync is on.
func TestSync_TriggersRemadeAfterMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	s := openWith(t, path, migrations)
	if err := s.EnableEncryption(syncPass); err != nil {
		t.Fatal(err)
	}
	if err := s.EnableSync(filepath.Join(t.TempDir(), "sync"), "laptop"); err != nil {
		t.Fatal(err)
	}
	e, err := s.CreateEntry(journal.Entry{WrittenAt: time.Now(), Body: "x"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	later := append(append([]migration{}, migrations...), migration{99, "a later column", execSQL("ALTER TABLE entries ADD COLUMN later INTEGER NOT NULL DEFAULT 0;")})
	s = openWith(t, path, later)
	defer s.Close()
	if err := s.db.Exec("DELETE FROM sync_outbox").Error; err != nil {
		t.Fatal(err)
	}
	if err := s.db.Exec("UPDATE entries SET later = 1 WHERE id = ?", e.ID).Error; err != nil {
		t.Fatal(err)
	}
	var cols []string
	s.db.Raw("SELECT cols FROM sync_outbox").Scan(&cols)
	if len(cols) != 1 || !strings.Contains(cols[0], `"later"`) {
		t.Errorf("the new column's change was noted as %q", cols)
	}
}

func appliedStep(t *testing.T, s *Store) int {
	t.Helper()
	var v int
	if err := s.db.Raw("SELECT max(id) FROM schema_migrations").Scan(&v).Error; err != nil {
		t.Fatal(err)
	}
	return v
}
