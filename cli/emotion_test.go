package cli

import (
	"reflect"
	"strings"
	"testing"
)

// A pattern made a feeling and back, by name from the command line, keeps
// the entries that name it; what can't be done is refused and changes
// nothing.
func TestCLI_PatternToEmotionAndBack(t *testing.T) {
	db := newJournal(t)
	addEntry(t, db, "", "--title", "Before the review", "--pattern", "Dread", "--pattern", "avoidance")
	addEntry(t, db, "", "--title", "After", "--pattern", "dread", "--emotion", "sad")

	out := mustCLI(t, db, "", "pattern", "to-emotion", "DREAD", "--family", "fear")
	if want := "“Dread” is now a feeling. 2 entries keep it, now as a feeling. Undo with: throughline emotion to-pattern \"Dread\"\n"; out != want {
		t.Errorf("to-emotion printed %q, want %q", out, want)
	}
	emotions := map[string][]string{}
	for _, e := range listJSON(t, db) {
		emotions[e.Title] = e.Emotions
		if slices := e.Patterns; len(slices) > 1 || len(slices) == 1 && slices[0] != "avoidance" {
			t.Errorf("%q still names patterns %q", e.Title, e.Patterns)
		}
	}
	if want := map[string][]string{"Before the review": {"Dread"}, "After": {"sad", "Dread"}}; !reflect.DeepEqual(emotions, want) {
		t.Errorf("emotions %q, want %q", emotions, want)
	}
	if out := mustCLI(t, db, "", "emotion", "list"); !strings.Contains(out, "Fear: afraid, anxious, worried, overwhelmed, insecure, panicky, rejected, Dread\n") {
		t.Errorf("emotion list:\n%s", out)
	}

	out = mustCLI(t, db, "", "emotion", "to-pattern", "dread")
	if !strings.HasPrefix(out, "“Dread” is now a pattern. 2 entries keep it, now as a pattern.") {
		t.Errorf("to-pattern printed %q", out)
	}
	if p, ok := patternNamed(t, db, "Dread"); !ok || p.Category != "own" {
		t.Errorf("Dread is not a pattern of my own again: %+v", p)
	}

	// A pattern named like a feeling already there joins it.
	addEntry(t, db, "", "--title", "Later", "--pattern", "Anxious", "--emotion", "anxious")
	out = mustCLI(t, db, "", "pattern", "to-emotion", "Anxious")
	if want := "“Anxious” was already a feeling (“anxious”), so the pattern joined it. 1 entry keeps it, now as a feeling.\n"; out != want {
		t.Errorf("merging printed %q, want %q", out, want)
	}

	before := journalHash(t, db)
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"pattern", "to-emotion", "no such thing"}, "There is no pattern called “no such thing”"},
		{[]string{"pattern", "to-emotion", "avoidance", "--family", "vibes"}, "\"vibes\" is not a family of feelings"},
		{[]string{"emotion", "to-pattern", "no such feeling"}, "There is no feeling called “no such feeling”"},
		{[]string{"emotion", "to-pattern"}, "the feeling's name"},
		{[]string{"emotion", "frobnicate"}, "is not an emotion command"},
	} {
		_, errOut, code := runCLI(t, db, "", tc.args...)
		if code == exitOK || !strings.Contains(errOut, tc.says) {
			t.Errorf("%q: exit %d, stderr %q; want it refused saying %q", tc.args, code, errOut, tc.says)
		}
	}
	if journalHash(t, db) != before {
		t.Error("a refused command changed the journal")
	}
}
