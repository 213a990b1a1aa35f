package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
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
	w.showScreen(w.vocabulary.content)
	// then each pattern shows its description and how often it was named.
	want := []string{
		"denial — Not letting myself take in something that would hurt to know. (in 2 entries)",
		"humour (adaptive) — Joking to keep a painful feeling at a distance.",
		"sublimation (adaptive) — Turning a difficult feeling into something useful or creative.",
		"splitting — Seeing people as all good or all bad, with nothing between.",
		"feelings about my therapist — Strong feelings towards my therapist,",
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

func TestVocabulary_AddPattern(t *testing.T) {
	w, store := openVocabulary(t)
	v := w.vocabulary
	// Given the add dialog, reached first by Tab and opened with the name
	// field ready to type in,
	w.win.Canvas().Unfocus()
	w.win.Canvas().FocusNext()
	if w.win.Canvas().Focused() != v.add {
		t.Errorf("Tab reaches %T first, want Add a pattern", w.win.Canvas().Focused())
	}
	test.Tap(v.add)
	f := v.editing
	if f.categoryOf() != journal.CategoryOwn {
		t.Errorf("a new pattern starts in %q, want own", f.categoryOf())
	}
	if w.win.Canvas().Focused() != f.name {
		t.Error("the add dialog doesn't start in the name field")
	}
	// when a name, category and description are filled in and saved,
	test.Type(f.name, "going quiet when criticised")
	f.category.SetSelected("Relationship patterns")
	test.Type(f.description, "I stop talking and wait for it to pass.")
	test.Tap(buttonIn(t, w, "Save"))
	// then the journal has it, the list shows it, and the status says so.
	p, err := store.PatternNamed("going quiet when criticised")
	if err != nil {
		t.Fatal(err)
	}
	if p.Category != journal.CategoryRelationship || p.Description != "I stop talking and wait for it to pass." || p.Colour != "" {
		t.Errorf("added pattern = %+v", p)
	}
	if row := v.rows[p.ID]; row == nil || !strings.Contains(row.text.String(), "going quiet when criticised — I stop talking") {
		t.Errorf("the list doesn't show the new pattern:\n%s", textOf(v.patterns))
	}
	if !strings.Contains(v.status.Text, "Added “going quiet when criticised”") {
		t.Errorf("status = %q", v.status.Text)
	}
	if w.win.Canvas().Focused() != v.rows[p.ID].edit {
		t.Error("the focus isn't on the new pattern's row")
	}
}

func TestVocabulary_RenameKeepsEntriesLinked(t *testing.T) {
	w, store := openVocabulary(t)
	// Given an entry naming denial,
	saved, err := store.CreateEntries([]journal.Entry{{Title: "a", WrittenAt: fixedNow, Patterns: []string{"denial"}}})
	if err != nil {
		t.Fatal(err)
	}
	w.vocabulary.reload()
	denial := patternNamed(t, store, "denial")
	// when denial is renamed,
	test.Tap(w.vocabulary.rows[denial.ID].edit)
	f := w.vocabulary.editing
	if f.name.Text != "denial" || f.category.Selected != "Defenses" || !strings.HasPrefix(f.description.Text, "Not letting myself") {
		t.Fatalf("the edit dialog doesn't start with the pattern: %q, %q, %q", f.name.Text, f.category.Selected, f.description.Text)
	}
	f.name.SetText("")
	test.Type(f.name, "not seeing it")
	test.Tap(buttonIn(t, w, "Save"))
	// then the entry names it by its new name, and the list counts it.
	e, err := store.Entry(saved[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Patterns, []string{"not seeing it"}) {
		t.Errorf("entry's patterns after renaming = %q", e.Patterns)
	}
	if got := w.vocabulary.rows[denial.ID].text.String(); !strings.HasPrefix(got, "not seeing it — ") || !strings.HasSuffix(got, "(in 1 entry)") {
		t.Errorf("renamed row shows %q", got)
	}
}

func TestVocabulary_DuplicateNameChangesNothing(t *testing.T) {
	tests := []struct {
		name string
		open func(t *testing.T, v *vocabularyScreen, store *jstore.Store)
		typ  string
	}{
		{"adding", func(_ *testing.T, v *vocabularyScreen, _ *jstore.Store) { test.Tap(v.add) }, "Denial"},
		{"renaming", func(t *testing.T, v *vocabularyScreen, store *jstore.Store) {
			test.Tap(v.rows[patternNamed(t, store, "denial").ID].edit)
			v.editing.name.SetText("")
		}, "PROJECTION"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, store := openVocabulary(t)
			before, _ := store.Patterns()
			// Given a name that differs from another only in case,
			tt.open(t, w.vocabulary, store)
			test.Type(w.vocabulary.editing.name, tt.typ)
			// when it is saved,
			test.Tap(buttonIn(t, w, "Save"))
			// then the problem is shown and the journal is as it was;
			if !strings.Contains(dialogText(t, w), "There is already a pattern called") {
				t.Errorf("dialog says %q, want it to say the name is taken", dialogText(t, w))
			}
			if after, _ := store.Patterns(); !slices.Equal(after, before) {
				t.Errorf("patterns changed after a refused save")
			}
			// and after OK the form is back as typed, to fix or cancel.
			test.Tap(buttonIn(t, w, "OK"))
			if got := w.vocabulary.editing.name.Text; got != tt.typ {
				t.Errorf("the form came back with %q, want %q", got, tt.typ)
			}
			test.Tap(buttonIn(t, w, "Cancel"))
			if w.win.Canvas().Overlays().Top() != nil {
				t.Error("a dialog is still open after Cancel")
			}
		})
	}
}

func TestVocabulary_Recolour(t *testing.T) {
	w, store := openVocabulary(t)
	denial := patternNamed(t, store, "denial")
	// Given denial in its category's colour,
	test.Tap(w.vocabulary.rows[denial.ID].edit)
	f := w.vocabulary.editing
	if !f.categoryColour.selected {
		t.Error("the category colour isn't marked as chosen")
	}
	// when blue is picked from the keyboard and saved,
	f.swatches["#4c8bf5"].TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if !strings.Contains(f.colourName.Text, "blue") {
		t.Errorf("the chosen colour is named %q", f.colourName.Text)
	}
	test.Tap(buttonIn(t, w, "Save"))
	// then denial is blue;
	if got := patternNamed(t, store, "denial").Colour; got != "#4c8bf5" {
		t.Errorf("colour = %q, want #4c8bf5", got)
	}
	// and when it is set back to its category's colour, it has none of its own.
	test.Tap(w.vocabulary.rows[denial.ID].edit)
	f = w.vocabulary.editing
	if !f.swatches["#4c8bf5"].selected || f.categoryColour.selected {
		t.Error("the edit dialog doesn't show the pattern's own colour as chosen")
	}
	test.Tap(f.categoryColour)
	test.Tap(buttonIn(t, w, "Save"))
	if got := patternNamed(t, store, "denial").Colour; got != "" {
		t.Errorf("colour after choosing the category's = %q, want none", got)
	}
}

func TestVocabulary_KeepsAColourFromElsewhere(t *testing.T) {
	w, store := newTestWindow(t)
	// Given a colour set outside the palette, say from the command line,
	p := patternNamed(t, store, "denial")
	p.Colour = "#3a7bd5"
	if _, err := store.UpdatePattern(p); err != nil {
		t.Fatal(err)
	}
	w.showScreen(w.vocabulary.content)
	// when the pattern is edited and saved without touching the colour,
	test.Tap(w.vocabulary.rows[p.ID].edit)
	if s := w.vocabulary.editing.swatches["#3a7bd5"]; s == nil || !s.selected {
		t.Fatal("the pattern's own colour isn't offered and chosen")
	}
	test.Tap(buttonIn(t, w, "Save"))
	// then it keeps its colour.
	if got := patternNamed(t, store, "denial").Colour; got != "#3a7bd5" {
		t.Errorf("colour = %q, want #3a7bd5 kept", got)
	}
}

func TestVocabulary_ArchiveAndRestore(t *testing.T) {
	w, store := openVocabulary(t)
	v := w.vocabulary
	denial := patternNamed(t, store, "denial")
	// Given denial in use,
	// when it is archived,
	test.Tap(v.rows[denial.ID].archive)
	// then the journal keeps it archived, it is listed under Archived with
	// Restore, and the status says what happened.
	if !patternNamed(t, store, "denial").Archived {
		t.Fatal("denial isn't archived")
	}
	lines := textOf(v.patterns)
	archived := lines[strings.Index(lines, "Archived\n"):]
	if !strings.Contains(archived, "denial — ") {
		t.Errorf("denial isn't under Archived:\n%s", lines)
	}
	row := v.rows[denial.ID]
	if row.restore == nil || row.edit != nil {
		t.Fatal("an archived row should offer Restore only")
	}
	if !strings.Contains(v.status.Text, "Archived “denial”") {
		t.Errorf("status = %q", v.status.Text)
	}
	if w.win.Canvas().Focused() != row.restore {
		t.Error("the focus isn't on denial's Restore")
	}
	if !inView(v, row) {
		t.Errorf("denial's row (at %v) is scrolled out of view (at %v)", row.content.Position(), v.scroll.Offset)
	}
	// When it is restored, it is back among the defenses.
	test.Tap(row.restore)
	if patternNamed(t, store, "denial").Archived {
		t.Fatal("denial is still archived")
	}
	if strings.Contains(textOf(v.patterns), "Archived\n") {
		t.Errorf("the Archived heading stays with nothing archived:\n%s", textOf(v.patterns))
	}
	if v.rows[denial.ID].edit == nil || !strings.Contains(v.status.Text, "Restored “denial”") {
		t.Errorf("denial's row or the status doesn't show it restored: %q", v.status.Text)
	}
	if !inView(v, v.rows[denial.ID]) {
		t.Errorf("restored denial (at %v) is scrolled out of view (at %v)", v.rows[denial.ID].content.Position(), v.scroll.Offset)
	}
}

func TestVocabulary_Merge(t *testing.T) {
	w, store := openVocabulary(t)
	// Given entries naming denial, avoidance or both, and an episode naming denial,
	saved, err := store.CreateEntries([]journal.Entry{
		{Title: "both", WrittenAt: fixedNow, Patterns: []string{"denial", "avoidance"}},
		{Title: "denial", WrittenAt: fixedNow, Patterns: []string{"denial"}},
		{Title: "avoidance", WrittenAt: fixedNow, Patterns: []string{"avoidance"}},
		{Title: "episode", WrittenAt: fixedNow, Episodes: []journal.Episode{{Person: "Sam", Wish: "to be heard", Patterns: []string{"denial"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	w.vocabulary.reload()
	denial, avoidance := patternNamed(t, store, "denial"), patternNamed(t, store, "avoidance")

	// When the merge is cancelled, both stay.
	test.Tap(w.vocabulary.rows[denial.ID].merge)
	test.Tap(buttonIn(t, w, "Keep both"))
	patternNamed(t, store, "denial")

	// When Merge is pressed with no pattern chosen, nothing is merged.
	test.Tap(w.vocabulary.rows[denial.ID].merge)
	test.Tap(buttonIn(t, w, "Merge"))
	if !strings.Contains(dialogText(t, w), "Choose the pattern to merge “denial” into") {
		t.Errorf("dialog says %q", dialogText(t, w))
	}
	test.Tap(buttonIn(t, w, "OK"))
	patternNamed(t, store, "denial")

	// When denial is merged into avoidance,
	test.Tap(w.vocabulary.rows[denial.ID].merge)
	f := w.vocabulary.merging
	if slices.Contains(f.target.Options, "denial") {
		t.Error("denial is offered as a pattern to merge itself into")
	}
	f.target.SetSelected("avoidance")
	want := "Every entry and episode that names “denial” will name “avoidance” instead, and “denial” will be removed. This can't be undone."
	if !strings.Contains(dialogText(t, w), want) {
		t.Errorf("merge dialog says %q, want %q", dialogText(t, w), want)
	}
	if w.win.Canvas().Focused() != buttonIn(t, w, "Keep both") {
		t.Error("the merge dialog doesn't start on Keep both")
	}
	test.Tap(buttonIn(t, w, "Merge"))
	// then every entry and episode names avoidance, once, and denial is gone.
	for _, s := range saved {
		e, err := store.Entry(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		names := e.Patterns
		if len(e.Episodes) > 0 {
			names = e.Episodes[0].Patterns
		}
		if !slices.Equal(names, []string{"avoidance"}) {
			t.Errorf("entry %q names %q after the merge, want avoidance", e.Title, names)
		}
	}
	if _, err := store.PatternNamed("denial"); journal.ErrorCode(err) != journal.ENotFound {
		t.Errorf("denial is still in the journal: %v", err)
	}
	if _, ok := w.vocabulary.rows[denial.ID]; ok || strings.Contains(textOf(w.vocabulary.patterns), "denial — ") {
		t.Error("the list still shows denial")
	}
	if got := w.vocabulary.rows[avoidance.ID].text.String(); !strings.HasSuffix(got, "(in 4 entries)") {
		t.Errorf("avoidance shows %q, want it in 4 entries", got)
	}
}

// openVocabulary opens the window on a fresh journal at the Vocabulary tab.
func openVocabulary(t *testing.T) (*Window, *jstore.Store) {
	t.Helper()
	w, store := newTestWindow(t)
	w.showScreen(w.vocabulary.content)
	return w, store
}

// inView reports whether the list is scrolled so that row shows.
func inView(v *vocabularyScreen, row *patternRow) bool {
	top := row.content.Position().Y + theme.Padding() // the list is padded in its scroll
	return top >= v.scroll.Offset.Y && top+row.content.Size().Height <= v.scroll.Offset.Y+v.scroll.Size().Height
}

func patternNamed(t *testing.T, store *jstore.Store, name string) journal.Pattern {
	t.Helper()
	p, err := store.PatternNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// textOf is the text of the labels and rich texts in c and the
// containers within it, a line each.
func textOf(c *fyne.Container) string {
	var sb strings.Builder
	for _, o := range c.Objects {
		switch x := o.(type) {
		case *widget.Label:
			sb.WriteString(x.Text + "\n")
		case *widget.RichText:
			sb.WriteString(x.String() + "\n")
		case *fyne.Container:
			sb.WriteString(textOf(x))
		}
	}
	return sb.String()
}
