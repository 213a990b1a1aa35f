package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

const ditApproach = "dynamic interpersonal therapy"

// newTestSessions builds the sessions screen in a window of its own, on
// a fresh journal, loading synchronously, with the clock at fixedNow.
func newTestSessions(t *testing.T) (*sessionsScreen, fyne.Window, *jstore.Store) {
	t.Helper()
	store := mustOpenJournal(t)
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	v := newSessionsScreen(testEnv(), w, store)
	w.SetContent(v.content)
	w.Resize(fyne.NewSize(1100, 720))
	w.Show()
	return v, w, store
}

// seedSessions saves sessions a week apart, the last one a week before
// fixedNow, each with the approach given, oldest first.
func seedSessions(t *testing.T, store *jstore.Store, approaches ...string) []journal.Session {
	t.Helper()
	var saved []journal.Session
	for i, approach := range approaches {
		at := fixedNow.Truncate(time.Hour).AddDate(0, 0, -7*(len(approaches)-i))
		s, err := store.SaveSession(journal.Session{At: at, Approach: approach, Takeaways: "week " + at.Format("2 Jan")})
		if err != nil {
			t.Fatal(err)
		}
		saved = append(saved, s)
	}
	return saved
}

func storedSessions(t *testing.T, store *jstore.Store) []journal.Session {
	t.Helper()
	sessions, err := store.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	return sessions
}

// chooseSession selects the session that starts at at in the list.
func chooseSession(t *testing.T, v *sessionsScreen, at time.Time) {
	t.Helper()
	i := slices.IndexFunc(v.listed, func(s listedSession) bool { return s.At.Equal(at) })
	if i < 0 {
		t.Fatalf("no session at %v in the list", at)
	}
	v.list.Select(i)
}

// sessionsDialogText is the text of the dialog on top of w.
func sessionsDialogText(t *testing.T, w fyne.Window) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	return shownText(t, top)
}

func TestSessions_EmptyStateExplains(t *testing.T) {
	v, _, _ := newTestSessions(t)
	v.reload()
	if v.listArea.Objects[0] != v.emptyList {
		t.Error("an empty journal shows the list, not the note that there are no sessions")
	}
	for _, want := range []string{"since last session", "questions you want to bring next time"} {
		if !strings.Contains(v.hint.Text, want) {
			t.Errorf("empty state doesn't mention %q: %q", want, v.hint.Text)
		}
	}
	if v.nextLabel.Text != "No next session set" {
		t.Errorf("next session = %q", v.nextLabel.Text)
	}
}

func TestSessions_LogDITSession(t *testing.T) {
	v, w, store := newTestSessions(t)
	v.reload()

	// When a session is logged as dynamic interpersonal therapy, with a
	// takeaway and a question added with Return,
	test.Tap(v.add)
	f := v.form
	if f.when.Text != "2026-11-25 18:00" || f.format.Selected != "individual" {
		t.Errorf("a new session starts at %q, %q; want the start of this hour, individual", f.when.Text, f.format.Selected)
	}
	f.approach.SetSelected(ditApproach)
	test.Type(f.takeaways, "I go quiet when I expect criticism.")
	test.Type(f.newQuestion, "Why do I apologise first?")
	f.newQuestion.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(f.newQuestion, "What does the quiet protect?") // typed, not added: kept too
	test.Tap(dialogButtonIn(t, w, "Save"))

	// then it is in the journal,
	sessions := storedSessions(t, store)
	if len(sessions) != 1 {
		t.Fatalf("%d sessions stored, want 1", len(sessions))
	}
	s := sessions[0]
	want := []journal.Question{{Text: "Why do I apologise first?"}, {Text: "What does the quiet protect?"}}
	if s.At.Format(journal.DateTimeLayout) != "2026-11-25 18:00" || s.Approach != ditApproach || s.Takeaways != "I go quiet when I expect criticism." ||
		!slices.Equal(s.Questions, want) {
		t.Errorf("stored %+v", s)
	}
	// listed as the first of the course, and shown.
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is still open after saving")
	}
	if len(v.listed) != 1 || v.selected != s.ID || v.right.Objects[0] != v.page {
		t.Fatalf("after saving: %d listed, showing %d", len(v.listed), v.selected)
	}
	list := shownText(t, v.list)
	for _, line := range []string{"Wed 25 Nov 2026, 18:00", "0 of 2 questions ticked", "individual · " + ditApproach, "session 1 of 16, 15 left", "I go quiet when I expect criticism."} {
		if !strings.Contains(list, line+"\n") {
			t.Errorf("the list doesn't show %q:\n%s", line, list)
		}
	}
	if v.kind.Text != "individual · "+ditApproach+" · session 1 of 16, 15 left · beginning phase: engagement and the interpersonal focus" {
		t.Errorf("page says %q", v.kind.Text)
	}
	if got := shownText(t, v.questions); got != "Why do I apologise first?\nWhat does the quiet protect?\n" {
		t.Errorf("questions on the page:\n%s", got)
	}
}

func TestSessions_ListedNewestFirstWithCourseNumbers(t *testing.T) {
	v, _, store := newTestSessions(t)
	// Given sixteen DIT sessions with a psychodynamic one among them,
	// and a seventeenth,
	approaches := slices.Repeat([]string{ditApproach}, 17)
	approaches = slices.Insert(approaches, 3, "psychodynamic")
	seedSessions(t, store, approaches...)
	v.reload()

	// then the list is newest first, counting only the DIT sessions.
	if len(v.listed) != 18 {
		t.Fatalf("%d listed, want 18", len(v.listed))
	}
	tests := []struct {
		row  int
		want string
	}{
		{0, "individual · " + ditApproach + " · session 17, 1 past the 16 planned"},
		{1, "individual · " + ditApproach + " · session 16 of 16, the last one planned · ending phase"},
		{9, "individual · " + ditApproach + " · session 8 of 16, 8 left · middle phase"},
		{13, "individual · " + ditApproach + " · session 4 of 16, 12 left · beginning phase: engagement and the interpersonal focus"},
		{14, "individual · psychodynamic"},
		{15, "individual · " + ditApproach + " · session 3 of 16, 13 left · beginning phase: engagement and the interpersonal focus"},
		{17, "individual · " + ditApproach + " · session 1 of 16, 15 left · beginning phase: engagement and the interpersonal focus"},
	}
	for _, tt := range tests {
		if got := sessionKind(v.listed[tt.row]); got != tt.want {
			t.Errorf("row %d = %q, want %q", tt.row, got, tt.want)
		}
	}
	for i := 1; i < len(v.listed); i++ {
		if !v.listed[i-1].At.After(v.listed[i].At) {
			t.Errorf("row %d (%v) is not newer than row %d (%v)", i-1, v.listed[i-1].At, i, v.listed[i].At)
		}
	}
	// The rows on screen say so too, the newest on top.
	list := shownText(t, v.list)
	if !strings.Contains(list, "session 17, 1 past the 16 planned\n") ||
		strings.Index(list, "Wed 18 Nov 2026") > strings.Index(list, "Wed 11 Nov 2026") {
		t.Errorf("rows shown:\n%s", list)
	}
	// The newest is the last session, where "since last session" starts.
	chooseSession(t, v, v.listed[0].At)
	if !v.place.Visible() || !strings.Contains(v.place.Text, "since last session") {
		t.Errorf("the last session doesn't say it starts \"since last session\": %q", v.place.Text)
	}
	chooseSession(t, v, v.listed[1].At)
	if v.place.Visible() {
		t.Errorf("an earlier session says %q", v.place.Text)
	}
}

func TestSessions_EditPersists(t *testing.T) {
	v, w, store := newTestSessions(t)
	saved := seedSessions(t, store, "psychodynamic")
	saved[0].Questions = []journal.Question{{Text: "one"}, {Text: "two", Done: true}, {Text: "three"}}
	if _, err := store.SaveSession(saved[0]); err != nil {
		t.Fatal(err)
	}
	v.reload()
	chooseSession(t, v, saved[0].At)

	// When the session's date, format, takeaways and questions change,
	test.Tap(v.edit)
	f := v.form
	f.when.SetText("2026-11-17 09:00")
	f.format.SetSelected("couples")
	f.takeaways.SetText("We both go quiet.")
	test.Tap(f.rows[0].remove)
	test.Tap(f.rows[1].done) // "three"
	f.rows[0].text.SetText("two, again")
	test.Tap(dialogButtonIn(t, w, "Save"))

	// then the journal keeps the changes, and the page shows them.
	sessions := storedSessions(t, store)
	if len(sessions) != 1 {
		t.Fatalf("%d sessions stored, want 1", len(sessions))
	}
	s := sessions[0]
	at := time.Date(2026, 11, 17, 9, 0, 0, 0, time.Local)
	want := []journal.Question{{Text: "two, again", Done: true}, {Text: "three", Done: true}}
	if s.ID != saved[0].ID || !s.At.Equal(at) || s.Format != "couples" || s.Takeaways != "We both go quiet." || !slices.Equal(s.Questions, want) {
		t.Errorf("stored %+v", s)
	}
	if v.selected != s.ID || v.takeaways.Text != "We both go quiet." || v.ticked.Text != "2 of 2 questions ticked" {
		t.Errorf("page shows %q, %q", v.takeaways.Text, v.ticked.Text)
	}
}

func TestSessions_TickingAQuestionSavesAtOnce(t *testing.T) {
	v, _, store := newTestSessions(t)
	saved := seedSessions(t, store, ditApproach)
	saved[0].Questions = []journal.Question{{Text: "one"}, {Text: "two"}, {Text: "three", Done: true}}
	if _, err := store.SaveSession(saved[0]); err != nil {
		t.Fatal(err)
	}
	v.reload()
	chooseSession(t, v, saved[0].At)
	if v.ticked.Text != "1 of 3 questions ticked" || len(v.checks) != 3 {
		t.Fatalf("before ticking: %q, %d checks", v.ticked.Text, len(v.checks))
	}

	// When the second question is ticked and the third unticked,
	test.Tap(v.checks[1])
	test.Tap(v.checks[2])

	// then the journal has it at once, and the page and list count it.
	got := storedSessions(t, store)[0].Questions
	want := []journal.Question{{Text: "one"}, {Text: "two", Done: true}, {Text: "three"}}
	if !slices.Equal(got, want) {
		t.Errorf("stored questions = %+v, want %+v", got, want)
	}
	if v.ticked.Text != "1 of 3 questions ticked" || !strings.Contains(shownText(t, v.list), "1 of 3 questions ticked\n") {
		t.Errorf("after ticking, the page says %q", v.ticked.Text)
	}
	// Tapping a question's text ticks it, as on its check.
	walk(t, v.questions, func(o fyne.CanvasObject) {
		if l, ok := o.(*tickLabel); ok && l.Text == "one" {
			test.Tap(l)
		}
	})
	if q := storedSessions(t, store)[0].Questions[0]; !q.Done || !v.checks[0].Checked {
		t.Errorf("tapping the text left %+v", q)
	}
}

func TestSessions_DeleteAsksFirst(t *testing.T) {
	v, w, store := newTestSessions(t)
	saved := seedSessions(t, store, ditApproach, ditApproach)
	v.reload()
	chooseSession(t, v, saved[1].At)

	// When Delete… is chosen, it asks first, with the focus on Keep;
	test.Tap(v.edit)
	v.form.takeaways.SetText("changed, not saved")
	test.Tap(dialogButtonIn(t, w, "Delete…"))
	if got := sessionsDialogText(t, w); !strings.Contains(got, "Delete the session of Wed 18 Nov 2026, 18:00") {
		t.Errorf("the question says:\n%s", got)
	}
	if keep := dialogButtonIn(t, w, "Keep"); w.Canvas().Focused() != keep {
		t.Error("Keep doesn't have the focus")
	}
	// keeping it goes back to the dialog as typed, and deletes nothing.
	test.Tap(dialogButtonIn(t, w, "Keep"))
	if v.form.takeaways.Text != "changed, not saved" {
		t.Errorf("back in the dialog, the takeaways are %q", v.form.takeaways.Text)
	}
	if n := len(storedSessions(t, store)); n != 2 {
		t.Fatalf("%d sessions after Keep, want 2", n)
	}

	// When Delete is confirmed, the session is gone from the journal and
	// the screen.
	test.Tap(dialogButtonIn(t, w, "Delete…"))
	test.Tap(dialogButtonIn(t, w, "Delete"))
	sessions := storedSessions(t, store)
	if len(sessions) != 1 || sessions[0].ID != saved[0].ID {
		t.Errorf("left after deleting: %+v", sessions)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is still open after deleting")
	}
	if len(v.listed) != 1 || v.selected != 0 || v.right.Objects[0] == v.page {
		t.Errorf("after deleting: %d listed, showing %d", len(v.listed), v.selected)
	}
}

func TestSessions_NextSession(t *testing.T) {
	v, w, store := newTestSessions(t)
	v.reload()
	setting := func() string {
		t.Helper()
		value, err := store.Setting(journal.SettingNextSession)
		if err != nil {
			t.Fatal(err)
		}
		return value
	}

	// When the next session is set, with Return,
	test.Tap(v.setNext)
	test.Type(v.nextWhen, "2026-12-01 18:00")
	v.nextWhen.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	// then it is kept and shown, with how far off it is.
	want := time.Date(2026, 12, 1, 18, 0, 0, 0, time.Local)
	if got, err := time.Parse(time.RFC3339, setting()); err != nil || !got.Equal(want) {
		t.Errorf("stored %q, want %v", setting(), want)
	}
	if v.nextLabel.Text != "Next session: Tue 1 Dec 2026, 18:00 (in 6 days)" {
		t.Errorf("shown %q", v.nextLabel.Text)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is still open after setting")
	}

	// Opening it again shows the date; Clear removes it.
	test.Tap(v.setNext)
	if v.nextWhen.Text != "2026-12-01 18:00" {
		t.Errorf("the dialog opens with %q", v.nextWhen.Text)
	}
	test.Tap(dialogButtonIn(t, w, "Clear"))
	if setting() != "" || v.nextLabel.Text != "No next session set" {
		t.Errorf("after Clear: stored %q, shown %q", setting(), v.nextLabel.Text)
	}
}

func TestSessions_BadDateStoresNothing(t *testing.T) {
	tests := []struct {
		name  string
		open  func(v *sessionsScreen)
		field func(v *sessionsScreen) fyne.Focusable
		set   string // the dialog's main button
	}{
		{"next session", func(v *sessionsScreen) { test.Tap(v.setNext) }, func(v *sessionsScreen) fyne.Focusable { return v.nextWhen }, "Set"},
		{"session", func(v *sessionsScreen) { test.Tap(v.add) }, func(v *sessionsScreen) fyne.Focusable { return v.form.when }, "Save"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, w, store := newTestSessions(t)
			v.reload()
			// When a date that can't be read is typed and set,
			tt.open(v)
			if v.form != nil {
				v.form.when.SetText("")
				v.form.takeaways.SetText("kept while the date is fixed")
			}
			test.Type(tt.field(v), "next week")
			test.Tap(dialogButtonIn(t, w, tt.set))
			// then the problem is shown,
			if got := sessionsDialogText(t, w); !strings.Contains(got, `"next week" is not a date I can read`) {
				t.Errorf("problem shown:\n%s", got)
			}
			test.Tap(dialogButtonIn(t, w, "OK"))
			// the dialog is back as typed,
			if f := v.form; f != nil && (f.when.Text != "next week" || f.takeaways.Text != "kept while the date is fixed") {
				t.Errorf("the session dialog came back with %q, %q", f.when.Text, f.takeaways.Text)
			}
			if v.nextWhen != nil && v.nextWhen.Text != "next week" {
				t.Errorf("the next session dialog came back with %q", v.nextWhen.Text)
			}
			// and nothing is stored.
			if value, _ := store.Setting(journal.SettingNextSession); value != "" {
				t.Errorf("next session stored: %q", value)
			}
			if n := len(storedSessions(t, store)); n != 0 {
				t.Errorf("%d sessions stored", n)
			}
			if v.nextLabel.Text != "No next session set" || len(v.listed) != 0 {
				t.Errorf("the screen changed: %q, %d listed", v.nextLabel.Text, len(v.listed))
			}
		})
	}
}

// Ticks save in the background in no set order; the last one stays.
func TestSessions_QuickTicksKeepTheLast(t *testing.T) {
	v, _, store := newTestSessions(t)
	saved := seedSessions(t, store, ditApproach)
	saved[0].Questions = []journal.Question{{Text: "one"}, {Text: "two"}}
	if _, err := store.SaveSession(saved[0]); err != nil {
		t.Fatal(err)
	}
	v.reload()
	chooseSession(t, v, saved[0].At)

	// When the questions are ticked and unticked quickly, off the UI
	// goroutine as in the app,
	v.background = inBackground
	for range 5 {
		test.Tap(v.checks[0])
		test.Tap(v.checks[1])
	}
	test.Tap(v.checks[1])

	// then the journal ends with the last ticks.
	want := []journal.Question{{Text: "one", Done: true}, {Text: "two"}}
	deadline := time.Now().Add(5 * time.Second)
	for {
		v.writing.Lock()
		waiting := len(v.ticks)
		v.writing.Unlock()
		got := storedSessions(t, store)[0].Questions
		if waiting == 0 && slices.Equal(got, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("stored questions = %+v, want %+v", got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestSessions_NextSessionRepeats: a weekly next session whose date has
// passed shows the date a week on; the choice is kept with the date.
func TestSessions_NextSessionRepeats(t *testing.T) {
	v, _, store := newTestSessions(t)
	v.reload()
	test.Tap(v.setNext)
	test.Type(v.nextWhen, "2026-11-20 18:00") // before fixedNow, Wed 25 Nov
	v.repeats.SetSelected("weekly")
	v.nextWhen.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if repeat, _ := store.Setting(journal.SettingNextSessionRepeat); repeat != "weekly" {
		t.Fatalf("kept repeat %q, want weekly", repeat)
	}
	if !strings.Contains(v.nextLabel.Text, "Fri 27 Nov 2026, 18:00") {
		t.Fatalf("shown %q, want the date a week on", v.nextLabel.Text)
	}
	// Opening the dialog again shows the choice; Clear removes both.
	test.Tap(v.setNext)
	if v.repeats.Selected != "weekly" {
		t.Fatalf("the dialog opens with repeat %q", v.repeats.Selected)
	}
}
