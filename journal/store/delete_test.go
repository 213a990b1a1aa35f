package store

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// newCanary is a word found nowhere else: letters and digits only, so
// the search index keeps it whole as one (lower-cased) term.
func newCanary(t *testing.T) string {
	t.Helper()
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "Canary" + hex.EncodeToString(b)
}

// assertGoneFromDisk fails if any form of canary is in the journal file or
// its write-ahead log. The search index stores terms lower-cased and
// prefix-compressed (a term may be stored as only what differs from the
// one before it), so the random tail is looked for on its own too.
func assertGoneFromDisk(t *testing.T, path, canary, when string) {
	t.Helper()
	tail := canary[len("Canary"):]
	for _, file := range []string{path, path + "-wal"} {
		data, err := os.ReadFile(file)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, form := range []string{canary, strings.ToLower(canary), tail} {
			if i := bytes.Index(data, []byte(form)); i >= 0 {
				t.Errorf("%s: %q is still in %s at byte %d of %d", when, form, filepath.Base(file), i, len(data))
			}
		}
	}
}

// Deleting really deletes: the text of a deleted entry, and text an edit
// removed, is gone from the journal's files, not just hidden. SQLite's
// secure_delete overwrites it with zeros, the search index's secure-delete
// drops its terms, and the write-ahead log, which would still hold the old
// pages, is checkpointed and emptied.
func TestDelete_LeavesNoTraceOnDisk(t *testing.T) {
	tests := []struct {
		name string
		// entry builds the entry holding canary; remove removes the canary
		// from the journal the way a person would.
		entry  func(canary string) journal.Entry
		remove func(t *testing.T, s *Store, e journal.Entry)
		// checkpointed: the log is emptied at once, so the text must be
		// gone while the journal is still open, not only once it closes.
		checkpointed bool
	}{
		{
			name: "deleting an entry",
			entry: func(canary string) journal.Entry {
				return journal.Entry{
					Title: "About " + canary, Body: "I told Sam about " + canary + " and went quiet.",
					Episodes: []journal.Episode{{Person: "Sam", Wish: "to say " + canary, OtherResponse: "laughed", SelfResponse: "went quiet", Reminds: canary + " at school"}},
				}
			},
			remove: func(t *testing.T, s *Store, e journal.Entry) {
				if err := s.DeleteEntry(e.ID); err != nil {
					t.Fatal(err)
				}
			},
			checkpointed: true,
		},
		{
			name: "editing the text out of an entry",
			entry: func(canary string) journal.Entry {
				return journal.Entry{Title: "Tuesday", Body: "Something I'd rather not keep: " + canary + ". The rest of the day was fine."}
			},
			remove: func(t *testing.T, s *Store, e journal.Entry) {
				e.Body = "The rest of the day was fine."
				if _, err := s.UpdateEntry(e); err != nil {
					t.Fatal(err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { s.Close() }()
			canary := newCanary(t)
			// Entries around it, so the canary shares its pages with text
			// that stays: its bytes must be wiped, not just its page freed.
			var kept []journal.Entry
			add := func(e journal.Entry) journal.Entry {
				e.WrittenAt = time.Now()
				saved, err := s.CreateEntry(e)
				if err != nil {
					t.Fatal(err)
				}
				return saved
			}
			kept = append(kept, add(journal.Entry{Title: "Before", Body: "An ordinary day."}))
			e := add(tt.entry(canary))
			kept = append(kept, add(journal.Entry{Title: "After", Body: "Another ordinary day."}))
			if found, err := s.Search(SearchQuery{Text: canary}); err != nil || found.Total != 1 {
				t.Fatalf("the canary isn't indexed as one word, so the test would prove nothing: %+v, %v", found, err)
			}

			tt.remove(t, s, e)
			if tt.checkpointed {
				assertGoneFromDisk(t, path, canary, "with the journal still open")
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			assertGoneFromDisk(t, path, canary, "after closing the journal")

			// Only the canary went.
			s, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range kept {
				if got, err := s.Entry(want.ID); err != nil || got.Body != want.Body {
					t.Errorf("entry %q after the removal: %+v, %v", want.Title, got, err)
				}
			}
		})
	}
}
