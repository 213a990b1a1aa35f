package store

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/throughline/throughline/journal"
)

const syncPass = "correct horse battery"

// cheapKDF makes passphrases quick to check, so tests that join many
// journals spend their time syncing, not deriving keys.
func cheapKDF(t *testing.T) {
	saved := defaultKDF
	defaultKDF = kdfParams{Time: 1, Memory: 64, Threads: 1}
	t.Cleanup(func() { defaultKDF = saved })
}

// syncFirst makes an encrypted journal with sync on through a new folder.
func syncFirst(t *testing.T, dir string) *Store {
	t.Helper()
	s := mustOpen(t)
	if err := s.EnableEncryption(syncPass); err != nil {
		t.Fatal(err)
	}
	if err := s.EnableSync(dir, "laptop"); err != nil {
		t.Fatal(err)
	}
	return s
}

func syncJoin(t *testing.T, dir, name string) *Store {
	t.Helper()
	s, err := JoinSync(filepath.Join(t.TempDir(), "joined.db"), dir, syncPass, name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustSync(t *testing.T, s *Store) journal.SyncReport {
	t.Helper()
	r, err := s.Sync()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 {
		t.Fatal(r.Problems)
	}
	return r
}

func exportJSON(t *testing.T, s *Store) string {
	t.Helper()
	snap, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.MarshalIndent(snap, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestSync_EntryTravels(t *testing.T) {
	cheapKDF(t)
	dir := filepath.Join(t.TempDir(), "sync")
	a := syncFirst(t, dir)
	e, err := a.CreateEntry(journal.Entry{WrittenAt: a.now(), Title: "first", Body: "before joining"})
	if err != nil {
		t.Fatal(err)
	}
	mustSync(t, a)
	b := syncJoin(t, dir, "desktop")
	got, err := b.Entry(e.ID)
	if err != nil || got.Body != "before joining" {
		t.Fatalf("joined journal: %+v, %v", got, err)
	}
	e2, err := b.CreateEntry(journal.Entry{WrittenAt: b.now(), Title: "second", Body: "from the desktop"})
	if err != nil {
		t.Fatal(err)
	}
	if e2.ID < 1<<40 {
		t.Errorf("id %d made after sync is not in the device's range", e2.ID)
	}
	mustSync(t, b)
	if r := mustSync(t, a); r.Received == 0 {
		t.Fatal("nothing received")
	}
	got, err = a.Entry(e2.ID)
	if err != nil || got.Body != "from the desktop" {
		t.Fatalf("laptop: %+v, %v", got, err)
	}
	if ea, eb := exportJSON(t, a), exportJSON(t, b); ea != eb {
		t.Errorf("exports differ:\n%s\n---\n%s", ea, eb)
	}
}
