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
)

const sessionsIntro = "Log your therapy sessions here: when each one was, its format and approach, what you took away, " +
	"and questions you want to bring next time. Your last session marks where \"since last session\" begins, " +
	"so you can look back at what came up between sessions, and ticking questions off shows what you've already brought."

// sessionWhenLayout is how a session's date and time read on screen.
const sessionWhenLayout = "Mon 2 Jan 2006, 15:04"

// listedSession is a session as the list shows it, with its place in a
// dynamic interpersonal therapy course (0 for other approaches).
type listedSession struct {
	journal.Session
	number int
}

// sessionsScreen lists the therapy sessions, newest first, shows the one
// chosen with its questions to tick off, and says when the next one is.
type sessionsScreen struct {
	win        fyne.Window
	store      Store
	background background
	now        func() time.Time

	listed   []listedSession // newest first
	last     int64           // the latest session that has happened, 0 for none
	next     time.Time       // the next session, zero when not set
	selected int64           // the session shown, 0 for none
	ignore   bool            // selecting in code, not by the person

	nextLabel *widget.Label
	setNext   *widget.Button
	list      *widget.List
	add       *widget.Button
	listArea  *fyne.Container // the list, or a note that there are none yet
	emptyList fyne.CanvasObject

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

	// Session writes run in the background in no set order; the newest
	// ticks wait here, so whichever write runs first saves them.
	writing sync.Mutex
	ticks   map[int64]journal.Session

	content fyne.CanvasObject
}

func newSessionsScreen(win fyne.Window, store Store) *sessionsScreen {
	v := &sessionsScreen{win: win, store: store, background: inBackground, now: time.Now, ticks: map[int64]journal.Session{}}
	v.nextLabel = widget.NewLabel("")
	v.setNext = widget.NewButtonWithIcon("Set…", theme.CalendarIcon(), v.onSetNext)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, v.setNext, v.nextLabel), widget.NewSeparator())

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
		peopleHeading("What I took away"), v.takeaways,
		container.NewBorder(nil, nil, nil, v.ticked, peopleHeading("Questions to bring next time")), v.questions,
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
	setPair(row.Objects[1], s.Format+" · "+s.Approach, courseText(s.number))
	took := row.Objects[2].(*widget.Label)
	if strings.TrimSpace(s.Takeaways) == "" {
		took.Text, took.Importance = "Nothing written yet", widget.LowImportance
	} else {
		took.Text, took.Importance = journal.Excerpt(s.Takeaways, 200), widget.MediumImportance
	}
	took.Refresh()
}

// sessionKind is a session's format and approach, and for dynamic
// interpersonal therapy its place in the course.
func sessionKind(s listedSession) string {
	kind := s.Format + " · " + s.Approach
	if course := courseText(s.number); course != "" {
		kind += " · " + course
	}
	return kind
}

// courseText is a session's place in a course of dynamic interpersonal
// therapy, or nothing for other approaches (number 0).
func courseText(number int) string {
	switch {
	case number == 0:
		return ""
	case number <= journal.DITSessions:
		return fmt.Sprintf("session %d of %d", number, journal.DITSessions)
	default:
		return fmt.Sprintf("session %d (beyond the %d-session course)", number, journal.DITSessions)
	}
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
		last, hasLast, lerr := v.store.LastSession(now)
		return func() {
			if err = errors.Join(err, nerr, lerr); err != nil {
				v.showHint(err.Error())
				return
			}
			v.listed = make([]listedSession, len(sessions))
			for i := range sessions {
				v.listed[len(sessions)-1-i] = listedSession{sessions[i], journal.SessionNumber(sessions, i)}
			}
			v.last = 0
			if hasLast {
				v.last = last.ID
			}
			v.next = time.Time{}
			if t, err := time.Parse(time.RFC3339, nextText); err == nil {
				v.next = t
			}
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

// tickLabel is a question's text beside its check, wrapped so a long
// question never widens the page; tapping it ticks, as on the check.
type tickLabel struct {
	widget.Label
	check *widget.Check
}

func newTickLabel(text string, check *widget.Check) *tickLabel {
	l := &tickLabel{check: check}
	l.Text, l.Wrapping = text, fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

func (l *tickLabel) Tapped(*fyne.PointEvent) { l.check.SetChecked(!l.check.Checked) }

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

// onAdd opens a new session at the start of the current hour: a session
// logged just after it ended is rarely in the future, and one in the
// future doesn't count as the last session yet.
func (v *sessionsScreen) onAdd() {
	now := v.now()
	at := time.Date(now.Year(), now.Month(), now.Day(), now.Hour(), 0, 0, 0, now.Location())
	approach := journal.SessionApproaches[0]
	if chosen, err := v.store.Setting(journal.SettingApproach); err == nil && slices.Contains(journal.SessionApproaches, chosen) {
		approach = chosen // as chosen when Throughline was first opened
	}
	v.sessionDialog(sessionDraft{
		when:   at.Format(journal.DateTimeLayout),
		format: journal.SessionFormats[0], approach: approach,
	})
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
		takeaways: s.Takeaways, questions: slices.Clone(s.Questions),
	})
}

// sessionDialog shows d in the session form. After a refused save it
// comes back with what was typed.
func (v *sessionsScreen) sessionDialog(d sessionDraft) {
	f := newSessionForm(v.win, d)
	v.form = f
	title := "Log a session"
	choices := []dialogChoice{{label: "Cancel", icon: theme.CancelIcon(), cancel: true}}
	if d.id != 0 {
		title = "Your session"
		if at, err := journal.ParseWrittenAt(d.when, time.Local); err == nil {
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
	s, err := d.session()
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
	if at, err := journal.ParseWrittenAt(d.when, time.Local); err == nil {
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

// onSetNext asks when the next session is.
func (v *sessionsScreen) onSetNext() {
	text := ""
	if !v.next.IsZero() {
		text = v.next.Format(journal.DateTimeLayout)
	}
	v.nextDialog(text)
}

// nextDialog asks for the next session's date and time, prefilled with
// text. Return in the field sets it, as the Set button does.
func (v *sessionsScreen) nextDialog(text string) {
	when := &widget.Entry{PlaceHolder: "YYYY-MM-DD HH:MM"}
	when.ExtendBaseWidget(when)
	when.SetText(text)
	v.nextWhen = when
	set := func() { v.setNextSession(when.Text) }
	when.OnSubmitted = func(string) {
		// The dialog is the top overlay; hiding it is what its buttons do.
		if top := v.win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
		set()
	}
	choices := []dialogChoice{{label: "Cancel", icon: theme.CancelIcon(), cancel: true}}
	if !v.next.IsZero() {
		choices = append(choices, dialogChoice{label: "Clear", icon: theme.ContentClearIcon(), then: func() { v.storeNext("") }})
	}
	choices = append(choices, dialogChoice{label: "Set", icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: set})
	intro := message("When is your next session? Write it like 2026-12-01 18:00.")
	showChoices(v.win, "Next session", container.NewVBox(intro, when), fyne.NewSize(480, 220), choices...)
	v.win.Canvas().Focus(when)
}

// setNextSession keeps the next session's date, or says why it can't
// read it and asks again; nothing is kept then.
func (v *sessionsScreen) setNextSession(text string) {
	t, err := journal.ParseWrittenAt(text, time.Local)
	if err != nil {
		v.nextDialog(text)
		showProblem(v.win, "Check the date and time", err)
		return
	}
	v.storeNext(t.Format(time.RFC3339))
}

// storeNext keeps the next session's date; "" clears it.
func (v *sessionsScreen) storeNext(value string) {
	v.background(func() func() {
		err := v.store.SetSetting(journal.SettingNextSession, value)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't keep the next session's date", err)
				return
			}
			v.reload()
		}
	})
}

// sessionDraft is the session dialog as typed.
type sessionDraft struct {
	id                 int64
	when               string
	format, approach   string
	takeaways, pending string // pending: a question typed but not added yet
	questions          []journal.Question
}

// session turns the draft into a session, or says what to fix. A
// question typed but not added yet is kept too.
func (d sessionDraft) session() (journal.Session, error) {
	at, err := journal.ParseWrittenAt(d.when, time.Local)
	if err != nil {
		return journal.Session{}, err
	}
	questions := slices.Clone(d.questions)
	if strings.TrimSpace(d.pending) != "" {
		questions = append(questions, journal.Question{Text: d.pending})
	}
	return journal.Session{ID: d.id, At: at, Format: d.format, Approach: d.approach, Takeaways: d.takeaways, Questions: questions}, nil
}

// sessionForm is the session dialog's fields.
type sessionForm struct {
	win         fyne.Window
	id          int64
	when        *widget.Entry
	format      *widget.Select
	approach    *widget.Select
	takeaways   *writingEntry
	questions   *fyne.Container
	rows        []*questionRow
	newQuestion *widget.Entry
	addQuestion *widget.Button
	content     fyne.CanvasObject
}

// questionRow is one question in the dialog: ticked, its text, and a
// button that removes it.
type questionRow struct {
	done    *widget.Check
	text    *widget.Entry
	remove  *widget.Button
	content fyne.CanvasObject
}

func newSessionForm(win fyne.Window, d sessionDraft) *sessionForm {
	f := &sessionForm{win: win, id: d.id, questions: container.NewVBox()}
	f.when = &widget.Entry{PlaceHolder: "YYYY-MM-DD HH:MM"}
	f.when.ExtendBaseWidget(f.when)
	f.when.SetText(d.when)
	f.format = widget.NewSelect(journal.SessionFormats, nil)
	f.format.Selected = d.format
	f.approach = widget.NewSelect(journal.SessionApproaches, nil)
	f.approach.Selected = d.approach
	f.takeaways = &writingEntry{}
	f.takeaways.MultiLine, f.takeaways.Wrapping = true, fyne.TextWrapWord
	f.takeaways.PlaceHolder = "What stayed with you: something you noticed, said, or felt; something to try."
	f.takeaways.ExtendBaseWidget(f.takeaways)
	f.takeaways.SetText(d.takeaways)
	f.takeaways.SetMinRowsVisible(5)
	for _, q := range d.questions {
		f.addRow(q)
	}
	f.newQuestion = &widget.Entry{PlaceHolder: "A question to bring next time"}
	f.newQuestion.ExtendBaseWidget(f.newQuestion)
	f.newQuestion.SetText(d.pending)
	f.newQuestion.OnSubmitted = func(string) { f.onAddQuestion() }
	f.addQuestion = widget.NewButtonWithIcon("Add a question", theme.ContentAddIcon(), f.onAddQuestion)
	form := widget.NewForm(
		widget.NewFormItem("When", f.when),
		widget.NewFormItem("Format", f.format),
		widget.NewFormItem("Approach", f.approach),
		widget.NewFormItem("What I took away", f.takeaways),
		widget.NewFormItem("Questions to bring", container.NewVBox(f.questions,
			container.NewBorder(nil, nil, nil, f.addQuestion, f.newQuestion))),
	)
	f.content = container.NewVScroll(form)
	return f
}

func (f *sessionForm) addRow(q journal.Question) {
	r := &questionRow{done: widget.NewCheck("", nil), text: &widget.Entry{}}
	r.done.Checked = q.Done
	r.text.ExtendBaseWidget(r.text)
	r.text.SetText(q.Text)
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.removeRow(r) })
	r.remove.Importance = widget.LowImportance
	r.content = container.NewBorder(nil, nil, r.done, r.remove, r.text)
	f.rows = append(f.rows, r)
	f.questions.Add(r.content)
}

// removeRow takes a question out and puts the focus where Tab was going.
func (f *sessionForm) removeRow(r *questionRow) {
	i := slices.Index(f.rows, r)
	if i < 0 {
		return
	}
	f.rows = slices.Delete(f.rows, i, i+1)
	f.questions.Remove(r.content)
	if i < len(f.rows) {
		f.win.Canvas().Focus(f.rows[i].text)
	} else {
		f.win.Canvas().Focus(f.newQuestion)
	}
}

// onAddQuestion adds the question typed, keeping the focus in the field
// for the next one.
func (f *sessionForm) onAddQuestion() {
	if strings.TrimSpace(f.newQuestion.Text) == "" {
		return
	}
	f.addRow(journal.Question{Text: strings.TrimSpace(f.newQuestion.Text)})
	f.newQuestion.SetText("")
	f.win.Canvas().Focus(f.newQuestion)
}

// draft is the dialog as typed.
func (f *sessionForm) draft() sessionDraft {
	d := sessionDraft{id: f.id, when: f.when.Text, format: f.format.Selected, approach: f.approach.Selected,
		takeaways: f.takeaways.Text, pending: f.newQuestion.Text}
	for _, r := range f.rows {
		d.questions = append(d.questions, journal.Question{Text: r.text.Text, Done: r.done.Checked})
	}
	return d
}
