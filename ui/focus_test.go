package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

const canary = "raised their voice"

// editorFields are the journal editor's fields that take typing.
func editorFields(w *Window) []fyne.Focusable {
	e := w.journal.editor
	return []fyne.Focusable{e.title, e.body, e.when}
}

// assertNothingKept checks that canary reached no field of the editor,
// no draft and no entry.
func assertNothingKept(t *testing.T, w *Window, store *jstore.Store) {
	t.Helper()
	if err := w.journal.autosave.Flush(); err != nil {
		t.Fatal(err)
	}
	d := w.journal.editor.draft()
	if strings.Contains(d.Title+d.Body+d.WrittenAt, canary) {
		t.Errorf("the hidden editor took what was typed: title %q, body %q", d.Title, d.Body)
	}
	if kept, ok, err := store.Draft(); err != nil || ok && strings.Contains(kept.Title+kept.Body, canary) {
		t.Errorf("the draft kept what was typed on another screen: %+v (%v)", kept, err)
	}
	entries, err := store.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Title+e.Body, canary) {
			t.Errorf("entry %d holds what was typed on another screen: %q", e.ID, e.Title)
		}
	}
}

// focusedOnScreen reports whether the focus is on nothing, or on
// something inside the tab in view.
func focusedOnScreen(t *testing.T, w *Window) bool {
	t.Helper()
	f := w.win.Canvas().Focused()
	if f == nil {
		return true
	}
	inside := false
	walk(t, w.tabs.Selected().Content, func(o fyne.CanvasObject) {
		if o == f.(fyne.CanvasObject) {
			inside = true
		}
	})
	return inside
}

// typeAnywhere types where the keys would go: into what has the focus,
// or to the window when nothing has it.
func typeAnywhere(win fyne.Window, text string) {
	if f := win.Canvas().Focused(); f != nil {
		test.Type(f, text)
	} else if on := win.Canvas().OnTypedRune(); on != nil {
		for _, r := range text {
			on(r)
		}
	}
}

// Every way to another screen takes the focus out of the journal's
// editor, so what is typed next can't land in it unseen.
func TestFocus_SwitchingScreensLeavesTheEditor(t *testing.T) {
	byMenu := func(label string) func(*Window) {
		return func(w *Window) { menuItem(t, w, label).Action() }
	}
	byTab := func(i int) func(*Window) {
		return func(w *Window) { w.tabs.Select(w.tabs.Items[i]) } // as a click on the tab does
	}
	for _, tt := range []struct {
		name string
		show func(*Window)
	}{
		{"Ctrl+2 Search", byMenu("Search")},
		{"Ctrl+3 Calendar", byMenu("Calendar")},
		{"Ctrl+4 Patterns", byMenu("Patterns")},
		{"Ctrl+5 People", byMenu("People")},
		{"Ctrl+6 Goals", byMenu("Goals")},
		{"Ctrl+7 Sessions", byMenu("Sessions")},
		{"Ctrl+8 Measures", byMenu("Measures")},
		{"Ctrl+9 Vocabulary", byMenu("Vocabulary")},
		{"Ctrl+E Session prep", byMenu("Prepare for my session…")},
		{"Ctrl+F Find", byMenu("Find…")},
		{"Search tab", byTab(1)},
		{"Calendar tab", byTab(2)},
		{"Patterns tab", byTab(3)},
		{"People tab", byTab(4)},
		{"Goals tab", byTab(5)},
		{"Sessions tab", byTab(6)},
		{"Measures tab", byTab(7)},
		{"Vocabulary tab", byTab(8)},
		{"Session prep tab", byTab(9)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w, store := newTestWindow(t)
			writeEntry(w, "Saturday morning", "Coffee with my sister.")
			for _, field := range editorFields(w) {
				w.win.Canvas().Focus(field)
				tt.show(w)
				if w.tabs.Selected().Content == w.journal.content {
					t.Fatal("still on the journal")
				}
				if !focusedOnScreen(t, w) {
					t.Fatalf("after leaving %T, the focus is on %T, which isn't on the screen shown", field, w.win.Canvas().Focused())
				}
				typeAnywhere(w.win, canary)
				assertNothingKept(t, w, store)
				w.tabs.SelectIndex(0)
			}
		})
	}
}

// Each screen starts with the focus on something of its own, so the
// keyboard carries on from there.
func TestFocus_EachScreenTakesTheFocus(t *testing.T) {
	w, _ := newTestWindow(t)
	writeEntry(w, "Saturday morning", "Coffee with my sister.")
	for _, item := range w.tabs.Items[1:] {
		w.win.Canvas().Focus(w.journal.editor.body)
		w.tabs.Select(item)
		if w.win.Canvas().Focused() == nil {
			t.Errorf("%s: nothing has the focus", item.Text)
		} else if !focusedOnScreen(t, w) {
			t.Errorf("%s: the focus is on %T, off the screen", item.Text, w.win.Canvas().Focused())
		}
	}
	w.tabs.SelectIndex(0)
	if w.win.Canvas().Focused() != w.journal.editor.title {
		t.Errorf("back on the journal, the focus is on %T, not the title", w.win.Canvas().Focused())
	}
}

// Opening an entry from another screen puts the focus in its editor,
// which is then in view.
func TestFocus_OpeningAnEntryFocusesItsEditor(t *testing.T) {
	w, _ := newTestWindow(t)
	writeEntry(w, "Saturday morning", "Coffee with my sister.")
	w.journal.onSave()
	id := w.journal.editor.entryID
	for _, from := range []*container.TabItem{w.tabs.Items[1], w.tabs.Items[2], w.tabs.Items[3]} {
		w.tabs.Select(from)
		w.patterns.openEntry(id)
		if w.tabs.Selected().Content != w.journal.content || w.win.Canvas().Focused() != w.journal.editor.title {
			t.Errorf("from %s: on %s, focus on %T", from.Text, w.tabs.Selected().Text, w.win.Canvas().Focused())
		}
	}
}

// The Markdown preview takes the body's place: the focus leaves the
// body with it, so keys don't go on into the hidden text.
func TestFocus_PreviewTakesTheFocusFromTheBody(t *testing.T) {
	w, store := newTestWindow(t)
	writeEntry(w, "Saturday morning", "Coffee with my sister.")
	w.win.Canvas().Focus(w.journal.editor.body)
	menuItem(t, w, "Markdown preview").Action()
	if w.win.Canvas().Focused() == w.journal.editor.body {
		t.Fatal("the hidden body keeps the focus")
	}
	typeAnywhere(w.win, canary)
	assertNothingKept(t, w, store)
}

// Saving, deleting and previewing act on the entry being written, so
// from another screen they show it first.
func TestFocus_EntryActionsShowTheEntry(t *testing.T) {
	for _, label := range []string{"Save", "Delete entry…", "Markdown preview"} {
		t.Run(label, func(t *testing.T) {
			w, _ := newTestWindow(t)
			writeEntry(w, "Saturday morning", "Coffee with my sister.")
			menuItem(t, w, "Search").Action()
			menuItem(t, w, label).Action()
			if w.tabs.Selected().Content != w.journal.content {
				t.Errorf("%s acted on the entry behind %s", label, w.tabs.Selected().Text)
			}
		})
	}
}

// Discarding the only entry shows the welcome, and the focus leaves the
// editor it replaces.
func TestFocus_DiscardingLeavesTheEditor(t *testing.T) {
	w, store := newTestWindow(t)
	writeEntry(w, "Saturday morning", "Coffee with my sister.")
	w.win.Canvas().Focus(w.journal.editor.title)
	w.journal.onDelete()
	test.Tap(buttonIn(t, w, "Discard"))
	for _, field := range editorFields(w) {
		if w.win.Canvas().Focused() == field {
			t.Fatalf("the focus stayed on the editor's %T after it went", field)
		}
	}
	typeAnywhere(w.win, canary)
	assertNothingKept(t, w, store)
}

// Unlocking shows the screen that was in view, with the focus in it.
func TestFocus_UnlockingFocusesTheScreenShown(t *testing.T) {
	w := lockedWindow(t, encryptedJournal(t))
	unlockWith(w, uiPassphrase)
	w.search.background, w.search.debounce = synchronously, func(run func()) { run() }
	menuItem(t, w, "Search").Action()
	w.lockNow()
	unlockWith(w, uiPassphrase)
	if w.tabs.Selected().Content != w.search.content || w.win.Canvas().Focused() != w.search.query {
		t.Errorf("after unlocking, on %s with the focus on %T", w.tabs.Selected().Text, w.win.Canvas().Focused())
	}
}
