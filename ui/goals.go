package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

const goalsIntro = "A goal's page shows how it is going. Check in now and then with a rating from 0 (not at all) to 10 (fully) " +
	"and a note, and you'll see it move over time, and since your last session."

// goalsStore is what the Goals screen needs from the journal.
type goalsStore interface {
	Goals() ([]journal.Goal, error)
	AddGoals([]journal.Goal) ([]journal.Goal, error)
	UpdateGoal(journal.Goal) (journal.Goal, error)
	MoveGoal(id int64, position int) error
	AddCheckIn(journal.CheckIn) (journal.CheckIn, error)
	CheckIns(goalID int64) ([]journal.CheckIn, error)
	GoalEvidence(goalID int64) ([]journal.Entry, error)
	LastSession(now time.Time) (journal.Session, bool, error)
}

var _ goalsStore = (*jstore.Store)(nil)

// goalsScreen lists the person's therapy goals by priority and, for the
// one chosen, its check-ins drawn over time, how it moved since the last
// session, and the entries that are evidence for it. With no goals yet
// it offers a starter set.
type goalsScreen struct {
	*env
	win       fyne.Window
	store     goalsStore
	openEntry func(id int64) // show an entry in the journal

	goals      []journal.Goal              // as the store orders them
	checkIns   map[int64][]journal.CheckIn // by goal, oldest first
	last       journal.Session             // the last session, if hasSession
	hasSession bool
	selected   int64         // the goal shown, 0 for none
	skipped    bool          // the starter set was put aside for now
	refocus    func()        // where the focus goes after the next redraw
	rows       []*goalRow    // the list's rows, in order
	dragged    *goalRow      // the row being dragged, if any
	dragFrom   fyne.Position // where it started

	whole     *fyne.Container // the starter card, or the list and page
	split     fyne.CanvasObject
	firstUse  *goalsFirstUse
	add       *widget.Button
	active    *fyne.Container // rows of active goals
	completed *fyne.Container // heading and rows of completed goals
	archived  *fyne.Container // heading and rows of archived goals
	emptyList *fyne.Container // shown when there is no goal at all
	listBox   *fyne.Container // all of the above
	listArea  *container.Scroll

	right       *fyne.Container // the goal's page, or hint
	hint        *widget.Label
	page        fyne.CanvasObject
	title       *widget.Label
	status      *widget.Label
	description *widget.Label
	edit        *widget.Button
	checkIn     *widget.Button
	complete    *widget.Button
	archive     *widget.Button
	reactivate  *widget.Button
	chartArea   *fyne.Container
	chart       *progressChart // nil while the goal has no check-ins
	change      *widget.Label
	history     *fyne.Container // the check-ins, newest first
	evidence    *fyne.Container
	evidenceFor []*widget.Button // one per entry shown, in order

	// The open dialog's fields, for tests.
	goalForm    *goalForm
	checkInForm *checkInForm

	content fyne.CanvasObject
}

func newGoalsScreen(e *env, win fyne.Window, store goalsStore) *goalsScreen {
	v := &goalsScreen{win: win, store: store, env: e, openEntry: func(int64) {}}
	v.firstUse = newGoalsFirstUse(v.onStart, v.onSkip)

	v.add = widget.NewButtonWithIcon("Add a goal", theme.ContentAddIcon(), v.onAdd)
	v.active, v.completed, v.archived = container.NewVBox(), container.NewVBox(), container.NewVBox()
	suggested := widget.NewButtonWithIcon("See suggested goals", theme.ListIcon(), v.onSuggested)
	v.emptyList = container.NewVBox(note("No goals yet. When you're ready, add one in your own words: something you'd like to be different. "+
		"Or look at the goals people often bring to therapy."), container.NewHBox(suggested))
	v.emptyList.Hide()
	v.listBox = container.NewVBox(v.emptyList, v.active, v.completed, v.archived)
	v.listArea = container.NewVScroll(v.listBox)
	left := container.NewBorder(container.NewPadded(v.add), nil, nil, nil, v.listArea)

	v.hint = wrapped(goalsIntro)
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.SizeName = theme.SizeNameSubHeadingText
	v.title.Wrapping = fyne.TextWrapWord
	v.status = widget.NewLabel("")
	v.status.Importance = widget.LowImportance
	v.description = wrapped("")
	v.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), v.onEdit)
	v.checkIn = widget.NewButtonWithIcon("Check in…", theme.ContentAddIcon(), v.onCheckIn)
	v.checkIn.Importance = widget.HighImportance
	v.complete = widget.NewButtonWithIcon("Complete", theme.ConfirmIcon(), func() { v.setStatus(journal.GoalCompleted) })
	v.archive = widget.NewButtonWithIcon("Archive", theme.FolderIcon(), func() { v.setStatus(journal.GoalArchived) })
	v.reactivate = widget.NewButtonWithIcon("Make active again", theme.MediaReplayIcon(), func() { v.setStatus(journal.GoalActive) })
	v.chartArea = container.NewStack()
	v.change = wrapped("")
	v.history, v.evidence = container.NewVBox(), container.NewVBox()
	v.page = container.NewVScroll(container.NewPadded(container.NewVBox(
		v.title, v.status, v.description,
		container.NewHBox(v.checkIn, v.edit, v.complete, v.reactivate, v.archive),
		heading("Progress"), v.chartArea, v.change,
		heading("Check-ins"), v.history,
		heading("Entries that are evidence for this goal"), v.evidence,
	)))
	v.right = container.NewStack(container.NewPadded(v.hint))
	split := container.NewHSplit(left, v.right)
	split.Offset = 0.38
	v.split = split
	v.whole = container.NewStack(v.split)
	v.content = v.whole
	return v
}

// reload reads the goals, their check-ins and the last session off the
// UI goroutine, then redraws the list and the goal shown.
func (v *goalsScreen) reload() {
	now := v.now()
	v.background(func() func() {
		goals, err := v.store.Goals()
		checkIns := map[int64][]journal.CheckIn{}
		for _, g := range goals {
			if err != nil {
				break
			}
			checkIns[g.ID], err = v.store.CheckIns(g.ID)
		}
		var last journal.Session
		var has bool
		if err == nil {
			last, has, err = v.store.LastSession(now)
		}
		return func() {
			if err != nil {
				v.whole.Objects = []fyne.CanvasObject{v.split}
				v.whole.Refresh()
				v.showHint(err.Error())
				return
			}
			v.goals, v.checkIns, v.last, v.hasSession = goals, checkIns, last, has
			v.show()
		}
	})
}

// show draws what was loaded: the starter set on first use, else the
// list and the chosen goal's page.
func (v *goalsScreen) show() {
	if len(v.goals) == 0 && !v.skipped {
		v.whole.Objects = []fyne.CanvasObject{v.firstUse.content}
		v.whole.Refresh()
		return
	}
	v.whole.Objects = []fyne.CanvasObject{v.split}
	v.whole.Refresh()
	if v.goal(v.selected) == nil {
		v.selected = 0
		if len(v.goals) > 0 {
			v.selected = v.ordered()[0].ID
		}
	}
	v.showList()
	if g := v.goal(v.selected); g != nil {
		v.showGoal(*g)
	} else {
		v.showHint(goalsIntro)
	}
	if v.refocus != nil {
		v.refocus()
		v.refocus = nil
	}
}

func (v *goalsScreen) goal(id int64) *journal.Goal {
	for i := range v.goals {
		if v.goals[i].ID == id {
			return &v.goals[i]
		}
	}
	return nil
}

// ordered lists the goals as the list shows them: active ones by
// priority, each followed by its active sub-goals (an active sub-goal
// of a goal that isn't active any more takes its goal's place), then
// the completed ones, then the archived ones.
func (v *goalsScreen) ordered() []journal.Goal {
	var out []journal.Goal
	for _, status := range []journal.GoalStatus{journal.GoalActive, journal.GoalCompleted, journal.GoalArchived} {
		for _, g := range v.goals {
			if g.Status == status {
				out = append(out, g)
			}
		}
	}
	return out
}

// choose shows a goal's page.
func (v *goalsScreen) choose(id int64) {
	v.selected = id
	for _, row := range v.rows {
		if row.goal.ID == id {
			row.pick.Importance = widget.MediumImportance
		} else {
			row.pick.Importance = widget.LowImportance
		}
		row.pick.Refresh()
	}
	if g := v.goal(id); g != nil {
		v.showGoal(*g)
	}
}

func (v *goalsScreen) showHint(text string) {
	v.hint.SetText(text)
	v.right.Objects = []fyne.CanvasObject{container.NewPadded(v.hint)}
	v.right.Refresh()
}

// showGoal fills the goal's page, then reads its evidence off the UI
// goroutine.
func (v *goalsScreen) showGoal(g journal.Goal) {
	v.title.SetText(g.Title)
	v.status.SetText(v.statusWords(g))
	if g.Description == "" {
		v.description.SetText("Edit… to say in your own words what this goal means to you, or how you'd know it's going well.")
		v.description.Importance = widget.LowImportance
	} else {
		v.description.SetText(g.Description)
		v.description.Importance = widget.MediumImportance
	}
	v.description.Refresh()
	active := g.Status == journal.GoalActive
	setVisible(v.complete, active)
	setVisible(v.archive, g.Status != journal.GoalArchived)
	setVisible(v.reactivate, !active)
	setVisible(v.checkIn, g.Status != journal.GoalArchived)

	checkIns := v.checkIns[g.ID]
	v.chart = nil
	if len(checkIns) == 0 {
		v.chartArea.Objects = []fyne.CanvasObject{note("No check-ins yet. Check in… to rate how this goal is going, from 0 (not at all) to 10 (fully); " +
			"your ratings will draw a line here over time.")}
	} else {
		session := time.Time{}
		if v.hasSession {
			session = v.last.At
		}
		v.chart = newProgressChart(checkIns, session)
		v.chartArea.Objects = []fyne.CanvasObject{v.chart}
	}
	v.chartArea.Refresh()
	v.change.SetText(changeSinceSession(checkIns, v.last, v.hasSession))
	setVisible(v.change, len(checkIns) > 0) // else the chart's place says so
	v.showHistory(checkIns)
	v.right.Objects = []fyne.CanvasObject{v.page}
	v.right.Refresh()
	v.loadEvidence(g.ID)
}

func setVisible(o fyne.CanvasObject, shown bool) {
	if shown {
		o.Show()
	} else {
		o.Hide()
	}
}

// statusWords say where a goal sits and stands.
func (v *goalsScreen) statusWords(g journal.Goal) string {
	var s string
	switch g.Status {
	case journal.GoalCompleted:
		s = "completed " + g.DoneAt.Format("2 Jan 2006")
	case journal.GoalArchived:
		s = "archived " + g.DoneAt.Format("2 Jan 2006") + "; its check-ins are kept"
	default:
		s = "active since " + g.CreatedAt.Format("2 Jan 2006")
	}
	if p := v.goal(g.ParentID); p != nil {
		return "Part of " + p.Title + " · " + s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// showHistory lists the check-ins, newest first, each with its note as
// written.
func (v *goalsScreen) showHistory(checkIns []journal.CheckIn) {
	v.history.RemoveAll()
	if len(checkIns) == 0 {
		v.history.Add(note("None yet."))
	}
	for i := len(checkIns) - 1; i >= 0; i-- {
		c := checkIns[i]
		heading := fmt.Sprintf("%s · %d/%d", c.At.Format("Mon 2 Jan 2006"), c.Rating, journal.MaxRating)
		if c.Note == "" {
			v.history.Add(widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			continue
		}
		v.history.Add(labelled(heading, c.Note))
	}
}

// loadEvidence lists the entries linked to the goal, unless another
// goal was chosen meanwhile.
func (v *goalsScreen) loadEvidence(id int64) {
	v.background(func() func() {
		entries, err := v.store.GoalEvidence(id)
		return func() {
			if v.selected != id {
				return
			}
			v.evidence.RemoveAll()
			v.evidenceFor = v.evidenceFor[:0]
			switch {
			case err != nil:
				v.evidence.Add(wrapped(err.Error()))
			case len(entries) == 0:
				v.evidence.Add(note("No entries linked yet. When an entry shows this goal at work, link it to the goal in the editor, " +
					"and it will be kept here to look back on."))
			}
			for _, e := range entries {
				entryID := e.ID
				open := widget.NewButtonWithIcon(e.WrittenAt.Format("Mon 2 Jan 2006")+" · "+e.DisplayTitle(), theme.DocumentIcon(), func() { v.openEntry(entryID) })
				open.Alignment = widget.ButtonAlignLeading
				open.Importance = widget.LowImportance
				v.evidenceFor = append(v.evidenceFor, open)
				v.evidence.Add(open)
			}
			v.evidence.Refresh()
		}
	})
}

// setStatus completes, archives or reactivates the goal shown.
func (v *goalsScreen) setStatus(status journal.GoalStatus) {
	if g := v.goal(v.selected); g != nil {
		v.setStatusOf(*g, status)
	}
}

// setStatusOf changes a goal's status and shows it; its check-ins stay.
func (v *goalsScreen) setStatusOf(g journal.Goal, status journal.GoalStatus) {
	g.Status = status
	v.background(func() func() {
		_, err := v.store.UpdateGoal(g)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't change this goal", err)
				return
			}
			v.selected = g.ID
			v.refocus = func() {
				if status == journal.GoalActive {
					v.win.Canvas().Focus(v.checkIn)
				} else {
					v.win.Canvas().Focus(v.reactivate)
				}
			}
			v.reload()
		}
	})
}
