package cli

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// sessionList runs session list --json and decodes it.
func sessionList(t *testing.T, db string) []sessionJSON {
	t.Helper()
	out := mustCLI(t, db, "", "session", "list", "--json")
	var sessions []sessionJSON
	if err := json.Unmarshal([]byte(out), &sessions); err != nil {
		t.Fatalf("session list --json printed something that is not a JSON array of sessions: %v\n%s", err, out)
	}
	return sessions
}

// rfc3339 is a local wall-clock time as session list --json writes it.
func rfc3339(t *testing.T, wall string) string {
	t.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", wall, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	return at.Format(time.RFC3339)
}

func TestCLI_SessionAdd(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name    string
		args    []string // after "session add"
		want    sessionJSON
		wantOut string
	}{
		{"the defaults", []string{"--at", "2026-11-04 17:00"},
			sessionJSON{At: "2026-11-04 17:00", Format: "individual", Approach: "psychodynamic", Questions: []questionJSON{}},
			"Saved session 1: Wed 4 Nov 2026, 17:00 · individual · psychodynamic.\n"},
		{"everything", []string{"--at", "2026-11-04 17:00", "--format", "couples", "--approach", "long-term",
			"--takeaways", " We talk past each other on Sundays. ", "--question", "Why Sundays?", "--question", " What do I want from Sam? "},
			sessionJSON{At: "2026-11-04 17:00", Format: "couples", Approach: "long-term", Takeaways: "We talk past each other on Sundays.",
				Questions: []questionJSON{{Text: "Why Sundays?"}, {Text: "What do I want from Sam?"}}},
			""},
		{"choices in any case", []string{"--at", "2026-11-04 17:00", "--format", " Group ", "--approach", "Art or Music"},
			sessionJSON{At: "2026-11-04 17:00", Format: "group", Approach: "art or music", Questions: []questionJSON{}}, ""},
		{"dynamic interpersonal therapy is counted", []string{"--at", "2026-11-04 17:00", "--approach", "dynamic interpersonal therapy"},
			sessionJSON{At: "2026-11-04 17:00", Format: "individual", Approach: "dynamic interpersonal therapy", DITSession: 1, Questions: []questionJSON{}},
			"Saved session 1: Wed 4 Nov 2026, 17:00 · individual · dynamic interpersonal therapy · session 1 of 16, 15 left · beginning phase: engagement and the interpersonal focus.\n"},
		{"dit for short", []string{"--approach", "DIT", "--at=2026-11-04 17:00"},
			sessionJSON{At: "2026-11-04 17:00", Format: "individual", Approach: "dynamic interpersonal therapy", DITSession: 1, Questions: []questionJSON{}}, ""},
		{"a new course", []string{"--approach", "dit", "--new-course", "--at=2026-11-04 17:00"},
			sessionJSON{At: "2026-11-04 17:00", Format: "individual", Approach: "dynamic interpersonal therapy", DITSession: 1, NewCourse: true, Questions: []questionJSON{}}, ""},
		{"a couples session of DIT is not counted", []string{"--approach", "dit", "--format", "couples", "--at=2026-11-04 17:00"},
			sessionJSON{At: "2026-11-04 17:00", Format: "couples", Approach: "dynamic interpersonal therapy", Questions: []questionJSON{}},
			"Saved session 1: Wed 4 Nov 2026, 17:00 · couples · dynamic interpersonal therapy.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newJournal(t)
			out := mustCLI(t, db, "", append([]string{"session", "add"}, tt.args...)...)
			if tt.wantOut != "" && out != tt.wantOut {
				t.Errorf("session add printed %q, want %q", out, tt.wantOut)
			}
			assertExists(t, db) // logging a session may start the journal
			want := tt.want
			want.ID, want.At = 1, rfc3339(t, want.At)
			if got := sessionList(t, db); !reflect.DeepEqual(got, []sessionJSON{want}) {
				t.Errorf("session list --json = %+v, want [%+v]", got, want)
			}
		})
	}
	t.Run("now when --at is not given", func(t *testing.T) {
		db := newJournal(t)
		before := time.Now().Truncate(time.Second)
		mustCLI(t, db, "", "session", "add")
		after := time.Now()
		at, err := time.Parse(time.RFC3339, sessionList(t, db)[0].At)
		if err != nil || at.Before(before) || at.After(after) {
			t.Errorf("a session added without --at is at %v (%v), want between %v and %v", at, err, before, after)
		}
	})
}

func TestCLI_SessionList(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)

	out, errOut, code := runCLI(t, db, "", "session", "list")
	assertFailure(t, out, errOut, code, exitError, "There is no journal")
	assertMissing(t, db)

	addEntry(t, db, "", "--title", "T")
	if out := mustCLI(t, db, "", "session", "list"); !strings.Contains(out, "No sessions yet") || !strings.Contains(out, "throughline session add") {
		t.Errorf("session list with none printed %q, want a hint on logging one", out)
	}
	if out := mustCLI(t, db, "", "session", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("session list --json with none printed %q, want []", out)
	}

	// Logged out of order: the list is oldest first, and DIT sessions are
	// numbered in their course, skipping the others.
	for _, args := range [][]string{
		{"--at", "2026-11-18 17:00", "--approach", "psychodynamic", "--format", "couples"},
		{"--at", "2026-11-04 17:00", "--approach", "dit", "--takeaways", "Sundays are heavy.\nI go quiet.", "--question", "Why Sundays?"},
		{"--at", "2026-11-25 17:00", "--approach", "dit"},
		{"--at", "2026-11-11 17:00", "--approach", "dit"},
	} {
		mustCLI(t, db, "", append([]string{"session", "add"}, args...)...)
	}
	var got []string
	for _, s := range sessionList(t, db) {
		got = append(got, itoa(int(s.ID))+" "+s.At[:10]+" "+itoa(s.DITSession))
	}
	if want := []string{"2 2026-11-04 1", "4 2026-11-11 2", "1 2026-11-18 0", "3 2026-11-25 3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("session list --json (id, day, dit_session) = %q, want %q", got, want)
	}
	wantText := "" +
		"   2  Wed 4 Nov 2026, 17:00 · individual · dynamic interpersonal therapy · session 1 of 16, 15 left · beginning phase: engagement and the interpersonal focus\n" +
		"      Took away: Sundays are heavy.\n" +
		"                 I go quiet.\n" +
		"      To bring:\n" +
		"        [ ] Why Sundays?\n" +
		"\n" +
		"   4  Wed 11 Nov 2026, 17:00 · individual · dynamic interpersonal therapy · session 2 of 16, 14 left · beginning phase: engagement and the interpersonal focus\n" +
		"\n" +
		"   1  Wed 18 Nov 2026, 17:00 · couples · psychodynamic\n" +
		"\n" +
		"   3  Wed 25 Nov 2026, 17:00 · individual · dynamic interpersonal therapy · session 3 of 16, 13 left · beginning phase: engagement and the interpersonal focus\n"
	if out := mustCLI(t, db, "", "session", "list"); out != wantText {
		t.Errorf("session list printed\n%s\nwant\n%s", out, wantText)
	}

	var listed []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "session", "list", "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	for _, obj := range listed {
		if keys, want := slices.Sorted(maps.Keys(obj)), []string{"approach", "at", "dit_session", "format", "id", "new_course", "questions", "takeaways"}; !reflect.DeepEqual(keys, want) {
			t.Errorf("session list --json has fields %q, want exactly %q", keys, want)
		}
	}
	if got := string(listed[2]["dit_session"]) + " " + string(listed[2]["questions"]); got != "0 []" {
		t.Errorf("a psychodynamic session without questions has dit_session and questions %s, want 0 []", got)
	}
	// Sessions are not entries.
	if entries := listJSON(t, db); len(entries) != 1 {
		t.Errorf("list --json = %+v, want just the one entry", entries)
	}
}

// Two courses a year apart, a session logged late into each, and a
// couples session of DIT: each session's number within its course is
// the journal's, in the JSON and the words.
func TestCLI_SessionCourses(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	var printed []string
	for _, args := range [][]string{
		{"--at", "2025-01-06 17:00", "--approach", "dit"},
		{"--at", "2025-01-20 17:00", "--approach", "dit"},
		{"--at", "2026-01-05 17:00", "--approach", "dit", "--new-course"},
		{"--at", "2026-01-19 17:00", "--approach", "dit"},
		{"--at", "2025-01-13 17:00", "--approach", "dit"},                        // logged late, into the first course
		{"--at", "2026-01-12 17:00", "--approach", "dit", "--format", "couples"}, // not counted
		{"--at", "2026-01-13 17:00", "--approach", "dit"},                        // logged late, into the second
	} {
		printed = append(printed, mustCLI(t, db, "", append([]string{"session", "add"}, args...)...))
	}
	if want := "Saved session 3: Mon 5 Jan 2026, 17:00 · individual · dynamic interpersonal therapy · session 1 of 16, 15 left · beginning phase: engagement and the interpersonal focus.\n"; printed[2] != want {
		t.Errorf("adding the new course printed %q, want %q", printed[2], want)
	}
	if want := "Saved session 7: Tue 13 Jan 2026, 17:00 · individual · dynamic interpersonal therapy · session 2 of 16, 14 left · beginning phase: engagement and the interpersonal focus.\n"; printed[6] != want {
		t.Errorf("adding a late session printed %q, want %q", printed[6], want)
	}

	type row struct {
		ID         int64
		Day        string
		DITSession int
		NewCourse  bool
	}
	var got []row
	for _, s := range sessionList(t, db) {
		got = append(got, row{s.ID, s.At[:10], s.DITSession, s.NewCourse})
	}
	want := []row{
		{1, "2025-01-06", 1, false}, {5, "2025-01-13", 2, false}, {2, "2025-01-20", 3, false},
		{3, "2026-01-05", 1, true}, {6, "2026-01-12", 0, false}, {7, "2026-01-13", 2, false}, {4, "2026-01-19", 3, false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("session list --json (id, day, dit_session, new_course) = %+v, want %+v", got, want)
	}
	out := mustCLI(t, db, "", "session", "list")
	for _, line := range []string{
		"   2  Mon 20 Jan 2025, 17:00 · individual · dynamic interpersonal therapy · session 3 of 16, 13 left · beginning phase: engagement and the interpersonal focus\n",
		"   6  Mon 12 Jan 2026, 17:00 · couples · dynamic interpersonal therapy\n",
		"   4  Mon 19 Jan 2026, 17:00 · individual · dynamic interpersonal therapy · session 3 of 16, 13 left · beginning phase: engagement and the interpersonal focus\n",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("session list doesn't say\n%s\nit printed\n%s", line, out)
		}
	}
}

// Past the sixteen planned, a session is named plainly.
func TestCLI_SessionPastTheCourse(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	start := time.Date(2026, 1, 5, 17, 0, 0, 0, time.Local)
	var last string
	for i := range 19 {
		last = mustCLI(t, db, "", "session", "add", "--approach", "dit", "--at", start.AddDate(0, 0, 7*i).Format("2006-01-02 15:04"))
	}
	if want := "Saved session 19: Mon 11 May 2026, 17:00 · individual · dynamic interpersonal therapy · session 19, 3 past the 16 planned.\n"; last != want {
		t.Errorf("the 19th session printed %q, want %q", last, want)
	}
	out := mustCLI(t, db, "", "session", "list")
	for _, line := range []string{"session 5 of 16, 11 left · middle phase\n", "session 13 of 16, 3 left · ending phase\n", "session 16 of 16, the last one planned · ending phase\n"} {
		if !strings.Contains(out, line) {
			t.Errorf("session list doesn't say %q:\n%s", line, out)
		}
	}
}

func TestCLI_SessionBadInputLeavesJournalUnchanged(t *testing.T) {
	setup := func(t *testing.T) string {
		db := newJournal(t)
		addEntry(t, db, "", "--title", "First", "--pattern", "avoidance")
		mustCLI(t, db, "", "session", "add", "--at", "2026-11-04 17:00", "--question", "Why Sundays?")
		return db
	}
	assertRefusals(t, setup, []refusal{
		{"add a bad format", []string{"session", "add", "--format", "solo"}, exitUsage, `"solo" is not a session format. Use one of: individual, couples, family, group`, false},
		{"add a bad approach", []string{"session", "add", "--approach", "cbt"}, exitUsage, `"cbt" is not an approach`, false},
		{"add a bad date", []string{"session", "add", "--at", "last week"}, exitUsage, `"last week" is not a date`, false},
		{"add a date day first", []string{"session", "add", "--at", "25/11/2026 18:00"}, exitUsage, "is not a date", false},
		{"add a new course of another approach", []string{"session", "add", "--new-course"}, exitUsage, "--new-course starts a new course of dynamic interpersonal therapy, which only an individual session can. Add --approach dit", false},
		{"add a new course to a couples session", []string{"session", "add", "--approach", "dit", "--format", "couples", "--new-course"}, exitUsage, "only an individual session can", false},
		{"add a new course with a value", []string{"session", "add", "--approach", "dit", "--new-course", "yes"}, exitUsage, `session add: unexpected "yes"`, false},
		{"add a blank question", []string{"session", "add", "--question", "ok", "--question", " "}, exitUsage, "A --question is blank", false},
		{"add a bad approach and a bad date", []string{"session", "add", "--approach", "cbt", "--at", "soon"}, exitUsage, "is not a date", false},
		{"add a stray argument", []string{"session", "add", "today"}, exitUsage, `session add: unexpected "today"`, false},
		{"add an unknown flag", []string{"session", "add", "--mood", "3"}, exitUsage, "-mood", false},
		{"add --at without a value", []string{"session", "add", "--at"}, exitUsage, "flag needs an argument", false},
		{"list a stray argument", []string{"session", "list", "all"}, exitUsage, `session list: unexpected "all"`, false},
		{"no sub-command", []string{"session"}, exitUsage, "session needs one of: list or add", false},
		{"unknown sub-command", []string{"session", "delete", "1"}, exitUsage, `"delete" is not a session command`, false},
	})
}

func TestCLI_SessionHelp(t *testing.T) {
	isolateJournalLocation(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	help := mustCLI(t, db, "", "help")
	for _, sub := range sessionCommands {
		if usage := sub.name + " " + sub.args; !strings.Contains(help, usage) {
			t.Errorf("help does not show %q:\n%s", usage, help)
		}
		want := "Usage: throughline session " + sub.name + " " + sub.args + "\n" + capitalise(sub.summary) + ".\n"
		if out := mustCLI(t, db, "", "session", sub.name, "--help"); out != want {
			t.Errorf("session %s --help printed %q, want %q", sub.name, out, want)
		}
	}
	if out := mustCLI(t, db, "", "session", "--help"); !strings.Contains(out, "dynamic interpersonal therapy") {
		t.Errorf("session --help printed %q, want the verbs and the approaches", out)
	}
	assertMissing(t, db)
}
