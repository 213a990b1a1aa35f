package report

import (
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns"
)

// The report's relationship theme comes from the window's episodes: for
// each part, the most frequent category with those tied with it, the
// count, and how the first third of the days compares with the last.
// Episodes outside the window don't count.
func TestReport_CCRTFromTheWindowsEpisodes(t *testing.T) {
	store := openJournal(t)
	episode := func(day int, wish, other, self string) {
		t.Helper()
		ep := journal.Episode{Person: "Sam", Wish: "to be heard", CCRT: journal.CCRT{Wishes: []string{wish},
			Other: journal.Response{Categories: []string{other}}, Self: journal.Response{Categories: []string{self}}}}
		must[journal.Entry](t)(store.CreateEntry(journal.Entry{WrittenAt: at(day, 20), Title: "With Sam", Body: "It happened again.",
			Episodes: []journal.Episode{ep}}))
	}
	episode(2, "to be close", "rejecting", "withdrawn") // before the window
	episode(2, "to be close", "rejecting", "withdrawn")
	episode(19, "to be close", "rejecting", "withdrawn")
	episode(20, "to be close", "dismissive", "withdrawn")
	episode(25, "to be independent", "understanding", "assertive")
	r, err := Build(store, Options{Window: patterns.Window{From: at(19, 0), To: at(26, 0)}, Now: fixtureNow, Sections: []Section{SectionCCRT}})
	if err != nil {
		t.Fatal(err)
	}
	want := []CCRTRow{
		{Component: "Wish", Category: "to be close", Count: 2, Shift: "to be close (2) in the first third, to be independent (1) in the last"},
		{Component: "Response of the other", Category: "rejecting", Count: 1, Shift: "rejecting (1) in the first third, understanding (1) in the last"},
		{Component: "Response of the other", Category: "understanding", Count: 1}, // ties in journal's order
		{Component: "Response of the other", Category: "dismissive", Count: 1},
		{Component: "My response", Category: "withdrawn", Count: 2, Shift: "withdrawn (2) in the first third, assertive (1) in the last"},
	}
	if len(r.CCRT) != len(want) {
		t.Fatalf("CCRT rows\n%+v\nwant\n%+v", r.CCRT, want)
	}
	for i := range want {
		if r.CCRT[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, r.CCRT[i], want[i])
		}
	}
	for format, text := range renderings(t, r) {
		if !strings.Contains(text, "Relationship theme (CCRT)") || !strings.Contains(text, "to be independent (1) in the last") {
			t.Errorf("%s lacks the CCRT:\n%s", format, text)
		}
	}
}

// An episode in the report reads as the window shows it: each part's
// categories, then the person's own words.
func TestReport_EpisodesShowTheirCategories(t *testing.T) {
	store := openJournal(t)
	ep := journal.Episode{Person: "Sam", Wish: "to hear from him", CCRT: journal.CCRT{Wishes: []string{"to be close"},
		Other: journal.Response{Categories: []string{"rejecting"}}}}
	must[journal.Entry](t)(store.CreateEntry(journal.Entry{WrittenAt: at(20, 20), Title: "Evening", Body: "Quiet again.",
		Episodes: []journal.Episode{ep}}))
	r, err := Build(store, Options{Now: fixtureNow, Sections: []Section{SectionEpisodes}})
	if err != nil {
		t.Fatal(err)
	}
	for format, text := range renderings(t, r) {
		if !strings.Contains(text, "to be close — to hear from him") || !strings.Contains(text, "rejecting") {
			t.Errorf("%s doesn't show the episode's categories:\n%s", format, text)
		}
	}
}
