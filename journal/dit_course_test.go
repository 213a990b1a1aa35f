package journal

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// ditWeek is a session on the week'th Wednesday from 7 Jan 2026, logged
// as the id'th session.
type ditWeek struct {
	id        int64
	week      int
	format    string
	approach  string
	newCourse bool
}

func (w ditWeek) session() Session {
	return Session{ID: w.id, At: time.Date(2026, 1, 7, 17, 0, 0, 0, time.UTC).AddDate(0, 0, 7*w.week),
		Format: w.format, Approach: w.approach, NewCourse: w.newCourse}
}

// ditRun is n individual DIT sessions a week apart from week first, with
// ids from id; the first starts a new course when newCourse is set.
func ditRun(id int64, first, n int, newCourse bool) []ditWeek {
	var run []ditWeek
	for i := range n {
		run = append(run, ditWeek{id + int64(i), first + i, "individual", ApproachDIT, newCourse && i == 0})
	}
	return run
}

func TestDITPositions(t *testing.T) {
	tests := []struct {
		name     string
		sessions []ditWeek
		want     []int // each session's number, in the order given
	}{
		{"none", nil, []int{}},
		{"one course, counted in order", ditRun(1, 0, 3, false), []int{1, 2, 3}},
		{"the first session may be marked as a new course too", ditRun(1, 0, 2, true), []int{1, 2}},
		{"couples, family and group sessions of DIT are not counted", []ditWeek{
			{1, 0, "individual", ApproachDIT, false},
			{2, 1, "couples", ApproachDIT, false},
			{3, 2, "family", ApproachDIT, false},
			{4, 3, "group", ApproachDIT, false},
			{5, 4, "individual", ApproachDIT, false},
		}, []int{1, 0, 0, 0, 2}},
		{"other approaches are not counted", []ditWeek{
			{1, 0, "individual", "psychodynamic", false},
			{2, 1, "individual", ApproachDIT, false},
			{3, 2, "individual", "brief", false},
			{4, 3, "individual", ApproachDIT, false},
		}, []int{0, 1, 0, 2}},
		{"a session logged late is numbered by its date", []ditWeek{
			{1, 0, "individual", ApproachDIT, false},
			{2, 2, "individual", ApproachDIT, false},
			{3, 3, "individual", ApproachDIT, false},
			{4, 1, "individual", ApproachDIT, false}, // logged last, happened second
		}, []int{1, 3, 4, 2}},
		{"a second course a year later starts again at 1",
			append(ditRun(1, 0, 16, false), ditRun(17, 52, 3, true)...),
			[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 1, 2, 3}},
		{"without a new course marked, one course runs on past 16",
			append(ditRun(1, 0, 16, false), ditRun(17, 52, 3, false)...),
			[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}},
		{"a new course can start before the first ended", append(ditRun(1, 0, 5, false), ditRun(6, 30, 2, true)...),
			[]int{1, 2, 3, 4, 5, 1, 2}},
		{"a session logged late before the second course's start belongs to the first", []ditWeek{
			{1, 0, "individual", ApproachDIT, false},
			{2, 1, "individual", ApproachDIT, false},
			{3, 52, "individual", ApproachDIT, true},
			{4, 53, "individual", ApproachDIT, false},
			{5, 2, "individual", ApproachDIT, false}, // logged after the second course began
			{6, 54, "couples", ApproachDIT, false},
		}, []int{1, 2, 1, 2, 3, 0}},
		{"a session logged late into the second course", []ditWeek{
			{1, 0, "individual", ApproachDIT, false},
			{2, 52, "individual", ApproachDIT, true},
			{3, 54, "individual", ApproachDIT, false},
			{4, 53, "individual", ApproachDIT, false},
		}, []int{1, 1, 3, 2}},
		{"sessions at the same moment count in the order they were logged", []ditWeek{
			{2, 0, "individual", ApproachDIT, false},
			{1, 0, "individual", ApproachDIT, false},
		}, []int{2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sessions := make([]Session, len(tt.sessions))
			for i, w := range tt.sessions {
				sessions[i] = w.session()
			}
			before := slices.Clone(sessions)
			got := []int{}
			for _, p := range DITPositions(sessions) {
				got = append(got, p.Number)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("numbers = %v, want %v", got, tt.want)
			}
			if !slices.EqualFunc(sessions, before, func(a, b Session) bool { return a.ID == b.ID }) {
				t.Error("DITPositions reordered the sessions it was given")
			}
		})
	}
}

func TestDITPosition_Words(t *testing.T) {
	tests := []struct {
		number  int
		phase   DITPhase
		summary string
	}{
		{0, DITNoPhase, ""},
		{1, DITBeginning, "session 1 of 16, 15 left · beginning phase: engagement and the interpersonal focus"},
		{4, DITBeginning, "session 4 of 16, 12 left · beginning phase: engagement and the interpersonal focus"},
		{5, DITMiddle, "session 5 of 16, 11 left · middle phase"},
		{12, DITMiddle, "session 12 of 16, 4 left · middle phase"},
		{13, DITEnding, "session 13 of 16, 3 left · ending phase"},
		{15, DITEnding, "session 15 of 16, 1 left · ending phase"},
		{16, DITEnding, "session 16 of 16, the last one planned · ending phase"},
		{17, DITBeyond, "session 17, 1 past the 16 planned"},
		{19, DITBeyond, "session 19, 3 past the 16 planned"},
	}
	for _, tt := range tests {
		p := DITPosition{Number: tt.number}
		if p.Phase() != tt.phase || p.Summary() != tt.summary || p.Counted() != (tt.number > 0) {
			t.Errorf("session %d: phase %d, %q; want phase %d, %q", tt.number, p.Phase(), p.Summary(), tt.phase, tt.summary)
		}
		if !strings.HasPrefix(tt.summary, p.String()) {
			t.Errorf("session %d: position %q does not begin its summary %q", tt.number, p.String(), tt.summary)
		}
		// Going past the course is said plainly, without alarm.
		for _, alarm := range []string{"!", "beyond", "over", "too many", "warning"} {
			if strings.Contains(strings.ToLower(p.Summary()), alarm) {
				t.Errorf("session %d reads %q, with %q", tt.number, p.Summary(), alarm)
			}
		}
	}
}

func TestDITCourseAt(t *testing.T) {
	var weeks []ditWeek
	weeks = append(weeks, ditRun(1, 0, 16, false)...)
	weeks = append(weeks, ditWeek{17, 20, "couples", ApproachDIT, false})
	weeks = append(weeks, ditRun(18, 52, 5, true)...)
	sessions := make([]Session, len(weeks))
	for i, w := range weeks {
		sessions[len(weeks)-1-i] = w.session() // newest first: the order does not matter
	}
	week := func(n int) time.Time { return time.Date(2026, 1, 7, 17, 0, 0, 0, time.UTC).AddDate(0, 0, 7*n) }
	tests := []struct {
		name  string
		at    time.Time
		want  int
		found bool
	}{
		{"before any session", week(0).Add(-time.Minute), 0, false},
		{"at the first session", week(0), 1, true},
		{"between sessions", week(4).Add(time.Hour), 5, true},
		{"after the course, with a couples session since", week(30), 16, true},
		{"in the second course", week(54), 3, true},
		{"long after", week(200), 5, true},
	}
	for _, tt := range tests {
		got, found := DITCourseAt(sessions, tt.at)
		if got.Number != tt.want || found != tt.found {
			t.Errorf("%s: %d, %v; want %d, %v", tt.name, got.Number, found, tt.want, tt.found)
		}
	}
}

func TestSession_NewCourseOnlyStartsACourse(t *testing.T) {
	at := time.Date(2026, 1, 7, 17, 0, 0, 0, time.UTC)
	tests := []struct {
		format, approach string
		ok               bool
	}{
		{"individual", ApproachDIT, true},
		{"", ApproachDIT, true}, // individual when not given
		{"Individual", " Dynamic Interpersonal Therapy ", true},
		{"couples", ApproachDIT, false},
		{"group", ApproachDIT, false},
		{"individual", "psychodynamic", false},
	}
	for _, tt := range tests {
		s := Session{At: at, Format: tt.format, Approach: tt.approach, NewCourse: true}
		err := s.Validate()
		if tt.ok != (err == nil) {
			t.Errorf("a new course on a %q %q session: %v", tt.format, tt.approach, err)
		}
		if err != nil && !strings.Contains(err.Error(), "Only an individual session of dynamic interpersonal therapy can start a new course") {
			t.Errorf("refused with %q", err)
		}
	}
}
