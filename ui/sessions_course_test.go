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
)

const beginning = " · beginning phase: engagement and the interpersonal focus"

// assertBelow fails unless lower starts below where upper ends on
// screen: a line that comes and goes must push what follows down.
func assertBelow(t *testing.T, upper, lower fyne.CanvasObject) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	if end, start := d.AbsolutePositionForObject(upper).Y+upper.Size().Height, d.AbsolutePositionForObject(lower).Y; start < end {
		t.Errorf("%T starts at %v, over the %T above it, which ends at %v", lower, start, upper, end)
	}
}

func TestSessions_StartANewCourse(t *testing.T) {
	v, w, store := newTestSessions(t)
	// Given a whole course, the last session a week ago,
	seedSessions(t, store, slices.Repeat([]string{ditApproach}, 16)...)
	v.reload()
	if !v.course.Visible() || v.courseLabel.Text != "Your DIT course so far: session 16 of 16, the last one planned · ending phase" {
		t.Errorf("the course line says %q (shown %v)", v.courseLabel.Text, v.course.Visible())
	}
	assertBelow(t, v.nextLabel, v.courseLabel)
	assertBelow(t, v.startCourse, v.add)

	// when a new course is started,
	test.Tap(v.startCourse)
	f := v.form
	if f.approach.Selected != ditApproach || f.format.Selected != "individual" || !f.newCourse.Checked || f.newCourse.Disabled() {
		t.Fatalf("the dialog opens with %q, %q, new course %v", f.approach.Selected, f.format.Selected, f.newCourse.Checked)
	}
	if f.courseNote.Text != "This is session 1 of 16, 15 left"+beginning+"." {
		t.Errorf("the dialog says %q", f.courseNote.Text)
	}
	test.Tap(dialogButtonIn(t, w, "Save"))

	// then the journal marks it, and the screen counts from 1 again.
	sessions := storedSessions(t, store)
	if last := sessions[len(sessions)-1]; !last.NewCourse || last.Approach != ditApproach {
		t.Errorf("stored %+v", last)
	}
	if got := sessionKind(v.listed[0]); got != "individual · "+ditApproach+" · session 1 of 16, 15 left"+beginning {
		t.Errorf("the new session reads %q", got)
	}
	if got := sessionKind(v.listed[1]); got != "individual · "+ditApproach+" · session 16 of 16, the last one planned · ending phase" {
		t.Errorf("the last of the first course reads %q", got)
	}
	if v.courseLabel.Text != "Your DIT course so far: session 1 of 16, 15 left"+beginning {
		t.Errorf("the course line says %q", v.courseLabel.Text)
	}
	if list := shownText(t, v.list); !strings.Contains(list, "session 1 of 16, 15 left\n") || !strings.Contains(list, "session 16 of 16, the last one planned\n") {
		t.Errorf("rows shown:\n%s", list)
	}

	// Editing the session shows the mark; taking it off joins the courses.
	chooseSession(t, v, v.listed[0].At)
	test.Tap(v.edit)
	if !v.form.newCourse.Checked {
		t.Fatal("the dialog doesn't show the session starts a course")
	}
	test.Tap(v.form.newCourse)
	if v.form.courseNote.Text != "This is session 17, 1 past the 16 planned." {
		t.Errorf("unticked, the dialog says %q", v.form.courseNote.Text)
	}
	test.Tap(dialogButtonIn(t, w, "Save"))
	if got := sessionKind(v.listed[0]); got != "individual · "+ditApproach+" · session 17, 1 past the 16 planned" {
		t.Errorf("unmarked, the session reads %q", got)
	}
}

// Everything above is done with the keyboard too: Tab reaches Start a
// new course… and Space presses it; in the dialog of a session logged
// late, Tab reaches the new-course box and Space ticks it.
func TestSessions_NewCourseByKeyboard(t *testing.T) {
	v, w, store := newTestSessions(t)
	seedSessions(t, store, ditApproach, ditApproach, ditApproach)
	v.reload()
	focus := func(target fyne.Focusable) {
		t.Helper()
		for range 30 {
			if w.Canvas().Focused() == target {
				return
			}
			test.FocusNext(w.Canvas())
		}
		t.Fatalf("Tab never reaches %T", target)
	}

	focus(v.startCourse)
	v.startCourse.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if v.form == nil || !v.form.newCourse.Checked {
		t.Fatal("Space on Start a new course… didn't open the dialog for one")
	}
	// Cancel, by Return, leaves it; the log dialog takes a date a week
	// before the first session, then the box.
	dialogButtonIn(t, w, "Cancel").TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	focus(v.add)
	v.add.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	f := v.form
	if w.Canvas().Focused() != f.when {
		t.Fatal("the dialog doesn't start in the date")
	}
	first := storedSessions(t, store)[0].At
	f.when.SetText(first.AddDate(0, 0, -7).Format(journal.DateTimeLayout))
	f.approach.SetSelected(ditApproach)
	if f.courseNote.Text != "This is session 1 of 16, 15 left"+beginning+"." {
		t.Errorf("logged late, before the course, the dialog says %q", f.courseNote.Text)
	}
	assertBelow(t, f.approach, f.newCourse)
	assertBelow(t, f.courseNote, f.takeaways)
	focus(f.newCourse)
	f.newCourse.TypedRune(' ')
	if !f.newCourse.Checked {
		t.Fatal("Space didn't tick the box")
	}
	save := dialogButtonIn(t, w, "Save")
	focus(save)
	save.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	// The session logged late is first by date, and starts the course.
	sessions := storedSessions(t, store)
	if len(sessions) != 4 || !sessions[0].NewCourse {
		t.Fatalf("stored %+v", sessions)
	}
	var numbers []int
	for _, s := range v.listed {
		numbers = append(numbers, s.position.Number)
	}
	if !slices.Equal(numbers, []int{4, 3, 2, 1}) {
		t.Errorf("numbers newest first = %v, want 4 3 2 1", numbers)
	}
}

// Only an individual session of DIT counts, and only one can start a
// course: the box is closed to a couples session and gone for another
// approach, and the session is saved without it.
func TestSessions_CouplesSessionIsNotCounted(t *testing.T) {
	v, w, store := newTestSessions(t)
	seedSessions(t, store, ditApproach)
	v.reload()

	test.Tap(v.startCourse)
	f := v.form
	f.format.SetSelected("couples")
	if !f.newCourse.Disabled() || f.courseNote.Text != "Only individual sessions count in a course, so this couples session is not numbered." {
		t.Errorf("for a couples session the box is open (%v), and the dialog says %q", !f.newCourse.Disabled(), f.courseNote.Text)
	}
	test.Tap(dialogButtonIn(t, w, "Save"))

	sessions := storedSessions(t, store)
	if len(sessions) != 2 || sessions[1].NewCourse || sessions[1].Format != "couples" {
		t.Fatalf("stored %+v", sessions)
	}
	if got := sessionKind(v.listed[0]); got != "couples · "+ditApproach {
		t.Errorf("the couples session reads %q", got)
	}
	// Its row has no place in the course beside it.
	row := newSessionRow()
	v.updateRow(0, row)
	if got := row.(*fyne.Container).Objects[1].(*fyne.Container).Objects[1].(*widget.Label).Text; got != "" {
		t.Errorf("the couples session's row says %q", got)
	}

	test.Tap(v.add)
	v.form.approach.SetSelected("psychodynamic")
	if v.form.course.Visible() {
		t.Error("the new-course box shows for psychodynamic therapy")
	}
}

// With no session counted in a course, there is no course line.
func TestSessions_NoCourseLineWithoutDIT(t *testing.T) {
	v, _, store := newTestSessions(t)
	seedSessions(t, store, "psychodynamic")
	if _, err := store.SaveSession(journal.Session{At: fixedNow.Add(48 * time.Hour), Approach: ditApproach}); err != nil {
		t.Fatal(err)
	}
	v.reload()
	if v.course.Visible() {
		t.Errorf("the course line shows %q before any DIT session has happened", v.courseLabel.Text)
	}
}
