package store

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
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
			// Rows written as that release wrote them: with SQL of the
			// schema it had, not with today's code.
			now := time.Now().Unix()
			for _, sql := range []string{
				`INSERT INTO entries (id, written_at, written_offset, written_zone, created_at, updated_at, kind, title, body, mood, flagged)
				 VALUES (1, ?, 0, 'UTC', 0, 0, 'reflection', 'before the upgrade', 'kept', 3, 0)`,
				`INSERT INTO entries (id, written_at, written_offset, written_zone, created_at, updated_at, kind, title, body, mood, flagged)
				 VALUES (2, ? + 60, 0, 'UTC', 0, 0, 'dream', 'second', '', NULL, 1)`,
				`INSERT INTO entry_patterns (entry_id, pattern_id) SELECT 1, id FROM patterns WHERE name_key = 'denial' AND ? > 0`,
				`INSERT INTO entry_emotions (entry_id, emotion_id) SELECT 1, id FROM emotions WHERE name_key = 'sad' AND ? > 0`,
			} {
				if err := old.db.Exec(sql, now).Error; err != nil {
					t.Fatal(err)
				}
			}
			old.Close()

			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			entries, err := s.Entries(journal.EntryQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 2 || entries[1].Body != "kept" || entries[1].Mood != 3 || len(entries[1].Patterns) != 1 ||
				entries[1].Patterns[0] != "denial" || entries[1].Emotions[0] != "sad" || !entries[0].Flagged || entries[0].Mood != 0 {
				t.Fatalf("after upgrade: %+v", entries)
			}
			// What was written before search existed is found. (Rows a
			// release with search wrote by hand here were never indexed.)
			if found, err := s.Search(SearchQuery{Text: "upgrade"}); released < 9 && (err != nil || found.Total != 1 || found.Hits[0].ID != 1) {
				t.Fatalf("search after upgrade: %+v, %v", found, err)
			}
			// And the upgraded journal takes today's writes.
			if _, err := s.CreateEntry(journal.Entry{Title: "after", WrittenAt: time.Now(), Patterns: []string{"denial"},
				Episodes: []journal.Episode{{Person: "Sam", Wish: "to be heard"}}}); err != nil {
				t.Fatal(err)
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

// Step 12 adds the questionnaires' difficulty question: a journal of
// step 11 keeps its questionnaires, with the question unanswered, and
// takes answers to it afterwards.
func TestMigrations_DifficultyQuestionUpgradesStep11(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	before := -1
	for i, m := range migrations {
		if m.id == 11 {
			before = i
		}
	}
	old := openWith(t, path, migrations[:before+1])
	at := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC).Unix()
	if err := old.db.Exec(`INSERT INTO measures (id, instrument, at, at_offset, answers, score) VALUES (1, 'phq9', ?, 0, '1,1,1,1,1,1,1,1,2', 10)`, at).Error; err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Measurements(journal.PHQ9)
	if err != nil || len(ms) != 1 || ms[0].Score != 10 || !ms[0].Safety || ms[0].Difficulty.Answered() {
		t.Fatalf("after the upgrade: %+v, %v", ms, err)
	}
	if _, err := s.SaveMeasurement(journal.PHQ9, make([]int, 9), journal.DifficultyAnswer(3), time.Now()); err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Measurements(journal.PHQ9); len(ms) != 2 || ms[1].Difficulty.String() != "Extremely difficult" {
		t.Errorf("after a new save: %+v", ms)
	}
	// The column refuses what no form offers, whoever writes it.
	if err := s.db.Exec("UPDATE measures SET difficulty = 4 WHERE id = 1").Error; err == nil {
		t.Error("the journal took a difficulty of 4")
	}
}
