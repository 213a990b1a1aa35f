package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// journalState is everything a dialog could change: the editor as
// typed, and what the journal holds.
func journalState(t *testing.T, w *Window, store *jstore.Store) string {
	t.Helper()
	entries, err := store.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	people, _ := store.People()
	patterns, _ := store.Patterns()
	sessions, _ := store.Sessions()
	goals, _ := store.Goals()
	var m []int
	for _, in := range journal.Instruments {
		got, _ := store.Measurements(in)
		m = append(m, len(got))
	}
	return fmt.Sprintf("editor %+v\nentries %+v\npeople %+v\npatterns %+v\nsessions %+v\ngoals %+v\nmeasurements %v\nencrypted %v",
		w.journal.editor.draft(), entries, people, patterns, sessions, goals, m, store.Encrypted())
}

// focusAField puts the focus on the top dialog's first control that
// isn't one of its buttons, and types into it if it takes text: Escape
// has to work from there, where Fyne's widgets drop it.
func focusAField(t *testing.T, w *Window) {
	t.Helper()
	var field fyne.Focusable
	walk(t, w.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		f, ok := o.(fyne.Focusable)
		if _, button := o.(*dialogButton); !ok || button || field != nil {
			return
		}
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			return
		}
		field = f
	})
	if field == nil {
		return // a message: the focus is on its button
	}
	w.win.Canvas().Focus(field)
	if _, ok := field.(*widget.Entry); ok {
		test.Type(field, "canary")
	}
}

// Escape closes every kind of dialog, wherever the focus is in it, and
// changes nothing: it is the choice that loses nothing.
func TestKeys_EscapeClosesEveryDialog(t *testing.T) {
	for _, tt := range []struct {
		name string
		open func(t *testing.T, w *Window)
	}{
		{"shortcuts", func(t *testing.T, w *Window) { w.showShortcuts() }},
		{"guide", func(t *testing.T, w *Window) { menuItem(t, w, "A short guide").Action() }},
		{"crisis resources", func(t *testing.T, w *Window) { menuItem(t, w, "If you're struggling right now").Action() }},
		{"about", func(t *testing.T, w *Window) { w.showAbout() }},
		{"where my journal lives", func(t *testing.T, w *Window) { w.showLocations() }},
		{"settings", func(t *testing.T, w *Window) { w.showSettings() }},
		{"backups", func(t *testing.T, w *Window) { w.showBackups() }},
		{"backup folder", func(t *testing.T, w *Window) { w.showBackups(); w.backups.onChoose() }},
		{"encryption", func(t *testing.T, w *Window) { w.showEncryption() }},
		{"delete entry", func(t *testing.T, w *Window) { w.journal.onDelete() }},
		{"discard a new entry", func(t *testing.T, w *Window) {
			w.journal.onNew()
			test.Type(w.journal.editor.title, "Not yet")
			w.journal.onDelete()
		}},
		{"unsaved changes", func(t *testing.T, w *Window) {
			test.Type(w.journal.editor.body, " and then the phone rang")
			w.journal.onNew()
		}},
		{"new patterns", func(t *testing.T, w *Window) {
			test.Type(w.journal.editor.body, " #overthinking")
			w.journal.onSave()
		}},
		{"emotions", func(t *testing.T, w *Window) { w.journal.editor.emotions.open() }},
		{"free association", func(t *testing.T, w *Window) { w.journal.askFreeAssociation() }},
		{"add a person", func(t *testing.T, w *Window) { w.people.onAdd() }},
		{"add a goal", func(t *testing.T, w *Window) { w.goals.onAdd() }},
		{"log a session", func(t *testing.T, w *Window) { w.sessions.onAdd() }},
		{"next session", func(t *testing.T, w *Window) { w.sessions.onSetNext() }},
		{"questionnaire", func(t *testing.T, w *Window) { w.measures.onFill(journal.PHQ9) }},
		{"add a pattern", func(t *testing.T, w *Window) { w.vocabulary.onAdd() }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w, store := newTestWindow(t)
			writeEntry(w, "Saturday morning", "Coffee with my sister.")
			w.journal.onSave()
			tt.open(t, w)
			if w.win.Canvas().Overlays().Top() == nil {
				t.Fatal("no dialog opened")
			}
			before := journalState(t, w, store)
			// One Escape for each dialog open, such as a folder chooser
			// over the backups.
			for open := len(w.win.Canvas().Overlays().List()); open > 0; open-- {
				focusAField(t, w)
				if !w.keyAnywhere(fyne.KeyEscape) {
					t.Fatalf("Escape wasn't taken in %q", dialogText(t, w))
				}
			}
			if top := w.win.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("Escape left a dialog open: %q", dialogText(t, w))
			}
			if after := journalState(t, w, store); after != before {
				t.Errorf("Escape changed things:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// Escape on a questionnaire half answered asks first, and Escape on
// that question keeps the answers.
func TestKeys_EscapeKeepsAnswersGiven(t *testing.T) {
	w, _ := newTestWindow(t)
	w.measures.onFill(journal.PHQ9)
	w.measures.onAnswer(w.measures.filling, 0, 2)
	w.keyAnywhere(fyne.KeyEscape)
	if !strings.Contains(dialogText(t, w), "Leave without saving?") {
		t.Fatalf("Escape on answers given didn't ask: %q", dialogText(t, w))
	}
	w.keyAnywhere(fyne.KeyEscape)
	if w.measures.filling == nil || w.measures.filling.answers[0] != 2 || !strings.Contains(dialogText(t, w), journal.PHQ9.Title) {
		t.Fatal("Escape on the question dropped the answers")
	}
}

// Escape outside a dialog is left to whatever has the focus, such as
// the free-association page, which finishes on it.
func TestKeys_EscapeWithoutADialogGoesOn(t *testing.T) {
	w, _ := newTestWindow(t)
	if w.keyAnywhere(fyne.KeyEscape) {
		t.Error("Escape was taken with no dialog open")
	}
}

// F1 opens the shortcuts sheet wherever the focus is: in any field, a
// list, or a dialog; pressed again, it doesn't stack a second sheet.
func TestKeys_F1Anywhere(t *testing.T) {
	w, _ := newTestWindow(t)
	writeEntry(w, "Saturday morning", "Coffee with my sister.")
	w.journal.onSave()
	places := []struct {
		name  string
		focus func() fyne.Focusable
	}{
		{"the date of an entry", func() fyne.Focusable { return w.journal.editor.when }},
		{"the journal's list", func() fyne.Focusable { return w.journal.list }},
		{"the search field", func() fyne.Focusable { w.showScreen(w.search.content); return w.search.query }},
		{"a dialog's field", func() fyne.Focusable {
			w.showScreen(w.people.content)
			w.people.onAdd()
			return w.win.Canvas().Focused()
		}},
	}
	for _, p := range places {
		f := p.focus()
		w.win.Canvas().Focus(f)
		if !w.keyAnywhere(fyne.KeyF1) || !strings.Contains(dialogText(t, w), "Write a new entry") {
			t.Fatalf("F1 in %s didn't open the shortcuts", p.name)
		}
		sheet := w.win.Canvas().Overlays().Top()
		w.keyAnywhere(fyne.KeyF1)
		if len(w.win.Canvas().Overlays().List()) > 1 && w.win.Canvas().Overlays().List()[len(w.win.Canvas().Overlays().List())-2] == sheet {
			t.Errorf("F1 again in %s stacked a second sheet", p.name)
		}
		w.keyAnywhere(fyne.KeyEscape)
		for w.win.Canvas().Overlays().Top() != nil {
			w.keyAnywhere(fyne.KeyEscape)
		}
		w.showScreen(w.journal.content)
	}
}
