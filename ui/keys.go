package ui

import "fyne.io/fyne/v2"

// keyAnywhere handles the keys that work wherever the focus is, before
// the focused widget sees them, and reports whether it used the key.
// Fyne gives every key to the focused widget, and an entry, a list or a
// radio button drops Escape and F1, so without this they would only
// work with the focus on nothing, or on one of our own widgets.
func (w *Window) keyAnywhere(key fyne.KeyName) bool {
	switch key {
	case fyne.KeyEscape:
		return escapeDialog(w.win.Canvas())
	case fyne.KeyF1:
		if !w.showingShortcuts() {
			w.showShortcuts()
		}
		return true
	}
	return false
}

// showingShortcuts reports whether the shortcuts sheet is on top, so F1
// pressed again doesn't stack a second one.
func (w *Window) showingShortcuts() bool {
	top := w.win.Canvas().Overlays().Top()
	return top != nil && top == w.shortcutsSheet
}
