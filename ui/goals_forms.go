package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

const goalsAbout = "Many people come to therapy wanting something to change: how they feel, how they get on with others, " +
	"the choices they make. Naming a few goals helps you and your therapist notice what is moving, and what isn't yet.\n\n" +
	"Here are some that often come up; none is chosen for you. Tick the ones that fit and add your own, in your own words. " +
	"You can change, re-order, complete or set any of them aside later."

// goalsFirstUse is the card offered before there are any goals: the
// starter set as check boxes, and a field for goals of one's own.
type goalsFirstUse struct {
	choices []*starterChoice
	checks  *fyne.Container
	own     *widget.Entry
	addOwn  *widget.Button
	start   *widget.Button
	skip    *widget.Button
	content fyne.CanvasObject
}

// starterChoice is one goal offered, ticked or not.
type starterChoice struct {
	title       string
	description string
	parent      *starterChoice // the goal it is part of; nil for a goal of its own
	check       *widget.Check
}

func newGoalsFirstUse(start func([]journal.Goal), skip func()) *goalsFirstUse {
	f := &goalsFirstUse{checks: container.NewVBox()}
	for _, s := range journal.StarterGoals {
		goal := f.offer(s.Title, s.Description, nil, false)
		var subs []*widget.Check
		for _, sub := range s.Sub {
			c := f.offer(sub.Title, sub.Description, goal, false)
			c.check.Disable()
			subs = append(subs, c.check)
		}
		// A sub-goal can only be kept with its goal.
		goal.check.OnChanged = func(on bool) {
			for _, c := range subs {
				if on {
					c.Enable()
				} else {
					c.Disable()
				}
			}
		}
	}
	f.own = &widget.Entry{PlaceHolder: "A goal of your own, like “Say no without explaining myself”"}
	f.own.ExtendBaseWidget(f.own)
	f.own.OnSubmitted = func(string) { f.onAddOwn() }
	f.addOwn = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), f.onAddOwn)
	f.skip = widget.NewButton("Skip for now", skip)
	f.start = widget.NewButtonWithIcon("Start with these", theme.ConfirmIcon(), func() { start(f.goals()) })
	f.start.Importance = widget.HighImportance

	about := wrapped(goalsAbout)
	own := container.NewBorder(nil, nil, nil, f.addOwn, f.own)
	actions := container.NewHBox(layout.NewSpacer(), f.skip, f.start)
	card := widget.NewCard("Goals for your therapy", "", container.NewBorder(about, container.NewVBox(own, actions), nil, nil,
		container.NewVScroll(f.checks)))
	f.content = container.NewPadded(container.NewHBox(layout.NewSpacer(), container.New(&maxWidth{width: 620}, card), layout.NewSpacer()))
	return f
}

// offer adds a check box for a goal, with its description below, indented
// under its goal if it has one.
func (f *goalsFirstUse) offer(title, description string, parent *starterChoice, ticked bool) *starterChoice {
	c := &starterChoice{title: title, description: description, parent: parent, check: widget.NewCheck(title, nil)}
	c.check.Checked = ticked
	f.choices = append(f.choices, c)
	var row fyne.CanvasObject = c.check
	if description != "" {
		about := widget.NewLabel(description)
		about.Wrapping, about.Importance, about.SizeName = fyne.TextWrapWord, widget.LowImportance, theme.SizeNameCaptionText
		under := container.NewBorder(nil, nil, indentBy(theme.IconInlineSize()+2*theme.Padding()), nil, about)
		row = container.New(layout.NewCustomPaddedVBoxLayout(0), c.check, under)
	}
	if parent != nil {
		row = container.NewBorder(nil, nil, indentBy(theme.IconInlineSize()+2*theme.Padding()), nil, row)
	}
	f.checks.Add(row)
	return c
}

// onAddOwn offers the goal typed in the field, ticked, after the others.
func (f *goalsFirstUse) onAddOwn() {
	title := strings.TrimSpace(f.own.Text)
	if title == "" {
		return
	}
	f.offer(title, "", nil, true)
	f.own.SetText("")
	f.checks.Refresh()
}

// goals are the ticked goals, each followed by its ticked sub-goals,
// whose ParentID is the negative offset to their goal, as AddGoals takes.
func (f *goalsFirstUse) goals() []journal.Goal {
	var out []journal.Goal
	at := map[*starterChoice]int{}
	for _, c := range f.choices {
		if !c.check.Checked {
			continue
		}
		g := journal.Goal{Title: c.title, Description: c.description}
		if c.parent != nil {
			i, ok := at[c.parent]
			if !ok {
				continue // its goal isn't kept
			}
			g.ParentID = int64(i - len(out))
		}
		at[c] = len(out)
		out = append(out, g)
	}
	return out
}

// onStart saves the goals chosen on first use, in one go.
func (v *goalsScreen) onStart(goals []journal.Goal) {
	if len(goals) == 0 {
		showChoices(v.win, "No goals ticked", message("Tick the goals that fit, or add one of your own. "+
			"If you'd rather not choose now, Skip for now; you can add goals whenever you like."), fyne.NewSize(480, 200),
			dialogChoice{label: "OK", importance: widget.HighImportance, focused: true})
		return
	}
	v.background(func() func() {
		added, err := v.store.AddGoals(goals)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't save your goals", err)
				return
			}
			v.selected = added[0].ID
			v.refocus = func() { v.focusTitle(added[0].ID) }
			v.reload()
		}
	})
}

// onSkip shows the empty list, from which goals can be added one by one.
func (v *goalsScreen) onSkip() {
	v.skipped = true
	v.show()
	v.win.Canvas().Focus(v.add)
}

// onSuggested brings back the starter set.
func (v *goalsScreen) onSuggested() {
	v.skipped = false
	v.show()
}

// goalForm is the add and edit dialog's fields.
type goalForm struct {
	title       *widget.Entry
	description *writingEntry
	under       *widget.Select // when adding: the goal it is part of
	parents     []journal.Goal // what under's options stand for, after the first
}

const ownGoalOption = "Nothing: a goal of its own"

// onAdd asks for a new goal, optionally as part of an active goal.
func (v *goalsScreen) onAdd() {
	f := v.newGoalForm(journal.Goal{})
	options := []string{ownGoalOption}
	for _, g := range v.goals {
		if g.ParentID == 0 && g.Status == journal.GoalActive {
			f.parents = append(f.parents, g)
			options = append(options, g.Title)
		}
	}
	f.under = widget.NewSelect(options, nil)
	f.under.SetSelectedIndex(0)
	v.goalDialog("Add a goal", "Add", f, func() {
		g := journal.Goal{Title: f.title.Text, Description: f.description.Text}
		if i := f.under.SelectedIndex(); i > 0 {
			g.ParentID = f.parents[i-1].ID
		}
		v.addGoal(g)
	})
}

// onEdit changes the title or description of the goal shown.
func (v *goalsScreen) onEdit() {
	g := v.goal(v.selected)
	if g == nil {
		return
	}
	changed := *g
	f := v.newGoalForm(changed)
	v.goalDialog("Change this goal", "Save", f, func() {
		changed.Title, changed.Description = f.title.Text, f.description.Text
		v.updateGoal(changed)
	})
}

func (v *goalsScreen) newGoalForm(g journal.Goal) *goalForm {
	f := &goalForm{title: &widget.Entry{PlaceHolder: "In your words, like “Say what I need at work”"}, description: &writingEntry{}}
	f.title.ExtendBaseWidget(f.title)
	f.title.SetText(g.Title)
	f.description.MultiLine, f.description.Wrapping = true, fyne.TextWrapWord
	f.description.PlaceHolder = "What it means to you, or how you'd know it's going well (optional)"
	f.description.ExtendBaseWidget(f.description)
	f.description.SetText(g.Description)
	f.description.SetMinRowsVisible(3)
	v.goalForm = f
	return f
}

// goalDialog asks for a goal's title and description, and what it is
// part of when adding. Return in the title does what the main button does.
func (v *goalsScreen) goalDialog(title, action string, f *goalForm, submit func()) {
	f.title.OnSubmitted = func(string) {
		if top := v.win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
		submit()
	}
	form := widget.NewForm(widget.NewFormItem("Goal", f.title), widget.NewFormItem("Description", f.description))
	if f.under != nil {
		form.Append("Part of", f.under)
	}
	showChoices(v.win, title, form, fyne.NewSize(560, 320),
		dialogChoice{label: "Cancel", icon: theme.CancelIcon(), cancel: true},
		dialogChoice{label: action, icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: submit, focused: true},
	)
	v.win.Canvas().Focus(f.title)
}

// addGoal saves a new goal and shows it, or says why it couldn't.
func (v *goalsScreen) addGoal(g journal.Goal) {
	v.background(func() func() {
		added, err := v.store.AddGoals([]journal.Goal{g})
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't add this goal", err)
				return
			}
			v.selected = added[0].ID
			v.refocus = func() { v.focusTitle(added[0].ID) }
			v.reload()
		}
	})
}

// updateGoal saves a changed goal, or says why it couldn't.
func (v *goalsScreen) updateGoal(g journal.Goal) {
	v.background(func() func() {
		_, err := v.store.UpdateGoal(g)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't change this goal", err)
				return
			}
			v.refocus = func() { v.win.Canvas().Focus(v.edit) }
			v.reload()
		}
	})
}

// checkInForm is the check-in dialog's fields.
type checkInForm struct {
	date   *widget.Entry
	rating *widget.Slider
	value  *widget.Label
	note   *writingEntry
}

// onCheckIn asks how the goal shown is going: a day, a rating from 0 to
// MaxRating (arrow keys move it) and a note.
func (v *goalsScreen) onCheckIn() {
	g := v.goal(v.selected)
	if g == nil {
		return
	}
	id := g.ID
	f := &checkInForm{date: &widget.Entry{PlaceHolder: "YYYY-MM-DD"}, note: &writingEntry{}}
	f.date.ExtendBaseWidget(f.date)
	withDatePicker(f.date, v.now)
	f.date.SetText(v.now().Format("2006-01-02"))
	f.value = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.rating = widget.NewSlider(0, journal.MaxRating)
	f.rating.Step = 1
	f.rating.OnChanged = func(r float64) { f.value.SetText(fmt.Sprintf("%d/%d", int(r), journal.MaxRating)) }
	start := journal.MaxRating / 2
	if checkIns := v.checkIns[id]; len(checkIns) > 0 {
		start = checkIns[len(checkIns)-1].Rating
	}
	f.rating.SetValue(float64(start))
	f.rating.OnChanged(f.rating.Value)
	f.note.MultiLine, f.note.Wrapping = true, fyne.TextWrapWord
	f.note.PlaceHolder = "What's behind this rating? (optional)"
	f.note.ExtendBaseWidget(f.note)
	f.note.SetMinRowsVisible(3)
	v.checkInForm = f

	scale := widget.NewLabel("0 not at all · 10 fully; ← and → move it")
	scale.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem("Day", f.date),
		widget.NewFormItem("How it's going", container.NewBorder(nil, scale, nil, f.value, f.rating)),
		widget.NewFormItem("Note", f.note),
	)
	submit := func() { v.saveCheckIn(id, f) }
	f.date.OnSubmitted = func(string) {
		if top := v.win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
		submit()
	}
	showChoices(v.win, "Check in: "+g.Title, form, fyne.NewSize(560, 360),
		dialogChoice{label: "Cancel", icon: theme.CancelIcon(), cancel: true},
		dialogChoice{label: "Save", icon: theme.DocumentSaveIcon(), importance: widget.HighImportance, then: submit, focused: true},
	)
	v.win.Canvas().Focus(f.rating)
}

// checkInTime reads the day typed. A check-in for today is at this
// moment, so it counts as after a session earlier today; one for an
// earlier day is at the start of that day.
func (v *goalsScreen) checkInTime(typed string) (time.Time, error) {
	now := v.now()
	day, err := journal.ParseWhen(typed, now)
	switch {
	case err != nil:
		return time.Time{}, err
	case sameCalendarDay(day, now):
		return now, nil
	case day.After(now):
		return time.Time{}, journal.Errorf(journal.EInvalid, "%s is after today. A check-in says how things are going now, or how they went on an earlier day.",
			day.Format("2006-01-02"))
	}
	return day, nil
}

// saveCheckIn saves the check-in and shows it, or says why it couldn't.
func (v *goalsScreen) saveCheckIn(goalID int64, f *checkInForm) {
	at, err := v.checkInTime(f.date.Text)
	if err != nil {
		showProblem(v.win, "Couldn't save the check-in", err)
		return
	}
	c := journal.CheckIn{GoalID: goalID, At: at, Rating: int(f.rating.Value), Note: strings.TrimSpace(f.note.Text)}
	v.background(func() func() {
		_, err := v.store.AddCheckIn(c)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't save the check-in", err)
				return
			}
			v.refocus = func() { v.win.Canvas().Focus(v.checkIn) }
			v.reload()
		}
	})
}
