package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
)

// A pattern made a feeling from its row, and back from the Feelings
// column, keeps every entry and episode that names it; all of it by
// keyboard too (Tab reaches the buttons, the dialog starts focused).
func TestVocabulary_PatternToFeelingAndBack(t *testing.T) {
	w, store := openVocabulary(t)
	// Given entries and an episode naming the imported pattern "dread",
	saved, err := store.CreateEntries([]journal.Entry{
		{Title: "one", WrittenAt: fixedNow, Patterns: []string{"dread", "avoidance"}},
		{Title: "episode", WrittenAt: fixedNow, Episodes: []journal.Episode{{Person: "Sam", Wish: "to be heard", Patterns: []string{"dread"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	w.vocabulary.reload()
	v := w.vocabulary
	dread := patternNamed(t, store, "dread")

	// When it is made a feeling in the fear family,
	test.Tap(v.rows[dread.ID].feeling)
	if !strings.Contains(dialogText(t, w), "“dread” will be a feeling instead of a pattern") {
		t.Errorf("dialog says %q", dialogText(t, w))
	}
	if w.win.Canvas().Focused() != buttonIn(t, w, "Make it a feeling") {
		t.Error("the dialog doesn't start on Make it a feeling, so Enter doesn't do it")
	}
	v.converting.pick.SetSelected("Fear")
	test.Tap(buttonIn(t, w, "Make it a feeling"))

	// then the entry and the episode name it as a feeling, and the screen says so.
	one, _ := store.Entry(saved[0].ID)
	ep, _ := store.Entry(saved[1].ID)
	if !slices.Equal(one.Emotions, []string{"dread"}) || !slices.Equal(one.Patterns, []string{"avoidance"}) ||
		!slices.Equal(ep.Episodes[0].Emotions, []string{"dread"}) || len(ep.Episodes[0].Patterns) != 0 {
		t.Errorf("after: entry %q/%q, episode %q/%q", one.Emotions, one.Patterns, ep.Episodes[0].Emotions, ep.Episodes[0].Patterns)
	}
	if want := "“dread” is now a feeling. 1 entry and 1 episode keep it, now as a feeling."; v.status.Text != want {
		t.Errorf("status %q, want %q", v.status.Text, want)
	}
	if !strings.Contains(textOf(v.emotions), "Fear: afraid, anxious, worried, overwhelmed, insecure, panicky, rejected, dread") {
		t.Errorf("the Feelings column shows:\n%s", textOf(v.emotions))
	}
	if _, ok := v.rows[dread.ID]; ok {
		t.Error("dread is still listed as a pattern")
	}

	// Pressing Make it a pattern with no feeling chosen changes nothing.
	test.Tap(v.toPattern)
	if w.win.Canvas().Focused() != v.converting.pick {
		t.Error("the dialog doesn't start on the feeling to choose")
	}
	test.Tap(buttonIn(t, w, "Make it a pattern"))
	if !strings.Contains(dialogText(t, w), "Choose the feeling to make a pattern") {
		t.Errorf("dialog says %q", dialogText(t, w))
	}
	test.Tap(buttonIn(t, w, "OK"))
	if _, err := store.EmotionNamed("dread"); err != nil {
		t.Fatal(err)
	}

	// When it is made a pattern again, the links come back.
	test.Tap(v.toPattern)
	v.converting.pick.SetSelected("dread (fear)")
	test.Tap(buttonIn(t, w, "Make it a pattern"))
	back := patternNamed(t, store, "dread")
	one, _ = store.Entry(saved[0].ID)
	ep, _ = store.Entry(saved[1].ID)
	if len(one.Emotions) != 0 || !slices.Equal(one.Patterns, []string{"avoidance", "dread"}) || !slices.Equal(ep.Episodes[0].Patterns, []string{"dread"}) {
		t.Errorf("back: entry %q/%q, episode %q", one.Emotions, one.Patterns, ep.Episodes[0].Patterns)
	}
	if row, ok := v.rows[back.ID]; !ok || w.win.Canvas().Focused() != fyne.Focusable(row.edit) {
		t.Error("the pattern's row doesn't show, or doesn't take the focus")
	}
	if !strings.HasPrefix(v.status.Text, "“dread” is now a pattern.") {
		t.Errorf("status %q", v.status.Text)
	}
}
