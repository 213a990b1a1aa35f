package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// newTestMeasures builds the measures screen in a window of its own, on
// a fresh journal, loading synchronously at fixedNow.
func newTestMeasures(t *testing.T) (*measuresScreen, fyne.Window, *jstore.Store) {
	t.Helper()
	store := mustOpenJournal(t)
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	v := newMeasuresScreen(testEnv(), w, store)
	w.SetContent(v.content)
	w.Resize(fyne.NewSize(1100, 720))
	w.Show()
	v.reload()
	return v, w, store
}

// cardFor is the screen's card for in.
func cardFor(t *testing.T, v *measuresScreen, in journal.Instrument) *measureCard {
	t.Helper()
	for _, c := range v.cards {
		if c.in.ID == in.ID {
			return c
		}
	}
	t.Fatalf("no card for %s", in.Name)
	return nil
}

// chooseAnswer taps, in the open questionnaire, answer option of question
// n (from 1), as a person would.
func chooseAnswer(t *testing.T, v *measuresScreen, n, option int) {
	t.Helper()
	if v.filling == nil {
		t.Fatal("no questionnaire is open")
	}
	test.Tap(radioOption(t, v.filling.groups[n-1], option))
}

// radioOption is the tappable button of a radio group's option.
func radioOption(t *testing.T, group *widget.RadioGroup, option int) fyne.Tappable {
	t.Helper()
	var items []fyne.Tappable
	walk(t, group, func(o fyne.CanvasObject) {
		if tap, ok := o.(fyne.Tappable); ok && o != group {
			items = append(items, tap)
		}
	})
	if option >= len(items) {
		t.Fatalf("the radio group has %d options, not %d", len(items), option+1)
	}
	return items[option]
}

// answerAll chooses an answer for each question in turn.
func answerAll(t *testing.T, v *measuresScreen, answers ...int) {
	t.Helper()
	for i, a := range answers {
		chooseAnswer(t, v, i+1, a)
	}
}

// topDialogText is the text shown by the dialog on top of w.
func topDialogText(t *testing.T, w fyne.Window) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return shownText(t, top)
}

func storedMeasurements(t *testing.T, store *jstore.Store, in journal.Instrument) []journal.Measurement {
	t.Helper()
	ms, err := store.Measurements(in)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestMeasures_Item9AboveZeroShowsSafetyMessage(t *testing.T) {
	v, w, store := newTestMeasures(t)

	// Given a PHQ-9 with the first eight questions answered "Not at all",
	test.Tap(cardFor(t, v, journal.PHQ9).fill)
	answerAll(t, v, 0, 0, 0, 0, 0, 0, 0, 0)
	if strings.Contains(topDialogText(t, w), safetyTitle) {
		t.Fatal("the safety message showed before question 9 was answered")
	}

	// when question 9 is answered "Several days",
	chooseAnswer(t, v, 9, 1)

	// then the safety message, with the crisis line, shows at once,
	text := topDialogText(t, w)
	for _, want := range []string{safetyTitle, journal.CrisisDefault, "you don't have to face them alone"} {
		if !strings.Contains(text, want) {
			t.Errorf("the safety message doesn't say %q:\n%s", want, text)
		}
	}
	if got, want := w.Canvas().Focused(), dialogButtonIn(t, w, "Close"); got != want {
		t.Errorf("focus is on %T, want the Close button", got)
	}
	// and closing it goes back to the form, answers kept.
	test.Tap(dialogButtonIn(t, w, "Close"))
	if !strings.Contains(topDialogText(t, w), journal.PHQ9.Question) {
		t.Fatalf("closing the safety message didn't go back to the form:\n%s", topDialogText(t, w))
	}
	if got := v.filling.groups[8].Selected; got != "Several days" {
		t.Errorf("question 9 reads %q after the safety message, want Several days", got)
	}

	// Changing the answer again doesn't show it a second time,
	chooseAnswer(t, v, 9, 2)
	if strings.Contains(topDialogText(t, w), safetyTitle) {
		t.Error("the safety message showed twice while filling in one form")
	}

	// but saving does, over the result.
	test.Tap(dialogButtonIn(t, w, "Save"))
	if text := topDialogText(t, w); !strings.Contains(text, safetyTitle) || !strings.Contains(text, journal.CrisisDefault) {
		t.Fatalf("saving with question 9 above 0 didn't show the safety message:\n%s", text)
	}
	ms := storedMeasurements(t, store, journal.PHQ9)
	if len(ms) != 1 || ms[0].Score != 2 || !ms[0].Safety {
		t.Fatalf("stored %+v, want one PHQ-9 scoring 2 with the safety flag", ms)
	}
	test.Tap(dialogButtonIn(t, w, "Close"))
	if text := topDialogText(t, w); !strings.Contains(text, "Your score is 2: minimal.") {
		t.Errorf("the result doesn't follow the safety message:\n%s", text)
	}
	test.Tap(dialogButtonIn(t, w, "Close"))
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is still open:\n%s", shownText(t, top))
	}
}

func TestMeasures_Item9AtZeroShowsNoSafetyMessage(t *testing.T) {
	v, w, store := newTestMeasures(t)

	// Given a PHQ-9 answered with question 9 "Not at all",
	test.Tap(cardFor(t, v, journal.PHQ9).fill)
	answerAll(t, v, 1, 1, 2, 2, 1, 1, 1, 0, 0)
	// when it is saved,
	test.Tap(dialogButtonIn(t, w, "Save"))

	// then only the result shows, with the band and the screening notice,
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs open, want only the result", n)
	}
	text := topDialogText(t, w)
	for _, want := range []string{"Your score is 9: mild.", "On the PHQ-9, scores from 5 to 9 are mild, out of a possible 27.", journal.ScreeningNotice} {
		if !strings.Contains(text, want) {
			t.Errorf("the result doesn't say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, safetyTitle) || strings.Contains(text, "988") {
		t.Errorf("the safety message showed with question 9 at 0:\n%s", text)
	}
	test.Tap(dialogButtonIn(t, w, "Close"))

	// it is stored, and the card shows it.
	if ms := storedMeasurements(t, store, journal.PHQ9); len(ms) != 1 || ms[0].Score != 9 || ms[0].Band != "mild" {
		t.Fatalf("stored %+v, want one PHQ-9 scoring 9", ms)
	}
	c := cardFor(t, v, journal.PHQ9)
	if c.latest.Text != "Latest: 9 — mild, 25 Nov" || c.due.Text != "Next suggested around 9 Dec." {
		t.Errorf("card reads %q, %q", c.latest.Text, c.due.Text)
	}
	if v.filling != nil {
		t.Error("the saved form is still kept as being filled in")
	}
}

func TestMeasures_IncompleteFormIsRefused(t *testing.T) {
	v, w, store := newTestMeasures(t)

	// Given a PHQ-9 with only the first five questions answered,
	test.Tap(cardFor(t, v, journal.PHQ9).fill)
	answerAll(t, v, 1, 2, 3, 0, 1)
	// when it is saved,
	test.Tap(dialogButtonIn(t, w, "Save"))

	// then it is refused, saying which questions need an answer,
	text := topDialogText(t, w)
	if !strings.Contains(text, "Questions 6, 7, 8 and 9 have no answer yet.") {
		t.Errorf("the refusal doesn't name the questions:\n%s", text)
	}
	// nothing is stored,
	if ms := storedMeasurements(t, store, journal.PHQ9); len(ms) != 0 {
		t.Fatalf("an incomplete form stored %+v", ms)
	}
	// and the form comes back with the answers given.
	test.Tap(dialogButtonIn(t, w, "OK"))
	if !strings.Contains(topDialogText(t, w), journal.PHQ9.Question) {
		t.Fatalf("the form didn't come back:\n%s", topDialogText(t, w))
	}
	for i, want := range []string{"Several days", "More than half the days", "Nearly every day", "Not at all", "Several days", "", "", "", ""} {
		if got := v.filling.groups[i].Selected; got != want {
			t.Errorf("question %d reads %q, want %q", i+1, got, want)
		}
	}

	// Answering the rest saves it.
	for n := 6; n <= 9; n++ {
		chooseAnswer(t, v, n, 0)
	}
	test.Tap(dialogButtonIn(t, w, "Save"))
	if ms := storedMeasurements(t, store, journal.PHQ9); len(ms) != 1 || ms[0].Score != 7 {
		t.Fatalf("stored %+v, want one PHQ-9 scoring 7", ms)
	}
}

func TestMeasures_GAD7Scoring(t *testing.T) {
	v, w, store := newTestMeasures(t)
	tests := []struct {
		answers []int
		want    string
	}{
		{[]int{0, 0, 0, 0, 0, 0, 0}, "Your score is 0: minimal."},
		{[]int{1, 1, 1, 1, 0, 0, 0}, "Your score is 4: minimal."},
		{[]int{1, 1, 1, 1, 1, 0, 0}, "Your score is 5: mild."},
		{[]int{3, 3, 3, 1, 0, 0, 0}, "Your score is 10: moderate."},
		{[]int{3, 3, 2, 2, 2, 1, 1}, "Your score is 14: moderate."},
		{[]int{3, 3, 3, 3, 3, 0, 0}, "Your score is 15: severe."},
		{[]int{3, 3, 3, 3, 3, 3, 3}, "Your score is 21: severe."},
	}
	for _, tt := range tests {
		test.Tap(cardFor(t, v, journal.GAD7).fill)
		answerAll(t, v, tt.answers...)
		test.Tap(dialogButtonIn(t, w, "Save"))
		if n := len(w.Canvas().Overlays().List()); n != 1 {
			t.Errorf("%v: %d dialogs open, want only the result", tt.answers, n)
		}
		if text := topDialogText(t, w); !strings.Contains(text, tt.want) {
			t.Errorf("%v: the result doesn't say %q:\n%s", tt.answers, tt.want, text)
		}
		test.Tap(dialogButtonIn(t, w, "Close"))
	}
	if ms := storedMeasurements(t, store, journal.GAD7); len(ms) != len(tests) {
		t.Errorf("stored %d GAD-7s, want %d", len(ms), len(tests))
	}
	if got := cardFor(t, v, journal.GAD7).latest.Text; got != "Latest: 21 — severe, 25 Nov" {
		t.Errorf("GAD-7 card reads %q", got)
	}
	if got := cardFor(t, v, journal.PHQ9).latest.Text; got != "Not filled in yet." {
		t.Errorf("PHQ-9 card reads %q", got)
	}
}

func TestMeasures_CardSaysWhenDue(t *testing.T) {
	v, _, store := newTestMeasures(t)
	if c := cardFor(t, v, journal.PHQ9); c.latest.Text != "Not filled in yet." || c.fill.Importance != widget.HighImportance {
		t.Errorf("empty card reads %q, button importance %v", c.latest.Text, c.fill.Importance)
	}

	// Given a PHQ-9 from 16 days ago and a GAD-7 from 3 days ago,
	day := func(daysAgo int) time.Time { return fixedNow.AddDate(0, 0, -daysAgo) }
	if _, err := store.SaveMeasurement(journal.PHQ9, []int{1, 1, 2, 2, 1, 1, 1, 3, 0}, journal.NoDifficulty, day(16)); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SaveMeasurement(journal.GAD7, []int{1, 1, 1, 0, 0, 0, 0}, journal.NoDifficulty, day(3)); err != nil {
		t.Fatal(err)
	}
	// when the screen loads,
	v.reload()

	// then the PHQ-9 is due and the GAD-7 suggested later.
	tests := []struct {
		in             journal.Instrument
		latest, due    string
		wantImportance widget.Importance
	}{
		{journal.PHQ9, "Latest: 12 — moderate, 9 Nov", "Due: it's been 16 days.", widget.HighImportance},
		{journal.GAD7, "Latest: 3 — minimal, 22 Nov", "Next suggested around 6 Dec.", widget.MediumImportance},
	}
	for _, tt := range tests {
		c := cardFor(t, v, tt.in)
		if c.latest.Text != tt.latest || c.due.Text != tt.due {
			t.Errorf("%s card reads %q, %q; want %q, %q", tt.in.Name, c.latest.Text, c.due.Text, tt.latest, tt.due)
		}
		if c.fill.Importance != tt.wantImportance {
			t.Errorf("%s fill-in button importance %v, want %v", tt.in.Name, c.fill.Importance, tt.wantImportance)
		}
	}
}

// choosePlace taps the picker's choice for a region, or somewhere else.
func choosePlace(t *testing.T, p *crisisPicker, region string) {
	t.Helper()
	want := journal.ElsewhereChoice
	if r, ok := journal.CrisisRegionByID(region); ok {
		want = r.Choice()
	}
	i := slices.Index(p.where.Options, want)
	if i < 0 {
		t.Fatalf("no choice %q among %q", want, p.where.Options)
	}
	test.Tap(radioOption(t, p.where, i))
}

func TestMeasures_CrisisLinesChosenByPlace(t *testing.T) {
	v, w, store := newTestMeasures(t)
	if v.crisis.picker.where.Selected != "" || v.crisis.preview.Text != journal.CrisisDefault {
		t.Fatalf("a new journal's lines: %q, %q", v.crisis.picker.where.Selected, v.crisis.preview.Text)
	}

	// Given the UK chosen, with the therapist's number too, and saved,
	choosePlace(t, v.crisis.picker, "uk-ie")
	const mine = "My therapist, out of hours: 01632 960 123"
	test.Type(v.crisis.picker.own, mine)
	if want := journal.CrisisText("uk-ie", mine); v.crisis.preview.Text != want {
		t.Errorf("the preview reads %q, want %q", v.crisis.preview.Text, want)
	}
	test.Tap(v.crisis.save)
	if got, _ := journal.ConfiguredCrisisText(store); got != journal.CrisisText("uk-ie", mine) {
		t.Fatalf("kept %q", got)
	}

	// when question 9 is answered above 0,
	test.Tap(cardFor(t, v, journal.PHQ9).fill)
	answerAll(t, v, 0, 0, 0, 0, 0, 0, 0, 0, 1)

	// then the safety message gives those lines, not the US's.
	text := topDialogText(t, w)
	if !strings.Contains(text, safetyTitle) || !strings.Contains(text, "Samaritans on 116 123") || !strings.Contains(text, mine) || strings.Contains(text, "988") {
		t.Errorf("safety message:\n%s", text)
	}
	test.Tap(dialogButtonIn(t, w, "Close"))
	test.Tap(dialogButtonIn(t, w, "Cancel"))
	test.Tap(dialogButtonIn(t, w, "Discard answers"))

	// A reload keeps them; resetting goes back to every place's lines.
	v.reload()
	if got := v.crisis.picker.chosen(); got != (crisisLines{region: "uk-ie", own: mine}) {
		t.Errorf("after a reload the editor shows %+v", got)
	}
	test.Tap(v.crisis.reset)
	if got, _ := journal.ConfiguredCrisisText(store); got != journal.CrisisDefault || v.crisis.picker.where.Selected != "" || v.crisis.picker.own.Text != "" {
		t.Errorf("after reset: kept %q, shown %q, %q", got, v.crisis.picker.where.Selected, v.crisis.picker.own.Text)
	}
}

// The result names question 9 when it was above 0, however low the
// total, more firmly for the two highest answers; it says nothing of it
// at 0.
func TestMeasures_ResultNamesQuestion9(t *testing.T) {
	tests := []struct {
		item9 int
		want  []string
		not   []string
	}{
		{0, []string{"Your score is 0: minimal."}, []string{"question 9", "Question 9"}},
		{1, []string{"question 9", "“Several days”", "Your score is 1: minimal."}, []string{"today"}},
		{2, []string{"question 9", "“More than half the days”", "today", "emergency services", "Your score is 2: minimal."}, nil},
		{3, []string{"question 9", "“Nearly every day”", "today", "emergency services", "Your score is 3: minimal."}, nil},
	}
	for _, tt := range tests {
		v, w, _ := newTestMeasures(t)
		test.Tap(cardFor(t, v, journal.PHQ9).fill)
		answerAll(t, v, 0, 0, 0, 0, 0, 0, 0, 0, tt.item9)
		if tt.item9 > 0 {
			test.Tap(dialogButtonIn(t, w, "Close")) // the safety message, over the form
		}
		test.Tap(dialogButtonIn(t, w, "Save"))
		if tt.item9 > 0 {
			test.Tap(dialogButtonIn(t, w, "Close")) // the safety message, over the result
		}
		text := topDialogText(t, w)
		for _, want := range tt.want {
			if !strings.Contains(text, want) {
				t.Errorf("question 9 at %d: the result doesn't say %q:\n%s", tt.item9, want, text)
			}
		}
		for _, not := range tt.not {
			if strings.Contains(text, not) {
				t.Errorf("question 9 at %d: the result says %q:\n%s", tt.item9, not, text)
			}
		}
		if tt.item9 > 0 && strings.Index(text, "question 9") > strings.Index(text, "Your score is") {
			t.Errorf("question 9 at %d: the score comes before question 9:\n%s", tt.item9, text)
		}
	}
}

func TestMeasures_DifficultyQuestionKeptAndShown(t *testing.T) {
	for _, in := range journal.Instruments {
		v, w, store := newTestMeasures(t)
		// Given a form answered to the end, the last question too,
		test.Tap(cardFor(t, v, in).fill)
		if !strings.Contains(topDialogText(t, w), in.DifficultyQuestion) {
			t.Fatalf("%s: the form doesn't ask %q", in.Name, in.DifficultyQuestion)
		}
		answerAll(t, v, make([]int, len(in.Items))...)
		test.Tap(radioOption(t, v.filling.hard, 2))
		// when it is saved,
		test.Tap(dialogButtonIn(t, w, "Save"))
		// then the answer is kept, unscored, and the result says it.
		ms := storedMeasurements(t, store, in)
		if len(ms) != 1 || ms[0].Difficulty.String() != "Very difficult" || ms[0].Score != 0 {
			t.Fatalf("%s: stored %+v", in.Name, ms)
		}
		if text := topDialogText(t, w); !strings.Contains(text, "“very difficult”") {
			t.Errorf("%s: the result doesn't say how difficult:\n%s", in.Name, text)
		}
		test.Tap(dialogButtonIn(t, w, "Close"))

		// Left blank, as the forms allow, it is saved as not answered.
		test.Tap(cardFor(t, v, in).fill)
		answerAll(t, v, make([]int, len(in.Items))...)
		test.Tap(dialogButtonIn(t, w, "Save"))
		if ms := storedMeasurements(t, store, in); len(ms) != 2 || ms[1].Difficulty.Answered() {
			t.Errorf("%s: stored %+v", in.Name, ms)
		}
		if text := topDialogText(t, w); strings.Contains(text, "difficult") {
			t.Errorf("%s: the result speaks of an unanswered question:\n%s", in.Name, text)
		}
	}
}

func TestMeasures_CancelAsksBeforeDroppingAnswers(t *testing.T) {
	v, w, store := newTestMeasures(t)
	test.Tap(cardFor(t, v, journal.GAD7).fill)
	answerAll(t, v, 2, 1)

	test.Tap(dialogButtonIn(t, w, "Cancel"))
	if got, want := w.Canvas().Focused(), dialogButtonIn(t, w, "Keep answering"); got != want {
		t.Errorf("focus is on %T, want Keep answering", got)
	}
	test.Tap(dialogButtonIn(t, w, "Keep answering"))
	if got := v.filling.groups[0].Selected; got != "More than half the days" {
		t.Errorf("question 1 reads %q after going back", got)
	}

	test.Tap(dialogButtonIn(t, w, "Cancel"))
	test.Tap(dialogButtonIn(t, w, "Discard answers"))
	if w.Canvas().Overlays().Top() != nil || v.filling != nil {
		t.Error("discarding left the form open")
	}
	if ms := storedMeasurements(t, store, journal.GAD7); len(ms) != 0 {
		t.Errorf("cancelling stored %+v", ms)
	}
}

// keyCanvas is a test canvas with a desktop canvas's key handlers, the
// way the driver calls them when nothing has the focus.
type keyCanvas struct {
	fyne.Canvas
	down, up func(*fyne.KeyEvent)
}

func (c *keyCanvas) OnKeyDown() func(*fyne.KeyEvent)     { return c.down }
func (c *keyCanvas) SetOnKeyDown(f func(*fyne.KeyEvent)) { c.down = f }
func (c *keyCanvas) OnKeyUp() func(*fyne.KeyEvent)       { return c.up }
func (c *keyCanvas) SetOnKeyUp(f func(*fyne.KeyEvent))   { c.up = f }

type keyWindow struct {
	fyne.Window
	canvas *keyCanvas
}

func (w *keyWindow) Canvas() fyne.Canvas { return w.canvas }

// Space chooses a radio option as it goes down; if the safety message's
// Close button had the focus by the time Space came up, the release
// would close the message before it could be read.
func TestMeasures_SafetyMessageOutlastsTheSpaceThatOpenedIt(t *testing.T) {
	store := mustOpenJournal(t)
	inner := test.NewTempApp(t).NewWindow("")
	w := &keyWindow{Window: inner, canvas: &keyCanvas{Canvas: inner.Canvas()}}
	v := newMeasuresScreen(testEnv(), w, store)
	w.SetContent(v.content)
	w.Resize(fyne.NewSize(1100, 720))
	w.Show()

	// Given a PHQ-9 with question 9's "Several days" focused,
	test.Tap(cardFor(t, v, journal.PHQ9).fill)
	answerAll(t, v, 0, 0, 0, 0, 0, 0, 0, 0)
	option := radioOption(t, v.filling.groups[8], 1).(fyne.Focusable)
	w.Canvas().Focus(option)

	// when Space goes down on it,
	option.TypedRune(' ')

	// then the safety message shows with nothing focused yet,
	if !strings.Contains(topDialogText(t, w), safetyTitle) {
		t.Fatalf("Space on question 9 didn't show the safety message:\n%s", topDialogText(t, w))
	}
	if f := w.Canvas().Focused(); f != nil {
		t.Fatalf("%T has the focus while Space is still down", f)
	}
	// and when Space comes up, it stays, with Close focused.
	w.canvas.up(&fyne.KeyEvent{Name: fyne.KeySpace})
	if !strings.Contains(topDialogText(t, w), safetyTitle) {
		t.Fatal("the safety message went when Space came up")
	}
	if got, want := w.Canvas().Focused(), dialogButtonIn(t, w, "Close"); got != want {
		t.Errorf("focus is on %T after Space came up, want the Close button", got)
	}
	if w.canvas.up != nil {
		t.Error("the canvas's key-up handler wasn't given back")
	}
}

// phqAt is a PHQ-9 scoring score, answered on at.
func phqAt(t *testing.T, at time.Time, score int) journal.Measurement {
	t.Helper()
	answers := make([]int, len(journal.PHQ9.Items))
	for i := range answers {
		answers[i] = min(score, 3)
		score -= answers[i]
	}
	r, err := journal.PHQ9.Score(answers)
	if err != nil {
		t.Fatal(err)
	}
	return journal.Measurement{At: at, Result: r}
}

func TestMeasures_ChartRenders(t *testing.T) {
	test.NewTempApp(t)
	day := func(month time.Month, d int) time.Time { return time.Date(2026, month, d, 20, 0, 0, 0, time.UTC) }
	ms := []journal.Measurement{
		phqAt(t, day(9, 16), 14),
		phqAt(t, day(9, 30), 17),
		phqAt(t, day(10, 14), 12),
		phqAt(t, day(10, 29), 9),
		phqAt(t, day(11, 12), 6),
		phqAt(t, day(11, 25), 4),
	}
	w := test.NewTempWindow(t, newScoreChart(journal.PHQ9, ms))
	w.Resize(fyne.NewSize(520, 240))
	test.AssertRendersToMarkup(t, "measures/chart.xml", w.Canvas())
}
