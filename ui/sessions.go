package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

const sessionsIntro = "Log your therapy sessions here: when each one was, its format and approach, what you took away, " +
	"and questions you want to bring next time. Your last session marks where \"since last session\" begins, " +
	"so you can look back at what came up between sessions, and ticking questions off shows what you've already brought."

// sessionWhenLayout is how a session's date and time read on screen.
const sessionWhenLayout = "Mon 2 Jan 2006, 15:04"

// listedSession is a session as the list shows it, with its place in a
// dynamic interpersonal therapy course.
type listedSession struct {
	journal.Session
	position journal.DITPosition
}

// sessionsStore is what the Sessions screen needs from the journal: the
// sessions, and the settings for the approach and the next session.
type sessionsStore interface {
	Sessions() ([]journal.Session, error)
	SaveSession(journal.Session) (journal.Session, error)
	DeleteSession(id int64) error
	LastSession(now time.Time) (journal.Session, bool, error)
	Setting(key string) (string, error)
	SetSettings(values map[string]string) error
}

var _ sessionsStore = (*jstore.Store)(nil)

// sessionsScreen lists the therapy sessions, newest first, shows the one
// chosen with its questions to tick off, and says when the next one is.
type sessionsScreen struct {
	*env
	win   fyne.Window
	store sessionsStore

	listed   []listedSession // newest first
	last     int64           // the latest session that has happened, 0 for none
	next     time.Time       // the next session, zero when not set
	selected int64           // the session shown, 0 for none
	ignore   bool            // selecting in code, not by the person

	nextLabel   *widget.Label
	setNext     *widget.Button
	course      *fyne.Container // where the DIT course stands, when there is one
	courseLabel *widget.Label
	startCourse *widget.Button
	list        *widget.List
	add         *widget.Button
	listArea    *fyne.Container // the list, or a note that there are none yet
	emptyList   fyne.CanvasObject

	right     *fyne.Container // the session's page, or hint
	hint      *widget.Label
	page      fyne.CanvasObject
	when      *widget.Label
	kind      *widget.Label
	place     *widget.Label // where the session stands: the last one, or still to come
	edit      *widget.Button
	takeaways *widget.Label
	ticked    *widget.Label
	questions *fyne.Container
	checks    []*widget.Check // one per question shown, in order

	// The dialogs' fields while they are open, for tests.
	form     *sessionForm
	nextWhen *widget.Entry
	repeat   string         // how the next session repeats: a journal.NextSessionRepeats key, or ""
	repeats  *widget.Select // in the next session dialog, for tests

	// Session writes run in the background in no set order; the newest
	// ticks wait here, so whichever write runs first saves them.
	writing sync.Mutex
	ticks   map[int64]journal.Session

	content fyne.CanvasObject
}

func newSessionsScreen(e *env, win fyne.Window, store sessionsStore) *sessionsScreen {
	v := &sessionsScreen{win: win, store: store, env: e, ticks: map[int64]journal.Session{}}
	v.nextLabel = widget.NewLabel("")
	v.setNext = widget.NewButtonWithIcon("Set…", theme.CalendarIcon(), v.onSetNext)
	v.courseLabel = widget.NewLabel("")
	v.courseLabel.Truncation = fyne.TextTruncateEllipsis
	v.startCourse = widget.NewButtonWithIcon("Start a new course…", theme.ContentAddIcon(), v.onStartCourse)
	v.course = container.NewBorder(nil, nil, nil, v.startCourse, v.courseLabel)
	v.course.Hide()
	top := container.NewVBox(container.NewBorder(nil, nil, nil, v.setNext, v.nextLabel), v.course, widget.NewSeparator())

	v.list = widget.NewList(func() int { return len(v.listed) }, newSessionRow, v.updateRow)
	v.list.OnSelected = v.onSelected
	v.add = widget.NewButtonWithIcon("Log a session", theme.ContentAddIcon(), v.onAdd)
	none := widget.NewLabel("No sessions logged yet.")
	none.Importance = widget.LowImportance
	v.emptyList = container.NewCenter(none)
	v.listArea = container.NewStack(v.list)
	left := container.NewBorder(v.add, nil, nil, nil, v.listArea)

	v.hint = wrapped("")
	v.when = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.when.SizeName = theme.SizeNameSubHeadingText
	v.kind = widget.NewLabel("")
	v.kind.Wrapping = fyne.TextWrapWord
	v.place = widget.NewLabel("")
	v.place.Wrapping = fyne.TextWrapWord
	v.place.Importance = widget.LowImportance
	v.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), v.onEdit)
	v.takeaways = wrapped("")
	v.ticked = widget.NewLabel("")
	v.ticked.Importance = widget.LowImportance
	v.questions = container.NewVBox()
	v.page = container.NewVScroll(container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(v.edit), v.when), v.kind, v.place,
		heading("What I took away"), v.takeaways,
		container.NewBorder(nil, nil, nil, v.ticked, heading("Questions to bring next time")), v.questions,
	)))
	v.right = container.NewStack(container.NewPadded(v.hint))
	split := container.NewHSplit(left, v.right)
	split.Offset = 0.4
	v.content = container.NewBorder(top, nil, nil, nil, split)
	return v
}

// newSessionRow is a list row: when, with how many questions are ticked
// beside it; the format and approach, with the place in a DIT course
// beside them; the first line taken away.
func newSessionRow() fyne.CanvasObject {
	when := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	when.Truncation = fyne.TextTruncateEllipsis
	ticked := widget.NewLabel("")
	ticked.Importance = widget.LowImportance
	kind := widget.NewLabel("")
	kind.Truncation = fyne.TextTruncateEllipsis
	course := widget.NewLabel("")
	took := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	took.Truncation = fyne.TextTruncateEllipsis
	// Labels pad themselves; the box adds none, to keep rows compact.
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()),
		container.NewBorder(nil, nil, nil, ticked, when), container.NewBorder(nil, nil, nil, course, kind), took)
}

func (v *sessionsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(v.listed) {
		return
	}
	s := v.listed[id]
	row := o.(*fyne.Container)
	setPair := func(pair fyne.CanvasObject, left, right string) {
		c := pair.(*fyne.Container)
		c.Objects[0].(*widget.Label).SetText(left)
		c.Objects[1].(*widget.Label).SetText(right)
		c.Refresh() // lay out again for the right side's new width
	}
	setPair(row.Objects[0], s.At.Format(sessionWhenLayout), questionsTicked(s.Questions))
	setPair(row.Objects[1], s.Format+" · "+s.Approach, s.position.String())
	took := row.Objects[2].(*widget.Label)
	if strings.TrimSpace(s.Takeaways) == "" {
		took.Text, took.Importance = "Nothing written yet", widget.LowImportance
	} else {
		took.Text, took.Importance = journal.Excerpt(s.Takeaways, 200), widget.MediumImportance
	}
	took.Refresh()
}

// sessionKind is a session's format and approach, and for a session
// counted in a course of dynamic interpersonal therapy, where it stands
// and the phase.
func sessionKind(s listedSession) string {
	kind := s.Format + " · " + s.Approach
	if s.position.Counted() {
		kind += " · " + s.position.Summary()
	}
	return kind
}

// questionsTicked says how many of a session's questions are ticked, or
// nothing when it has none.
func questionsTicked(questions []journal.Question) string {
	if len(questions) == 0 {
		return ""
	}
	done := 0
	for _, q := range questions {
		if q.Done {
			done++
		}
	}
	return fmt.Sprintf("%d of %s ticked", done, plural(len(questions), "question", "questions"))
}

// nextSessionText says when the next session is, and how far off.
func nextSessionText(next, now time.Time) string {
	if next.IsZero() {
		return "No next session set"
	}
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	days := int(day(next.In(now.Location())).Sub(day(now)).Hours() / 24)
	var when string
	switch {
	case days == 0:
		when = "today"
	case days == 1:
		when = "tomorrow"
	case days > 1:
		when = fmt.Sprintf("in %d days", days)
	case days == -1:
		when = "yesterday"
	default:
		when = fmt.Sprintf("%d days ago", -days)
	}
	return fmt.Sprintf("Next session: %s (%s)", next.Format(sessionWhenLayout), when)
}

// reload reads the sessions and the next session's date again, off the
// UI goroutine, then redraws the screen.
func (v *sessionsScreen) reload() {
	now := v.now()
	v.background(func() func() {
		sessions, err := v.store.Sessions()
		nextText, nerr := v.store.Setting(journal.SettingNextSession)
		repeat, rerr := v.store.Setting(journal.SettingNextSessionRepeat)
		last, hasLast, lerr := v.store.LastSession(now)
		return func() {
			if err = errors.Join(err, nerr, rerr, lerr); err != nil {
				v.showHint(err.Error())
				return
			}
			positions := journal.DITPositions(sessions)
			v.listed = make([]listedSession, len(sessions))
			for i := range sessions {
				v.listed[len(sessions)-1-i] = listedSession{sessions[i], positions[i]}
			}
			if at, ok := journal.DITCourseAt(sessions, now); ok {
				v.courseLabel.SetText("Your DIT course so far: " + at.Summary())
				v.course.Show()
			} else {
				v.course.Hide()
			}
			v.content.Refresh() // lay out again, for the course line's coming or going
			v.last = 0
			if hasLast {
				v.last = last.ID
			}
			v.next, v.repeat = journal.NextSession(nextText, repeat, now), repeat
			v.nextLabel.SetText(nextSessionText(v.next, now))
			if len(v.listed) == 0 {
				v.listArea.Objects = []fyne.CanvasObject{v.emptyList}
			} else {
				v.listArea.Objects = []fyne.CanvasObject{v.list}
			}
			v.listArea.Refresh()
			v.list.Refresh()
			v.reselect(now)
		}
	})
}

// reselect shows the session chosen before the reload, if it is still
// there.
func (v *sessionsScreen) reselect(now time.Time) {
	i := slices.IndexFunc(v.listed, func(s listedSession) bool { return s.ID == v.selected })
	v.ignore = true
	defer func() { v.ignore = false }()
	if i < 0 {
		v.selected = 0
		v.list.UnselectAll()
		if len(v.listed) == 0 {
			v.showHint(sessionsIntro)
		} else {
			v.showHint("Choose a session on the left to see what you took away and tick off the questions you brought.")
		}
		return
	}
	v.list.Select(i)
	v.showSession(v.listed[i], now)
}

func (v *sessionsScreen) showHint(text string) {
	v.hint.SetText(text)
	v.right.Objects = []fyne.CanvasObject{container.NewPadded(v.hint)}
	v.right.Refresh()
}

func (v *sessionsScreen) onSelected(id widget.ListItemID) {
	if v.ignore || id >= len(v.listed) {
		return
	}
	v.selected = v.listed[id].ID
	v.showSession(v.listed[id], v.now())
}

// showSession fills the session's page.
func (v *sessionsScreen) showSession(s listedSession, now time.Time) {
	v.when.SetText(s.At.Format(sessionWhenLayout))
	v.kind.SetText(sessionKind(s))
	switch {
	case s.ID == v.last:
		v.place.SetText("Your last session: \"since last session\" starts here.")
		v.place.Show()
	case s.At.After(now):
		v.place.SetText("Still to come: once it has happened, \"since last session\" will start here.")
		v.place.Show()
	default:
		v.place.Hide()
	}
	if strings.TrimSpace(s.Takeaways) == "" {
		v.takeaways.SetText("Nothing written yet. Choose Edit… to add what you took away.")
		v.takeaways.Importance = widget.LowImportance
	} else {
		v.takeaways.SetText(s.Takeaways)
		v.takeaways.Importance = widget.MediumImportance
	}
	v.takeaways.Refresh()
	v.ticked.SetText(questionsTicked(s.Questions))
	v.questions.RemoveAll()
	v.checks = v.checks[:0]
	if len(s.Questions) == 0 {
		v.questions.Add(note("No questions yet. Choose Edit… to add something you want to bring to the next session."))
	}
	for i, q := range s.Questions {
		check := widget.NewCheck("", nil)
		check.Checked = q.Done
		check.OnChanged = func(done bool) { v.onTicked(s.ID, i, done) }
		v.checks = append(v.checks, check)
		v.questions.Add(container.NewBorder(nil, nil, check, nil, newTickLabel(q.Text, check)))
	}
	v.right.Objects = []fyne.CanvasObject{v.page}
	v.right.Refresh()
}

// onTicked saves a question ticked or unticked on the session's page at
// once, and counts it in the list.
func (v *sessionsScreen) onTicked(id int64, question int, done bool) {
	i := slices.IndexFunc(v.listed, func(s listedSession) bool { return s.ID == id })
	if i < 0 || question >= len(v.listed[i].Questions) {
		return
	}
	s := &v.listed[i]
	s.Questions[question].Done = done
	v.ticked.SetText(questionsTicked(s.Questions))
	v.list.RefreshItem(i)

	// A copy of its own: SaveSession tidies the questions in place.
	saving := s.Session
	saving.Questions = slices.Clone(s.Questions)
	v.writing.Lock()
	v.ticks[id] = saving
	v.writing.Unlock()
	v.background(func() func() {
		v.writing.Lock()
		latest, waiting := v.ticks[id]
		delete(v.ticks, id)
		var err error
		if waiting {
			_, err = v.store.SaveSession(latest)
		}
		v.writing.Unlock()
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't save the tick", err)
				v.reload() // show what is kept
			}
		}
	})
}

// saveSession writes a session; ticks still waiting for it are older
// than what the dialog saves, so they are dropped.
func (v *sessionsScreen) saveSession(s journal.Session) (journal.Session, error) {
	v.writing.Lock()
	defer v.writing.Unlock()
	delete(v.ticks, s.ID)
	return v.store.SaveSession(s)
}

func (v *sessionsScreen) deleteSession(id int64) error {
	v.writing.Lock()
	defer v.writing.Unlock()
	delete(v.ticks, id)
	return v.store.DeleteSession(id)
}

// thisHour is when a new session starts: at the start of the current
// hour, as a session logged just after it ended is rarely in the future,
// and one in the future doesn't count as the last session yet.
func (v *sessionsScreen) thisHour() string {
	now := v.now()
	return time.Date(now.Year(), now.Month(), now.Day(), now.Hour(), 0, 0, 0, now.Location()).Format(journal.DateTimeLayout)
}

// onAdd opens a new session.
func (v *sessionsScreen) onAdd() {
	approach := journal.SessionApproaches[0]
	if chosen, err := v.store.Setting(journal.SettingApproach); err == nil && slices.Contains(journal.SessionApproaches, chosen) {
		approach = chosen // as chosen when Throughline was first opened
	}
	v.sessionDialog(sessionDraft{when: v.thisHour(), format: journal.SessionFormats[0], approach: approach})
}

// onStartCourse opens a new session as the first of a new course of
// dynamic interpersonal therapy.
func (v *sessionsScreen) onStartCourse() {
	v.sessionDialog(sessionDraft{when: v.thisHour(), format: "individual", approach: journal.ApproachDIT, newCourse: true})
}

// onEdit opens the session shown.
func (v *sessionsScreen) onEdit() {
	i := slices.IndexFunc(v.listed, func(s listedSession) bool { return s.ID == v.selected })
	if i < 0 {
		return
	}
	s := v.listed[i]
	v.sessionDialog(sessionDraft{
		id: s.ID, when: s.At.Format(journal.DateTimeLayout), format: s.Format, approach: s.Approach,
		takeaways: s.Takeaways, questions: slices.Clone(s.Questions), newCourse: s.NewCourse,
	})
}

// sessionDialog shows d in the session form. After a refused save it
// comes back with what was typed.
func (v *sessionsScreen) sessionDialog(d sessionDraft) {
	var others []journal.Session
	for _, s := range v.listed {
		if s.ID != d.id {
			others = append(others, s.Session)
		}
	}
	f := newSessionForm(v.win, d, others, v.now)
	v.form = f
	title := "Log a session"
	choices := []dialogChoice{{label: "Cancel", icon: theme.CancelIcon(), cancel: true}}
	if d.id != 0 {
		title = "Your session"
		if at, err := journal.ParseWhen(d.when, v.now()); err == nil {
			title = "Your session of " + at.Format(sessionWhenLayout)
		}
		choices = append(choices, dialogChoice{label: "Delete…", icon: theme.DeleteIcon(), importance: widget.DangerImportance,
			then: func() { v.askDelete(f.draft()) }})
	}
	choices = append(choices, dialogChoice{label: "Save", icon: theme.DocumentSaveIcon(), importance: widget.HighImportance,
		then: func() { v.save(f.draft()) }})
	showChoices(v.win, title, f.content, fyne.NewSize(760, 560), choices...)
	v.win.Canvas().Focus(f.when)
}

// save keeps the session as typed and shows it, or says why it couldn't
// and brings the dialog back.
func (v *sessionsScreen) save(d sessionDraft) {
	s, err := d.session(v.now())
	if err != nil {
		v.sessionDialog(d)
		showProblem(v.win, "Check the date and time", err)
		return
	}
	v.background(func() func() {
		saved, err := v.saveSession(s)
		return func() {
			if err != nil {
				v.sessionDialog(d)
				showProblem(v.win, "Couldn't save the session", err)
				return
			}
			v.selected = saved.ID
			v.reload()
			v.win.Canvas().Focus(v.list)
		}
	})
}

// askDelete makes sure before deleting a session; keeping it goes back
// to the dialog as it was.
func (v *sessionsScreen) askDelete(d sessionDraft) {
	when := d.when
	if at, err := journal.ParseWhen(d.when, v.now()); err == nil {
		when = at.Format(sessionWhenLayout)
	}
	text := fmt.Sprintf("Delete the session of %s, with what you took away and its questions? This can't be undone.", when)
	showChoices(v.win, "Delete this session?", message(text), fyne.NewSize(480, 200),
		dialogChoice{label: "Keep", icon: theme.CancelIcon(), then: func() { v.sessionDialog(d) }, focused: true, cancel: true},
		dialogChoice{label: "Delete", icon: theme.DeleteIcon(), importance: widget.DangerImportance, then: func() { v.removeSession(d.id) }},
	)
}

func (v *sessionsScreen) removeSession(id int64) {
	v.background(func() func() {
		err := v.deleteSession(id)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't delete the session", err)
				return
			}
			v.reload()
		}
	})
}
