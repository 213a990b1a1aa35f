package report

import (
	"slices"
	"testing"

	"github.com/throughline/throughline/journal"
)

// An adaptive defense is marked as such in the patterns table, so humour
// doesn't read as if it sat beside splitting as a problem.
func TestBuild_MarksAdaptiveDefenses(t *testing.T) {
	store := openJournal(t)
	if _, err := store.CreateEntries([]journal.Entry{
		{Title: "a", WrittenAt: at(20, 9), Patterns: []string{"humour", "splitting"}},
		{Title: "b", WrittenAt: at(21, 9), Patterns: []string{"sublimation"}},
		// The table lists patterns named in at least MinPatternEntries entries.
		{Title: "c", WrittenAt: at(22, 9), Patterns: []string{"humour", "splitting", "sublimation"}},
	}); err != nil {
		t.Fatal(err)
	}
	r, err := Build(store, Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range r.Patterns.Rows {
		got = append(got, row.Name+": "+row.Category)
	}
	slices.Sort(got)
	want := []string{"humour: Defenses (adaptive)", "splitting: Defenses", "sublimation: Defenses (adaptive)"}
	if !slices.Equal(got, want) {
		t.Errorf("pattern rows %q, want %q", got, want)
	}
}
