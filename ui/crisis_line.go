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

// crisisStore is what choosing the crisis lines needs from the journal.
type crisisStore interface {
	Setting(key string) (string, error)
	SetCrisisLines(region, own string) error
}

// crisisLines is a choice of crisis lines: where the person lives, and
// a line of their own.
type crisisLines struct{ region, own string }

// readCrisisLines reads the choice kept in the journal.
func readCrisisLines(store crisisStore) (crisisLines, error) {
	region, err := store.Setting(journal.SettingCrisisRegion)
	if err != nil {
		return crisisLines{}, err
	}
	own, err := store.Setting(journal.SettingCrisisLine)
	return crisisLines{region: region, own: own}, err
}

// crisisPicker asks where the person lives, from journal.CrisisRegions or
// somewhere else, and for a line of their own. Onboarding and the
// editor on Settings and Measures both use it.
type crisisPicker struct {
	where *widget.RadioGroup
	own   *writingEntry
}

func newCrisisPicker(changed func()) *crisisPicker {
	var labels []string
	for _, r := range journal.CrisisRegions {
		labels = append(labels, r.Choice())
	}
	p := &crisisPicker{where: widget.NewRadioGroup(append(labels, journal.ElsewhereChoice), nil), own: &writingEntry{}}
	p.where.OnChanged = func(string) { p.placeHold(); changed() }
	p.own.ExtendBaseWidget(p.own)
	p.own.OnChanged = func(string) { changed() }
	p.placeHold()
	return p
}

// placeHold says what the line is for: the line itself somewhere else,
// or an addition, such as the therapist's, where the region's is given.
func (p *crisisPicker) placeHold() {
	if p.where.Selected == journal.ElsewhereChoice {
		p.own.SetPlaceHolder("Your local crisis line, like: Call 0800 111 0 111, any time")
	} else {
		p.own.SetPlaceHolder("Another line to show too, if you like, such as your therapist's out-of-hours number")
	}
}

// chosen is the choice as shown.
func (p *crisisPicker) chosen() crisisLines {
	return linesFor(p.where.Selected, p.own.Text)
}

// show shows a choice.
func (p *crisisPicker) show(c crisisLines) {
	p.where.SetSelected(choiceFor(c))
	p.own.SetText(c.own)
	p.placeHold()
}

// choiceFor is the list's choice for lines kept: a line kept before
// places were asked stands for somewhere else.
func choiceFor(c crisisLines) string {
	if r, ok := journal.CrisisRegionByID(c.region); ok {
		return r.Choice()
	}
	if c.region == journal.RegionElsewhere || strings.TrimSpace(c.own) != "" {
		return journal.ElsewhereChoice
	}
	return ""
}

// linesFor is the choice of the list and the line typed.
func linesFor(choice, own string) crisisLines {
	c := crisisLines{own: strings.TrimSpace(own)}
	if choice == journal.ElsewhereChoice {
		c.region = journal.RegionElsewhere
	}
	for _, r := range journal.CrisisRegions {
		if choice == r.Choice() {
			c.region = r.ID
		}
	}
	return c
}

// crisisLineEditor changes the crisis lines the crisis help and the
// safety message show. Settings and the Measures screen, where the
// safety message comes up, both offer it.
type crisisLineEditor struct {
	*env  // the screen's
	win   fyne.Window
	store crisisStore

	picker  *crisisPicker
	preview *widget.Label // the lines as the help will show them
	save    *widget.Button
	reset   *widget.Button
	status  *widget.Label
	loaded  crisisLines // as last read or saved, to tell the person's edits apart
	card    fyne.CanvasObject
}

func newCrisisLineEditor(e *env, win fyne.Window, store crisisStore, about string) *crisisLineEditor {
	c := &crisisLineEditor{env: e, win: win, store: store}
	c.status = widget.NewLabel("")
	c.status.Importance = widget.LowImportance
	c.preview = wrapped(journal.CrisisDefault)
	c.picker = newCrisisPicker(func() {
		c.status.SetText("")
		chosen := c.picker.chosen()
		c.preview.SetText(journal.CrisisText(chosen.region, chosen.own))
	})
	c.reset = widget.NewButtonWithIcon("Reset", theme.ContentUndoIcon(), func() { c.set(crisisLines{}, "Back to every place's lines.") })
	c.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { c.set(c.picker.chosen(), "Saved. The crisis help shows these lines.") })
	c.card = widget.NewCard("Crisis lines", "", container.NewVBox(
		widget.NewLabel("Where you live:"),
		c.picker.where,
		c.picker.own,
		container.NewHBox(c.status, layout.NewSpacer(), c.reset, c.save),
		widget.NewLabelWithStyle("The help will show:", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		c.preview,
		note(about),
	))
	return c
}

// show shows the lines read from the journal, unless the person has
// changed the ones shown and not saved them yet.
func (c *crisisLineEditor) show(lines crisisLines) {
	if c.picker.chosen() == c.loaded {
		c.picker.show(lines)
	}
	c.loaded = linesFor(choiceFor(lines), lines.own)
}

// set keeps a choice in the journal, off the UI goroutine.
func (c *crisisLineEditor) set(lines crisisLines, done string) {
	c.background(func() func() {
		err := c.store.SetCrisisLines(lines.region, lines.own)
		return func() {
			if err != nil {
				showProblem(c.win, "Couldn't save the crisis lines", err)
				return
			}
			c.picker.show(lines)
			c.loaded = lines
			c.status.SetText(done)
		}
	})
}

// reload reads the crisis lines again, off the UI goroutine, and shows
// them. Call it each time the screen is shown.
func (c *crisisLineEditor) reload() {
	c.background(func() func() {
		lines, err := readCrisisLines(c.store)
		return func() {
			if err != nil {
				c.status.SetText(err.Error())
				return
			}
			c.show(lines)
		}
	})
}

// showCrisisHelp shows the calm help for someone who chose to look for
// it, from Help, Ctrl+Shift+H, the guide or the lock screen, with the
// lines for where they live. It asks nothing and assumes nothing.
func showCrisisHelp(win fyne.Window, store journal.SettingsReader) {
	text, err := journal.ConfiguredCrisisText(store)
	if err != nil {
		fyne.LogError("reading the crisis lines; showing every place's", err)
	}
	showChoices(win, crisisButtonText, message(journal.CrisisHelpMessage(text)), fyne.NewSize(580, 420),
		dialogChoice{label: "Close", importance: widget.HighImportance, focused: true})
}
