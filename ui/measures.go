package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

const measuresIntro = "Two short questionnaires many therapists use to follow how things are going: " +
	"PHQ-9 for low mood and depression, GAD-7 for anxiety. Each asks about the last 2 weeks, " +
	"so once every 2 weeks is often enough. Your answers stay in your journal."

// safetyTitle heads the safety message: calm, and about the person.
const safetyTitle = "You don't have to carry this alone"

// measuresStore is what the Measures screen needs from the journal: the
// measurements, and the crisis lines its safety message shows.
type measuresStore interface {
	Measurements(in journal.Instrument) ([]journal.Measurement, error)
	SaveMeasurement(in journal.Instrument, answers []int, difficulty journal.Difficulty, at time.Time) (journal.Measurement, error)
	crisisStore
}

var _ measuresStore = (*jstore.Store)(nil)

// measuresScreen shows the questionnaires: for each, the latest score,
// when it is next suggested, a way to fill it in and the scores over
// time; and the crisis line the safety message shows.
type measuresScreen struct {
	*env
	win   fyne.Window
	store measuresStore

	cards []*measureCard // one per journal.Instruments, in order

	crisis *crisisLineEditor

	filling *questionnaire // the questionnaire being filled in, nil when none

	content fyne.CanvasObject
}

// measureCard is one questionnaire on the screen.
type measureCard struct {
	in     journal.Instrument
	latest *widget.Label
	due    *widget.Label
	fill   *widget.Button
	chart  *fyne.Container // holds the chart of the scores read last
}

// questionnaire is a form being filled in. It outlives its dialog, which
// is shown again, answers kept, when saving is refused or fails.
type questionnaire struct {
	in          journal.Instrument
	answers     []int // the option chosen for each item, -1 for none yet
	difficulty  journal.Difficulty
	safetyShown bool // the safety message was shown while answering
	groups      []*widget.RadioGroup
	hard        *widget.RadioGroup // the difficulty question's answers
}

func newMeasuresScreen(e *env, win fyne.Window, store measuresStore) *measuresScreen {
	v := &measuresScreen{win: win, store: store, env: e}
	cards := make([]fyne.CanvasObject, len(journal.Instruments))
	for i, in := range journal.Instruments {
		c := &measureCard{in: in, latest: wrapped(""), due: wrapped(""), chart: container.NewStack(newScoreChart(in, nil))}
		c.latest.TextStyle.Bold = true
		c.fill = widget.NewButtonWithIcon("Fill in…", theme.DocumentCreateIcon(), func() { v.onFill(in) })
		v.cards = append(v.cards, c)
		cards[i] = widget.NewCard(in.Title, "", container.NewVBox(
			c.latest, c.due, container.NewHBox(c.fill), c.chart))
	}

	v.crisis = newCrisisLineEditor(e, win, store,
		"These lines show with the safety message, which comes up when question 9 of the PHQ-9 is answered above \"Not at all\", "+
			"and any time from Help → If you're struggling right now (Ctrl+Shift+H).")
	crisis := v.crisis.card

	v.content = container.NewVScroll(container.NewPadded(container.NewVBox(
		wrapped(measuresIntro),
		screeningNotice(),
		container.NewGridWithColumns(2, cards...),
		crisis,
		copyrightLine(),
	)))
	return v
}

// screeningNotice says plainly what the scores are not.
func screeningNotice() fyne.CanvasObject {
	l := wrapped(journal.ScreeningNotice)
	l.TextStyle.Bold = true
	return container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.InfoIcon())), nil, l)
}

// copyrightLine is the line the forms carry, in small print.
func copyrightLine() *widget.Label {
	l := wrapped(journal.MeasureCopyright)
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
}

// reload reads every questionnaire's scores and the crisis lines again,
// off the UI goroutine, then shows them.
func (v *measuresScreen) reload() {
	v.crisis.reload()
	v.background(func() func() {
		lists := make([][]journal.Measurement, len(v.cards))
		errs := make([]error, len(v.cards))
		for i, c := range v.cards {
			lists[i], errs[i] = v.store.Measurements(c.in)
		}
		return func() {
			now := v.now()
			for i, c := range v.cards {
				if errs[i] != nil {
					c.latest.SetText(errs[i].Error())
					continue
				}
				c.show(lists[i], now)
			}
			v.content.Refresh() // lay out again for the new texts
		}
	})
}

// show fills the card with the latest score, when the questionnaire is
// next suggested, and the scores over time.
func (c *measureCard) show(ms []journal.Measurement, now time.Time) {
	c.latest.SetText(latestText(ms, now))
	text, due := dueText(c.in, ms, now)
	c.due.SetText(text)
	c.fill.Importance = widget.MediumImportance
	if due {
		c.fill.Importance = widget.HighImportance
	}
	c.fill.Refresh()
	c.chart.Objects = []fyne.CanvasObject{newScoreChart(c.in, ms)}
	c.chart.Refresh()
}

// latestText is the newest score with its band and day: "12 — moderate, 3 Nov".
func latestText(ms []journal.Measurement, now time.Time) string {
	if len(ms) == 0 {
		return "Not filled in yet."
	}
	m := ms[len(ms)-1]
	return fmt.Sprintf("Latest: %d — %s, %s", m.Score, m.Band, dayText(m.At, now))
}

// dueText says when the questionnaire is next suggested, and whether it
// is now: once its recall window has gone by since the latest.
func dueText(in journal.Instrument, ms []journal.Measurement, now time.Time) (string, bool) {
	if len(ms) == 0 {
		return fmt.Sprintf("It asks about the last %s; fill it in whenever you're ready.", recallWords(in.RecallDays)), true
	}
	latest := ms[len(ms)-1].At
	days := daysBetween(latest, now)
	if days >= in.RecallDays {
		return fmt.Sprintf("Due: it's been %s.", plural(days, "day", "days")), true
	}
	next := calendarDay(latest, now.Location()).AddDate(0, 0, in.RecallDays)
	return "Next suggested around " + dayText(next, now) + ".", false
}

// recallWords says how far back a form asks: "2 weeks", "10 days".
func recallWords(days int) string {
	if days%7 == 0 {
		return plural(days/7, "week", "weeks")
	}
	return plural(days, "day", "days")
}

// calendarDay is midnight of t's date as seen in loc.
func calendarDay(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// daysBetween counts the calendar days from then to now, in now's zone.
func daysBetween(then, now time.Time) int {
	hours := calendarDay(now, now.Location()).Sub(calendarDay(then, now.Location())).Hours()
	if hours < 0 {
		return -int(-hours/24 + 0.5)
	}
	return int(hours/24 + 0.5) // a day with a clock change is 23 or 25 hours
}

// dayText is a day as "3 Nov", with the year when it isn't this one.
func dayText(t, now time.Time) string {
	t = t.In(now.Location())
	if t.Year() == now.Year() {
		return t.Format("2 Jan")
	}
	return t.Format("2 Jan 2006")
}

// onFill starts a questionnaire with nothing answered.
func (v *measuresScreen) onFill(in journal.Instrument) {
	q := &questionnaire{in: in, answers: make([]int, len(in.Items))}
	for i := range q.answers {
		q.answers[i] = -1
	}
	v.filling = q
	v.showQuestionnaire(q)
}

// showQuestionnaire shows the form as printed: the stem, then each item
// numbered, with its answers in a row. Tab moves through the answers and
// Space chooses one.
func (v *measuresScreen) showQuestionnaire(q *questionnaire) {
	stem := wrapped(q.in.Question)
	stem.TextStyle.Bold = true
	form := container.NewVBox(stem)
	q.groups = q.groups[:0]
	for i, text := range q.in.Items {
		group := widget.NewRadioGroup(q.in.Options, nil)
		group.Horizontal, group.Required = true, true // a chosen answer can be changed, never cleared
		if a := q.answers[i]; a >= 0 {
			group.Selected = q.in.Options[a]
		}
		group.OnChanged = func(option string) { v.onAnswer(q, i, slices.Index(q.in.Options, option)) }
		q.groups = append(q.groups, group)
		form.Add(wrapped(fmt.Sprintf("%d. %s", i+1, text)))
		form.Add(container.NewHBox(layout.NewSpacer(), group))
		form.Add(widget.NewSeparator())
	}
	// Not scored, and optional on the forms: it can be left, or cleared.
	q.hard = widget.NewRadioGroup(journal.DifficultyOptions, nil)
	q.hard.Horizontal = true
	q.hard.Selected = q.difficulty.String()
	q.hard.OnChanged = func(option string) {
		q.difficulty = journal.DifficultyAnswer(slices.Index(journal.DifficultyOptions, option))
	}
	form.Add(wrapped(q.in.DifficultyQuestion))
	form.Add(container.NewHBox(layout.NewSpacer(), q.hard))
	form.Add(widget.NewSeparator())
	form.Add(note(journal.ScreeningNotice))
	form.Add(copyrightLine())
	showChoices(v.win, q.in.Title, container.NewVScroll(form), fyne.NewSize(860, 640),
		dialogChoice{label: "Cancel", icon: theme.CancelIcon(), then: func() { v.onCancel(q) }, cancel: true},
		dialogChoice{label: "Save", icon: theme.DocumentSaveIcon(), importance: widget.HighImportance,
			then: func() { v.onSaveAnswers(q) }, focused: true},
	)
}

// onAnswer keeps an answer. The first time the safety item is answered
// above 0, the safety message shows at once, over the form, which is
// still there, answers and all, when it is closed.
func (v *measuresScreen) onAnswer(q *questionnaire, item, option int) {
	if option < 0 {
		return
	}
	q.answers[item] = option
	if item == q.in.SafetyItem && option > 0 && !q.safetyShown {
		q.safetyShown = true
		showSafety(v.win, v.store, false)
	}
}

// onCancel leaves the form; answers given are only dropped once the
// person says so.
func (v *measuresScreen) onCancel(q *questionnaire) {
	if !slices.ContainsFunc(q.answers, func(a int) bool { return a >= 0 }) {
		v.filling = nil
		return
	}
	showChoices(v.win, "Leave without saving?", message("The answers you've given so far won't be kept."), fyne.NewSize(460, 180),
		dialogChoice{label: "Discard answers", icon: theme.DeleteIcon(), importance: widget.DangerImportance,
			then: func() { v.filling = nil }},
		dialogChoice{label: "Keep answering", importance: widget.HighImportance, focused: true, cancel: true,
			then: func() { v.showQuestionnaire(q) }},
	)
}

// onSaveAnswers stores a complete form and shows the result; an
// incomplete one is refused and shown again as it was. A PHQ-9 with
// question 9 above 0 shows the safety message over the result.
func (v *measuresScreen) onSaveAnswers(q *questionnaire) {
	var missing []int
	for i, a := range q.answers {
		if a < 0 {
			missing = append(missing, i+1)
		}
	}
	if len(missing) > 0 {
		v.showQuestionnaire(q)
		showProblem(v.win, "Some questions have no answer yet", errors.New(missingText(missing)))
		return
	}
	answers, difficulty, at := slices.Clone(q.answers), q.difficulty, v.now()
	safety := q.in.SafetyItem >= 0 && answers[q.in.SafetyItem] > 0
	v.background(func() func() {
		m, err := v.store.SaveMeasurement(q.in, answers, difficulty, at)
		return func() {
			if err != nil {
				v.showQuestionnaire(q)
				showProblem(v.win, "Couldn't save your answers", err)
			} else {
				v.filling = nil
				v.reload()
				v.showResult(q.in, m)
			}
			if safety {
				showSafety(v.win, v.store, true)
			}
		}
	})
}

// missingText names the questions without an answer.
func missingText(missing []int) string {
	const kept = " Choose an answer for each; the answers you've given are kept."
	if len(missing) == 1 {
		return fmt.Sprintf("Question %d has no answer yet.%s", missing[0], kept)
	}
	numbers := make([]string, len(missing))
	for i, n := range missing {
		numbers[i] = strconv.Itoa(n)
	}
	last := len(numbers) - 1
	return fmt.Sprintf("Questions %s and %s have no answer yet.%s", strings.Join(numbers[:last], ", "), numbers[last], kept)
}

// showResult says the score, its band, what the score is not, and
// first, the safety item's answer when it was above 0: a low total
// must not hide it.
func (v *measuresScreen) showResult(in journal.Instrument, m journal.Measurement) {
	var parts []string
	if n := in.SafetyNote(m.Result); n != "" {
		parts = append(parts, n)
	}
	score := fmt.Sprintf("Your score is %d: %s.", m.Score, m.Band)
	for _, b := range in.Bands {
		if b.Name == m.Band {
			score += fmt.Sprintf(" On the %s, scores from %d to %d are %s, out of a possible %d.",
				in.Name, b.Min, b.Max, b.Name, in.Bands[len(in.Bands)-1].Max)
		}
	}
	parts = append(parts, score)
	if m.Difficulty.Answered() {
		parts = append(parts, fmt.Sprintf("You said these problems have made work, home or getting along with people “%s”.",
			strings.ToLower(m.Difficulty.String())))
	}
	parts = append(parts, journal.ScreeningNotice)
	showChoices(v.win, "Your "+in.Name+" result", message(strings.Join(parts, "\n\n")), fyne.NewSize(580, 380),
		dialogChoice{label: "Close", importance: widget.HighImportance, focused: true})
}

// showSafety shows the safety message, which speaks of an answer above
// 0 to the safety item, and so is shown only after one. When it answers
// a choice just made, the choice may have come from Space on a radio button, whose
// release is still to come; a focused Close would take that release as
// a press and close the message at once. So Close gets the focus only
// once the key is up.
func showSafety(win fyne.Window, store journal.SettingsReader, focusNow bool) {
	line, err := journal.ConfiguredCrisisText(store)
	if err != nil {
		fyne.LogError("reading the crisis lines; showing every place's", err)
	}
	showChoices(win, safetyTitle, message(journal.SafetyMessage(line)), fyne.NewSize(580, 420),
		dialogChoice{label: "Close", importance: widget.HighImportance, focused: focusNow})
	if !focusNow {
		focusAfterKeyUp(win)
	}
}

// focusAfterKeyUp moves the focus to the top dialog's first button once
// the key being held, if any, is released. Without a focused widget the
// release goes to the canvas's own handler, which is borrowed for it.
func focusAfterKeyUp(win fyne.Window) {
	c := win.Canvas()
	keys, ok := c.(desktop.Canvas)
	if !ok { // no keys to wait for
		c.FocusNext()
		return
	}
	top := c.Overlays().Top()
	before := keys.OnKeyUp()
	keys.SetOnKeyUp(func(ev *fyne.KeyEvent) {
		keys.SetOnKeyUp(before)
		if c.Overlays().Top() == top && c.Focused() == nil {
			c.FocusNext()
			return
		}
		if before != nil {
			before(ev)
		}
	})
}
