package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// overlayText is every label's text in the window's top dialog.
func overlayText(t *testing.T, win fyne.Window) string {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	var sb strings.Builder
	walk(t, top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			sb.WriteString(l.Text + "\n")
		}
	})
	return sb.String()
}

// overlayButton finds a button by its text in the window's top dialog.
func overlayButton(t *testing.T, win fyne.Window, text string) *widget.Button {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open, looking for %q", text)
	}
	var found *widget.Button
	walk(t, top, func(o fyne.CanvasObject) {
		switch b := o.(type) {
		case *widget.Button:
			if b.Text == text && found == nil {
				found = b
			}
		case *dialogButton:
			if b.Text == text && found == nil {
				found = &b.Button
			}
		}
	})
	if found == nil {
		t.Fatalf("the dialog has no %q button", text)
	}
	return found
}

func TestShortcuts_SheetShowsEveryShortcut(t *testing.T) {
	win := test.NewTempWindow(t, widget.NewLabel("journal"))
	win.Resize(fyne.NewSize(1000, 800))
	items := append(defaultShortcuts(),
		shortcutItem{shortcutsJournal, "Ctrl+B", "Back up now"},
		shortcutItem{"Somewhere new", "Ctrl+J", "A group of its own"})
	showShortcuts(win, items)
	text := overlayText(t, win)
	for _, it := range append(items, generalKeys...) {
		if !strings.Contains(text, it.keys+"\n"+it.action+"\n") {
			t.Errorf("the sheet doesn't show %s: %s", it.keys, it.action)
		}
	}
	// Groups in order, a new one after them.
	at := -1
	for _, g := range []string{shortcutsWriting, shortcutsMoving, shortcutsJournal, shortcutsHelp, "Somewhere new", "Everywhere"} {
		i := strings.Index(text, g+"\n")
		if i < at {
			t.Errorf("group %q is out of order (or missing)", g)
		}
		at = i
	}
	// Close has the focus: Return or Space closes the sheet.
	if f, ok := win.Canvas().Focused().(*dialogButton); !ok || f.Text != "Close" {
		t.Errorf("focus on %#v, want Close", win.Canvas().Focused())
	}
}

func TestShortcuts_ListEveryMenuShortcut(t *testing.T) {
	w, _ := newTestWindow(t)
	var listed []string
	for _, it := range defaultShortcuts() {
		listed = append(listed, strings.Split(it.keys, " or ")...)
	}
	for _, m := range w.menu().Items {
		for _, item := range m.Items {
			if item.Shortcut == nil {
				continue
			}
			keys := shortcutKeys(item.Shortcut)
			if !slices.Contains(listed, keys) {
				t.Errorf("%s → %s (%s) isn't on the shortcuts sheet: add it to defaultShortcuts", m.Label, item.Label, keys)
			}
		}
	}
}

func TestShortcutKeys(t *testing.T) {
	for _, c := range []struct {
		shortcut fyne.Shortcut
		want     string
	}{
		{&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, "Ctrl+N"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierControl}, "Ctrl+Delete"},
		{&desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault}, "Ctrl+/"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}, "Ctrl+,"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, "Ctrl+Shift+S"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyF1}, "F1"},
		{&fyne.ShortcutCopy{}, ""},
	} {
		if got := shortcutKeys(c.shortcut); got != c.want {
			t.Errorf("shortcutKeys(%s) = %q, want %q", c.shortcut.ShortcutName(), got, c.want)
		}
	}
}

func TestShortcuts_F1ShowsTheSheetWhenNothingHasFocus(t *testing.T) {
	win := test.NewTempWindow(t, widget.NewLabel("journal"))
	var other []fyne.KeyName
	win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { other = append(other, ev.Name) })
	shown := 0
	onWindowKeys(win, func(key fyne.KeyName) bool {
		if key == fyne.KeyF1 {
			shown++
		}
		return key == fyne.KeyF1
	})
	win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1})
	win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	if shown != 1 || !slices.Equal(other, []fyne.KeyName{fyne.KeyDown}) {
		t.Errorf("F1 showed the sheet %d times; other keys went on as %v", shown, other)
	}
}

// F1 opens the sheet while typing in an entry too: the title and body
// pass it on rather than dropping it.
func TestShortcuts_F1WhileWriting(t *testing.T) {
	w, _ := newTestWindow(t)
	for _, field := range []*writingEntry{w.journal.editor.title, w.journal.editor.body} {
		w.win.Canvas().Focus(field)
		field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
		top := w.win.Canvas().Overlays().Top()
		if top == nil || !strings.Contains(dialogText(t, w), "Write a new entry") {
			t.Fatalf("F1 in %q didn't open the shortcuts sheet", field.PlaceHolder)
		}
		w.win.Canvas().Overlays().Remove(top)
	}
}
