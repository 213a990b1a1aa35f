package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
)

// shownChoices are the names the chooser shows, in order.
func shownChoices(c *chooser) []string {
	var names []string
	for _, ch := range c.shown() {
		names = append(names, ch.Text)
	}
	return names
}

func TestJournal_EmotionChooserDescribesAndFilters(t *testing.T) {
	w, store := newTestWindow(t)
	j := w.journal
	writeEntry(w, "Waiting room", "Early again.")
	test.Tap(j.editor.emotions.choose)
	c := j.editor.emotions.chooser
	focused := func() fyne.Focusable { return w.win.Canvas().Focused() }
	key := func(name fyne.KeyName) { focused().TypedKey(&fyne.KeyEvent{Name: name}) }

	// Every emotion is offered with its description, and the filter
	// box has the keyboard.
	if got := len(c.shown()); got != len(journal.StarterEmotions) {
		t.Errorf("%d emotions shown, want %d", got, len(journal.StarterEmotions))
	}
	for _, g := range c.groups {
		for _, r := range g.rows {
			if r.about == nil || r.about.Text == "" || !r.about.Visible() {
				t.Errorf("%q is shown without its description", r.check.Text)
			}
		}
	}
	if focused() != c.filter {
		t.Fatalf("the chooser opens with %T focused, not the filter", focused())
	}

	// Typing filters by name, and by what a word means;
	for _, tt := range []struct {
		typed string
		want  []string
	}{
		{"panick", []string{"panicky"}},
		{"UNFAIR", []string{"angry", "resentful"}}, // in their descriptions
		{"  fear ", []string{"afraid", "anxious", "worried", "overwhelmed", "insecure", "panicky", "rejected"}}, // the family
	} {
		c.filter.SetText("")
		test.Type(c.filter, tt.typed)
		if got := shownChoices(c); !slices.Equal(got, tt.want) {
			t.Errorf("filter %q shows %q, want %q", tt.typed, got, tt.want)
		}
		for _, g := range c.groups {
			if g.box.Visible() != slices.ContainsFunc(g.rows, func(r *chooserRow) bool { return r.check.Visible() }) {
				t.Errorf("filter %q: a group's heading shows without its names, or hides with them", tt.typed)
			}
		}
	}
	// Return ticks the one match and clears the filter for the next word,
	c.filter.SetText("")
	test.Type(c.filter, "panick")
	key(fyne.KeyReturn)
	if !checkIn(t, w, "panicky").Checked || c.filter.Text != "" || len(c.shown()) != len(journal.StarterEmotions) {
		t.Errorf("Return on one match: panicky ticked %v, filter %q", checkIn(t, w, "panicky").Checked, c.filter.Text)
	}
	// ↓ and ↑ move among the matches, and Return or Space ticks one,
	test.Type(c.filter, "unfair")
	key(fyne.KeyDown)
	key(fyne.KeyDown)
	if ch, ok := focused().(*choiceCheck); !ok || ch.Text != "resentful" {
		t.Fatalf("↓ ↓ from the filter focuses %v, want resentful", focused())
	}
	key(fyne.KeyReturn)
	key(fyne.KeyUp)
	focused().TypedRune(' ')
	focused().TypedRune(' ')
	key(fyne.KeyUp)
	if focused() != c.filter {
		t.Errorf("↑ from the first match focuses %v, not the filter", focused())
	}
	// and a word nothing matches says so, and Return adds it as one's own.
	c.filter.SetText("")
	test.Type(c.filter, "hiraeth")
	if !c.nothing.Visible() || !strings.Contains(c.nothing.Text, "Nothing here matches “hiraeth”") {
		t.Errorf("no match says %q (shown %v)", c.nothing.Text, c.nothing.Visible())
	}
	key(fyne.KeyReturn)
	test.Tap(buttonIn(t, w, "Done"))
	test.Tap(j.editor.save)
	if got := strings.Join(entries(t, store)[0].Emotions, ","); got != "resentful,panicky,hiraeth" {
		t.Errorf("saved emotions %q, want resentful,panicky,hiraeth", got)
	}
}
