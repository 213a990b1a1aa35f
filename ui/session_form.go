package ui

import (
	"math"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// sessionDraft is the session dialog as typed.
type sessionDraft struct {
	id                 int64
	when               string
	format, approach   string
	takeaways, pending string // pending: a question typed but not added yet
	questions          []journal.Question
	newCourse          bool // the first session of a new DIT course
}

// session turns the draft into a session, or says what to fix. A
// question typed but not added yet is kept too.
func (d sessionDraft) session(now time.Time) (journal.Session, error) {
	at, err := journal.ParseWhen(d.when, now)
	if err != nil {
		return journal.Session{}, err
	}
	questions := slices.Clone(d.questions)
	if strings.TrimSpace(d.pending) != "" {
		questions = append(questions, journal.Question{Text: d.pending})
	}
	return journal.Session{ID: d.id, At: at, Format: d.format, Approach: d.approach, Takeaways: d.takeaways, Questions: questions,
		NewCourse: d.newCourse}, nil
}

// sessionForm is the session dialog's fields.
type sessionForm struct {
	win         fyne.Window
	id          int64
	when        *widget.Entry
	format      *widget.Select
	approach    *widget.Select
	course      *fyne.Container // shown for dynamic interpersonal therapy
	newCourse   *widget.Check
	courseNote  *widget.Label     // where the session falls in its course
	others      []journal.Session // every other session, for courseNote
	takeaways   *writingEntry
	questions   *fyne.Container
	rows        []*questionRow
	newQuestion *widget.Entry
	addQuestion *widget.Button
	content     fyne.CanvasObject
	now         func() time.Time // typed dates are read relative to it
}

// questionRow is one question in the dialog: ticked, its text, and a
// button that removes it.
type questionRow struct {
	done    *widget.Check
	text    *widget.Entry
	remove  *widget.Button
	content fyne.CanvasObject
}

// newSessionForm shows d; others are the journal's other sessions, to
// say where this one falls in its course.
func newSessionForm(win fyne.Window, d sessionDraft, others []journal.Session, now func() time.Time) *sessionForm {
	f := &sessionForm{win: win, id: d.id, questions: container.NewVBox(), others: others, now: now}
	f.when = &widget.Entry{PlaceHolder: "like today 17:00"}
	f.when.ExtendBaseWidget(f.when)
	withDateTimePicker(f.when, now)
	f.when.SetText(d.when)
	f.format = widget.NewSelect(journal.SessionFormats, nil)
	f.format.Selected = d.format
	f.approach = widget.NewSelect(journal.SessionApproaches, nil)
	f.approach.Selected = d.approach
	f.newCourse = widget.NewCheck("Start a new course with this session", nil)
	f.newCourse.Checked = d.newCourse
	f.courseNote = widget.NewLabel("")
	f.courseNote.Wrapping = fyne.TextWrapWord
	f.courseNote.Importance = widget.LowImportance
	f.course = container.NewVBox(f.newCourse, f.courseNote)
	f.updateCourse()
	changed := func(string) { f.updateCourse() }
	f.when.OnChanged, f.format.OnChanged, f.approach.OnChanged = changed, changed, changed
	f.newCourse.OnChanged = func(bool) { f.updateCourse() }
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
		widget.NewFormItem("Approach", container.NewVBox(f.approach, f.course)),
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

// updateCourse shows the new-course choice for dynamic interpersonal
// therapy, open only to an individual session, which alone counts, and
// says where the session falls in its course, as the list will.
func (f *sessionForm) updateCourse() {
	if f.content != nil {
		defer f.content.Refresh() // lay the form out again, for the box's coming or going
	}
	if f.approach.Selected != journal.ApproachDIT {
		f.course.Hide()
		return
	}
	f.course.Show()
	if f.format.Selected != "individual" {
		f.newCourse.Disable()
		f.courseNote.SetText("Only individual sessions count in a course, so this " + f.format.Selected + " session is not numbered.")
		return
	}
	f.newCourse.Enable()
	at, err := journal.ParseWhen(f.when.Text, f.now())
	if err != nil {
		f.courseNote.SetText("") // the date is checked on saving
		return
	}
	id := f.id
	if id == 0 {
		id = math.MaxInt64 // a new session is logged after every other
	}
	s := journal.Session{ID: id, At: at, Format: f.format.Selected, Approach: f.approach.Selected, NewCourse: f.newCourse.Checked}
	sessions := append(slices.Clone(f.others), s)
	f.courseNote.SetText("This is " + journal.DITPositions(sessions)[len(sessions)-1].Summary() + ".")
}

// draft is the dialog as typed. A new course is kept only where it can
// be chosen: for an individual session of dynamic interpersonal therapy.
func (f *sessionForm) draft() sessionDraft {
	d := sessionDraft{id: f.id, when: f.when.Text, format: f.format.Selected, approach: f.approach.Selected,
		takeaways: f.takeaways.Text, pending: f.newQuestion.Text,
		newCourse: f.newCourse.Checked && !f.newCourse.Disabled() && f.course.Visible()}
	for _, r := range f.rows {
		d.questions = append(d.questions, journal.Question{Text: r.text.Text, Done: r.done.Checked})
	}
	return d
}
