package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// exportJournal is a journal with a session three days ago, a flagged
// entry and an unflagged one since, and one entry from before it.
func exportJournal(t *testing.T) (db string, flagged, other int64) {
	t.Helper()
	isolateJournalLocation(t)
	db = newJournal(t)
	ago := func(days int) string { return time.Now().AddDate(0, 0, -days).Format("2006-01-02") + " 09:00" }
	addEntry(t, db, "", "--title", "Long ago", "--body", "before the session", "--at", ago(20), "--pattern", "avoidance")
	mustCLI(t, db, "", "session", "add", "--at", ago(3), "--question", "Ask about the dream")
	flagged = addEntry(t, db, "", "--title", "Flagged for Sam", "--body", "Sam said *no*. Καλημέρα, Привет.", "--flag",
		"--mood", "4", "--pattern", "people-pleasing", "--at", ago(2))
	other = addEntry(t, db, "", "--title", "Unflagged", "--body", "An ordinary day", "--mood", "7", "--pattern", "avoidance", "--at", ago(1))
	mustCLI(t, db, "", "person", "add", "Sam", "--role", "boss")
	return db, flagged, other
}

// readPrivate reads a file the export wrote, checking only its owner can.
func readPrivate(t *testing.T, path string) string {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("export wrote nothing at %s: %v", path, err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("%s has mode %v, want 0600: an export is as private as the journal", path, mode)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestCLI_Export(t *testing.T) {
	db, _, _ := exportJournal(t)
	dir := t.TempDir()
	for _, c := range []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{"pdf", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "%PDF-") {
				t.Errorf("not a PDF: %.20q", out)
			}
		}},
		{"md", func(t *testing.T, out string) {
			for _, want := range []string{"# Session prep: Since your session on", "### Flagged for Sam", "Sam said *no*.", "- [ ] Ask about the dream"} {
				if !strings.Contains(out, want) {
					t.Errorf("Markdown lacks %q:\n%s", want, out)
				}
			}
			// Each pattern is named once: listed by name, not as table rows of ones.
			if strings.Contains(out, "Long ago") || !strings.Contains(out, "too few yet to call a pattern: avoidance, people-pleasing.") {
				t.Errorf("the report isn't the days since the session:\n%s", out)
			}
			// The days as long before the session hold no entries: nothing
			// to compare with, rather than "0 | +1".
			if !strings.Contains(out, "Out of 2 entries. There are no entries in the 4 days before to compare with.") || strings.Contains(out, "| +1 |") {
				t.Errorf("the report compares with days that hold no entries:\n%s", out)
			}
		}},
		{"html", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "<h3>Flagged for Sam</h3>") {
				t.Errorf("HTML:\n%.400s", out)
			}
		}},
		{"csv", func(t *testing.T, out string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(rows) != 4 || rows[0][0] != "id" || rows[1][3] != "Long ago" || rows[3][3] != "Unflagged" {
				t.Errorf("CSV (%v): every entry, oldest first, under a header:\n%s", err, out)
			}
		}},
		{"json", func(t *testing.T, out string) {
			if !strings.Contains(out, `"format"`) || !strings.Contains(out, "Flagged for Sam") || !strings.Contains(out, "Ask about the dream") {
				t.Errorf("JSON:\n%.400s", out)
			}
		}},
	} {
		t.Run(c.format, func(t *testing.T) {
			path := filepath.Join(dir, "export."+c.format)
			out := mustCLI(t, db, "", "export", "--format", c.format, "-o", path)
			if !strings.HasPrefix(out, "Wrote ") || !strings.Contains(out, path) {
				t.Errorf("export printed %q", out)
			}
			c.check(t, readPrivate(t, path))
		})
	}
}

func TestCLI_ExportChoices(t *testing.T) {
	db, flagged, other := exportJournal(t)
	dir := t.TempDir()
	export := func(args ...string) string {
		t.Helper()
		path := filepath.Join(dir, "report.md")
		mustCLI(t, db, "", append([]string{"export", "-o", path}, args...)...)
		return readPrivate(t, path)
	}
	// The greeting Привет is capitalised mid-sentence, so it may be a name: hidden here to keep stderr clear.
	md := export("--redact-people", "--hide", "Привет", "--sections", "flagged,questions")
	if strings.Contains(md, "Sam") || !strings.Contains(md, "### Flagged for [my manager]") || !strings.Contains(md, "[My manager] said *no*.") {
		t.Errorf("--redact-people:\n%s", md)
	}
	if strings.Contains(md, "## Summary") || !strings.Contains(md, "## From your last session") {
		t.Errorf("--sections flagged,questions:\n%s", md)
	}
	md = export("--flagged-only", "--sections", "summary")
	if !strings.Contains(md, "Entries: 1 entry written") {
		t.Errorf("--flagged-only counts unflagged entries:\n%s", md)
	}
	md = export("--exclude", itoa(int(flagged))+","+itoa(int(other)), "--sections", "summary,flagged")
	if !strings.Contains(md, "Entries: 0 entries written") || strings.Contains(md, "Flagged for Sam") {
		t.Errorf("--exclude:\n%s", md)
	}
	day := time.Now().AddDate(0, 0, -20).Format("2006-01-02")
	md = export("--from", day, "--to", day, "--sections", "patterns")
	if !strings.Contains(md, "too few yet to call a pattern: avoidance.") {
		t.Errorf("--from --to:\n%s", md)
	}
	// The format from the file's extension.
	path := filepath.Join(dir, "prep.html")
	mustCLI(t, db, "", "export", "-o", path)
	if out := readPrivate(t, path); !strings.HasPrefix(out, "<!DOCTYPE html>") {
		t.Errorf("-o prep.html without --format wrote:\n%.200s", out)
	}
	path = filepath.Join(dir, "flagged.csv")
	mustCLI(t, db, "", "export", "--since-last-session", "--flagged-only", "-o", path)
	if out := readPrivate(t, path); strings.Count(out, "\r\n") != 2 || !strings.Contains(out, "Flagged for Sam") {
		t.Errorf("CSV of the flagged entries since the session:\n%s", out)
	}
}

func TestCLI_ExportNoSession(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	addEntry(t, db, "", "--title", "Only entry", "--body", "text")
	path := filepath.Join(t.TempDir(), "prep.pdf")
	_, stderr, code := runCLI(t, db, "", "export", "--format", "pdf", "-o", path)
	if code != exitError || !strings.Contains(stderr, "No session logged yet: use --from and --to, or log one with throughline session add") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	assertMissing(t, path)
}

func TestCLI_ExportBadFlags(t *testing.T) {
	db, _, _ := exportJournal(t)
	dir := t.TempDir()
	kept := filepath.Join(dir, "kept.md")
	if err := os.WriteFile(kept, []byte("old report"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "docx"}, `--format "docx" is not a format`},
		{[]string{"-o", "report.txt"}, "choose a format with --format"},
		{[]string{"--format", "md"}, "give the file to write with -o"},
		{[]string{"--sections", "summary,moods"}, `"moods" is not a section of the report`},
		{[]string{"--from", "2025-01-01"}, "give both --from and --to"},
		{[]string{"--since-last-session", "--from", "2025-01-01", "--to", "2025-01-31"}, "not both"},
		{[]string{"--from", "2025-02-01", "--to", "2025-01-01"}, "Swap them"},
		{[]string{"--from", "yesterday", "--to", "2025-01-01"}, "yesterday"},
		{[]string{"--exclude", "abc"}, `--exclude "abc" is not an entry id`},
		{[]string{"--format", "json", "--redact-people"}, "writes the whole journal, so --redact-people doesn't apply"},
		{[]string{"--format", "csv", "--sections", "summary"}, "--sections is for the report"},
		{[]string{"--bogus"}, "flag provided but not defined"},
		{[]string{"extra"}, `unexpected "extra"`},
	} {
		args := append([]string{"export"}, c.args...)
		if !strings.Contains(c.want, "-o") && !strings.Contains(c.want, "choose a format") {
			args = append(args, "-o", filepath.Join(dir, "bad.md"))
		}
		_, stderr, code := runCLI(t, db, "", args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("export %q: exit %d, stderr %q; want exit %d and %q", c.args, code, stderr, exitUsage, c.want)
		}
	}
	// A report that can't be built leaves the file already there as it was.
	_, _, code := runCLI(t, db, "", "export", "--sections", "nope", "-o", kept)
	if data, _ := os.ReadFile(kept); code != exitUsage || string(data) != "old report" {
		t.Errorf("exit %d; the existing file now holds %q", code, data)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("bad flags left files behind: %q", names)
	}
	if _, err := os.Stat("report.txt"); err == nil {
		t.Errorf("report.txt was written in the working folder")
	}
}

// The export hides aliases and --hide words, and notes on stderr the
// words that look like names it left.
func TestCLI_ExportHidesAliasesAndNotesNameLikeWords(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	mustCLI(t, db, "", "person", "add", "Jo Reyes", "--role", "boss", "--aliases", "Joanna, JJ")
	addEntry(t, db, "", "--title", "Jo's review", "--body", "Joanna was curt, then JJ and Priya laughed.", "--flag")
	path := filepath.Join(t.TempDir(), "report.md")
	_, errOut, code := runCLI(t, db, "", "export", "-o", path, "--from", "2000-01-01", "--to", "2100-01-01", "--redact-people")
	md := readPrivate(t, path)
	if code != exitOK || !strings.Contains(errOut, "look like names and were not hidden: Priya.") || !strings.Contains(errOut, "--hide") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if regexp.MustCompile(`(?i)\b(jo|reyes|joanna|jj)\b`).MatchString(md) || !strings.Contains(md, "[My manager]'s review") {
		t.Errorf("names left in:\n%s", md)
	}
	_, errOut, code = runCLI(t, db, "", "export", "-o", path, "--from", "2000-01-01", "--to", "2100-01-01", "--redact-people", "--hide", "Priya")
	if md := readPrivate(t, path); code != exitOK || errOut != "" || strings.Contains(md, "Priya") || !strings.Contains(md, "[A] laughed") {
		t.Errorf("--hide Priya: exit %d, stderr %q:\n%s", code, errOut, md)
	}
	if _, errOut, _ := runCLI(t, db, "", "export", "-o", path, "--hide", "Priya"); !strings.Contains(errOut, "add --redact-people") {
		t.Errorf("--hide without --redact-people: %q", errOut)
	}
	if out := mustCLI(t, db, "", "person", "list"); !strings.Contains(out, "(also Joanna, JJ)") {
		t.Errorf("person list: %q", out)
	}
	mustCLI(t, db, "", "person", "edit", "Jo Reyes", "--aliases", "")
	if out := mustCLI(t, db, "", "person", "list"); strings.Contains(out, "also") {
		t.Errorf("aliases not cleared: %q", out)
	}
}
