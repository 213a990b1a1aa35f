package cli

// Command-line tests: every test calls App.Run directly, always with a
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

	_ "github.com/glebarez/go-sqlite" // the "sqlite" driver, to make databases other programs would make

	"github.com/throughline/throughline/internal/testenv"
	jstore "github.com/throughline/throughline/journal/store"
)

// testApp is the command line as main builds it, with a window that
// can't open: runArgs refuses a run that would open it.
var testApp = App{
	Version: "test-version",
	Settings: func() jstore.Location {
		return jstore.Location{What: "Window settings", Path: "/settings/preferences.json"}
	},
}

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
	code = testApp.Run(args, strings.NewReader(stdin), &out, &errOut)
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

// useLocalZone makes name the local time zone for the test.
func useLocalZone(t *testing.T, name string) { testenv.LocalZone(t, name) }

func TestCLI_VersionHelpPaths(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"version", []string{"version"}, []string{"Throughline " + testApp.Version}},
		{"help", []string{"help"}, []string{"Usage: throughline", "add", "list", "show", "edit", "delete", "paths", "version", "help",
			"--title T", "--since", "THROUGHLINE_DB", "Exit status"}},
		{"paths", []string{"paths"}, []string{"{db}\n", "{db}-wal\n", "{db}-shm\n", "{db}.upgrade.lock\n", "{dir}\n", "/settings/preferences.json\n", "never uses the network"}},
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
		{"version", []string{"version"}, "Throughline " + testApp.Version},
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
	{"add date words", "", []string{"add", "--title", "T", "--at", "soon"}, exitUsage, `"soon" is not a date`},
	{"add date day first", "", []string{"add", "--title", "T", "--at", "25/11/2026 18:30"}, exitUsage, "is not a date"},
	{"add date month 13", "", []string{"add", "--title", "T", "--at", "2026-13-01 10:00"}, exitUsage, "is not a date"},
	{"add date 30 February", "", []string{"add", "--title", "T", "--at", "2026-02-30 10:00"}, exitUsage, "is not a date"},
	{"add date hour 25", "", []string{"add", "--title", "T", "--at", "2026-11-25 25:00"}, exitUsage, "is not a date"},
	{"add date empty", "", []string{"add", "--title", "T", "--at", ""}, exitUsage, "The date is empty"},
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
	{"edit bad date", "", []string{"edit", "1", "--at", "next week"}, exitUsage, "is not a date"},
	{"edit to empty", "", []string{"edit", "2", "--title", ""}, exitUsage, "The entry is empty"},
	{"edit to blank", "", []string{"edit", "1", "--title", " ", "--body", " "}, exitUsage, "The entry is empty"},
	{"edit blank pattern", "", []string{"edit", "1", "--pattern", "", "--title", "new title"}, exitUsage, "is blank"},
	{"edit unknown kind", "", []string{"edit", "1", "--kind", "poem"}, exitUsage, "is not a kind of entry"},
	{"edit new pattern with a bad date", "", []string{"edit", "1", "--pattern", "brand new", "--at", "soon"}, exitUsage, "is not a date"},
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
	{"list negative --limit", "", []string{"list", "--limit", "-1"}, exitUsage, "--limit -1 is no number of entries"},
	{"list --limit not a number", "", []string{"list", "--limit", "ten"}, exitUsage, "-limit"},
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
