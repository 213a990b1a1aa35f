package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// prefDetailsOpen remembers whether the entry's details panel was open,
// so it opens as the person last left it.
const prefDetailsOpen = "editorDetailsOpen"

// toggleDetails opens or closes the panel of mood, emotions, patterns,
// episodes, goals and files (Ctrl+J, or the strip under the text).
func (e *editor) toggleDetails() {
	open := !e.details.Visible()
	fyne.CurrentApp().Preferences().SetBool(prefDetailsOpen, open)
	e.showDetails(open)
	if f := e.win.Canvas().Focused(); !open && f != nil && !e.outsideDetails(f) {
		// Keys would go on into a field out of sight.
		e.win.Canvas().Focus(e.detailsB)
	}
	if e.content != nil {
		e.content.Refresh()
	}
}

// revealFiles opens the details after a file is attached and scrolls
// to the files, the panel's last row, so the thumbnail shows at once
// rather than out of sight; the panel's remembered state is left as the
// person set it.
func (e *editor) revealFiles() {
	if !e.details.Visible() {
		e.showDetails(true)
		if e.content != nil {
			e.content.Refresh()
		}
	}
	e.detailsScroll.ScrollToBottom()
}

func (e *editor) showDetails(open bool) {
	if open {
		e.details.Show()
		e.detailsB.SetIcon(theme.MenuDropUpIcon())
	} else {
		e.details.Hide()
		e.detailsB.SetIcon(theme.MenuDropDownIcon())
	}
	e.summarise()
}

// summarise puts what the details hold on the strip, so a closed panel
// still shows the flag, the mood and how much is named.
func (e *editor) summarise() {
	var parts []string
	if e.flag.Checked {
		parts = append(parts, "⚑ for session")
	}
	if m := e.mood.SelectedIndex(); m > 0 {
		parts = append(parts, fmt.Sprintf("mood %d/10", m))
	}
	count := func(n int, one, many string) {
		if n == 1 {
			parts = append(parts, "1 "+one)
		} else if n > 1 {
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	count(len(e.emotions.names), "emotion", "emotions")
	count(len(e.patterns.names), "pattern", "patterns")
	count(len(e.episodes.episodes), "episode", "episodes")
	count(len(e.goals.ids), "goal", "goals")
	text := "mood, emotions, patterns… (Ctrl+J)"
	if len(parts) > 0 {
		text = strings.Join(parts, " · ")
	}
	e.summary.SetText(text)
}

// outsideDetails reports whether f is one of the fields that stay in
// sight when the details close.
func (e *editor) outsideDetails(f fyne.Focusable) bool {
	for _, o := range []fyne.Focusable{e.kind, e.when, e.flag, e.title, e.body, e.previewB, e.detailsB, e.delete, e.save} {
		if o == f {
			return true
		}
	}
	return false
}
