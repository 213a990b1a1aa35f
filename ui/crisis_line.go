package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// crisisLineEditor edits the crisis line the safety message shows. The
// Measures screen, where the safety message comes up, and Settings both
// offer it.
type crisisLineEditor struct {
	win        fyne.Window
	store      interface{ SetSetting(key, value string) error }
	background *background // the screen's, which tests swap

	entry  *writingEntry
	save   *widget.Button
	reset  *widget.Button
	status *widget.Label
	loaded string // the line as last read or saved, to tell the person's edits apart
	card   fyne.CanvasObject
}

func newCrisisLineEditor(win fyne.Window, store interface{ SetSetting(key, value string) error }, bg *background, intro, about string) *crisisLineEditor {
	c := &crisisLineEditor{win: win, store: store, background: bg, entry: &writingEntry{}}
	c.entry.MultiLine, c.entry.Wrapping = true, fyne.TextWrapWord
	c.entry.SetMinRowsVisible(3)
	c.entry.ExtendBaseWidget(c.entry)
	c.entry.OnChanged = func(string) { c.status.SetText("") }
	c.status = widget.NewLabel("")
	c.status.Importance = widget.LowImportance
	c.reset = widget.NewButtonWithIcon("Reset to default", theme.ContentUndoIcon(), func() { c.set("", "Back to the default.") })
	c.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), c.onSave)
	c.card = widget.NewCard("Crisis line", "", container.NewVBox(
		widget.NewLabel(intro),
		c.entry,
		container.NewHBox(c.status, layout.NewSpacer(), c.reset, c.save),
		note(about),
	))
	return c
}

// show shows the line read from the journal, unless the person has
// changed the one shown and not saved it yet.
func (c *crisisLineEditor) show(line string) {
	if strings.TrimSpace(line) == "" {
		line = journal.CrisisDefault
	}
	if c.entry.Text == c.loaded {
		c.entry.SetText(line)
	}
	c.loaded = line
}

// onSave keeps the line typed. The default, or nothing, is kept as no
// setting, so a better default in a later version shows.
func (c *crisisLineEditor) onSave() {
	stored := strings.TrimSpace(c.entry.Text)
	if stored == journal.CrisisDefault {
		stored = ""
	}
	c.set(stored, "Saved. The safety message shows this.")
}

func (c *crisisLineEditor) set(stored, done string) {
	(*c.background)(func() func() {
		err := c.store.SetSetting(journal.SettingCrisisLine, stored)
		return func() {
			if err != nil {
				showProblem(c.win, "Couldn't save the crisis line", err)
				return
			}
			shown := stored
			if shown == "" {
				shown = journal.CrisisDefault
			}
			c.loaded = shown
			c.entry.SetText(shown)
			c.status.SetText(done)
		}
	})
}
