package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// A window opened on a new journal, then the person joined a synced one:
// the joined journal takes the new one's place only if the new one is
// still empty and the joined one is whole.
func TestReplaceEmptyJournal(t *testing.T) {
	journalWith := func(t *testing.T, path string, titles ...string) {
		t.Helper()
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, title := range titles {
			if _, err := s.CreateEntry(journal.Entry{Title: title, WrittenAt: time.Now()}); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
	}
	for _, tt := range []struct {
		name     string
		own      []string // the journal's entries before
		damaged  bool     // the built journal is not a journal
		refused  string
		wantHere string // an entry the journal at path has after
	}{
		{"an empty journal is replaced", nil, false, "", "joined"},
		{"a journal with entries is kept", []string{"mine"}, false, "has entries of its own", "mine"},
		{"a damaged build changes nothing", nil, true, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path, built := filepath.Join(dir, "journal.db"), filepath.Join(dir, "journal.db.joining")
			journalWith(t, path, tt.own...)
			if tt.damaged {
				if err := os.WriteFile(built, []byte(strings.Repeat("not a journal ", 500)), 0o600); err != nil {
					t.Fatal(err)
				}
			} else {
				journalWith(t, built, "joined")
			}
			err := ReplaceEmptyJournal(path, built)
			switch {
			case tt.damaged && err == nil:
				t.Fatal("a damaged build took the journal's place")
			case !tt.damaged && tt.refused == "" && err != nil:
				t.Fatal(err)
			case tt.refused != "" && (err == nil || !strings.Contains(err.Error(), tt.refused)):
				t.Fatalf("ReplaceEmptyJournal = %v, want it to say %q", err, tt.refused)
			}
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			list, err := s.Entries(journal.EntryQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantHere == "" && len(list) != 0 || tt.wantHere != "" && (len(list) != 1 || list[0].Title != tt.wantHere) {
				t.Errorf("the journal holds %+v, want %q", list, tt.wantHere)
			}
			left, _ := filepath.Glob(built + "*")
			if kept := tt.refused != "" || tt.damaged; !kept && len(left) > 0 {
				t.Errorf("files of the built journal left: %v", left)
			}
		})
	}
}
