package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestCLI_Patterns(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	today := time.Now()
	ago := func(days int) string { return today.AddDate(0, 0, -days).Format("2006-01-02") + " 12:00" }
	for _, add := range [][]string{
		// The last 7 days: people-pleasing 3, avoidance 2 (together twice), denial 1.
		{"--title", "a", "--at", ago(1), "--pattern", "people-pleasing", "--pattern", "avoidance"},
		{"--title", "b", "--at", ago(2), "--pattern", "people-pleasing", "--pattern", "avoidance"},
		{"--title", "c", "--at", ago(3), "--pattern", "people-pleasing", "--pattern", "denial"},
		// The 7 days before: avoidance 1.
		{"--title", "d", "--at", ago(10), "--pattern", "avoidance"},
	} {
		mustCLI(t, db, "", append([]string{"add"}, add...)...)
	}

	var report struct {
		From, To *string
		Entries  int
		Patterns []struct {
			Name, Category  string
			Count           int
			Share           float64
			Previous, Delta *int
		}
		Pairs []struct {
			A, B          string
			Count, Either int
			Lift          *float64
			Reading       string
		}
	}
	out := mustCLI(t, db, "", "patterns", "--period", "7d", "--json")
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("patterns --json: %v\n%s", err, out)
	}
	if report.Entries != 3 || report.From == nil || *report.To != today.Format("2006-01-02") {
		t.Errorf("entries %d from %v to %v", report.Entries, report.From, report.To)
	}
	var got []string
	for _, p := range report.Patterns {
		got = append(got, p.Name+" "+p.Category+" "+itoa(p.Count)+" prev "+itoa(*p.Previous)+" delta "+itoa(*p.Delta))
	}
	want := []string{
		"people-pleasing relationship 3 prev 0 delta 3",
		"avoidance defense 2 prev 1 delta 1",
		"denial defense 1 prev 0 delta 1",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("patterns:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s := report.Patterns[0].Share; s != 1 {
		t.Errorf("people-pleasing share = %v, want 1 (3 of 3)", s)
	}
	// avoidance + people-pleasing in 2 of the 3 entries that name either:
	// too few to set against chance, so no lift, as in the window.
	if p := report.Pairs; len(p) != 1 || p[0].A != "avoidance" || p[0].Count != 2 || p[0].Either != 3 || p[0].Lift != nil || p[0].Reading != "too few" {
		t.Errorf("pairs = %+v", report.Pairs)
	}
	out = mustCLI(t, db, "", "patterns", "--period", "7d")
	if !strings.Contains(out, "    2  avoidance + people-pleasing: together in 2 of the 3 entries that name either.\n") || strings.Contains(out, "×") {
		t.Errorf("text report's pairs:\n%s", out)
	}
	if !strings.Contains(out, "+1 against the 7 days before") {
		t.Errorf("text report's trends:\n%s", out)
	}

	// All time: no window before, so previous and delta are null.
	out = mustCLI(t, db, "", "patterns", "--period", "all", "--json")
	if !strings.Contains(out, `"from": null`) || !strings.Contains(out, `"previous": null`) || !strings.Contains(out, `"entries": 4`) {
		t.Errorf("all time JSON:\n%s", out)
	}
	if out := mustCLI(t, db, "", "patterns", "--period", "all"); !strings.Contains(out, "from all time.\nThere is no earlier period of the same length to compare with.\n") {
		t.Errorf("all time text:\n%s", out)
	}
	// A custom range and the text form. The day before holds no entries:
	// nothing to compare with, rather than "+1" against it.
	out = mustCLI(t, db, "", "patterns", "--from", ago(10)[:10], "--to", ago(10)[:10])
	if !strings.Contains(out, "1 entry from") || !strings.Contains(out, "avoidance") ||
		!strings.Contains(out, "There are no entries in the day before to compare with.") || strings.Contains(out, "+1") {
		t.Errorf("text report for one day:\n%s", out)
	}
	if out := mustCLI(t, db, "", "patterns", "--from", ago(10)[:10], "--to", ago(10)[:10], "--json"); !strings.Contains(out, `"previous": null`) {
		t.Errorf("JSON for one day after an empty one:\n%s", out)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestCLI_PatternsBadInput(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	mustCLI(t, db, "", "add", "--title", "x", "--pattern", "denial")
	before := snapshot(t, db)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--period", "2w"}, exitUsage, "not a period"},
		{[]string{"--from", "2026-01-01"}, exitUsage, "both --from and --to"},
		{[]string{"--from", "2026-02-01", "--to", "2026-01-01"}, exitUsage, "Swap them"},
		{[]string{"--from", "first of may", "--to", "2026-01-01"}, exitUsage, "not a date"},
		{[]string{"extra"}, exitUsage, "unexpected"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stderr, code := runCLI(t, db, "", append([]string{"patterns"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d mentioning %q", code, stderr, tt.code, tt.want)
			}
			assertSameState(t, before, snapshot(t, db))
		})
	}
}

func TestCLI_InlineTagsLinkPatterns(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	mustCLI(t, db, "", "add", "--title", "t", "--body", "Said yes #People-Pleasing, again `#denial` #doom-scrolling")
	e := listJSON(t, db)[0]
	if strings.Join(e.Patterns, ",") != "people-pleasing,doom-scrolling" {
		t.Errorf("patterns from tags = %v, want people-pleasing (known) and doom-scrolling (new), not the code span", e.Patterns)
	}
	mustCLI(t, db, "", "edit", itoa(int(e.ID)), "--body", "now #avoidance")
	e = listJSON(t, db)[0]
	if strings.Join(e.Patterns, ",") != "people-pleasing,avoidance,doom-scrolling" {
		t.Errorf("after edit: %v", e.Patterns)
	}
}

func TestCLI_PatternsSinceSession(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	today := time.Now()
	day := func(daysAgo int) string { return today.AddDate(0, 0, -daysAgo).Format("2006-01-02") }
	at := func(daysAgo int, clock string) string { return day(daysAgo) + " " + clock }
	for _, add := range [][]string{
		{"--title", "long ago", "--at", at(30, "12:00"), "--pattern", "denial"},
		{"--title", "before the first session", "--at", at(20, "16:59"), "--pattern", "denial"},
		{"--title", "right at the first session", "--at", at(20, "17:00"), "--pattern", "avoidance"},
		{"--title", "between", "--at", at(15, "09:00"), "--pattern", "avoidance"},
		{"--title", "before the second, same day", "--at", at(10, "08:00"), "--pattern", "denial"},
		{"--title", "after the second, same day", "--at", at(10, "20:00"), "--pattern", "people-pleasing"},
		{"--title", "lately", "--at", at(2, "12:00"), "--pattern", "people-pleasing", "--pattern", "denial"},
		{"--title", "this morning", "--at", at(0, "00:00"), "--pattern", "people-pleasing"},
	} {
		mustCLI(t, db, "", append([]string{"add"}, add...)...)
	}

	// No session yet: refused, and nothing changes.
	before := snapshot(t, db)
	out, errOut, code := runCLI(t, db, "", "patterns", "--period", "since-session", "--json")
	assertFailure(t, out, errOut, code, exitError, "No session logged yet: log one with `throughline session add`, or use --period 30d.")
	assertSameState(t, before, snapshot(t, db))

	// Each session logged moves the window's start to it; one still to
	// come does not.
	tests := []struct {
		name        string
		session     []string // after "session add"
		wantFrom    string
		wantEntries int
		wantText    string
	}{
		{"the first", []string{"--at", at(20, "17:00")}, day(20), 6, "6 entries since your session on "},
		{"a second, entries before it that day left out", []string{"--at", at(10, "17:00"), "--approach", "dit"}, day(10), 3, "3 entries since your session on "},
		{"an earlier one logged late changes nothing", []string{"--at", at(15, "17:00")}, day(10), 3, ""},
		{"a third", []string{"--at", at(3, "17:00"), "--format", "couples"}, day(3), 2, "2 entries since your session on "},
		{"one still to come changes nothing", []string{"--at", today.AddDate(0, 0, 2).Format("2006-01-02") + " 17:00"}, day(3), 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustCLI(t, db, "", append([]string{"session", "add"}, tt.session...)...)
			var report struct {
				From, To *string
				Entries  int
			}
			out := mustCLI(t, db, "", "patterns", "--period", "since-session", "--json")
			if err := json.Unmarshal([]byte(out), &report); err != nil {
				t.Fatalf("patterns --json: %v\n%s", err, out)
			}
			if report.From == nil || *report.From != tt.wantFrom || report.To == nil || *report.To != day(0) || report.Entries != tt.wantEntries {
				t.Errorf("since-session report: from %s to %s, %d entries; want from %s to %s, %d entries",
					orNull(report.From), orNull(report.To), report.Entries, tt.wantFrom, day(0), tt.wantEntries)
			}
			if tt.wantText != "" {
				if text := mustCLI(t, db, "", "patterns", "--period", "since-session"); !strings.HasPrefix(text, tt.wantText) {
					t.Errorf("patterns --period since-session printed %q, want it to start %q", text, tt.wantText)
				}
			}
		})
	}
	// --from and --to still pick the days, whatever the period.
	out = mustCLI(t, db, "", "patterns", "--period", "since-session", "--from", day(30), "--to", day(30), "--json")
	if !strings.Contains(out, `"entries": 1`) {
		t.Errorf("--from and --to with since-session:\n%s", out)
	}
}

// orNull writes an optional string for a message, null when absent.
func orNull(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}
