package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Searching a journal made before search first gets it ready, saying so
// on stderr a line at a time, and then finds what it held; the next
// search says nothing more.
func TestSearch_UpgradingAJournalMadeBeforeSearch(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "journal", "store", "testdata", "journal-before-search.db"))
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "journal.db")
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, db, "", "search", "lighthouse")
	if code != exitOK || !strings.Contains(out, "The lighthouse") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	want := []string{
		"Getting your journal ready for search: 0 of 60 entries",
		"Getting your journal ready for search: 30 of 60 entries",
		"Getting your journal ready for search: 60 of 60 entries",
		"Getting your journal ready for search: giving the space it no longer needs back to the disk",
	}
	if got := strings.Split(strings.TrimSpace(stderr), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, strings.Join(want, "\n"))
	}
	if _, stderr, _ := runCLI(t, db, "", "search", "lighthouse"); stderr != "" {
		t.Errorf("an up-to-date journal said %q", stderr)
	}
}
