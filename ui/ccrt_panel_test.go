package ui

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// seedCCRT gives Sam three categorised episodes and Mum one: two in the
// last week, two two months ago.
func seedCCRT(t *testing.T, store *jstore.Store) {
	t.Helper()
	day := func(daysAgo int) time.Time { return fixedNow.AddDate(0, 0, -daysAgo) }
	ep := func(person string, wish, other, self string) []journal.Episode {
		return []journal.Episode{{Person: person, CCRT: journal.CCRT{Wishes: []string{wish},
			Other: journal.Response{Categories: []string{other}, Valence: "negative"}, Self: journal.Response{Categories: []string{self}}}}}
	}
	if _, err := store.CreateEntries([]journal.Entry{
		{Title: "a", WrittenAt: day(60), Episodes: ep("Sam", "to be close", "rejecting", "withdrawn")},
		{Title: "b", WrittenAt: day(58), Episodes: ep("Sam", "to be close", "rejecting", "withdrawn")},
		{Title: "c", WrittenAt: day(3), Episodes: ep("Sam", "to be independent", "supportive", "assertive")},
		{Title: "d", WrittenAt: day(1), Episodes: ep("Mum", "to be independent", "controlling", "angry")},
	}); err != nil {
		t.Fatal(err)
	}
}

// check is the box of the category called name.
func (c *categoryChecks) check(name string) *widget.Check {
	return c.checks[slices.Index(c.comp.Categories(), name)]
}

func TestPeople_CCRTPanel(t *testing.T) {
	v, _, store := newTestPeople(t)
	seedCCRT(t, store)
	v.reload()

	// With no one chosen, the panel sums up everyone's episodes.
	text := shownText(t, v.right)
	for _, line := range []string{
		"4 episodes over all time.",
		"Wish\n", "to be close — 2\n", "to be independent — 2\n",
		"Response of the other\n", "rejecting — 2\n",
		"Most frequent: to be close (2) in the first third, to be independent (2) in the last.",
		"Sam (3 episodes) · wish: to be close (2) · response of the other: rejecting (2) · my response: withdrawn (2)",
		"Mum (1 episode) · wish: to be independent (1)",
	} {
		if !strings.Contains(text, line) {
			t.Errorf("the CCRT panel does not show %q:\n%s", line, text)
		}
	}
	// A shorter period counts only its episodes.
	v.everyone.period.SetSelected(periodWeek)
	text = shownText(t, v.right)
	if !strings.Contains(text, "2 episodes in the last 7 days.") || strings.Contains(text, "to be close") {
		t.Errorf("the last 7 days:\n%s", text)
	}

	// A person's page has their own.
	choosePerson(t, v, "Sam")
	text = shownText(t, v.ccrtArea)
	for _, line := range []string{"The theme with Sam", "3 episodes over all time.", "to be close — 2\n", "withdrawn — 2\n", "assertive — 1\n"} {
		if !strings.Contains(text, line) {
			t.Errorf("Sam's CCRT does not show %q:\n%s", line, text)
		}
	}
	if strings.Contains(text, "angry") {
		t.Errorf("Sam's CCRT counts Mum's episode:\n%s", text)
	}
	// And the episodes say their categories.
	if episodes := shownText(t, v.episodes); !strings.Contains(episodes, "They: rejecting (negative)") {
		t.Errorf("episodes don't show their categories:\n%s", episodes)
	}
}

// Categories are picked in the episode form by keyboard as well as by
// pointer, and saved with the entry.
func TestJournal_EpisodeCategories(t *testing.T) {
	w, store := newTestWindow(t)
	j := w.journal
	writeEntry(w, "The plan", "J. picked it apart.")
	test.Tap(j.editor.episodes.add)
	test.Type(fieldIn(t, w, "a name or initials"), "J.")
	f := j.editor.episodes
	test.Tap(f.wishes.check("to be respected"))
	// Keyboard: Tab from the response's words reaches its boxes, and
	// Space ticks the one with the focus.
	c := w.win.Canvas()
	c.Focus(fieldIn(t, w, "How did they respond (or how did I expect them to)?"))
	c.FocusNext()
	if c.Focused() != f.other.categories.check("rejecting") {
		t.Fatalf("Tab after the other's response went to %T, not its first category", c.Focused())
	}
	for range 5 {
		c.FocusNext()
	}
	test.Type(c.Focused(), " ") // dismissive, the sixth
	w.win.Canvas().Focus(f.other.expected)
	test.Type(w.win.Canvas().Focused(), " ")
	f.other.valence.SetSelected(valenceNegative)
	test.Tap(f.self.categories.check("withdrawn"))
	test.Tap(buttonIn(t, w, "Done"))
	test.Tap(j.editor.save)

	e := entries(t, store)[0]
	want := journal.CCRT{Wishes: []string{"to be respected"},
		Other: journal.Response{Categories: []string{"dismissive"}, Expected: true, Valence: "negative"},
		Self:  journal.Response{Categories: []string{"withdrawn"}}}
	if len(e.Episodes) != 1 || !reflect.DeepEqual(e.Episodes[0].CCRT, want) {
		t.Fatalf("saved %+v, want CCRT %+v", e.Episodes, want)
	}
	// Opened again, the form shows what was ticked.
	test.Tap(j.editor.episodes.list.Objects[0].(*fyne.Container).Objects[1].(*widget.Button))
	if !f.wishes.check("to be respected").Checked || f.wishes.check("to be close").Checked || !f.other.expected.Checked ||
		f.other.valence.Selected != valenceNegative || !f.self.categories.check("withdrawn").Checked {
		t.Error("the reopened episode does not show what was ticked")
	}
}
