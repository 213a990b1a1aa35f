package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// An import large enough to drop the read indexes while it writes
// leaves every index as the schema had it, used by the queries that
// need it, whether it ends well or fails part way.
func TestImport_LeavesEveryIndexAsItWas(t *testing.T) {
	const n = readIndexesAfter + importChunk
	bad := journal.Entry{} // no date, no text: refused
	for _, tc := range []struct {
		name    string
		entries []journal.Entry
		wantErr bool
	}{
		{"the import ends well", importable(n), false},
		{"an entry past the drop is refused", append(importable(n), bad), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpen(t)
			before := indexDefinitions(t, s)
			_, _, err := s.ImportEach(journal.TextSpan{}, func(add func(journal.Entry) error) error {
				for _, e := range tc.entries {
					if err := add(e); err != nil {
						return err
					}
				}
				return nil
			})
			if (err != nil) != tc.wantErr {
				t.Fatalf("the import returned %v, want an error: %v", err, tc.wantErr)
			}
			after := indexDefinitions(t, s)
			if len(after) != len(before) {
				t.Fatalf("the journal has %d indexes after the import, want the %d it had", len(after), len(before))
			}
			for name, sql := range before {
				if after[name] != sql {
					t.Errorf("index %s is %q after the import, want %q", name, after[name], sql)
				}
			}
			var check string
			if err := s.db.Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || check != "ok" {
				t.Errorf("integrity_check after the import: %q (%v)", check, err)
			}
			// The list's query reads its page from the index that orders it.
			var plan []struct{ Detail string }
			if err := s.db.Raw("EXPLAIN QUERY PLAN SELECT id FROM entries ORDER BY written_at DESC, id DESC LIMIT 60").Scan(&plan).Error; err != nil || len(plan) == 0 {
				t.Fatalf("no query plan (%v)", err)
			}
			if want := "USING COVERING INDEX entries_by_written"; !slices.ContainsFunc(plan, func(step struct{ Detail string }) bool {
				return strings.Contains(step.Detail, want)
			}) {
				t.Errorf("the newest page's plan is %v, want it %s", plan, want)
			}
		})
	}
}

// An import drops the read indexes only once it has written as many
// entries as the journal held, and at least readIndexesAfter.
func TestReadIndexes_DroppedOnlyForAnImportAsLargeAsTheJournal(t *testing.T) {
	for _, tc := range []struct {
		had, writing int
		want         bool
	}{
		{0, importChunk, false},
		{0, readIndexesAfter, true},
		{3000, readIndexesAfter, false},
		{3000, 3000, true},
	} {
		t.Run(fmt.Sprintf("%d into %d", tc.writing, tc.had), func(t *testing.T) {
			s := mustOpen(t)
			if tc.had > 0 {
				if _, _, err := s.ImportEntries(importable(tc.had)); err != nil {
					t.Fatal(err)
				}
			}
			undo := errors.New("undo")
			err := s.db.Transaction(func(tx *gorm.DB) error {
				r := newReadIndexes()
				if err := r.beforeWriting(tx, 0, tc.writing); err != nil {
					return err
				}
				if dropped := r.remake != nil; dropped != tc.want {
					t.Errorf("dropped the read indexes: %v, want %v", dropped, tc.want)
				}
				return undo
			})
			if !errors.Is(err, undo) {
				t.Fatal(err)
			}
		})
	}
}

// indexDefinitions is every index the journal's schema defines, by name.
func indexDefinitions(t *testing.T, s *Store) map[string]string {
	t.Helper()
	var rows []struct{ Name, SQL string }
	if err := s.db.Raw("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	defs := map[string]string{}
	for _, r := range rows {
		defs[r.Name] = r.SQL
	}
	if len(defs) == 0 {
		t.Fatal("the journal's schema defines no index")
	}
	return defs
}
