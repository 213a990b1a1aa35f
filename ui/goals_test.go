package ui

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// newTestGoals builds the goals screen in a window of its own, on a
// fresh journal, loading synchronously with the clock at fixedNow.
func newTestGoals(t *testing.T) (*goalsScreen, fyne.Window, *jstore.Store) {
	t.Helper()
	store := mustOpenJournal(t)
	v, w := showTestGoals(t, store)
	return v, w, store
}

func showTestGoals(t *testing.T, store goalsStore) (*goalsScreen, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	v := newGoalsScreen(testEnv(), w, store)
	w.SetContent(v.content)
	w.Resize(fyne.NewSize(1100, 720))
	w.Show()
	return v, w
}

// reopenedJournal opens the journal again, as the next start of the app would.
func reopenedJournal(t *testing.T, store *jstore.Store) *jstore.Store {
	t.Helper()
	again, err := jstore.Open(store.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.Close() })
	return again
}

// seedGoals adds A (with sub-goals a1 and a2), B and C, in that order.
func seedGoals(t *testing.T, store *jstore.Store) map[string]journal.Goal {
	t.Helper()
	added, err := store.AddGoals([]journal.Goal{
		{Title: "A"}, {Title: "a1", ParentID: -1}, {Title: "a2", ParentID: -2},
		{Title: "B", Description: "what B means"}, {Title: "C"},
	})
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]journal.Goal{}
	for _, g := range added {
		byTitle[g.Title] = g
	}
	return byTitle
}

func checkInOn(t *testing.T, store *jstore.Store, goal int64, daysAgo, rating int, note string) {
	t.Helper()
	if _, err := store.AddCheckIn(journal.CheckIn{GoalID: goal, At: fixedNow.AddDate(0, 0, -daysAgo), Rating: rating, Note: note}); err != nil {
		t.Fatal(err)
	}
}

// goalOrder is the goals in the store's order, sub-goals as "parent/sub"
// and anything not active with its status.
func goalOrder(t *testing.T, store *jstore.Store) string {
	t.Helper()
	goals, err := store.Goals()
	if err != nil {
		t.Fatal(err)
	}
	titles := map[int64]string{}
	var out []string
	for _, g := range goals {
		titles[g.ID] = g.Title
		s := g.Title
		if g.ParentID != 0 {
			s = titles[g.ParentID] + "/" + s
		}
		if g.Status != journal.GoalActive {
			s += " (" + string(g.Status) + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

// rowOf finds a goal's row in the list.
func rowOf(t *testing.T, v *goalsScreen, title string) *goalRow {
	t.Helper()
	for _, r := range v.rows {
		if r.goal.Title == title {
			return r
		}
	}
	t.Fatalf("%q is not in the list of goals", title)
	return nil
}

// listedGoals is the goals' titles as the list shows them, sub-goals
// indented with "  ", each with its latest rating.
func listedGoals(v *goalsScreen) string {
	var out []string
	for _, r := range v.rows {
		s := r.goal.Title + " " + v.latestRating(r.goal.ID)
		if v.indented(r.goal) {
			s = "  " + s
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

func starterNamed(t *testing.T, v *goalsScreen, title string) *starterChoice {
	t.Helper()
	i := slices.IndexFunc(v.firstUse.choices, func(c *starterChoice) bool { return c.title == title })
	if i < 0 {
		t.Fatalf("%q is not offered", title)
	}
	return v.firstUse.choices[i]
}

func TestGoals_FirstUseOffersTheStarterSet(t *testing.T) {
	v, w, store := newTestGoals(t)

	// Given no goals yet, the screen offers the starter set:
	v.reload()
	if v.whole.Objects[0] != v.firstUse.content {
		t.Fatal("the starter goals aren't offered on first use")
	}
	// none of them ticked, each with its description on screen,
	shown := textOf(v.firstUse.checks)
	for _, s := range journal.StarterGoals {
		c := starterNamed(t, v, s.Title)
		if c.check.Checked || c.parent != nil || !strings.Contains(shown, s.Description) {
			t.Errorf("%q: ticked %v, under %v, description shown %v", s.Title, c.check.Checked, c.parent, strings.Contains(shown, s.Description))
		}
		for _, sub := range s.Sub {
			c := starterNamed(t, v, sub.Title)
			if c.check.Checked || !c.check.Disabled() || c.parent == nil || c.parent.title != s.Title || !strings.Contains(shown, sub.Description) {
				t.Errorf("sub-goal %q: ticked %v, disabled %v, under %v", sub.Title, c.check.Checked, c.check.Disabled(), c.parent)
			}
		}
	}
	// and a sub-goal can be ticked once its goal is, and not kept without it.
	relationships := starterNamed(t, v, "Improve relationships")
	test.Tap(relationships.check)
	if starterNamed(t, v, "Set healthy boundaries").check.Disabled() {
		t.Error("a sub-goal stays disabled when its goal is ticked")
	}
	test.Tap(relationships.check)
	if !starterNamed(t, v, "Set healthy boundaries").check.Disabled() {
		t.Error("a sub-goal stays enabled when its goal is unticked")
	}
	test.Tap(relationships.check)

	// When the person ticks the ones that fit and types an own goal,
	for _, title := range []string{"Express what I need", "Choose partners who are emotionally available",
		"Identify my patterns", "Be more mindful of my choices", "Understand myself better"} {
		test.Tap(starterNamed(t, v, title).check)
	}
	test.Type(v.firstUse.own, "Sleep before midnight")
	v.firstUse.own.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c := starterNamed(t, v, "Sleep before midnight"); !c.check.Checked || v.firstUse.own.Text != "" {
		t.Errorf("own goal: ticked %v, field left %q", c.check.Checked, v.firstUse.own.Text)
	}
	test.Tap(v.firstUse.start)

	// then the ticked ones are saved, sub-goals under Improve relationships,
	want := "Improve relationships, Improve relationships/Express what I need, " +
		"Improve relationships/Choose partners who are emotionally available, " +
		"Identify my patterns, Be more mindful of my choices, Understand myself better, Sleep before midnight"
	if got := goalOrder(t, reopenedJournal(t, store)); got != want {
		t.Errorf("saved goals:\n%s\nwant:\n%s", got, want)
	}
	// and the list shows them, the first one's page open.
	if v.whole.Objects[0] != v.split || w.Canvas().Overlays().Top() != nil {
		t.Fatal("the list isn't shown after starting")
	}
	wantList := "Improve relationships –\n  Express what I need –\n  Choose partners who are emotionally available –\n" +
		"Identify my patterns –\nBe more mindful of my choices –\nUnderstand myself better –\nSleep before midnight –"
	if got := listedGoals(v); got != wantList {
		t.Errorf("list:\n%s\nwant:\n%s", got, wantList)
	}
	if v.title.Text != "Improve relationships" || v.right.Objects[0] != v.page {
		t.Errorf("page shows %q", v.title.Text)
	}
	// Each keeps its description.
	saved, err := store.Goals()
	if err != nil || saved[0].Description != journal.StarterGoals[0].Description || saved[len(saved)-1].Description != "" {
		t.Errorf("descriptions saved: %+v, %v", saved, err)
	}
}

func TestGoals_FirstUseWithNothingTickedSavesNothing(t *testing.T) {
	v, w, store := newTestGoals(t)
	v.reload()
	for _, c := range v.firstUse.choices {
		c.check.SetChecked(false)
	}
	test.Tap(v.firstUse.start)
	if got := shownText(t, w.Canvas().Overlays().Top()); !strings.Contains(got, "Tick the goals that fit") {
		t.Errorf("nothing ticked says:\n%s", got)
	}
	test.Tap(dialogButtonIn(t, w, "OK"))
	if got := goalOrder(t, store); got != "" {
		t.Errorf("goals saved: %s", got)
	}
}

func TestGoals_SkipThenAddOwnGoals(t *testing.T) {
	v, w, store := newTestGoals(t)
	v.reload()

	// When the starter set is skipped, the empty list says what to do,
	test.Tap(v.firstUse.skip)
	if v.whole.Objects[0] != v.split || !v.emptyList.Visible() || !strings.Contains(textOf(v.emptyList), "No goals yet") {
		t.Fatal("skipping doesn't show the empty list")
	}
	if v.hint.Text != goalsIntro || w.Canvas().Focused() != v.add {
		t.Errorf("hint %q; focus on %v", v.hint.Text, w.Canvas().Focused())
	}

	// and a goal added from there is saved and shown.
	test.Tap(v.add)
	test.Type(v.goalForm.title, "Sleep before midnight")
	test.Type(v.goalForm.description, "Phone out of the bedroom")
	test.Tap(dialogButtonIn(t, w, "Add"))
	if w.Canvas().Focused() != rowOf(t, v, "Sleep before midnight").pick {
		t.Errorf("after adding, the focus is on %v, not the new goal", w.Canvas().Focused())
	}
	// A second one, as part of the first.
	test.Tap(v.add)
	test.Type(v.goalForm.title, "No screens after ten")
	if got := v.goalForm.under.Options; len(got) != 2 || got[1] != "Sleep before midnight" {
		t.Fatalf("can be part of %v", got)
	}
	v.goalForm.under.SetSelectedIndex(1)
	v.goalForm.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	if got := goalOrder(t, store); got != "Sleep before midnight, Sleep before midnight/No screens after ten" {
		t.Errorf("goals = %s", got)
	}
	if v.emptyList.Visible() || listedGoals(v) != "Sleep before midnight –\n  No screens after ten –" {
		t.Errorf("list:\n%s", listedGoals(v))
	}
	if v.title.Text != "No screens after ten" || !strings.HasPrefix(v.status.Text, "Part of Sleep before midnight · active since ") {
		t.Errorf("page shows %q, %q", v.title.Text, v.status.Text)
	}

	// A goal without a title is refused, and nothing changes.
	test.Tap(v.add)
	test.Type(v.goalForm.title, "   ")
	test.Tap(dialogButtonIn(t, w, "Add"))
	if got := shownText(t, w.Canvas().Overlays().Top()); !strings.Contains(got, "A goal needs a title") {
		t.Errorf("blank title says:\n%s", got)
	}
	test.Tap(dialogButtonIn(t, w, "OK"))
	if got := goalOrder(t, store); strings.Count(got, ",") != 1 {
		t.Errorf("goals after a blank title = %s", got)
	}
}

func TestGoals_EditGoal(t *testing.T) {
	v, w, store := newTestGoals(t)
	goals := seedGoals(t, store)
	v.reload()
	v.choose(goals["B"].ID)
	if v.description.Text != "what B means" {
		t.Errorf("description = %q", v.description.Text)
	}

	test.Tap(v.edit)
	if v.goalForm.title.Text != "B" || v.goalForm.under != nil {
		t.Fatalf("edit form: %q, under %v", v.goalForm.title.Text, v.goalForm.under)
	}
	v.goalForm.title.SetText("Be braver")
	v.goalForm.description.SetText("Say it out loud")
	test.Tap(dialogButtonIn(t, w, "Save"))

	g, err := store.Goal(goals["B"].ID)
	if err != nil || g.Title != "Be braver" || g.Description != "Say it out loud" {
		t.Fatalf("after edit: %+v, %v", g, err)
	}
	if v.title.Text != "Be braver" || v.description.Text != "Say it out loud" || rowOf(t, v, "Be braver") == nil {
		t.Errorf("page shows %q, %q", v.title.Text, v.description.Text)
	}
}

func TestGoals_ReorderingPersists(t *testing.T) {
	v, w, store := newTestGoals(t)
	seedGoals(t, store)
	v.reload()
	if got := listedGoals(v); got != "A –\n  a1 –\n  a2 –\nB –\nC –" {
		t.Fatalf("list:\n%s", got)
	}
	// The first can't go up, nor the last down.
	if !rowOf(t, v, "A").up.Disabled() || !rowOf(t, v, "C").down.Disabled() || !rowOf(t, v, "a2").down.Disabled() {
		t.Error("an arrow that can't move anything is enabled")
	}

	tests := []struct {
		name  string
		press func()
		want  string
	}{
		{"C up", func() { test.Tap(rowOf(t, v, "C").up) }, "A, A/a1, A/a2, C, B"},
		{"C up again, from the keyboard", func() {
			up := rowOf(t, v, "C").up
			if w.Canvas().Focused() != up {
				t.Errorf("the focus isn't on C's ▲ after moving it: %v", w.Canvas().Focused())
			}
			up.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		}, "C, A, A/a1, A/a2, B"},
		{"a sub-goal moves among its goal's sub-goals", func() { test.Tap(rowOf(t, v, "a1").down) }, "C, A, A/a2, A/a1, B"},
		{"C dragged down past A", func() {
			c, a := rowOf(t, v, "C"), rowOf(t, v, "A")
			dy := a.content.Position().Y - c.content.Position().Y
			if dy <= 0 {
				t.Fatalf("rows aren't laid out: C at %v, A at %v", c.content.Position(), a.content.Position())
			}
			c.handle.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: dy / 2}})
			c.handle.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: dy/2 + 2}})
			c.handle.DragEnd()
		}, "A, A/a2, A/a1, C, B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.press()
			if got := goalOrder(t, reopenedJournal(t, store)); got != tt.want {
				t.Errorf("after %s, goals:\n%s\nwant:\n%s", tt.name, got, tt.want)
			}
		})
	}

	// Moving skips goals that aren't active: with C archived, B goes up
	// above A, and C stays where it was among the siblings.
	test.Tap(rowOf(t, v, "C").pick)
	test.Tap(v.archive)
	test.Tap(rowOf(t, v, "B").up)
	if got, want := goalOrder(t, store), "B, A, A/a2, A/a1, C (archived)"; got != want {
		t.Errorf("with C archived, goals:\n%s\nwant:\n%s", got, want)
	}
	if got := listedGoals(v); got != "B –\nA –\n  a2 –\n  a1 –\nC –" {
		t.Errorf("list:\n%s", got)
	}
}

func TestGoals_ArchivingPersistsAndKeepsCheckIns(t *testing.T) {
	v, w, store := newTestGoals(t)
	goals := seedGoals(t, store)
	b := goals["B"].ID
	checkInOn(t, store, b, 10, 3, "hard week")
	checkInOn(t, store, b, 2, 6, "")
	v.reload()

	// When B is archived from its page,
	test.Tap(rowOf(t, v, "B").pick)
	test.Tap(v.archive)

	// then it stays archived, with when, and its check-ins are kept;
	again := reopenedJournal(t, store)
	g, err := again.Goal(b)
	if err != nil || g.Status != journal.GoalArchived || g.DoneAt.IsZero() {
		t.Fatalf("after archiving: %+v, %v", g, err)
	}
	if got, err := again.CheckIns(b); err != nil || len(got) != 2 {
		t.Errorf("check-ins after archiving: %v, %v", got, err)
	}
	// it moves to Archived, greyed, and can be made active again;
	row := rowOf(t, v, "B")
	if !slices.Contains(v.archived.Objects, row.content) || v.archived.Hidden || row.reactivate == nil || row.up != nil {
		t.Error("B isn't listed under Archived")
	}
	if !strings.Contains(textOf(v.archived), "Archived") || !v.completed.Hidden {
		t.Errorf("sections: archived %q, completed hidden %v", textOf(v.archived), v.completed.Hidden)
	}
	if below, end := v.archived.Position().Y, v.active.Position().Y+v.active.Size().Height; below < end || v.active.Size().Height < v.active.MinSize().Height {
		t.Errorf("the list isn't laid out again: Archived starts at %v, the active goals end at %v", below, end)
	}
	// its page still shows the check-ins, and says it is archived.
	if !strings.HasPrefix(v.status.Text, "Archived ") || v.archive.Visible() || v.checkIn.Visible() || !v.reactivate.Visible() {
		t.Errorf("page: status %q", v.status.Text)
	}
	if w.Canvas().Focused() != v.reactivate {
		t.Errorf("focus after archiving is on %v", w.Canvas().Focused())
	}
	if got := textOf(v.history); !strings.Contains(got, "Mon 23 Nov 2026 · 6/10") || !strings.Contains(got, "hard week") || v.chart == nil {
		t.Errorf("history after archiving:\n%s", got)
	}

	// Completing A moves it to Completed, its active sub-goals staying
	// in the active list, marked with what they are part of.
	test.Tap(rowOf(t, v, "A").pick)
	test.Tap(v.complete)
	if !slices.Contains(v.completed.Objects, rowOf(t, v, "A").content) || v.completed.Hidden {
		t.Error("A isn't listed under Completed")
	}
	if v.indented(rowOf(t, v, "a1").goal) || !strings.Contains(shownText(t, rowOf(t, v, "a1").content), "a1 (under A)") {
		t.Errorf("a1's row: %s", shownText(t, rowOf(t, v, "a1").content))
	}

	// Made active again from the list, B is back among the active goals.
	test.Tap(rowOf(t, v, "B").reactivate)
	if got := goalOrder(t, store); got != "A (completed), A/a1, A/a2, B, C" {
		t.Errorf("goals after making B active again: %s", got)
	}
	if !slices.Contains(v.active.Objects, rowOf(t, v, "B").content) || !v.archived.Hidden {
		t.Error("B isn't back among the active goals")
	}
}

func TestGoals_CheckInSaved(t *testing.T) {
	v, w, store := newTestGoals(t)
	goals := seedGoals(t, store)
	a := goals["A"].ID
	v.reload()
	if v.chart != nil || !strings.Contains(textOf(v.chartArea), "No check-ins yet") {
		t.Errorf("chart area without check-ins:\n%s", textOf(v.chartArea))
	}

	// When A is checked in on today, the rating moved up twice with the
	// keyboard from the middle, with a note,
	test.Tap(v.checkIn)
	f := v.checkInForm
	if f.date.Text != "2026-11-25" || f.rating.Value != 5 || w.Canvas().Focused() != f.rating {
		t.Fatalf("form starts at %q, %v; focus %v", f.date.Text, f.rating.Value, w.Canvas().Focused())
	}
	f.rating.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	f.rating.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	test.Type(f.note, "asked for the evening off")
	if f.value.Text != "7/10" {
		t.Errorf("rating shows %q", f.value.Text)
	}
	test.Tap(dialogButtonIn(t, w, "Save"))

	// then it is saved at this moment, and shown.
	got, err := store.CheckIns(a)
	if err != nil || len(got) != 1 {
		t.Fatalf("check-ins: %v, %v", got, err)
	}
	if c := got[0]; c.Rating != 7 || c.Note != "asked for the evening off" || !c.At.Equal(fixedNow) {
		t.Errorf("saved %+v", c)
	}
	if rating := v.latestRating(a); rating != "7/10" {
		t.Errorf("row shows %q", rating)
	}
	if got := textOf(v.history); got != "Wed 25 Nov 2026 · 7/10: asked for the evening off\n" {
		t.Errorf("history:\n%s", got)
	}
	if v.chart == nil || len(v.chart.checkIns) != 1 {
		t.Error("the chart isn't drawn")
	}

	// An earlier day starts from the last rating, and is kept at that day.
	test.Tap(v.checkIn)
	if v.checkInForm.rating.Value != 7 {
		t.Errorf("second check-in starts at %v", v.checkInForm.rating.Value)
	}
	v.checkInForm.date.SetText("2026-11-20")
	v.checkInForm.rating.SetValue(4)
	v.checkInForm.date.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	got, _ = store.CheckIns(a)
	if len(got) != 2 || !got[0].At.Equal(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) || got[0].Rating != 4 {
		t.Errorf("check-ins: %+v", got)
	}
	if rating := v.latestRating(a); rating != "7/10" {
		t.Errorf("row shows %q after an earlier check-in", rating)
	}

	tests := []struct{ name, date, says string }{
		{"unreadable", "20/11", "not a date I can read"},
		{"future", "2026-12-01", "2026-12-01 is after today"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.Tap(v.checkIn)
			v.checkInForm.date.SetText(tt.date)
			test.Tap(dialogButtonIn(t, w, "Save"))
			if got := shownText(t, w.Canvas().Overlays().Top()); !strings.Contains(got, tt.says) {
				t.Errorf("a %s date says:\n%s", tt.name, got)
			}
			test.Tap(dialogButtonIn(t, w, "OK"))
			if got, _ := store.CheckIns(a); len(got) != 2 {
				t.Errorf("%d check-ins after a %s date", len(got), tt.name)
			}
		})
	}

	// Cancel saves nothing.
	test.Tap(v.checkIn)
	test.Tap(dialogButtonIn(t, w, "Cancel"))
	if got, _ := store.CheckIns(a); len(got) != 2 {
		t.Errorf("%d check-ins after Cancel", len(got))
	}
}

func TestGoals_ChangeSinceLastSession(t *testing.T) {
	day := func(daysAgo int) time.Time { return fixedNow.AddDate(0, 0, -daysAgo) }
	checkIns := []journal.CheckIn{{At: day(10), Rating: 4}, {At: day(7), Rating: 5}, {At: day(2), Rating: 7}}
	tests := []struct {
		name     string
		checkIns []journal.CheckIn
		session  time.Time // zero for none
		want     string
	}{
		{"no session", checkIns, time.Time{}, "No session logged yet"},
		{"session between check-ins", checkIns, day(5), "Change since your last session: +2 (from 5 to 7)"},
		{"session on a check-in's day counts it as before", checkIns, day(7), "Change since your last session: +2 (from 5 to 7)"},
		{"down", []journal.CheckIn{{At: day(10), Rating: 6}, {At: day(1), Rating: 3}}, day(5), "Change since your last session: -3 (from 6 to 3)"},
		{"same", []journal.CheckIn{{At: day(10), Rating: 6}, {At: day(1), Rating: 6}}, day(5), "Change since your last session: none (still 6)"},
		{"session after every check-in", checkIns, day(1), "No check-in since your last session (Tue 24 Nov)"},
		{"no check-ins", nil, day(1), "No check-in since your last session (Tue 24 Nov)"},
		{"session before every check-in", checkIns, day(20), "Since your last session (Thu 5 Nov): 7/10. There's no check-in from before it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changeSinceSession(tt.checkIns, journal.Session{At: tt.session}, !tt.session.IsZero())
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q\nwant it to start %q", got, tt.want)
			}
		})
	}

	// On the screen, with sessions saved in the journal: the last one at
	// or before now counts, not one still to come.
	v, _, store := newTestGoals(t)
	goals := seedGoals(t, store)
	a := goals["A"].ID
	for _, c := range checkIns {
		checkInOn(t, store, a, int(fixedNow.Sub(c.At).Hours()/24), c.Rating, "")
	}
	v.reload()
	if !strings.HasPrefix(v.change.Text, "No session logged yet") {
		t.Errorf("without sessions: %q", v.change.Text)
	}
	for _, at := range []time.Time{day(12), day(5), fixedNow.Add(48 * time.Hour)} {
		if _, err := store.SaveSession(journal.Session{At: at}); err != nil {
			t.Fatal(err)
		}
	}
	v.reload()
	if want := "Change since your last session: +2 (from 5 to 7)"; v.change.Text != want {
		t.Errorf("change = %q, want %q", v.change.Text, want)
	}
	if v.chart == nil || !v.chart.session.Equal(day(5)) {
		t.Error("the chart doesn't mark the last session")
	}
	if _, err := store.SaveSession(journal.Session{At: day(1)}); err != nil {
		t.Fatal(err)
	}
	v.reload()
	if !strings.HasPrefix(v.change.Text, "No check-in since your last session") {
		t.Errorf("after a session since the last check-in: %q", v.change.Text)
	}
}

// chartCheckIns are fixed ratings for drawing the chart.
func chartCheckIns() []journal.CheckIn {
	day := func(daysAgo int) time.Time { return fixedNow.AddDate(0, 0, -daysAgo) }
	return []journal.CheckIn{
		{At: day(28), Rating: 3}, {At: day(21), Rating: 4}, {At: day(14), Rating: 4},
		{At: day(9), Rating: 6}, {At: day(3), Rating: 5}, {At: day(0), Rating: 8},
	}
}

func TestGoals_ChartRenders(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name     string
		checkIns []journal.CheckIn
		session  time.Time
	}{
		{"chart", chartCheckIns(), fixedNow.AddDate(0, 0, -7)},
		{"one_check_in", chartCheckIns()[:1], time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := test.NewTempWindow(t, newProgressChart(tt.checkIns, tt.session))
			w.Resize(fyne.NewSize(480, 240))
			test.AssertRendersToMarkup(t, "goals/"+tt.name+".xml", w.Canvas())
		})
	}
}

func TestGoals_EvidenceOpensItsEntry(t *testing.T) {
	v, _, store := newTestGoals(t)
	goals := seedGoals(t, store)
	b := goals["B"].ID
	older, err := store.CreateEntry(journal.Entry{Title: "said no to overtime", WrittenAt: fixedNow.AddDate(0, 0, -4), GoalIDs: []int64{b}})
	if err != nil {
		t.Fatal(err)
	}
	newer, err := store.CreateEntry(journal.Entry{Title: "asked for help", WrittenAt: fixedNow.AddDate(0, 0, -1), GoalIDs: []int64{b}})
	if err != nil {
		t.Fatal(err)
	}
	var opened []int64
	v.openEntry = func(id int64) { opened = append(opened, id) }
	v.reload()
	if got := shownText(t, v.evidence); !strings.Contains(got, "No entries linked yet") {
		t.Errorf("A's evidence:\n%s", got)
	}

	test.Tap(rowOf(t, v, "B").pick)
	if len(v.evidenceFor) != 2 || v.evidenceFor[0].Text != "Tue 24 Nov 2026 · asked for help" {
		t.Fatalf("B's evidence:\n%s", shownText(t, v.evidence))
	}
	test.Tap(v.evidenceFor[1])
	if len(opened) != 1 || opened[0] != older.ID {
		t.Errorf("opened %v, want [%d] (not %d)", opened, older.ID, newer.ID)
	}
}

// failingGoals is a journal whose goal writes fail.
type failingGoals struct{ *jstore.Store }

var errGoalsDiskFull = errors.New("Couldn't save: the disk is full. Free some space and try again. Nothing was changed.")

func (failingGoals) MoveGoal(int64, int) error { return errGoalsDiskFull }
func (failingGoals) UpdateGoal(journal.Goal) (journal.Goal, error) {
	return journal.Goal{}, errGoalsDiskFull
}
func (failingGoals) AddCheckIn(journal.CheckIn) (journal.CheckIn, error) {
	return journal.CheckIn{}, errGoalsDiskFull
}

func TestGoals_StoreErrorsChangeNothing(t *testing.T) {
	store := mustOpenJournal(t)
	seedGoals(t, store)
	v, w := showTestGoals(t, failingGoals{store})
	v.reload()
	before := listedGoals(v)

	tests := []struct {
		name  string
		press func()
		title string
	}{
		{"move", func() { test.Tap(rowOf(t, v, "C").up) }, "Couldn't move this goal"},
		{"archive", func() { test.Tap(v.archive) }, "Couldn't change this goal"},
		{"check in", func() { test.Tap(v.checkIn); test.Tap(dialogButtonIn(t, w, "Save")) }, "Couldn't save the check-in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.press()
			if got := shownText(t, w.Canvas().Overlays().Top()); !strings.Contains(got, tt.title) || !strings.Contains(got, "the disk is full") {
				t.Errorf("problem shown:\n%s", got)
			}
			test.Tap(dialogButtonIn(t, w, "OK"))
			if got := listedGoals(v); got != before {
				t.Errorf("list changed:\n%s", got)
			}
			if got := goalOrder(t, store); got != "A, A/a1, A/a2, B, C" {
				t.Errorf("goals changed: %s", got)
			}
		})
	}
}
