package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

func TestVocabulary_ShowsDescriptionsAndUses(t *testing.T) {
	w, store := newTestWindow(t)
	// Given two entries naming denial and one naming a pattern of my own,
	if _, err := store.CreateEntries([]journal.Entry{
		{Title: "a", WrittenAt: fixedNow, Patterns: []string{"denial", "doom scrolling"}},
		{Title: "b", WrittenAt: fixedNow, Patterns: []string{"denial"}},
	}); err != nil {
		t.Fatal(err)
	}
	// when the Vocabulary screen opens,
	w.tabs.SelectIndex(2)
	// then each pattern shows its description and how often it was named.
	want := []string{
		"denial — Not letting myself see something that is plainly there. (in 2 entries)",
		"doom scrolling (in 1 entry)",
		"people-pleasing — Putting others' wishes first to be liked or to avoid upsetting them.",
	}
	lines, feelings := textOf(w.vocabulary.patterns), textOf(w.vocabulary.emotions)
	for _, line := range want {
		if !strings.Contains(lines, line) {
			t.Errorf("vocabulary lacks %q; it shows:\n%s", line, lines)
		}
	}
	if !strings.Contains(feelings, "Shame: ashamed, guilty") {
		t.Errorf("feelings are not grouped by family:\n%s", feelings)
	}
}

// textOf is the text of the labels and rich texts in c, a line each.
func textOf(c *fyne.Container) string {
	var sb strings.Builder
	for _, o := range c.Objects {
		switch x := o.(type) {
		case *widget.Label:
			sb.WriteString(x.Text + "\n")
		case *widget.RichText:
			sb.WriteString(x.String() + "\n")
		}
	}
	return sb.String()
}
