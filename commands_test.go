package main

// Command-line tests: every test calls run() directly, always with a
// command, on a real SQLite journal in t.TempDir().

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/glebarez/go-sqlite" // the "sqlite" driver, to make databases other programs would make

	jstore "github.com/throughline/throughline/journal/store"
)

// runCLI runs throughline --db db ARGS... with stdin as standard input.
func runCLI(t *testing.T, db, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runArgs(t, stdin, append([]string{"--db", db}, args...)...)
}

// runArgs runs throughline with exactly args. It refuses to run without
// a command, which would open the window.
func runArgs(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	rest := args
	for len(rest) > 0 {
		if rest[0] == "--db" || rest[0] == "-db" {
			rest = rest[min(2, len(rest)):]
		} else if strings.HasPrefix(rest[0], "--db=") || strings.HasPrefix(rest[0], "-db=") {
			rest = rest[1:]
		} else {
			break
		}
	}
	if len(rest) == 0 {
		t.Fatalf("refusing to run %q: with no command it would open the window", args)
	}
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// mustCLI runs a command that has to succeed and returns its output.
func mustCLI(t *testing.T, db, stdin string, args ...string) string {
	t.Helper()
	out, errOut, code := runCLI(t, db, stdin, args...)
	if code != exitOK || errOut != "" {
		t.Fatalf("throughline %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
	}
	return out
}

var savedRE = regexp.MustCompile(`^Saved entry ([0-9]+)\.\n$`)

// addEntry runs add and returns the new entry's id.
func addEntry(t *testing.T, db, stdin string, args ...string) int64 {
	t.Helper()
	out := mustCLI(t, db, stdin, append([]string{"add"}, args...)...)
	m := savedRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("add printed %q, want \"Saved entry N.\"", out)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// cliEntry is an entry as list --json and show --json print it.
type cliEntry = entryJSON

func listJSON(t *testing.T, db string, args ...string) []cliEntry {
	t.Helper()
	out := mustCLI(t, db, "", append([]string{"list", "--json"}, args...)...)
	var entries []cliEntry
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("list --json printed something that is not a JSON array of entries: %v\n%s", err, out)
	}
	return entries
}

func showJSON(t *testing.T, db string, id int64) cliEntry {
	t.Helper()
	out := mustCLI(t, db, "", "show", strconv.FormatInt(id, 10), "--json")
	var e cliEntry
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatalf("show --json printed something that is not a JSON entry: %v\n%s", err, out)
	}
	return e
}

// normalized sorts an entry's names, so comparisons don't depend on the
// vocabulary's order, and makes empty lists nil.
func normalized(e cliEntry) cliEntry {
	for _, names := range []*[]string{&e.Emotions, &e.Patterns} {
		if len(*names) == 0 {
			*names = nil
			continue
		}
		*names = slices.Clone(*names)
		slices.Sort(*names)
	}
	if len(e.Episodes) == 0 {
		e.Episodes = nil
	}
	return e
}

func moodString(m *int) string {
	if m == nil {
		return "null"
	}
	return strconv.Itoa(*m)
}

func intp(n int) *int { return &n }

// newJournal is a fresh journal path in a temporary folder; the file does
// not exist yet.
func newJournal(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "journal.db")
}

// isolateJournalLocation points THROUGHLINE_DB and XDG_DATA_HOME into a
// temporary folder, so a test that gets the path wrong can never touch a
// real journal, and returns the THROUGHLINE_DB path.
func isolateJournalLocation(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	env := filepath.Join(dir, "env", "journal.db")
	t.Setenv("THROUGHLINE_DB", env)
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	return env
}

func assertMissing(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Lstat(path); err == nil {
		t.Errorf("%s was created, but nothing should have been written there", path)
	}
}

func assertExists(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("%s was not created: %v", path, err)
	}
}

// journalState is everything a command could have changed in a journal.
type journalState struct {
	list  string           // list --json
	shows map[int64]string // show ID --json for every entry
	file  []byte           // the journal file itself, vocabulary included
}

// snapshot reads a journal's state through the CLI and its raw bytes.
// Every CLI run closes the journal, which checkpoints the write-ahead log
// into the file, so the file's bytes are the whole journal.
func snapshot(t *testing.T, db string) journalState {
	t.Helper()
	s := journalState{list: mustCLI(t, db, "", "list", "--json"), shows: map[int64]string{}}
	var entries []cliEntry
	if err := json.Unmarshal([]byte(s.list), &entries); err != nil {
		t.Fatalf("list --json: %v\n%s", err, s.list)
	}
	for _, e := range entries {
		s.shows[e.ID] = mustCLI(t, db, "", "show", strconv.FormatInt(e.ID, 10), "--json")
	}
	if info, err := os.Stat(db + "-wal"); err == nil && info.Size() > 0 {
		t.Fatalf("%s-wal holds %d bytes after the journal was closed: the file's bytes don't show the whole journal", db, info.Size())
	}
	var err error
	if s.file, err = os.ReadFile(db); err != nil {
		t.Fatal(err)
	}
	return s
}

func assertSameState(t *testing.T, before, after journalState) {
	t.Helper()
	if after.list != before.list {
		t.Errorf("list --json changed:\nbefore %s\nafter  %s", before.list, after.list)
	}
	if !reflect.DeepEqual(after.shows, before.shows) {
		t.Errorf("show --json changed:\nbefore %v\nafter  %v", before.shows, after.shows)
	}
	if !bytes.Equal(after.file, before.file) {
		t.Errorf("the journal file's bytes changed (%d bytes before, %d after)", len(before.file), len(after.file))
	}
}

// assertFailure checks a refused command: nothing on stdout, one clear
// message on stderr, and the exit code.
func assertFailure(t *testing.T, stdout, stderr string, code, wantCode int, wantErr string) {
	t.Helper()
	if code != wantCode {
		t.Errorf("exit code %d, want %d (stderr %q)", code, wantCode, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout should be empty on failure, got %q", stdout)
	}
	if !strings.HasPrefix(stderr, "throughline: ") || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr should be one \"throughline: ...\" message, got %q", stderr)
	}
	if !strings.Contains(stderr, wantErr) {
		t.Errorf("stderr %q does not say %q", stderr, wantErr)
	}
}

// useLocalZone makes name the local time zone for the test, loaded under
// the name "Local" as the system's zone is.
func useLocalZone(t *testing.T, name string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("/usr/share/zoneinfo", name))
	if err != nil {
		t.Skipf("no zone data for %s: %v", name, err)
	}
	loc, err := time.LoadLocationFromTZData("Local", data)
	if err != nil {
		t.Fatal(err)
	}
	saved := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = saved })
}

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
		if !reflect.DeepEqual(keys, wantKeys) {
			t.Errorf("%s has fields %q, want exactly %q", name, keys, wantKeys)
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

func TestCLI_VersionHelpPaths(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"version", []string{"version"}, []string{"Throughline " + version}},
		{"help", []string{"help"}, []string{"Usage: throughline", "add", "list", "show", "edit", "delete", "paths", "version", "help",
			"--title T", "--since", "THROUGHLINE_DB", "Exit status"}},
		{"paths", []string{"paths"}, []string{"{db}\n", "{db}-wal\n", "{db}-shm\n", "{db}.upgrade.lock\n", "{dir}\n", "never uses the network"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "not yet")
			db := filepath.Join(dir, "journal.db")
			out, errOut, code := runCLI(t, db, "", tt.args...)
			if code != exitOK || errOut != "" {
				t.Fatalf("%s: exit %d, stderr %q", tt.name, code, errOut)
			}
			for _, w := range tt.want {
				w = strings.NewReplacer("{db}", db, "{dir}", dir).Replace(w)
				if !strings.Contains(out, w) {
					t.Errorf("%s printed:\n%s\nmissing %q", tt.name, out, w)
				}
			}
			// None of them opens (or creates) the journal.
			assertMissing(t, dir)
		})
	}
}

func TestCLI_JournalLocation(t *testing.T) {
	t.Run("THROUGHLINE_DB is used without --db", func(t *testing.T) {
		env := isolateJournalLocation(t)
		out, errOut, code := runArgs(t, "", "add", "--title", "via env")
		if code != exitOK {
			t.Fatalf("add without --db: exit %d, stderr %q", code, errOut)
		}
		if out != "Saved entry 1.\n" {
			t.Errorf("add printed %q", out)
		}
		if list := listJSON(t, env); len(list) != 1 || list[0].Title != "via env" {
			t.Errorf("the journal in THROUGHLINE_DB holds %+v, want the entry", list)
		}
		out, _, _ = runArgs(t, "", "paths")
		if !strings.Contains(out, env) {
			t.Errorf("paths without --db printed %q, want %s", out, env)
		}
		out, _, _ = runArgs(t, "", "list")
		if !strings.Contains(out, "via env") {
			t.Errorf("list without --db printed %q", out)
		}
	})
	t.Run("--db wins over THROUGHLINE_DB", func(t *testing.T) {
		env := isolateJournalLocation(t)
		db := newJournal(t)
		addEntry(t, db, "", "--title", "via flag")
		assertExists(t, db)
		assertMissing(t, env)
		assertMissing(t, filepath.Dir(env))
	})
	t.Run("default path under XDG_DATA_HOME", func(t *testing.T) {
		isolateJournalLocation(t)
		xdg := t.TempDir()
		t.Setenv("THROUGHLINE_DB", "")
		t.Setenv("XDG_DATA_HOME", xdg)
		out, errOut, code := runArgs(t, "", "paths")
		want := filepath.Join(xdg, "throughline", "journal.db")
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("paths: exit %d, stdout %q, stderr %q; want %s", code, out, errOut, want)
		}
		assertMissing(t, filepath.Join(xdg, "throughline"))
	})

	// --db after the command, in every command that takes it.
	env := isolateJournalLocation(t)
	db := newJournal(t)
	steps := []struct {
		name string
		args []string
		want string
	}{
		{"add", []string{"add", "--title", "late flag", "--db", db}, "Saved entry 1."},
		{"add, --db=", []string{"add", "--db=" + db, "--title", "second"}, "Saved entry 2."},
		{"list", []string{"list", "--db", db}, "late flag"},
		{"list --json", []string{"list", "--json", "--db", db}, `"title": "second"`},
		{"show", []string{"show", "1", "--db", db}, "# late flag"},
		{"show --json", []string{"show", "--db", db, "1", "--json"}, `"title": "late flag"`},
		{"edit", []string{"edit", "1", "--mood", "3", "--db", db}, "Saved entry 1."},
		{"delete", []string{"delete", "2", "--db", db}, "Deleted entry 2."},
		{"paths", []string{"paths", "--db", db}, db + "-wal"},
		{"after a global --db", []string{"--db", env, "list", "--db", db}, "late flag"},
	}
	for _, s := range steps {
		t.Run("--db after the command: "+s.name, func(t *testing.T) {
			out, errOut, code := runArgs(t, "", s.args...)
			if code != exitOK || errOut != "" || !strings.Contains(out, s.want) {
				t.Errorf("%q: exit %d, stdout %q, stderr %q; want %q", s.args, code, out, errOut, s.want)
			}
		})
	}
	if list := listJSON(t, db); len(list) != 1 || list[0].Title != "late flag" || list[0].Mood == nil || *list[0].Mood != 3 {
		t.Errorf("journal after the --db-after-the-command steps: %+v", list)
	}
	assertMissing(t, filepath.Dir(env))
}

// TestCLI_DBFlagNeedsNoHomeFolder: with --db (or for version and help)
// the per-user default path is not needed, so a missing $HOME must not
// stop the command.
func TestCLI_DBFlagNeedsNoHomeFolder(t *testing.T) {
	db := newJournal(t)
	t.Setenv("THROUGHLINE_DB", "")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"--db before the command", []string{"--db", db, "add", "--title", "T"}, "Saved entry 1."},
		{"--db after the command", []string{"add", "--title", "T", "--db", db}, "Saved entry 2."},
		{"version", []string{"version"}, "Throughline " + version},
		{"help", []string{"help"}, "Usage: throughline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runArgs(t, "", tt.args...)
			if code != exitOK || !strings.Contains(out, tt.want) {
				t.Errorf("%q without $HOME: exit %d, stdout %q, stderr %q; want %q", tt.args, code, out, errOut, tt.want)
			}
		})
	}
}

// TestCLI_HelpFlag: -h and --help show the help, like `help`.
func TestCLI_HelpFlag(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	want := mustCLI(t, db, "", "help")
	for _, args := range [][]string{{"--help"}, {"-h"}, {"--db", db, "--help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, errOut, code := runArgs(t, "", args...)
			if code != exitOK || out != want {
				t.Errorf("throughline %s: exit %d, stdout %q, stderr %q; want exit 0 and the help", strings.Join(args, " "), code, out, errOut)
			}
		})
	}
}

// badInputCases are commands that must be refused, on a journal holding
// entries 1 and 2 and no others.
var badInputCases = []struct {
	name     string
	stdin    string
	args     []string
	wantCode int
	wantErr  string
}{
	// add: the mood
	{"add mood 0", "", []string{"add", "--title", "T", "--mood", "0"}, exitUsage, `Mood "0" is not a whole number from 1 to 10`},
	{"add mood 11", "", []string{"add", "--title", "T", "--mood", "11"}, exitUsage, `Mood "11"`},
	{"add mood -1", "", []string{"add", "--title", "T", "--mood", "-1"}, exitUsage, `Mood "-1"`},
	{"add mood 100", "", []string{"add", "--title", "T", "--mood", "100"}, exitUsage, `Mood "100"`},
	{"add mood 7.5", "", []string{"add", "--title", "T", "--mood", "7.5"}, exitUsage, `Mood "7.5"`},
	{"add mood seven", "", []string{"add", "--title", "T", "--mood", "seven"}, exitUsage, `Mood "seven"`},
	{"add mood empty", "", []string{"add", "--title", "T", "--mood", ""}, exitUsage, `Mood ""`},
	{"add mood without a value", "", []string{"add", "--title", "T", "--mood"}, exitUsage, "flag needs an argument"},
	// add: the date
	{"add date words", "", []string{"add", "--title", "T", "--at", "yesterday"}, exitUsage, `"yesterday" is not a date and time`},
	{"add date day first", "", []string{"add", "--title", "T", "--at", "25/11/2026 18:30"}, exitUsage, "is not a date and time"},
	{"add date month 13", "", []string{"add", "--title", "T", "--at", "2026-13-01 10:00"}, exitUsage, "is not a date and time"},
	{"add date 30 February", "", []string{"add", "--title", "T", "--at", "2026-02-30 10:00"}, exitUsage, "is not a date and time"},
	{"add date hour 25", "", []string{"add", "--title", "T", "--at", "2026-11-25 25:00"}, exitUsage, "is not a date and time"},
	{"add date empty", "", []string{"add", "--title", "T", "--at", ""}, exitUsage, "is not a date and time"},
	// add: an empty entry
	{"add with nothing", "", []string{"add"}, exitUsage, "The entry is empty"},
	{"add blank title and stdin", " \n\t\n", []string{"add", "--title", "   "}, exitUsage, "The entry is empty"},
	{"add blank title and body", "ignored", []string{"add", "--title", " ", "--body", "\n"}, exitUsage, "The entry is empty"},
	// add: other flags
	{"add blank pattern", "", []string{"add", "--title", "T", "--pattern", "  "}, exitUsage, "is blank"},
	{"add blank emotion", "", []string{"add", "--title", "T", "--emotion", "avoidance", "--emotion", ""}, exitUsage, "is blank"},
	{"add unknown kind", "", []string{"add", "--title", "T", "--kind", "nightmare"}, exitUsage, `"nightmare" is not a kind of entry`},
	{"add --flag=maybe", "", []string{"add", "--title", "T", "--flag=maybe"}, exitUsage, "flag"},
	{"add unknown flag", "", []string{"add", "--title", "T", "--colour", "red"}, exitUsage, "-colour"},
	{"add unquoted title", "", []string{"add", "--title", "A", "hard", "day"}, exitUsage, `unexpected "hard"`},
	{"add new pattern with a bad mood", "", []string{"add", "--title", "T", "--pattern", "brand new", "--mood", "0"}, exitUsage, "Mood"},
	// edit
	{"edit mood 0", "", []string{"edit", "1", "--mood", "0"}, exitUsage, `Mood "0"`},
	{"edit mood 11", "", []string{"edit", "1", "--mood", "11"}, exitUsage, `Mood "11"`},
	{"edit bad date", "", []string{"edit", "1", "--at", "next tuesday"}, exitUsage, "is not a date and time"},
	{"edit to empty", "", []string{"edit", "2", "--title", ""}, exitUsage, "The entry is empty"},
	{"edit to blank", "", []string{"edit", "1", "--title", " ", "--body", " "}, exitUsage, "The entry is empty"},
	{"edit blank pattern", "", []string{"edit", "1", "--pattern", "", "--title", "new title"}, exitUsage, "is blank"},
	{"edit unknown kind", "", []string{"edit", "1", "--kind", "poem"}, exitUsage, "is not a kind of entry"},
	{"edit new pattern with a bad date", "", []string{"edit", "1", "--pattern", "brand new", "--at", "soon"}, exitUsage, "is not a date and time"},
	{"edit missing id", "", []string{"edit", "99", "--mood", "3"}, exitError, "There is no entry 99"},
	{"edit id words", "", []string{"edit", "one", "--mood", "3"}, exitUsage, `"one" is not an entry number`},
	{"edit id 0", "", []string{"edit", "0", "--mood", "3"}, exitUsage, `"0" is not an entry number`},
	{"edit id overflows", "", []string{"edit", "99999999999999999999", "--mood", "3"}, exitUsage, "is not an entry number"},
	{"edit no id", "", []string{"edit", "--mood", "3"}, exitUsage, "edit needs one entry number"},
	{"edit two ids", "", []string{"edit", "1", "2", "--mood", "3"}, exitUsage, "edit needs one entry number"},
	{"edit unknown flag", "", []string{"edit", "1", "--colour", "red"}, exitUsage, "-colour"},
	// delete
	{"delete missing id", "", []string{"delete", "3"}, exitError, "There is no entry 3"},
	{"delete id words", "", []string{"delete", "first"}, exitUsage, `"first" is not an entry number`},
	{"delete id 0", "", []string{"delete", "0"}, exitUsage, "is not an entry number"},
	{"delete negative id", "", []string{"delete", "-1"}, exitUsage, "-1"},
	{"delete id with a decimal point", "", []string{"delete", "1.0"}, exitUsage, `"1.0" is not an entry number`},
	{"delete no id", "", []string{"delete"}, exitUsage, "delete needs one entry number"},
	{"delete two ids", "", []string{"delete", "1", "2"}, exitUsage, "delete needs one entry number"},
	// show
	{"show missing id", "", []string{"show", "42"}, exitError, "There is no entry 42"},
	{"show missing id --json", "", []string{"show", "42", "--json"}, exitError, "There is no entry 42"},
	{"show id words", "", []string{"show", "latest"}, exitUsage, `"latest" is not an entry number`},
	{"show no id", "", []string{"show"}, exitUsage, "show needs one entry number"},
	// list
	{"list bad --since", "", []string{"list", "--since", "last week"}, exitUsage, `"last week" is not a date`},
	{"list bad --until", "", []string{"list", "--until", "2026-13-01"}, exitUsage, `"2026-13-01" is not a date`},
	{"list --since after --until", "", []string{"list", "--since", "2026-05-03", "--until", "2026-05-02"}, exitUsage, "Swap them"},
	{"list stray argument", "", []string{"list", "today"}, exitUsage, `unexpected "today"`},
	{"list unknown flag", "", []string{"list", "--all"}, exitUsage, "-all"},
	// the command itself
	{"unknown command", "", []string{"remove", "1"}, exitUsage, `"remove" is not a command`},
	{"command in capitals", "", []string{"ADD", "--title", "T"}, exitUsage, `"ADD" is not a command`},
	{"unknown global flag", "", []string{"--verbose", "list"}, exitUsage, "-verbose"},
}

func TestCLI_BadInputLeavesJournalUnchanged(t *testing.T) {
	isolateJournalLocation(t)
	for _, tt := range badInputCases {
		t.Run(tt.name, func(t *testing.T) {
			db := newJournal(t)
			addEntry(t, db, "", "--title", "First", "--body", "first body", "--mood", "4", "--pattern", "avoidance",
				"--emotion", "sad", "--flag", "--at", "2026-05-02 10:00")
			addEntry(t, db, "", "--body", "", "--title", "Second")
			before := snapshot(t, db)

			out, errOut, code := runCLI(t, db, tt.stdin, tt.args...)
			assertFailure(t, out, errOut, code, tt.wantCode, tt.wantErr)

			assertSameState(t, before, snapshot(t, db))
		})
	}
}

// TestCLI_BadInputCreatesNoJournal: input refused before the journal is
// needed does not create one.
func TestCLI_BadInputCreatesNoJournal(t *testing.T) {
	isolateJournalLocation(t)
	for _, tt := range badInputCases {
		if tt.wantCode != exitUsage {
			continue // a missing entry is only known once the journal is open
		}
		if tt.args[0] == "edit" && !strings.Contains(tt.wantErr, "entry number") && !strings.Contains(tt.wantErr, "-colour") {
			continue // edit reads the entry before checking the new values
		}
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "journal folder")
			db := filepath.Join(dir, "journal.db")
			out, errOut, code := runCLI(t, db, tt.stdin, tt.args...)
			assertFailure(t, out, errOut, code, tt.wantCode, tt.wantErr)
			assertMissing(t, dir)
		})
	}
}

// dirListing names the files in dir with their sizes.
func dirListing(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = info.Size()
	}
	return out
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// makeForeignSQLite makes a SQLite database the way another program would.
func makeForeignSQLite(t *testing.T, path string, wal bool) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{
		"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
		"INSERT INTO notes (text) VALUES ('buy milk'), ('call mum')",
	}
	if wal {
		stmts = append([]string{"PRAGMA journal_mode = WAL"}, stmts...)
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			db.Close()
			t.Fatalf("%s: %v", s, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCLI_RefusesWhatIsNotAJournal(t *testing.T) {
	isolateJournalLocation(t)
	fixtures := []struct {
		name    string
		make    func(t *testing.T, dir string) (db, guarded string) // guarded: the file that must not change
		wantErr string
	}{
		{"a short text file", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "notes.txt")
			writeFile(t, p, []byte("shopping: eggs, milk\n"))
			return p, p
		}, "is not a Throughline database"},
		{"a long text file", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "journal.db")
			writeFile(t, p, bytes.Repeat([]byte("Dear diary, today I wrote in the wrong file.\n"), 50))
			return p, p
		}, "is not a Throughline database"},
		{"a file that only starts like SQLite", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "journal.db")
			writeFile(t, p, []byte("SQLite format 3\x00 but cut short"))
			return p, p
		}, "is not a Throughline database"},
		{"a SQLite database made by another program", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "other.sqlite")
			makeForeignSQLite(t, p, false)
			return p, p
		}, "is a SQLite database, but not a Throughline journal"},
		{"a WAL-mode SQLite database made by another program", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "journal.db")
			makeForeignSQLite(t, p, true)
			return p, p
		}, "is a SQLite database, but not a Throughline journal"},
		{"a journal from a newer Throughline", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "journal.db")
			addEntry(t, p, "", "--title", "Written by this version")
			db, err := sql.Open("sqlite", p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec("INSERT INTO schema_migrations (id, name, applied_at) VALUES (99, 'from the future', 0)"); err != nil {
				t.Fatal(err)
			}
			db.Close()
			return p, p
		}, "was made by a newer version of Throughline"},
		{"a folder", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "journal.db")
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(p, "keep.txt"), []byte("keep me"))
			return p, filepath.Join(p, "keep.txt")
		}, "is a folder, not a journal file"},
		{"a path under a regular file", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "notes.txt")
			writeFile(t, p, []byte("not a folder\n"))
			return filepath.Join(p, "journal.db"), p
		}, "Couldn't create the folder for the journal"},
		{"a path two folders under a regular file", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "notes.txt")
			writeFile(t, p, []byte("not a folder\n"))
			return filepath.Join(p, "sub", "journal.db"), p
		}, "Couldn't create the folder for the journal"},
		{"a path under /dev/null", func(t *testing.T, dir string) (string, string) {
			return "/dev/null/journal.db", ""
		}, "Couldn't create the folder for the journal"},
	}
	commands := [][]string{
		{"list"},
		{"list", "--json"},
		{"list", "--since", "2026-01-01"},
		{"add", "--title", "T", "--body", "B"},
		{"add", "--title", "T", "--pattern", "brand new"},
		{"show", "1"},
		{"show", "1", "--json"},
		{"edit", "1", "--mood", "3"},
		{"delete", "1"},
	}
	for _, fx := range fixtures {
		for _, args := range commands {
			t.Run(fx.name+"/"+strings.Join(args, " "), func(t *testing.T) {
				dir := t.TempDir()
				db, guarded := fx.make(t, dir)
				var before []byte
				if guarded != "" {
					var err error
					if before, err = os.ReadFile(guarded); err != nil {
						t.Fatal(err)
					}
				}
				listing := dirListing(t, dir)

				out, errOut, code := runCLI(t, db, "", args...)
				assertFailure(t, out, errOut, code, exitError, fx.wantErr)

				if guarded != "" {
					after, err := os.ReadFile(guarded)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(after, before) {
						t.Errorf("%s changed (%d bytes before, %d after)", guarded, len(before), len(after))
					}
				}
				if got := dirListing(t, dir); !reflect.DeepEqual(got, listing) {
					t.Errorf("files next to the journal changed:\nbefore %v\nafter  %v", listing, got)
				}
			})
		}
	}
}
