package cli

// Tests of add, list, show, edit and delete.

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	jstore "github.com/throughline/throughline/journal/store"
)

func TestCLI_Add(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  cliEntry // ID, times and kind are checked separately
	}{
		{"title and body", "", []string{"--title", "Coffee with Sam", "--body", "I said yes again when I meant no."},
			cliEntry{Title: "Coffee with Sam", Body: "I said yes again when I meant no."}},
		{"body from stdin when --body is absent", "I said yes again.\n\nNoticing it is a start.\n\n", []string{"--title", "Coffee"},
			cliEntry{Title: "Coffee", Body: "I said yes again.\n\nNoticing it is a start."}},
		{"body from stdin without a title", "Only a body", nil,
			cliEntry{Body: "Only a body"}},
		{"--body wins over stdin", "not this", []string{"--title", "T", "--body", "this"},
			cliEntry{Title: "T", Body: "this"}},
		{"empty --body with stdin ignores stdin", "not this", []string{"--title", "T", "--body", ""},
			cliEntry{Title: "T"}},
		{"markdown and unicode survive", "", []string{"--title", "שלום 👩‍👩‍👧", "--body", "# Heading\n\n- one\n- \"two\""},
			cliEntry{Title: "שלום 👩‍👩‍👧", Body: "# Heading\n\n- one\n- \"two\""}},
		{"mood 1", "", []string{"--title", "T", "--mood", "1"}, cliEntry{Title: "T", Mood: intp(1)}},
		{"mood 10", "", []string{"--title", "T", "--mood", "10"}, cliEntry{Title: "T", Mood: intp(10)}},
		{"mood with spaces", "", []string{"--title", "T", "--mood", " 7 "}, cliEntry{Title: "T", Mood: intp(7)}},
		{"mood none", "", []string{"--title", "T", "--mood", "none"}, cliEntry{Title: "T"}},
		{"--flag", "", []string{"--title", "T", "--flag"}, cliEntry{Title: "T", Flagged: true}},
		{"--flag=true", "", []string{"--title", "T", "--flag=true"}, cliEntry{Title: "T", Flagged: true}},
		{"--flag=false", "", []string{"--title", "T", "--flag=false"}, cliEntry{Title: "T"}},
		{"--kind", "", []string{"--title", "T", "--kind", "dream"}, cliEntry{Title: "T", Kind: "dream"}},
		{"--kind by label", "", []string{"--title", "T", "--kind", "After-session note"}, cliEntry{Title: "T", Kind: "after-session"}},
		{"starter pattern and emotion, any spelling", "",
			[]string{"--title", "T", "--pattern", "People Pleasing", "--emotion", "ANXIOUS"},
			cliEntry{Title: "T", Patterns: []string{"people-pleasing"}, Emotions: []string{"anxious"}}},
		{"new pattern and emotion are created", "",
			[]string{"--title", "T", "--pattern", "doom scrolling", "--emotion", "wistful"},
			cliEntry{Title: "T", Patterns: []string{"doom scrolling"}, Emotions: []string{"wistful"}}},
		{"repeated flags, repeats dropped", "",
			[]string{"--title", "T", "--pattern", "avoidance", "--pattern", "rumination", "--pattern", " Avoidance ",
				"--emotion", "sad", "--emotion", "hopeful", "--emotion", "new  feeling", "--emotion", "New Feeling"},
			cliEntry{Title: "T", Patterns: []string{"avoidance", "rumination"}, Emotions: []string{"sad", "hopeful", "new feeling"}}},
		{"everything at once", "from stdin",
			[]string{"--title", "After therapy", "--mood", "6", "--pattern", "avoidance", "--emotion", "relieved", "--kind", "after-session", "--at", "2026-11-20 17:05", "--flag"},
			cliEntry{Title: "After therapy", Body: "from stdin", Mood: intp(6), Patterns: []string{"avoidance"}, Emotions: []string{"relieved"},
				Kind: "after-session", Flagged: true, WrittenAt: "2026-11-20T17:05:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newJournal(t)
			before := time.Now().Add(-time.Second)
			out, errOut, code := runCLI(t, db, tt.stdin, append([]string{"add"}, tt.args...)...)
			if code != exitOK || errOut != "" || out != "Saved entry 1.\n" {
				t.Fatalf("add: exit %d, stdout %q, stderr %q; want exit 0 and \"Saved entry 1.\"", code, out, errOut)
			}
			got := showJSON(t, db, 1)
			want := tt.want
			want.ID = 1
			if want.Kind == "" {
				want.Kind = "reflection"
			}
			if want.WrittenAt == "" {
				// No --at: now.
				at, err := time.Parse(time.RFC3339, got.WrittenAt)
				if err != nil || at.Before(before) || at.After(time.Now().Add(time.Second)) {
					t.Errorf("written_at = %q, want about now", got.WrittenAt)
				}
			} else if !strings.HasPrefix(got.WrittenAt, want.WrittenAt) {
				t.Errorf("written_at = %q, want it to start with %q", got.WrittenAt, want.WrittenAt)
			}
			if got.CreatedAt == "" || got.UpdatedAt != got.CreatedAt {
				t.Errorf("created_at %q, updated_at %q: want both set and equal for a new entry", got.CreatedAt, got.UpdatedAt)
			}
			want.WrittenAt, want.CreatedAt, want.UpdatedAt = got.WrittenAt, got.CreatedAt, got.UpdatedAt
			if !reflect.DeepEqual(normalized(got), normalized(want)) {
				t.Errorf("show --json:\n got %+v (mood %s)\nwant %+v (mood %s)", got, moodString(got.Mood), want, moodString(want.Mood))
			}
			list := listJSON(t, db)
			if len(list) != 1 || !reflect.DeepEqual(normalized(list[0]), normalized(got)) {
				t.Errorf("list --json = %+v, want just %+v", list, got)
			}
		})
	}
}

func TestCLI_AddCreatesVocabularyOnce(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	first := addEntry(t, db, "", "--title", "one", "--pattern", "doom scrolling", "--emotion", "wistful")
	// A later spelling finds the name created by the first entry.
	second := addEntry(t, db, "", "--title", "two", "--pattern", "Doom Scrolling", "--emotion", " WISTFUL ")
	for _, id := range []int64{first, second} {
		e := showJSON(t, db, id)
		if !reflect.DeepEqual(e.Patterns, []string{"doom scrolling"}) || !reflect.DeepEqual(e.Emotions, []string{"wistful"}) {
			t.Errorf("entry %d: patterns %q, emotions %q; want [doom scrolling] and [wistful] as first written", id, e.Patterns, e.Emotions)
		}
	}
}

func TestCLI_AtKeepsWallClockTime(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		zone, at string
		want     string // written_at, RFC 3339
		listed   string // the date and time list prints
	}{
		{"Etc/UTC", "2026-11-25 18:30", "2026-11-25T18:30:00Z", "2026-11-25 18:30"},
		{"America/New_York", "2026-01-15 21:45", "2026-01-15T21:45:00-05:00", "2026-01-15 21:45"},
		{"America/New_York", "2026-07-04 09:00", "2026-07-04T09:00:00-04:00", "2026-07-04 09:00"},
		{"America/New_York", "2026-07-04T09:00", "2026-07-04T09:00:00-04:00", "2026-07-04 09:00"},
		{"America/New_York", "2026-07-04", "2026-07-04T00:00:00-04:00", "2026-07-04 00:00"},
		{"America/New_York", "  2026-07-04 23:59  ", "2026-07-04T23:59:00-04:00", "2026-07-04 23:59"},
		{"Asia/Kolkata", "2026-03-01 00:15", "2026-03-01T00:15:00+05:30", "2026-03-01 00:15"},
		{"Europe/Berlin", "2026-10-25 01:30", "2026-10-25T01:30:00+02:00", "2026-10-25 01:30"},
		{"Pacific/Auckland", "2026-12-31 23:59", "2026-12-31T23:59:00+13:00", "2026-12-31 23:59"},
		// An RFC 3339 time keeps its own offset, whatever the local zone.
		{"Europe/Berlin", "2026-07-01T08:00:00+09:00", "2026-07-01T08:00:00+09:00", "2026-07-01 08:00"},
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+strings.TrimSpace(tt.at), func(t *testing.T) {
			useLocalZone(t, tt.zone)
			db := newJournal(t)
			id := addEntry(t, db, "", "--title", "dated", "--at", tt.at)
			if got := showJSON(t, db, id).WrittenAt; got != tt.want {
				t.Errorf("show --json written_at = %q, want %q", got, tt.want)
			}
			if list := listJSON(t, db); len(list) != 1 || list[0].WrittenAt != tt.want {
				t.Errorf("list --json = %+v, want written_at %q", list, tt.want)
			}
			if out := mustCLI(t, db, "", "list"); !strings.Contains(out, tt.listed) {
				t.Errorf("list printed %q, want the time %q", out, tt.listed)
			}
			// An edit that doesn't touch the date keeps it.
			mustCLI(t, db, "", "edit", strconv.FormatInt(id, 10), "--title", "renamed")
			if got := showJSON(t, db, id).WrittenAt; got != tt.want {
				t.Errorf("after editing the title, written_at = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCLI_List(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)

	// Reading a journal that isn't there says so, and doesn't create one.
	if _, stderr, code := runCLI(t, db, "", "list"); code != exitError || !strings.Contains(stderr, "There is no journal at") {
		t.Errorf("list of a missing journal: exit %d, stderr %q; want exit 1 saying there is no journal", code, stderr)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("list created the journal it was asked to read: %v", err)
	}
	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	store.Close()

	if out := mustCLI(t, db, "", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("list --json on an empty journal printed %q, want []", out)
	}
	if out := mustCLI(t, db, "", "list"); !strings.Contains(out, "No entries yet") {
		t.Errorf("list on an empty journal printed %q, want a hint that there are no entries", out)
	}

	old := addEntry(t, db, "", "--title", "Older", "--body", "older body", "--at", "2026-01-01 08:00")
	flagged := addEntry(t, db, "", "--title", "Flagged", "--body", "flagged body", "--at", "2026-02-01 08:00",
		"--mood", "3", "--flag", "--pattern", "rumination", "--emotion", "worried")
	same := addEntry(t, db, "", "--title", "Same minute", "--at", "2026-02-01 08:00")
	bodyOnly := addEntry(t, db, "What I dreamt about the sea", "--at", "2026-03-01 08:00")

	list := listJSON(t, db)
	var ids []int64
	for _, e := range list {
		ids = append(ids, e.ID)
	}
	// Newest first; the same time goes by id, newest first.
	if want := []int64{bodyOnly, same, flagged, old}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("list --json ids %v, want newest first %v", ids, want)
	}
	for _, e := range list {
		if want := showJSON(t, db, e.ID); !reflect.DeepEqual(e, want) {
			t.Errorf("list --json entry %d = %+v, want what show --json prints: %+v", e.ID, e, want)
		}
	}
	if e := list[2]; e.Body != "flagged body" || e.Mood == nil || *e.Mood != 3 || !e.Flagged ||
		!reflect.DeepEqual(e.Patterns, []string{"rumination"}) || !reflect.DeepEqual(e.Emotions, []string{"worried"}) {
		t.Errorf("list --json lost fields of entry %d: %+v", flagged, e)
	}
	if list[3].Body != "older body" {
		t.Errorf("list --json body = %q, want %q", list[3].Body, "older body")
	}

	out := mustCLI(t, db, "", "list")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("list printed %d lines, want 4:\n%s", len(lines), out)
	}
	for i, want := range [][]string{
		{strconv.FormatInt(bodyOnly, 10), "2026-03-01 08:00"},
		{strconv.FormatInt(same, 10), "Same minute"},
		{strconv.FormatInt(flagged, 10), "2026-02-01 08:00", "Flagged", "3", "⚑", "[rumination]"},
		{strconv.FormatInt(old, 10), "2026-01-01 08:00", "Older"},
	} {
		for _, w := range want {
			if !strings.Contains(lines[i], w) {
				t.Errorf("list line %d %q does not show %q", i+1, lines[i], w)
			}
		}
	}
	if strings.Contains(lines[0], "⚑") || strings.Contains(lines[3], "⚑") {
		t.Errorf("unflagged entries show the flag:\n%s", out)
	}
}

func TestCLI_ListSinceUntil(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	for _, at := range []string{"2026-05-01 23:59", "2026-05-02 00:00", "2026-05-02 12:00", "2026-05-03 23:59", "2026-05-04 00:00"} {
		addEntry(t, db, "", "--title", at, "--at", at)
	}
	tests := []struct {
		name string
		args []string
		want []string // titles, newest first
	}{
		{"no bounds", nil, []string{"2026-05-04 00:00", "2026-05-03 23:59", "2026-05-02 12:00", "2026-05-02 00:00", "2026-05-01 23:59"}},
		{"since a day includes its first minute", []string{"--since", "2026-05-02"},
			[]string{"2026-05-04 00:00", "2026-05-03 23:59", "2026-05-02 12:00", "2026-05-02 00:00"}},
		{"until a day includes all of it", []string{"--until", "2026-05-03"},
			[]string{"2026-05-03 23:59", "2026-05-02 12:00", "2026-05-02 00:00", "2026-05-01 23:59"}},
		{"since and until", []string{"--since", "2026-05-02", "--until", "2026-05-03"},
			[]string{"2026-05-03 23:59", "2026-05-02 12:00", "2026-05-02 00:00"}},
		{"one day", []string{"--since", "2026-05-02", "--until", "2026-05-02"},
			[]string{"2026-05-02 12:00", "2026-05-02 00:00"}},
		{"until a time includes that minute", []string{"--until", "2026-05-02 12:00"},
			[]string{"2026-05-02 12:00", "2026-05-02 00:00", "2026-05-01 23:59"}},
		{"until the minute before", []string{"--until", "2026-05-02 11:59"},
			[]string{"2026-05-02 00:00", "2026-05-01 23:59"}},
		{"since a time", []string{"--since", "2026-05-02 12:00"},
			[]string{"2026-05-04 00:00", "2026-05-03 23:59", "2026-05-02 12:00"}},
		{"a day with no entries", []string{"--since", "2026-06-01", "--until", "2026-06-30"}, nil},
		{"flags with =", []string{"--since=2026-05-03", "--until=2026-05-03"}, []string{"2026-05-03 23:59"}},
		{"one page", []string{"--limit", "2"}, []string{"2026-05-04 00:00", "2026-05-03 23:59"}},
		{"a page of a range", []string{"--until", "2026-05-02", "--limit", "1"}, []string{"2026-05-02 12:00"}},
		{"a page longer than the journal", []string{"--limit", "60"},
			[]string{"2026-05-04 00:00", "2026-05-03 23:59", "2026-05-02 12:00", "2026-05-02 00:00", "2026-05-01 23:59"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range listJSON(t, db, tt.args...) {
				got = append(got, e.Title)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("list --json %s = %q, want %q", strings.Join(tt.args, " "), got, tt.want)
			}
			text := mustCLI(t, db, "", append([]string{"list"}, tt.args...)...)
			for _, title := range tt.want {
				if !strings.Contains(text, title) {
					t.Errorf("list %s does not show %q:\n%s", strings.Join(tt.args, " "), title, text)
				}
			}
		})
	}
}

func TestCLI_Show(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	id := addEntry(t, db, "", "--title", "Coffee with Sam", "--body", "I said yes again.", "--mood", "6",
		"--pattern", "people-pleasing", "--emotion", "anxious", "--kind", "dream", "--flag", "--at", "2026-11-25 18:30")
	plain := addEntry(t, db, "", "--title", "Plain")
	tests := []struct {
		name    string
		args    []string
		want    []string
		notWant []string
	}{
		{"text", []string{"show", "1"}, []string{"# Coffee with Sam", "Entry 1", "Dream", "2026", "Mood: 6/10",
			"Emotions: anxious", "Patterns: people-pleasing", "Bring to my next session", "I said yes again."}, nil},
		{"text without the optional parts", []string{"show", strconv.FormatInt(plain, 10)}, []string{"# Plain", "Reflection"},
			[]string{"Mood:", "Emotions:", "Patterns:", "Bring to my next session"}},
		{"--json after the id", []string{"show", "1", "--json"}, []string{`"title": "Coffee with Sam"`}, nil},
		{"--json before the id", []string{"show", "--json", "1"}, []string{`"title": "Coffee with Sam"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := mustCLI(t, db, "", tt.args...)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("%s printed %q, missing %q", strings.Join(tt.args, " "), out, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(out, w) {
					t.Errorf("%s printed %q, which should not have %q", strings.Join(tt.args, " "), out, w)
				}
			}
		})
	}
	if a, b := mustCLI(t, db, "", "show", "1", "--json"), mustCLI(t, db, "", "show", "--json", strconv.FormatInt(id, 10)); a != b {
		t.Errorf("show ID --json and show --json ID differ:\n%s\n%s", a, b)
	}
}

func TestCLI_Edit(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name  string
		stdin string
		args  []string // after "edit"; ID is replaced by the entry's id
		want  func(e *cliEntry)
	}{
		{"no flags changes nothing", "", []string{"ID"}, func(e *cliEntry) {}},
		{"--mood keeps the rest", "", []string{"ID", "--mood", "9"}, func(e *cliEntry) { e.Mood = intp(9) }},
		{"--mood none clears the mood", "", []string{"ID", "--mood", "none"}, func(e *cliEntry) { e.Mood = nil }},
		{"--mood NONE clears the mood", "", []string{"ID", "--mood", "NONE"}, func(e *cliEntry) { e.Mood = nil }},
		{"--flag=false clears the flag", "", []string{"ID", "--flag=false"}, func(e *cliEntry) { e.Flagged = false }},
		{"--title", "", []string{"ID", "--title", "Renamed"}, func(e *cliEntry) { e.Title = "Renamed" }},
		{"--title empty keeps the body", "", []string{"ID", "--title", ""}, func(e *cliEntry) { e.Title = "" }},
		{"--body, stdin not read", "stdin is not a body for edit", []string{"ID", "--body", "New body"},
			func(e *cliEntry) { e.Body = "New body" }},
		{"--pattern replaces the patterns", "", []string{"ID", "--pattern", "rumination", "--pattern", "a brand new one"},
			func(e *cliEntry) { e.Patterns = []string{"rumination", "a brand new one"} }},
		{"--emotion replaces the emotions", "", []string{"ID", "--emotion", "calm"},
			func(e *cliEntry) { e.Emotions = []string{"calm"} }},
		{"--at", "", []string{"ID", "--at", "2026-03-04 05:06"}, func(e *cliEntry) { e.WrittenAt = "2026-03-04T05:06:00Z" }},
		{"--kind", "", []string{"ID", "--kind", "free-association"}, func(e *cliEntry) { e.Kind = "free-association" }},
		{"flags before the id", "", []string{"--mood", "2", "--flag=false", "ID"},
			func(e *cliEntry) { e.Mood, e.Flagged = intp(2), false }},
		{"several flags", "", []string{"ID", "--title", "T2", "--mood", "1", "--emotion", "proud", "--emotion", "new word"},
			func(e *cliEntry) { e.Title, e.Mood, e.Emotions = "T2", intp(1), []string{"proud", "new word"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			useLocalZone(t, "Etc/UTC")
			db := newJournal(t)
			other := addEntry(t, db, "", "--title", "Other", "--body", "untouched", "--mood", "5", "--pattern", "denial")
			id := addEntry(t, db, "", "--title", "Original", "--body", "Original body", "--mood", "4",
				"--pattern", "avoidance", "--pattern", "self-criticism", "--emotion", "sad", "--emotion", "my own feeling",
				"--kind", "dream", "--flag", "--at", "2026-02-03 10:15")
			otherBefore := showJSON(t, db, other)
			want := showJSON(t, db, id)
			created := want.CreatedAt
			tt.want(&want)

			args := []string{"edit"}
			for _, a := range tt.args {
				if a == "ID" {
					a = strconv.FormatInt(id, 10)
				}
				args = append(args, a)
			}
			time.Sleep(2 * time.Millisecond) // so updated_at moves on
			out, errOut, code := runCLI(t, db, tt.stdin, args...)
			if code != exitOK || errOut != "" || out != "Saved entry "+strconv.FormatInt(id, 10)+".\n" {
				t.Fatalf("%s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), code, out, errOut)
			}
			got := showJSON(t, db, id)
			if got.CreatedAt != created {
				t.Errorf("created_at changed from %q to %q", created, got.CreatedAt)
			}
			if got.UpdatedAt == created {
				t.Errorf("updated_at did not change: %q", got.UpdatedAt)
			}
			want.UpdatedAt = got.UpdatedAt
			if !reflect.DeepEqual(normalized(got), normalized(want)) {
				t.Errorf("after %s:\n got %+v (mood %s)\nwant %+v (mood %s)", strings.Join(args, " "), got, moodString(got.Mood), want, moodString(want.Mood))
			}
			list := listJSON(t, db)
			listed := slices.ContainsFunc(list, func(e cliEntry) bool { return reflect.DeepEqual(normalized(e), normalized(got)) })
			if len(list) != 2 || !listed {
				t.Errorf("list --json = %+v, want the edited entry %+v in it", list, got)
			}
			if otherAfter := showJSON(t, db, other); !reflect.DeepEqual(otherAfter, otherBefore) {
				t.Errorf("editing entry %d changed entry %d:\nbefore %+v\nafter  %+v", id, other, otherBefore, otherAfter)
			}
		})
	}
}

func TestCLI_Delete(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	keep := addEntry(t, db, "", "--title", "Keep", "--pattern", "a new pattern")
	gone := addEntry(t, db, "", "--title", "Gone", "--pattern", "a new pattern", "--emotion", "sad", "--flag")
	keepBefore := showJSON(t, db, keep)

	if out := mustCLI(t, db, "", "delete", strconv.FormatInt(gone, 10)); out != "Deleted entry "+strconv.FormatInt(gone, 10)+".\n" {
		t.Errorf("delete printed %q", out)
	}
	out, errOut, code := runCLI(t, db, "", "show", strconv.FormatInt(gone, 10))
	assertFailure(t, out, errOut, code, exitError, "There is no entry "+strconv.FormatInt(gone, 10))
	if list := listJSON(t, db); len(list) != 1 || !reflect.DeepEqual(list[0], keepBefore) {
		t.Errorf("after delete, list --json = %+v, want only %+v", list, keepBefore)
	}
	// Deleting twice is an error, not a silent success.
	out, errOut, code = runCLI(t, db, "", "delete", strconv.FormatInt(gone, 10))
	assertFailure(t, out, errOut, code, exitError, "There is no entry")
	// The pattern the deleted entry shared is still the same one.
	again := addEntry(t, db, "", "--title", "Again", "--pattern", "A New Pattern")
	if p := showJSON(t, db, again).Patterns; !reflect.DeepEqual(p, []string{"a new pattern"}) {
		t.Errorf("patterns after delete = %q, want [a new pattern]", p)
	}
}

func TestCLI_JSONFieldNames(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	addEntry(t, db, "", "--title", "No mood")
	addEntry(t, db, "", "--title", "All", "--body", "b", "--mood", "8", "--pattern", "denial", "--emotion", "calm", "--flag")
	wantKeys := []string{"body", "created_at", "emotions", "episodes", "flagged", "id", "kind", "mood", "patterns", "title", "updated_at", "written_at"}

	var listed []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "list", "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	var shown map[string]json.RawMessage
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "show", "1", "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	if len(listed) != 2 {
		t.Fatalf("list --json printed %d entries, want 2", len(listed))
	}
	objects := map[string]map[string]json.RawMessage{"list --json [0]": listed[0], "list --json [1]": listed[1], "show 1 --json": shown}
	for name, obj := range objects {
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		want := wantKeys
		if name == "show 1 --json" { // show lists the entry's files too
			want = append([]string{"attachments"}, wantKeys...)
		}
		if !reflect.DeepEqual(keys, want) {
			t.Errorf("%s has fields %q, want exactly %q", name, keys, want)
		}
		var id int64
		if err := json.Unmarshal(obj["id"], &id); err != nil || id < 1 {
			t.Errorf("%s: id %s is not a positive number", name, obj["id"])
		}
		for _, f := range []struct {
			key    string
			layout string
		}{{"written_at", time.RFC3339}, {"created_at", time.RFC3339Nano}, {"updated_at", time.RFC3339Nano}} {
			var s string
			if err := json.Unmarshal(obj[f.key], &s); err != nil {
				t.Errorf("%s: %s %s is not a string", name, f.key, obj[f.key])
			} else if _, err := time.Parse(f.layout, s); err != nil {
				t.Errorf("%s: %s %q is not RFC 3339: %v", name, f.key, s, err)
			}
		}
		for _, key := range []string{"emotions", "patterns", "episodes"} {
			var names []string
			if raw := string(obj[key]); !strings.HasPrefix(raw, "[") || json.Unmarshal(obj[key], &names) != nil {
				t.Errorf("%s: %s is %s, want an array (empty, not null, when there are none)", name, key, raw)
			}
		}
		var flagged bool
		if err := json.Unmarshal(obj["flagged"], &flagged); err != nil {
			t.Errorf("%s: flagged %s is not a boolean", name, obj["flagged"])
		}
	}
	// listed[0] is the newer entry, with a mood; the other has none.
	if got := string(listed[0]["mood"]); got != "8" {
		t.Errorf("mood = %s, want 8", got)
	}
	if got := string(listed[1]["mood"]); got != "null" {
		t.Errorf("mood of an entry without one = %s, want null", got)
	}
	if got := string(shown["mood"]); got != "null" {
		t.Errorf("show --json mood of an entry without one = %s, want null", got)
	}
	if got := string(listed[1]["emotions"]); got != "[]" {
		t.Errorf("emotions of an entry without any = %s, want []", got)
	}
}
