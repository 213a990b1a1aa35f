package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// importSample is a file exported by another journal, from the
// importer's samples in the repository.
func importSample(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "journal", "transfer", "testdata", "samples", name)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("the sample %s is missing: %v", p, err)
	}
	return p
}

func writeImportFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	writeFile(t, p, []byte(content))
	return p
}

func TestCLI_Import(t *testing.T) {
	isolateJournalLocation(t)
	useLocalZone(t, "Europe/Berlin")
	tests := []struct {
		file, format, first, again string
		entries                    int
	}{
		{"jrnl-basic_onefile.journal", "", "Imported 3 entries from jrnl.\n", "Imported no entries from jrnl.\nSkipped 3 already in the journal.\n", 3},
		{"dayone-fictional.zip", "dayone", "Imported 3 entries from Day One.\n",
			"Imported no entries from Day One.\nSkipped 3 already in the journal.\n", 3},
		{"daylio-sample.csv", "", "Imported 3 entries from Daylio.\n", "Imported no entries from Daylio.\nSkipped 3 already in the journal.\n", 3},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			db := newJournal(t)
			args := []string{"import", importSample(t, tt.file)}
			if tt.format != "" {
				args = append(args, "--format", tt.format)
			}
			out := mustCLI(t, db, "", args...)
			if !strings.HasPrefix(out, tt.first) {
				t.Errorf("first import printed %q, want it to start %q", out, tt.first)
			}
			if out := mustCLI(t, db, "", args...); !strings.HasPrefix(out, tt.again) {
				t.Errorf("second import printed %q, want it to start %q", out, tt.again)
			}
			if got := listJSON(t, db); len(got) != tt.entries {
				t.Errorf("the journal holds %d entries, want %d", len(got), tt.entries)
			}
		})
	}
}

func TestCLI_ImportFields(t *testing.T) {
	isolateJournalLocation(t)
	useLocalZone(t, "America/New_York")
	db := newJournal(t)
	mustCLI(t, db, "", "import", importSample(t, "dayone-fictional-journal.json"))
	got := listJSON(t, db)
	if len(got) != 3 {
		t.Fatalf("%d entries, want 3", len(got))
	}
	first := normalized(got[2]) // newest first
	if first.Title != "Lantern Garden Notes" || first.WrittenAt != "2031-04-05T14:30:00Z" || !first.Flagged ||
		!reflect.DeepEqual(first.Patterns, []string{"fictional", "garden", "sample"}) {
		t.Errorf("first Day One entry %+v", first)
	}
	out := mustCLI(t, db, "", "pattern", "list", "--json")
	if !strings.Contains(out, `"garden"`) || !strings.Contains(out, `"imported"`) {
		t.Errorf("pattern list --json does not show the tag garden in the imported category:\n%s", out)
	}

	db = newJournal(t)
	mustCLI(t, db, "", "import", importSample(t, "daylio-sample-multiple-moods.csv"))
	var moods []string
	for _, e := range listJSON(t, db) {
		moods = append(moods, moodString(e.Mood))
	}
	if want := []string{"null", "null", "null", "8", "null", "3", "null"}; !reflect.DeepEqual(moods, want) {
		t.Errorf("Daylio moods %v, want %v (good 8, bad 3, the person's own moods unrated)", moods, want)
	}
}

func TestCLI_ImportLeftOut(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	var lines []string
	for i := 1; i <= 25; i++ {
		lines = append(lines, fmt.Sprintf(`{"title": "t%d", "body": "b", "date": "2024-13-%02d", "time": "09:30"}`, i, i))
	}
	lines = append(lines, `{"title": "Kept", "body": "b", "date": "2024-03-01", "time": "09:30", "starred": true}`)
	file := writeImportFile(t, "jrnl export.json", `{"tags": {}, "entries": [`+strings.Join(lines, ",\n")+`]}`)
	out := mustCLI(t, db, "", "import", file)
	for _, want := range []string{
		"Imported 1 entry from jrnl.\nLeft out 25 that couldn't be read:\n",
		`  entry 1: its date and time "2024-13-01 09:30" is not one I can read (jrnl writes 2024-03-01 and 09:30)` + "\n",
		"  entry 20: ",
		fmt.Sprintf("  and 5 more; `throughline import %q --json` lists them all.\n", file),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "entry 21:") {
		t.Errorf("output lists more than 20 left-out items:\n%s", out)
	}
	if got := listJSON(t, db); len(got) != 1 || got[0].Title != "Kept" || !got[0].Flagged {
		t.Errorf("entries %+v, want the one good entry, flagged", got)
	}

	var sum importJSON
	out = mustCLI(t, db, "", "import", file, "--json")
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("import --json printed %q: %v", out, err)
	}
	if sum.Format != "jrnl" || sum.Added != 0 || len(sum.Rejected) != 25 || len(sum.Skipped) != 1 ||
		sum.Skipped[0] != (itemJSON{"entry 26", "already in the journal"}) || sum.Notes == nil {
		t.Errorf("import --json: %+v", sum)
	}
	for _, key := range []string{`"format"`, `"added"`, `"skipped"`, `"rejected"`, `"notes"`, `"where"`, `"reason"`} {
		if !strings.Contains(out, key) {
			t.Errorf("import --json has no %s:\n%s", key, out)
		}
	}
}

// TestCLI_ImportBadFileLeavesJournalUnchanged: a file that can't be read
// whole is refused, says what and where, and changes nothing; without a
// journal, none is created.
func TestCLI_ImportBadFileLeavesJournalUnchanged(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name    string
		file    func(t *testing.T) string
		args    []string
		code    int
		wantErr string
	}{
		{"cut short", func(t *testing.T) string {
			return writeImportFile(t, "cut.json", `{"tags": {}, "entries": [{"title": "a", "body": "b", "date": "2024-03-01", "time": "09:30"}, {"title": "c", "bo`)
		}, nil, exitUsage, "cut.json ends in the middle of entry 2 (byte 111): it may have been cut short"},
		{"binary", func(t *testing.T) string { return writeImportFile(t, "x.journal", "[2024-03-01 09:30] a\n\x00") },
			nil, exitUsage, "x.journal holds binary data, not text: there is a zero byte at line 2, column 1 (byte 22)"},
		{"wrong shape", func(t *testing.T) string { return writeImportFile(t, "x.json", `{"entries": 3}`) },
			[]string{"--format", "dayone"}, exitUsage, `x.json is JSON, but not a Day One export: its "entries" is a number, not a list`},
		{"broken Throughline export", func(t *testing.T) string {
			return writeImportFile(t, "backup.json", `{"throughline": {"format": 1, "exported_at": "2026-11-25T10:00:00Z"}, "journal": {"entries": [`)
		}, nil, exitUsage, "backup.json"},
		{"unknown format", func(t *testing.T) string { return writeImportFile(t, "x.json", `{}`) },
			[]string{"--format", "evernote"}, exitUsage, `"evernote" is not a format I can import`},
		{"missing file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "gone.json") },
			nil, exitError, "There is no file or folder at"},
		{"no file", func(t *testing.T) string { return "" }, nil, exitUsage, "import needs one file or folder"},
		{"two files", func(t *testing.T) string { return "a.json" }, []string{"b.json"}, exitUsage, "import needs one file or folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"import"}
			if f := tt.file(t); f != "" {
				args = append(args, f)
			}
			args = append(args, tt.args...)

			db := newJournal(t)
			addEntry(t, db, "", "--title", "Mine", "--body", "words #shame", "--at", "2024-03-01 09:30")
			before := snapshot(t, db)
			out, errOut, code := runCLI(t, db, "", args...)
			assertFailure(t, out, errOut, code, tt.code, tt.wantErr)
			assertSameState(t, before, snapshot(t, db))

			dir := filepath.Join(t.TempDir(), "journal folder")
			out, errOut, code = runCLI(t, filepath.Join(dir, "journal.db"), "", args...)
			assertFailure(t, out, errOut, code, tt.code, tt.wantErr)
			assertMissing(t, dir)
		})
	}
}

func TestCLI_ImportHelp(t *testing.T) {
	isolateJournalLocation(t)
	out, _, code := runArgs(t, "", "import", "--help")
	if code != exitOK || !strings.Contains(out, "Usage: throughline import FILE [--format jrnl|dayone|daylio|markdown|throughline] [--json]") {
		t.Errorf("import --help: exit %d, printed %q", code, out)
	}
	if out := mustCLI(t, newJournal(t), "", "help"); !strings.Contains(out, "throughline import FILE") {
		t.Errorf("help does not list import:\n%s", out)
	}
}
