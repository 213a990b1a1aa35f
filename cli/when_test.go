package cli

import (
	"strings"
	"testing"
	"time"
)

// TestCLI_DateFlagsTakeForgivingForms: --at, --since, --until, --from and
// --to all read what people type ("yesterday 21:00", "5 Dec", "today")
// through the one parser, and a wrong date says which forms work.
func TestCLI_DateFlagsTakeForgivingForms(t *testing.T) {
	isolateJournalLocation(t)
	useLocalZone(t, "Europe/London")
	db := newJournal(t)
	now := time.Now()
	y := now.AddDate(0, 0, -1)
	yesterday9 := time.Date(y.Year(), y.Month(), y.Day(), 21, 0, 0, 0, time.Local)

	id := addEntry(t, db, "", "--title", "last night", "--at", "yesterday 21:00")
	if got := showJSON(t, db, id).WrittenAt; got != yesterday9.Format(time.RFC3339) {
		t.Fatalf("--at yesterday 21:00 wrote %s, want %s", got, yesterday9.Format(time.RFC3339))
	}
	dayMonth := y.Format("2 Jan")
	tests := []struct {
		name string
		args []string
		want string // printed when it worked
	}{
		{"list --since yesterday", []string{"list", "--since", "yesterday"}, "last night"},
		{"list --until a day and month", []string{"list", "--until", dayMonth}, "last night"},
		{"list --since today leaves it out", []string{"list", "--since", "today", "--json"}, "[]"},
		{"search --from --to", []string{"search", "--from", dayMonth, "--to", "today"}, "last night"},
		{"patterns --from --to", []string{"patterns", "--from", "yesterday", "--to", "today"}, ""},
		{"session add --at", []string{"session", "add", "--at", "yesterday 9pm"}, ""},
		{"goal checkin --at", []string{"goal", "checkin", "1", "6", "--at", "yesterday 9:30am"}, ""},
		{"measure --at", []string{"measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--at", "today 8am"}, ""},
	}
	mustCLI(t, db, "", "goal", "add", "Say no once a week")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if out := mustCLI(t, db, "", tt.args...); !strings.Contains(out, tt.want) {
				t.Fatalf("%s printed %q, want %q", strings.Join(tt.args, " "), out, tt.want)
			}
		})
	}
	sessions := mustCLI(t, db, "", "session", "list", "--json")
	if !strings.Contains(sessions, yesterday9.Format(time.RFC3339)) {
		t.Fatalf("session add --at yesterday 9pm gave %s, want %s", sessions, yesterday9.Format(time.RFC3339))
	}

	for _, args := range [][]string{{"list", "--since", "soon"}, {"add", "--title", "x", "--at", "12/05"}, {"search", "--to", "next week"}} {
		stdout, stderr, code := runCLI(t, db, "", args...)
		if code == 0 || !strings.Contains(stderr, "next thu 17:00") {
			t.Errorf("%s: code %d, stdout %q, stderr %q; want an error listing the forms", strings.Join(args, " "), code, stdout, stderr)
		}
	}
}
