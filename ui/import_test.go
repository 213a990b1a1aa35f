package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
)

// The window imports a jrnl journal whose tags mix feelings and
// patterns, by keyboard (Ctrl+I's dialog starts in the path; Return
// imports), and shows the summary the command line prints, with how many
// tags became emotions and how many patterns.
func TestImport_JrnlFromTheWindow(t *testing.T) {
	w, store := newTestWindow(t)
	var item *fyne.MenuItem
	for _, m := range w.win.MainMenu().Items {
		for _, i := range m.Items {
			if i.Label == "Import from another app…" {
				item = i
			}
		}
	}
	if s, ok := item.Shortcut.(*desktop.CustomShortcut); item == nil || !ok || s.KeyName != fyne.KeyI || s.Modifier != fyne.KeyModifierShortcutDefault {
		t.Fatalf("File has no Import from another app… on Ctrl+I: %+v", item)
	}
	item.Action()
	f := w.importing
	if w.win.Canvas().Focused() != f.path {
		t.Fatal("the import dialog doesn't start in the path")
	}
	test.Type(f.path, filepath.Join("..", "journal", "transfer", "testdata", "tags", "feelings-and-patterns.journal"))
	f.path.OnSubmitted(f.path.Text)

	if f.summary == nil {
		t.Fatalf("no summary shown; dialog says %q", dialogText(t, w))
	}
	for _, want := range []string{"Imported 3 entries from jrnl.", "Tags that name a feeling became emotions: 9 (", "anxiety → anxious", "Tags that became patterns: 5."} {
		if !strings.Contains(f.summary.Text, want) {
			t.Errorf("summary %q doesn't say %q", f.summary.Text, want)
		}
	}
	entries, err := store.Entries(journal.EntryQuery{})
	if err != nil || len(entries) != 3 {
		t.Fatalf("%d entries, %v", len(entries), err)
	}
	if got := entries[0].Emotions; len(got) == 0 {
		t.Errorf("the newest entry has no emotions: %+v", entries[0])
	}
	test.Tap(buttonIn(t, w, "Close"))
	if len(w.journal.entries) != 3 {
		t.Errorf("the journal's list shows %d entries, want the 3 imported", len(w.journal.entries))
	}
}

// A file that can't be read: a clear message, and nothing saved.
func TestImport_BadFileFromTheWindow(t *testing.T) {
	w, store := newTestWindow(t)
	for _, path := range []string{"", filepath.Join(t.TempDir(), "missing.json")} {
		w.showImport()
		test.Type(w.importing.path, path)
		test.Tap(buttonIn(t, w, "Import"))
		if said := dialogText(t, w); !strings.Contains(said, "Nothing was imported") && !strings.Contains(said, "There is no file") {
			t.Errorf("importing %q: dialog says %q", path, said)
		}
		test.Tap(buttonIn(t, w, "OK"))
	}
	if entries, _ := store.Entries(journal.EntryQuery{}); len(entries) != 0 {
		t.Errorf("%d entries saved", len(entries))
	}
}
