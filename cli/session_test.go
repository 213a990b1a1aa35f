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
			sessionJSON{At: "2026-11-04 17:00", Format: "individual", Approach: "dynamic interpersonal therapy", DITSession: intp(1), Questions: []questionJSON{}},
			"Saved session 1: Wed 4 Nov 2026, 17:00 · individual · dynamic interpersonal therapy · session 1 of 16.\n"},
		{"dit for short", []string{"--approach", "DIT", "--at=2026-11-04 17:00"},
			sessionJSON{At: "2026-11-04 17:00", Format: "individual", Approach: "dynamic interpersonal therapy", DITSession: intp(1), Questions: []questionJSON{}}, ""},
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
		dit := "null"
		if s.DITSession != nil {
			dit = itoa(*s.DITSession)
		}
		got = append(got, itoa(int(s.ID))+" "+s.At[:10]+" "+dit)
	}
	if want := []string{"2 2026-11-04 1", "4 2026-11-11 2", "1 2026-11-18 null", "3 2026-11-25 3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("session list --json (id, day, dit_session) = %q, want %q", got, want)
	}
	wantText := "" +
		"   2  Wed 4 Nov 2026, 17:00 · individual · dynamic interpersonal therapy · session 1 of 16\n" +
		"      Took away: Sundays are heavy.\n" +
		"                 I go quiet.\n" +
		"      To bring:\n" +
		"        [ ] Why Sundays?\n" +
		"\n" +
		"   4  Wed 11 Nov 2026, 17:00 · individual · dynamic interpersonal therapy · session 2 of 16\n" +
		"\n" +
		"   1  Wed 18 Nov 2026, 17:00 · couples · psychodynamic\n" +
		"\n" +
		"   3  Wed 25 Nov 2026, 17:00 · individual · dynamic interpersonal therapy · session 3 of 16\n"
	if out := mustCLI(t, db, "", "session", "list"); out != wantText {
		t.Errorf("session list printed\n%s\nwant\n%s", out, wantText)
	}

	var listed []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "session", "list", "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	for _, obj := range listed {
		if keys, want := slices.Sorted(maps.Keys(obj)), []string{"approach", "at", "dit_session", "format", "id", "questions", "takeaways"}; !reflect.DeepEqual(keys, want) {
			t.Errorf("session list --json has fields %q, want exactly %q", keys, want)
		}
	}
	if got := string(listed[2]["dit_session"]) + " " + string(listed[2]["questions"]); got != "null []" {
		t.Errorf("a psychodynamic session without questions has dit_session and questions %s, want null []", got)
	}
	// Sessions are not entries.
	if entries := listJSON(t, db); len(entries) != 1 {
		t.Errorf("list --json = %+v, want just the one entry", entries)
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
		{"add a bad date", []string{"session", "add", "--at", "last tuesday"}, exitUsage, `"last tuesday" is not a date and time`, false},
		{"add a date day first", []string{"session", "add", "--at", "25/11/2026 18:00"}, exitUsage, "is not a date and time", false},
		{"add a blank question", []string{"session", "add", "--question", "ok", "--question", " "}, exitUsage, "A --question is blank", false},
		{"add a bad approach and a bad date", []string{"session", "add", "--approach", "cbt", "--at", "soon"}, exitUsage, "is not a date and time", false},
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
