package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// focusScreen moves the focus into the screen now shown. Fyne leaves the
// focus on a field that a tab switch hides, and keys still go to it: a
// search typed after Ctrl+2 would land in the journal's title, unseen,
// and be kept as a draft. So every way of showing a screen ends here.
func (w *Window) focusScreen(screen fyne.CanvasObject) {
	switch screen {
	case w.journal.content:
		w.journal.focusStart()
	case w.search.content:
		w.search.focus()
	case w.calendar.content:
		w.calendar.focus()
	default:
		focusFirst(w.win.Canvas())
	}
}

// focusFirst gives the focus to the first control shown, where Tab would
// go from nothing; on a screen without one, nothing keeps it. An empty
// list is passed over: there is nothing in it to move through, and a
// screen still loading is about to put a note in its place.
func focusFirst(c fyne.Canvas) {
	c.Unfocus()
	c.FocusNext()
	first := c.Focused()
	for emptyList(c.Focused()) {
		c.FocusNext()
		if c.Focused() == first {
			c.Unfocus()
			return
		}
	}
}

func emptyList(f fyne.Focusable) bool {
	l, ok := f.(*widget.List)
	return ok && (l.Length == nil || l.Length() == 0)
}

// focus puts the focus on the chosen day, so the arrow keys move from
// there; in the year view, on the year.
func (s *calendarScreen) focus() {
	if s.byYear {
		s.win.Canvas().Focus(s.year)
		return
	}
	if i := slices.IndexFunc(s.cells, func(c *dayCell) bool { return c.date == s.selected }); i >= 0 {
		s.win.Canvas().Focus(s.cells[i])
		return
	}
	focusFirst(s.win.Canvas())
}
