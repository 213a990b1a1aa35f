package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// goalsLister is what the goals field reads from the journal: the goals
// an entry can be evidence for.
type goalsLister interface {
	Goals() ([]journal.Goal, error)
}

var _ goalsLister = (*jstore.Store)(nil)

// goalsField links an entry to the goals it is evidence for ("today I
// said what I needed").
type goalsField struct {
	win     fyne.Window
	store   goalsLister
	ids     []int64
	summary *widget.Label
	choose  *widget.Button
	changed func()
	content fyne.CanvasObject
}

func newGoalsField(win fyne.Window, store goalsLister, changed func()) *goalsField {
	f := &goalsField{win: win, store: store, changed: changed}
	f.summary = widget.NewLabel("")
	f.summary.Truncation = fyne.TextTruncateEllipsis
	f.choose = widget.NewButtonWithIcon("Choose…", theme.ListIcon(), f.open)
	f.content = container.NewBorder(nil, nil, f.choose, nil, f.summary)
	f.set(nil)
	return f
}

func (f *goalsField) set(ids []int64) {
	f.ids = ids
	if len(ids) == 0 {
		f.summary.Importance = widget.LowImportance
		f.summary.SetText("Not linked to a goal")
		return
	}
	goals, err := f.store.Goals()
	if err != nil {
		f.summary.SetText(err.Error())
		return
	}
	var titles []string
	for _, g := range goals {
		if slices.Contains(ids, g.ID) {
			titles = append(titles, g.Title)
		}
	}
	f.summary.Importance = widget.MediumImportance
	f.summary.SetText("Evidence for: " + strings.Join(titles, ", "))
}

// open lists the active goals (and any already linked) as check boxes.
func (f *goalsField) open() {
	goals, err := f.store.Goals()
	if err != nil {
		showProblem(f.win, "Couldn't load the goals", err)
		return
	}
	box := container.NewVBox()
	checks := map[int64]*widget.Check{}
	for _, g := range goals {
		if g.Status != journal.GoalActive && !slices.Contains(f.ids, g.ID) {
			continue
		}
		c := widget.NewCheck(g.Title, nil)
		c.Checked = slices.Contains(f.ids, g.ID)
		checks[g.ID] = c
		if g.ParentID != 0 {
			box.Add(container.NewBorder(nil, nil, widget.NewLabel("   "), nil, c))
		} else {
			box.Add(c)
		}
	}
	if len(checks) == 0 {
		box.Add(message("No goals yet. Set them on the Goals screen; then an entry can count as a step towards one."))
	}
	done := func() {
		var ids []int64
		for _, g := range goals {
			if c, ok := checks[g.ID]; ok && c.Checked {
				ids = append(ids, g.ID)
			}
		}
		f.set(ids)
		f.changed()
	}
	intro := message("Is this entry a step towards a goal? Linking it keeps it as evidence on the goal's page.")
	showChoices(f.win, "Goals this entry is evidence for", container.NewBorder(intro, nil, nil, nil, container.NewVScroll(box)),
		fyne.NewSize(560, 460),
		dialogChoice{label: "Cancel", icon: theme.CancelIcon(), cancel: true},
		dialogChoice{label: "Done", icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: done},
	)
}
