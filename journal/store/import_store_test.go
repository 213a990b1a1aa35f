package store

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// importable makes n entries as an import brings them, each with a
// pattern and a word only it holds.
func importable(n int) []journal.Entry {
	at := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	entries := make([]journal.Entry, n)
	for i := range entries {
		entries[i] = journal.Entry{
			WrittenAt: at.Add(time.Duration(i) * time.Hour), Title: fmt.Sprintf("Day %d", i),
			Body: fmt.Sprintf("A walk to the lighthouse, word%d.", i), Patterns: []string{"rumination"}, Source: "jrnl",
		}
	}
	return entries
}

// counts is how many rows an import could have written, by table.
func counts(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	got := map[string]int64{}
	for _, table := range []string{"entries", "entry_patterns", "patterns", "search_index"} {
		var n int64
		if err := s.db.Raw("SELECT count(*) FROM " + table).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		got[table] = n
	}
	return got
}

// An import that fails halfway, after hundreds of rows are written,
// leaves no entries, links, new patterns or search-index rows behind.
func TestImport_FailureHalfwayLeavesNothing(t *testing.T) {
	entries := importable(3 * importChunk)
	broken := errors.New("the file ended early")
	for _, tt := range []struct {
		name string
		run  func(s *Store) error
	}{
		{"the entries stop coming", func(s *Store) error {
			_, _, err := s.ImportEach(journal.TextSpan{}, func(add func(journal.Entry) error) error {
				for i, e := range entries {
					if i == 2*importChunk+7 {
						return broken
					}
					if err := add(e); err != nil {
						return err
					}
				}
				return nil
			})
			if !errors.Is(err, broken) {
				return fmt.Errorf("error %v, want %v", err, broken)
			}
			return nil
		}},
		{"an entry can't be written", func(s *Store) error {
			bad := append([]journal.Entry(nil), entries...)
			bad[2*importChunk+7].GoalIDs = []int64{999} // no such goal
			if _, _, err := s.ImportEntries(bad); err == nil {
				return errors.New("the import succeeded, want an error")
			}
			return nil
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			before := counts(t, s)
			if err := tt.run(s); err != nil {
				t.Fatal(err)
			}
			if after := counts(t, s); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("rows after the failed import %v, want %v as before", after, before)
			}
			// The ids taken by the failed import are free again, and a
			// second try adds everything, searchably.
			added, _, err := s.ImportEntries(entries)
			if err != nil || len(added) != len(entries) || added[0].ID != 1 {
				t.Fatalf("the second try added %d from id %v (%v), want %d from 1", len(added), added, err, len(entries))
			}
		})
	}
}

// Imported entries are found by search, in a plain journal (the index
// reads them from the rows) and an encrypted one (fed the open text), and
// an entry's episodes are searchable too.
func TestImport_Searchable(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprint("encrypted=", encrypted), func(t *testing.T) {
			s := mustOpen(t)
			if encrypted {
				if err := s.EnableEncryption(testPassphrase); err != nil {
					t.Fatal(err)
				}
			}
			entries := importable(importChunk + 3)
			entries[5].Episodes = []journal.Episode{{Person: "Sam", Wish: "to be heard by the harbourmaster"}}
			added, skipped, err := s.ImportEntries(entries)
			if err != nil || len(added) != len(entries) || len(skipped) != 0 {
				t.Fatalf("added %d, skipped %d (%v)", len(added), len(skipped), err)
			}
			for word, want := range map[string]int64{"lighthouse": int64(len(entries)), fmt.Sprint("word", importChunk+1): 1, "harbourmaster": 1} {
				res, err := s.Search(SearchQuery{Text: word})
				if err != nil || int64(res.Total) != want {
					t.Errorf("search %q found %d (%v), want %d", word, res.Total, err, want)
				}
			}
			var indexed int64
			if err := s.db.Raw("SELECT count(*) FROM search_index").Scan(&indexed).Error; err != nil || indexed != int64(len(entries)) {
				t.Errorf("the index holds %d rows (%v), want one an entry, %d", indexed, err, len(entries))
			}
			// Importing them again adds nothing.
			added, skipped, err = s.ImportEntries(entries)
			if err != nil || len(added) != 0 || len(skipped) != len(entries) {
				t.Errorf("the second import added %d, skipped %d (%v), want 0 and %d", len(added), len(skipped), err, len(entries))
			}
		})
	}
}

// A large import leaves the search index in one segment, so no later
// write pays for merging the pile that indexing in bulk leaves behind,
// and merging as segments pile up on again.
// A small hash makes this import flush many segments, as 100,000 real
// entries do with the usual one.
func TestImport_LeavesTheIndexInOneSegment(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprint("encrypted=", encrypted), func(t *testing.T) {
			s := mustOpen(t)
			if encrypted {
				if err := s.EnableEncryption(testPassphrase); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.db.Exec("INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 4096)").Error; err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.ImportEntries(importable(settleAfter)); err != nil {
				t.Fatal(err)
			}
			if got := indexSegments(t, s); got != 1 {
				t.Errorf("the index has %d segments after the import, want 1", got)
			}
			var merge int
			if err := s.db.Raw("SELECT v FROM search_index_config WHERE k = 'automerge'").Scan(&merge).Error; err != nil || merge != automerge {
				t.Errorf("the index merges at %d segments after the import (%v), want %d as before it", merge, err, automerge)
			}
		})
	}
}

// indexSegments reads how many segments the FTS5 index has from its
// structure record (fts5_index.c, fts5StructureDecode): a 4-byte cookie,
// in newer versions a 4-byte marker, then varints for the number of
// levels and of segments.
func indexSegments(t *testing.T, s *Store) int {
	t.Helper()
	var block []byte
	if err := s.db.Raw("SELECT block FROM search_index_data WHERE id = 10").Row().Scan(&block); err != nil {
		t.Fatal(err)
	}
	if len(block) < 6 {
		t.Fatalf("the index's structure record is %d bytes", len(block))
	}
	rest := block[4:]
	if len(rest) >= 4 && rest[0] == 0xff && rest[1] == 0x00 && rest[2] == 0x00 && rest[3] == 0x01 {
		rest = rest[4:]
	}
	varint := func() int {
		n := 0
		for i, c := range rest {
			n = n<<7 | int(c&0x7f)
			if c&0x80 == 0 {
				rest = rest[i+1:]
				return n
			}
		}
		t.Fatal("the index's structure record ends inside a number")
		return 0
	}
	varint() // levels
	return varint()
}

// A new journal gives back the pages a large import's index merge frees,
// rather than keeping them inside the file.
func TestImport_GivesBackFreedPages(t *testing.T) {
	s := mustOpen(t)
	if err := s.db.Exec("INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 4096)").Error; err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ImportEntries(importable(settleAfter)); err != nil {
		t.Fatal(err)
	}
	var free int64
	if err := s.db.Raw("PRAGMA freelist_count").Scan(&free).Error; err != nil || free != 0 {
		t.Errorf("the journal keeps %d free pages after the import (%v), want 0", free, err)
	}
}
