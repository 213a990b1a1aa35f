package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

const testPassphrase = "correct horse battery staple"

// canary is one word (letters and digits), so the search index would
// hold it as a term if it held it at all.
const canary = "Zqxcanary7731"

// writeCanaries puts the canary into every kind of free text a person
// can write.
func writeCanaries(t *testing.T, s *Store) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.AddPerson(journal.Person{Name: canary + "Person", Role: "friend"})
	must(err)
	_, err = s.AddPattern(journal.Pattern{Name: canary + "Pattern", Description: "about " + canary})
	must(err)
	goals, err := s.AddGoals([]journal.Goal{{Title: canary + " goal", Description: canary + " why"}})
	must(err)
	_, err = s.AddCheckIn(journal.CheckIn{GoalID: goals[0].ID, At: time.Now(), Rating: 5, Note: canary + " note"})
	must(err)
	_, err = s.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: canary + " title", Body: "the body says " + canary,
		Emotions: []string{canary + "Feeling"}, Patterns: []string{canary + "Pattern"},
		Episodes: []journal.Episode{{Person: canary + "Person", Wish: canary + " wish", OtherResponse: canary + " other",
			SelfResponse: canary + " self", Reminds: canary + " reminds", EarlierPerson: canary + "Earlier"}}})
	must(err)
	_, err = s.SaveSession(journal.Session{At: time.Now(), Format: "individual", Approach: "brief", Takeaways: canary + " takeaway",
		Questions: []journal.Question{{Text: canary + " question"}}})
	must(err)
	must(s.SaveDraft(journal.Draft{Title: canary + " draft", Body: canary}))
	entries, err := s.Entries(journal.EntryQuery{Limit: 1})
	must(err)
	_, err = s.AddAttachment(entries[0].ID, canary+" drawing.png", []byte("\x89PNG\r\n\x1a\n the picture of "+canary))
	must(err)
}

// assertNoCanary reads every file of the journal as bytes.
func assertNoCanary(t *testing.T, path string) {
	t.Helper()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		data, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, form := range []string{canary, strings.ToLower(canary)} {
			if i := bytes.Index(data, []byte(form)); i >= 0 {
				t.Errorf("%s holds %q at byte %d", filepath.Base(p), form, i)
			}
		}
	}
}

func hasCanary(t *testing.T, path string) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(bytes.ToLower(data), []byte(strings.ToLower(canary)))
}

func mustUnlocked(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Unlock(testPassphrase); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestEncryption_NoPlaintextOnDisk(t *testing.T) {
	for _, tc := range []struct {
		name       string
		writeFirst bool // write, then encrypt; or encrypt, then write
	}{{"turned on after writing", true}, {"written after turning on", false}} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if tc.writeFirst {
				writeCanaries(t, s)
				s.checkpoint()
				if !hasCanary(t, path) {
					t.Fatal("the canary isn't in the plain journal, so the test can't see it")
				}
			}
			if err := s.EnableEncryption(testPassphrase); err != nil {
				t.Fatal(err)
			}
			if !tc.writeFirst {
				writeCanaries(t, s)
			}
			// Still readable and searchable while unlocked.
			if res, err := s.Search(SearchQuery{Text: canary}); err != nil || res.Total != 1 {
				t.Errorf("searching the unlocked journal: %+v, %v", res, err)
			}
			assertNoCanary(t, path) // while open: the log included
			s.Close()
			assertNoCanary(t, path)
		})
	}
}

func TestEncryption_LockedUntilUnlocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	writeCanaries(t, s)
	if err := s.EnableEncryption(testPassphrase); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.Encrypted() || !s.Locked() {
		t.Fatalf("encrypted %v, locked %v after reopening", s.Encrypted(), s.Locked())
	}
	var je *journal.Error
	if _, err := s.Entries(journal.EntryQuery{}); !errors.As(err, &je) || je.Code != journal.ELocked {
		t.Errorf("reading a locked journal: %v, want %s", err, journal.ELocked)
	}
	if _, err := s.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: "while locked"}); !errors.As(err, &je) || je.Code != journal.ELocked {
		t.Errorf("writing a locked journal: %v, want %s", err, journal.ELocked)
	}

	before := filesHash(t, path)
	if err := s.Unlock("wrong passphrase"); !errors.As(err, &je) || je.Code != journal.EInvalid || !strings.Contains(err.Error(), "doesn't open this journal") {
		t.Errorf("a wrong passphrase: %v", err)
	}
	if filesHash(t, path) != before || !s.Locked() {
		t.Error("a wrong passphrase changed the journal or unlocked it")
	}

	if err := s.Unlock(testPassphrase); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Entries(journal.EntryQuery{})
	if err != nil || len(entries) != 1 || entries[0].Title != canary+" title" || entries[0].Episodes[0].Person != canary+"Person" {
		t.Fatalf("after unlocking: %+v, %v", entries, err)
	}
	// Names are still found and kept unique through their keyed hashes.
	if _, err := s.PersonNamed(strings.ToUpper(canary) + "PERSON"); err != nil {
		t.Errorf("finding a person by name: %v", err)
	}
	if _, err := s.AddPattern(journal.Pattern{Name: canary + "pattern"}); err == nil {
		t.Error("a pattern with the same name (ignoring case) was added")
	}
	if d, ok, err := s.Draft(); err != nil || !ok || d.Body != canary {
		t.Errorf("the draft: %+v, %v, %v", d, ok, err)
	}
	if res, err := s.Search(SearchQuery{Text: canary + " wish"}); err != nil || res.Total != 1 || !strings.Contains(res.Hits[0].Snippet.Markdown(), "**") {
		t.Errorf("search after unlocking: %+v, %v", res, err)
	}

	s.Lock()
	if _, err := s.Search(SearchQuery{Text: canary}); err == nil {
		t.Error("searching after locking worked")
	}
}

func filesHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wal, _ := os.ReadFile(path + "-wal")
	return sha256.Sum256(append(data, wal...))
}

// A changed byte of ciphertext, or ciphertext moved to another row, is
// refused rather than read as something else.
func TestEncryption_TamperingIsDetected(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tamper string
	}{
		{"one byte changed", `UPDATE entries SET title = substr(title, 1, 10) || CASE substr(title, 11, 1) WHEN 'A' THEN 'B' ELSE 'A' END || substr(title, 12) WHERE id = 1`},
		{"moved to another row", `UPDATE entries SET title = (SELECT title FROM entries WHERE id = 2) WHERE id = 1`},
		{"moved to another column", `UPDATE entries SET title = body WHERE id = 1`},
		{"plain text put in", `UPDATE entries SET title = 'not encrypted' WHERE id = 1`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpen(t)
			if _, err := s.CreateEntries([]journal.Entry{{WrittenAt: time.Now(), Title: "first", Body: "one"}, {WrittenAt: time.Now(), Title: "second"}}); err != nil {
				t.Fatal(err)
			}
			if err := s.EnableEncryption(testPassphrase); err != nil {
				t.Fatal(err)
			}
			if err := s.db.Exec(tc.tamper).Error; err != nil {
				t.Fatal(err)
			}
			if e, err := s.Entry(1); err == nil {
				t.Errorf("the tampered entry read as %q", e.Title)
			} else if !strings.Contains(err.Error(), "changed outside Throughline") {
				t.Errorf("the error doesn't say why: %v", err)
			}
			if e, err := s.Entry(2); err != nil || e.Title != "second" {
				t.Errorf("the untouched entry: %+v, %v", e, err)
			}
		})
	}
}

func TestEncryption_TurnOffAndChangePassphrase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	writeCanaries(t, s)
	for _, step := range []struct {
		name string
		do   func() error
		fail string // what the error must say; "" for success
	}{
		{"too short", func() error { return s.EnableEncryption("short") }, "at least 8 characters"},
		{"on", func() error { return s.EnableEncryption(testPassphrase) }, ""},
		{"on again", func() error { return s.EnableEncryption(testPassphrase) }, "already encrypted"},
		{"change, wrong old", func() error { return s.ChangePassphrase("not it at all", "a new passphrase here") }, "doesn't open"},
		{"change", func() error { return s.ChangePassphrase(testPassphrase, "a new passphrase here") }, ""},
		{"off, old passphrase", func() error { return s.DisableEncryption(testPassphrase) }, "doesn't open"},
		{"off", func() error { return s.DisableEncryption("a new passphrase here") }, ""},
		{"off again", func() error { return s.DisableEncryption("a new passphrase here") }, "isn't encrypted"},
	} {
		err := step.do()
		if step.fail == "" && err != nil || step.fail != "" && (err == nil || !strings.Contains(err.Error(), step.fail)) {
			t.Fatalf("%s: %v, want %q", step.name, err, step.fail)
		}
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Encrypted() {
		t.Fatal("still encrypted after turning it off")
	}
	entries, err := s.Entries(journal.EntryQuery{})
	if err != nil || len(entries) != 1 || entries[0].Body != "the body says "+canary {
		t.Fatalf("after turning encryption off: %+v, %v", entries, err)
	}
	if res, err := s.Search(SearchQuery{Text: canary}); err != nil || res.Total != 1 {
		t.Errorf("search after turning encryption off: %+v, %v", res, err)
	}
	if _, err := s.PersonNamed(canary + "person"); err != nil {
		t.Errorf("names after turning encryption off: %v", err)
	}
}

// Every TEXT column either passes through encryption or is left plain
// for a reason; a column added later must be placed in one or the other.
func TestEncryption_CoversEveryTextColumn(t *testing.T) {
	plain := map[string]string{
		"entries.written_zone":    "a time zone name",
		"entries.kind":            "one of four kinds",
		"entries.source":          "which app an entry was imported from",
		"entries.source_id":       "that app's id for it",
		"emotions.name_key":       "a keyed hash when encrypted",
		"emotions.family":         "one of the fixed families",
		"patterns.name_key":       "a keyed hash when encrypted",
		"patterns.category":       "one of the fixed categories",
		"patterns.colour":         "a colour",
		"people.name_key":         "a keyed hash when encrypted",
		"hidden_words.name_key":   "a keyed hash when encrypted",
		"people.role":             "one of the fixed roles",
		"goals.status":            "active, completed or archived",
		"sessions.at_zone":        "a time zone name",
		"mood_checkins.at_zone":   "a time zone name",
		"sessions.format":         "one of the fixed formats",
		"sessions.approach":       "one of the fixed approaches",
		"measures.instrument":     "PHQ-9 or GAD-7",
		"measures.answers":        "numbers 0 to 3",
		"settings.key":            "a setting's name",
		"settings.value":          "the crisis line, the next session's date, folders",
		"schema_migrations.name":  "a migration's name",
		"keyring.kdf":             "argon2id",
		"id_counters.name":        "a table's name",
		"attachments.content_key": "a keyed hash when encrypted",
		"attachments.kind":        "image, audio or pdf",
		"attachments.media_type":  "a file type such as image/png",

		// An episode's CCRT: names from fixed lists, never free text.
		"episodes.other_valence":       "positive, negative or not said",
		"episodes.self_valence":        "positive, negative or not said",
		"episode_categories.component": "wish, other or self",
		"episode_categories.category":  "one of the fixed CCRT categories",

		// Sync's own bookkeeping: names, ids and stored values as they are.
		"sync_self.folder":          "the sync folder's path",
		"sync_self.device":          "a random device id",
		"sync_self.device_name":     "the computer's name, shown to the person",
		"sync_outbox.tbl":           "a table's name",
		"sync_outbox.key":           "a row's key",
		"sync_outbox.op":            "insert, update or delete",
		"sync_outbox.cols":          "column names",
		"sync_clock.tbl":            "a table's name",
		"sync_clock.key":            "a row's key",
		"sync_clock.col":            "a column's name",
		"sync_clock.device":         "a random device id",
		"sync_cursors.device":       "a random device id",
		"sync_pending.change":       "a change holding stored values, sealed text still sealed",
		"sync_aliases.tbl":          "a table's name",
		"sync_body_versions.device": "a random device id",
		"sync_body_versions.bases":  "version stamps",
		"sync_conflicts.device":     "a random device id",
		"sync_conflicts.body":       "sealed exactly as its entry's body (same field, same key)",
	}
	sealed := map[string]bool{}
	for _, t := range sealedColumns {
		for _, c := range t.columns {
			sealed[t.table+"."+c] = true
		}
	}
	s := mustOpen(t)
	var tables []string
	if err := s.db.Raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%'").Scan(&tables).Error; err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		var cols []struct {
			Name, Type string
		}
		if err := s.db.Raw("SELECT name, type FROM pragma_table_info(?)", table).Scan(&cols).Error; err != nil {
			t.Fatal(err)
		}
		for _, c := range cols {
			key := table + "." + c.Name
			if !strings.EqualFold(c.Type, "TEXT") || sealed[key] || plain[key] != "" {
				continue
			}
			t.Errorf("%s is TEXT but neither encrypted (sealedColumns) nor listed as plain here", key)
		}
	}
}
