package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chooser is the chooser dialog's body: the names offered, grouped, and a
// filter box above them. Typing filters by name, description or group;
// Return ticks the one match (or focuses the first of several); ↓ and ↑
// move between the names shown, and Space or Return ticks one.
type chooser struct {
	win     fyne.Window
	filter  *filterEntry
	nothing *widget.Label // shown when the filter matches no name
	groups  []*chooserGroup
	grid    *fyne.Container
}

type chooserGroup struct {
	box  *fyne.Container
	rows []*chooserRow
}

// chooserRow is one name offered: its check box and what it means.
type chooserRow struct {
	check *choiceCheck
	about *widget.Label // nil when the name has no description
	text  string        // what the filter searches, lower case
}

func newChooser(win fyne.Window, what string, groups []choiceGroup, picked func(name string) bool) *chooser {
	c := &chooser{win: win}
	var sections []fyne.CanvasObject
	for _, g := range groups {
		group := &chooserGroup{box: container.NewVBox(widget.NewLabelWithStyle(capitalise(g.name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))}
		for _, ch := range g.choices {
			row := &chooserRow{check: newChoiceCheck(ch.name, c.move), text: strings.ToLower(ch.name + "\n" + ch.description + "\n" + g.name)}
			row.check.Checked = picked(ch.name)
			group.box.Add(row.check)
			if ch.description != "" {
				row.about = widget.NewLabel(ch.description)
				row.about.Wrapping = fyne.TextWrapWord
				row.about.TextStyle.Italic = true
				row.about.SizeName = theme.SizeNameCaptionText
				group.box.Add(row.about)
			}
			group.rows = append(group.rows, row)
		}
		c.groups = append(c.groups, group)
		sections = append(sections, group.box)
	}
	c.grid = container.NewGridWithColumns(max(min(len(groups), 3), 1), sections...)
	c.nothing = widget.NewLabel("")
	c.nothing.Wrapping = fyne.TextWrapWord
	c.nothing.Hide()
	c.filter = newFilterEntry(c)
	c.filter.PlaceHolder = "Type to filter the " + strings.ToLower(what) + "; ↓ moves to them, Return ticks the one match"
	c.filter.OnChanged = func(string) { c.apply() }
	return c
}

// apply shows the names that match the filter, and the groups holding one.
func (c *chooser) apply() {
	typed := strings.ToLower(strings.TrimSpace(c.filter.Text))
	shown := 0
	for _, g := range c.groups {
		any := false
		for _, r := range g.rows {
			match := typed == "" || strings.Contains(r.text, typed)
			showIf(r.check, match)
			if r.about != nil {
				showIf(r.about, match)
			}
			if match {
				any = true
				shown++
			}
		}
		showIf(g.box, any)
	}
	c.nothing.SetText("Nothing here matches “" + strings.TrimSpace(c.filter.Text) + "”. Return adds it as your own.")
	showIf(c.nothing, shown == 0)
	c.grid.Refresh()
}

func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}

// shown lists the check boxes the filter lets through, in order.
func (c *chooser) shown() []*choiceCheck {
	var out []*choiceCheck
	for _, g := range c.groups {
		for _, r := range g.rows {
			if r.check.Visible() {
				out = append(out, r.check)
			}
		}
	}
	return out
}

// move takes the focus step names on from one, or back to the filter
// from the first.
func (c *chooser) move(from *choiceCheck, step int) {
	shown := c.shown()
	at := -1
	for i, ch := range shown {
		if ch == from {
			at = i
		}
	}
	switch next := at + step; {
	case next < 0:
		c.win.Canvas().Focus(c.filter)
	case next < len(shown):
		c.win.Canvas().Focus(shown[next])
	}
}

// submit ticks the one name the filter matches and clears it for the
// next, or focuses the first of several; with no match it reports false,
// so the typed word can be added as the person's own.
func (c *chooser) submit() bool {
	shown := c.shown()
	switch len(shown) {
	case 0:
		return false
	case 1:
		shown[0].SetChecked(true)
		c.filter.SetText("")
	default:
		c.win.Canvas().Focus(shown[0])
	}
	return true
}

// choiceCheck is a name's check box, which ↑ and ↓ leave for the next
// name shown and Return ticks, as Space does.
type choiceCheck struct {
	widget.Check
	move func(from *choiceCheck, step int)
}

func newChoiceCheck(name string, move func(*choiceCheck, int)) *choiceCheck {
	c := &choiceCheck{move: move}
	c.Text = name
	c.ExtendBaseWidget(c)
	return c
}

func (c *choiceCheck) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		c.move(c, 1)
	case fyne.KeyUp:
		c.move(c, -1)
	case fyne.KeyReturn, fyne.KeyEnter:
		c.TypedRune(' ')
	default:
		c.Check.TypedKey(k)
	}
}

// filterEntry is the filter box; ↓ goes to the first name shown.
type filterEntry struct {
	widget.Entry
	chooser *chooser
}

func newFilterEntry(c *chooser) *filterEntry {
	e := &filterEntry{chooser: c}
	e.ExtendBaseWidget(e)
	return e
}

func (e *filterEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyDown {
		if shown := e.chooser.shown(); len(shown) > 0 {
			e.chooser.win.Canvas().Focus(shown[0])
		}
		return
	}
	e.Entry.TypedKey(k)
}
