package cli

import (
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

func TestCLI_Crisis(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)

	// Before anything is said, every place's lines, in the calm text.
	if out := mustCLI(t, db, "", "crisis"); !strings.Contains(out, journal.CrisisHelpMessage(journal.CrisisDefault)) {
		t.Errorf("crisis with nothing chosen:\n%s", out)
	}
	list := mustCLI(t, db, "", "crisis", "--list")
	for _, r := range journal.CrisisRegions {
		if !strings.Contains(list, r.ID) || !strings.Contains(list, r.Line) {
			t.Errorf("the list doesn't give %s:\n%s", r.Name, list)
		}
	}

	// Choosing a place, then adding a line, keeps both.
	if out := mustCLI(t, db, "", "crisis", "--where", "au"); !strings.Contains(out, "13 11 14") {
		t.Errorf("choosing Australia: %s", out)
	}
	mustCLI(t, db, "", "crisis", "--line", "My therapist: 0491 570 156")
	want := journal.CrisisText("au", "My therapist: 0491 570 156")
	out := mustCLI(t, db, "", "crisis")
	if !strings.Contains(out, journal.CrisisHelpMessage(want)) || strings.Contains(out, "better off dead") || strings.Contains(out, "988") {
		t.Errorf("crisis after choosing:\n%s", out)
	}

	// A place it doesn't know is refused, and nothing changes.
	before := snapshot(t, db)
	_, stderr, code := runCLI(t, db, "", "crisis", "--where", "narnia")
	if code != exitUsage || !strings.Contains(stderr, `"narnia" is not a place`) || !strings.Contains(stderr, "au (Australia)") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	assertSameState(t, before, snapshot(t, db))
}
