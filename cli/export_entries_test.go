package cli

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// export --entries writes the entries themselves as Markdown, every one
// of them unless told which days, beside the report, which --format md
// still writes.
func TestCLI_ExportEntries(t *testing.T) {
	db, _, _ := exportJournal(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.md")
	out := mustCLI(t, db, "", "export", "--entries", "-o", path)
	if out != "Wrote 3 entries to "+path+".\n" {
		t.Errorf("export --entries printed %q", out)
	}
	md := readPrivate(t, path)
	titles := regexp.MustCompile(`(?m)^### .* · (.*)$`).FindAllStringSubmatch(md, -1)
	if len(titles) != 3 || titles[0][1] != "Long ago" || titles[1][1] != "Flagged for Sam" || titles[2][1] != "Unflagged" {
		t.Errorf("every entry, oldest first:\n%s", md)
	}
	for _, want := range []string{"before the session", "Sam said *no*. Καλημέρα, Привет.", "mood 4/10 · patterns: people-pleasing · bring to my next session", "An ordinary day"} {
		if !strings.Contains(md, want) {
			t.Errorf("the entries lack %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Session prep") {
		t.Errorf("--entries wrote the report:\n%s", md)
	}

	out = mustCLI(t, db, "", "export", "--entries", "--format", "md", "--since-last-session", "--flagged-only", "--redact-people", "-o", path)
	md = readPrivate(t, path)
	if !strings.HasPrefix(out, "Wrote 1 entry to ") || strings.Contains(md, "Sam") || !strings.Contains(md, "[My manager] said *no*.") || strings.Contains(md, "Unflagged") {
		t.Errorf("flagged since the session, names hidden (%q):\n%s", out, md)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--entries", "--format", "pdf"}, "--entries writes Markdown: use it with --format md"},
		{[]string{"--entries", "-o", filepath.Join(dir, "entries.csv")}, "A CSV or JSON export already holds the entries"},
		{[]string{"--entries", "--sections", "summary"}, "--sections is for the report"},
	} {
		args := append([]string{"export"}, c.args...)
		if !slices.Contains(c.args, "-o") {
			args = append(args, "-o", filepath.Join(dir, "bad.md"))
		}
		_, stderr, code := runCLI(t, db, "", args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("export %q: exit %d, stderr %q; want exit %d and %q", c.args, code, stderr, exitUsage, c.want)
		}
	}
	assertMissing(t, filepath.Join(dir, "bad.md"))

	help, _, _ := runCLI(t, db, "", "export", "--help")
	if !strings.Contains(help, "[--entries]") || !strings.Contains(help, "with --entries --format md, the entries themselves as one Markdown file") {
		t.Errorf("export --help doesn't explain --entries:\n%s", help)
	}
}
