package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// choice is one name a person can pick, with what it means.
type choice struct {
	name, description string
}

// choiceGroup is a heading and the choices under it.
type choiceGroup struct {
	name    string
	choices []choice
}

// namesField shows the emotions or patterns picked for an entry, and a
// button that opens the chooser.
type namesField struct {
	win     fyne.Window
	what    string
	none    string // shown when nothing is picked
	names   []string
	summary *widget.Label
	choose  *widget.Button
	load    func() ([]choiceGroup, error)
	changed func()
	content fyne.CanvasObject
	chooser *chooser // the chooser last opened
}

func newNamesField(win fyne.Window, what, none string, load func() ([]choiceGroup, error), changed func()) *namesField {
	f := &namesField{win: win, what: what, load: load, changed: changed}
	f.summary = widget.NewLabel(none)
	f.summary.Truncation = fyne.TextTruncateEllipsis
	f.summary.Importance = widget.LowImportance
	f.choose = widget.NewButtonWithIcon("Choose…", theme.ListIcon(), f.open)
	f.content = container.NewBorder(nil, nil, f.choose, nil, f.summary)
	f.none = none
	f.set(nil)
	return f
}

func (f *namesField) set(names []string) {
	f.names = names
	if len(names) == 0 {
		f.summary.Importance = widget.LowImportance
		f.summary.SetText(f.none)
		return
	}
	f.summary.Importance = widget.MediumImportance
	f.summary.SetText(strings.Join(names, ", "))
}

// open shows the chooser: every name in the vocabulary as a check box with
// what it means, under a filter box that has the keyboard (see chooser),
// grouped, plus a field to add one's own.
func (f *namesField) open() {
	groups, err := f.load()
	if err != nil {
		showProblem(f.win, "Couldn't load the "+strings.ToLower(f.what), err)
		return
	}
	picked := map[string]bool{}
	for _, n := range f.names {
		picked[journal.NameKey(n)] = true
	}
	f.chooser = newChooser(f.win, f.what, groups, func(name string) bool { return picked[journal.NameKey(name)] })
	var order []string // picked names in the order shown, own ones last
	checks := map[string]*widget.Check{}
	for _, g := range f.chooser.groups {
		for _, r := range g.rows {
			checks[journal.NameKey(r.check.Text)] = &r.check.Check
			order = append(order, r.check.Text)
		}
	}
	own := container.NewVBox()
	add := &widget.Entry{PlaceHolder: "Add your own " + strings.TrimSuffix(strings.ToLower(f.what), "s") + "…"}
	add.ExtendBaseWidget(add)
	addOwn := func() {
		name := journal.CleanName(add.Text)
		if name == "" {
			return
		}
		if c, ok := checks[journal.NameKey(name)]; ok {
			c.SetChecked(true)
		} else {
			c := widget.NewCheck(name, nil)
			c.SetChecked(true)
			checks[journal.NameKey(name)] = c
			order = append(order, name)
			own.Add(c)
		}
		add.SetText("")
	}
	add.OnSubmitted = func(string) { addOwn() }
	f.chooser.filter.OnSubmitted = func(typed string) {
		if !f.chooser.submit() {
			add.SetText(typed)
			addOwn()
			f.chooser.filter.SetText("")
		}
	}
	addRow := container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), addOwn), add)
	top := container.NewVBox(f.chooser.filter, f.chooser.nothing)
	body := container.NewBorder(top, container.NewVBox(own, addRow), nil, nil, container.NewVScroll(f.chooser.grid))
	done := func() {
		var names []string
		for _, n := range order {
			if checks[journal.NameKey(n)].Checked {
				names = append(names, n)
			}
		}
		// Keep names that were picked but are missing from the vocabulary.
		for _, n := range f.names {
			if _, ok := checks[journal.NameKey(n)]; !ok {
				names = append(names, n)
			}
		}
		f.set(names)
		f.changed()
	}
	showChoices(f.win, "Choose "+strings.ToLower(f.what), body, fyne.NewSize(860, 600),
		dialogChoice{label: "Cancel", icon: theme.CancelIcon(), cancel: true},
		dialogChoice{label: "Done", icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: done},
	)
	f.win.Canvas().Focus(f.chooser.filter)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
