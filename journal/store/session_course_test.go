package store

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// ditNumbers is each session's number in its DIT course, oldest first.
func ditNumbers(t *testing.T, s *Store) []int {
	t.Helper()
	sessions, err := s.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	var numbers []int
	for _, p := range journal.DITPositions(sessions) {
		numbers = append(numbers, p.Number)
	}
	return numbers
}

func TestStore_SessionStartsANewCourse(t *testing.T) {
	s := mustOpen(t)
	week := func(n int) time.Time { return time.Date(2026, 1, 7, 17, 0, 0, 0, berlin).AddDate(0, 0, 7*n) }
	var saved []journal.Session
	for _, sess := range []journal.Session{
		{At: week(0), Approach: journal.ApproachDIT},
		{At: week(1), Approach: journal.ApproachDIT},
		{At: week(52), Approach: journal.ApproachDIT, NewCourse: true},
		{At: week(53), Approach: journal.ApproachDIT},
	} {
		got, err := s.SaveSession(sess)
		if err != nil {
			t.Fatal(err)
		}
		saved = append(saved, got)
	}
	if got, want := ditNumbers(t, s), []int{1, 2, 1, 2}; !slices.Equal(got, want) {
		t.Fatalf("numbers = %v, want %v", got, want)
	}

	// A session logged late, dated before the second course, joins the first.
	if _, err := s.SaveSession(journal.Session{At: week(2), Approach: journal.ApproachDIT}); err != nil {
		t.Fatal(err)
	}
	if got, want := ditNumbers(t, s), []int{1, 2, 3, 1, 2}; !slices.Equal(got, want) {
		t.Errorf("after a late session: numbers = %v, want %v", got, want)
	}

	// A new course can't start at a couples session: refused, nothing saved.
	couples := saved[3]
	couples.Format, couples.NewCourse = "couples", true
	if _, err := s.SaveSession(couples); journal.ErrorCode(err) != journal.EInvalid || !strings.Contains(err.Error(), "can start a new course") {
		t.Errorf("a new course on a couples session: %v", err)
	}
	if got, want := ditNumbers(t, s), []int{1, 2, 3, 1, 2}; !slices.Equal(got, want) {
		t.Errorf("after a refused save: numbers = %v, want %v", got, want)
	}

	// Taking the mark off joins the courses again.
	second := saved[2]
	second.NewCourse = false
	if _, err := s.SaveSession(second); err != nil {
		t.Fatal(err)
	}
	if got, want := ditNumbers(t, s), []int{1, 2, 3, 4, 5}; !slices.Equal(got, want) {
		t.Errorf("after unmarking: numbers = %v, want %v", got, want)
	}
}

// Step 18 marks where a new course starts: a journal of the step before
// keeps its sessions as one course, and takes marks afterwards.
func TestMigrations_NewCourseUpgradesTheStepBefore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	step := slices.IndexFunc(migrations, func(m migration) bool { return m.id == 18 })
	if step < 1 {
		t.Fatal("no step 18")
	}
	old := openWith(t, path, migrations[:step])
	for i, row := range []struct {
		week             int
		format, approach string
	}{
		{0, "individual", journal.ApproachDIT},
		{1, "individual", journal.ApproachDIT},
		{2, "couples", journal.ApproachDIT},
		{52, "individual", journal.ApproachDIT},
	} {
		at := time.Date(2026, 1, 7, 17, 0, 0, 0, time.UTC).AddDate(0, 0, 7*row.week).Unix()
		if err := old.db.Exec(`INSERT INTO sessions (id, at, at_offset, at_zone, format, approach, takeaways) VALUES (?, ?, 0, 'UTC', ?, ?, 'kept')`,
			i+1, at, row.format, row.approach).Error; err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s := mustOpenAt(t, path)
	sessions, err := s.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	for _, sess := range sessions {
		if sess.NewCourse || sess.Takeaways != "kept" {
			t.Errorf("after the upgrade: %+v", sess)
		}
	}
	if got, want := ditNumbers(t, s), []int{1, 2, 0, 3}; !slices.Equal(got, want) {
		t.Errorf("after the upgrade: numbers = %v, want %v", got, want)
	}
	sessions[3].NewCourse = true
	if _, err := s.SaveSession(sessions[3]); err != nil {
		t.Fatal(err)
	}
	if got, want := ditNumbers(t, s), []int{1, 2, 0, 1}; !slices.Equal(got, want) {
		t.Errorf("after marking a new course: numbers = %v, want %v", got, want)
	}
	// The column takes a mark or none, whoever writes it.
	if err := s.db.Exec("UPDATE sessions SET new_course = 2 WHERE id = 1").Error; err == nil {
		t.Error("the journal took a new_course of 2")
	}
}
