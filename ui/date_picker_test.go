package ui

import (
	"image/png"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// pickerWindow shows one date field with its picker, the clock at fixedNow.
func pickerWindow(t *testing.T, text string, timed bool) (*widget.Entry, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	clock := func() time.Time { return fixedNow }
	entry := withDatePicker(widget.NewEntry(), clock)
	if timed {
		entry = withDateTimePicker(widget.NewEntry(), clock)
	}
	entry.SetText(text)
	w := test.NewWindow(container.NewVBox(widget.NewLabel("Written"), entry))
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(420, 440))
	return entry, w
}

// dayButton finds the calendar's button for a day of the month.
func dayButton(t *testing.T, w fyne.Window, day string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the calendar is not open")
	}
	var found *widget.Button
	walk(t, top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == day && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button for day %s in the calendar", day)
	}
	return found
}

// TestDatePicker_PicksADayKeepingTheTime: the calendar beside a date field
// opens by mouse and by keyboard, and picking a day keeps the typed time.
func TestDatePicker_PicksADayKeepingTheTime(t *testing.T) {
	entry, w := pickerWindow(t, "2026-11-25 18:30", false)
	test.Tap(entry.ActionItem.(*widget.Button))
	test.Tap(dayButton(t, w, "10"))
	if entry.Text != "2026-11-10 18:30" {
		t.Fatalf("after picking the 10th the field says %q", entry.Text)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("the calendar stayed open after a day was picked")
	}

	// The keyboard path: Tab from the field reaches the calendar button,
	// Space opens the calendar with the keyboard in it.
	entry.SetText("today")
	w.Canvas().Focus(entry)
	w.Canvas().FocusNext()
	focused, ok := w.Canvas().Focused().(*widget.Button)
	if !ok || focused != entry.ActionItem {
		t.Fatalf("Tab from the field focused %T, want the calendar button", w.Canvas().Focused())
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("Space on the calendar button did not open the calendar")
	}
	if w.Canvas().Focused() == nil {
		t.Fatal("the keyboard is not in the open calendar")
	}
	test.Tap(dayButton(t, w, "3"))
	if entry.Text != "2026-11-03" {
		t.Fatalf("picking the 3rd with no time typed gave %q", entry.Text)
	}
}

// TestDateTimePicker_TimeBesideTheCalendar: where the time matters, the
// picker has a time field, filled from the field, that the keyboard
// reaches first; picking a day writes the day with that time.
func TestDateTimePicker_TimeBesideTheCalendar(t *testing.T) {
	entry, w := pickerWindow(t, "2026-11-25 18:30", true)
	test.Tap(entry.ActionItem.(*widget.Button))
	clock, ok := w.Canvas().Focused().(*widget.Entry)
	if !ok || clock == entry {
		t.Fatalf("the keyboard starts in %T, want the picker's time field", w.Canvas().Focused())
	}
	if clock.Text != "18:30" {
		t.Fatalf("the time field says %q, want the typed 18:30", clock.Text)
	}
	clock.SetText("")
	test.Type(clock, "9pm")
	test.Tap(dayButton(t, w, "10"))
	if entry.Text != "2026-11-10 21:00" {
		t.Fatalf("after 9pm and the 10th the field says %q", entry.Text)
	}
}

// TestDatePicker_ErrorsShowAtTheField: what can't be read marks the field
// itself, saying the forms that work; forgiving forms are fine.
func TestDatePicker_ErrorsShowAtTheField(t *testing.T) {
	entry, _ := pickerWindow(t, "", false)
	for _, ok := range []string{"", "today", "yesterday 21:00", "next thu 17:00", "5 Dec", "9pm"} {
		entry.SetText(ok)
		if err := entry.Validate(); err != nil {
			t.Errorf("%q marked wrong: %v", ok, err)
		}
	}
	entry.SetText("soon")
	if err := entry.Validate(); err == nil || !strings.Contains(err.Error(), "next thu 17:00") {
		t.Fatalf("%q gave %v; want an error at the field listing the forms", entry.Text, err)
	}
}

// TestDatePicker_Screenshot draws the picker open, for docs/date-picker.png.
func TestDatePicker_Screenshot(t *testing.T) {
	entry, w := pickerWindow(t, "2026-11-25 18:30", true)
	test.Tap(entry.ActionItem.(*widget.Button))
	img := w.Canvas().Capture()
	if out := os.Getenv("THROUGHLINE_SHOT"); out != "" {
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	if img.Bounds().Dx() == 0 {
		t.Fatal("nothing drawn")
	}
}

// TestOnboarding_ExampleDateIsAhead: the example next-session date is a
// week on from now, whatever now is, so it is never in the past.
func TestOnboarding_ExampleDateIsAhead(t *testing.T) {
	for _, now := range []time.Time{fixedNow, time.Date(2026, 12, 28, 20, 0, 0, 0, time.UTC), time.Date(2028, 2, 25, 9, 0, 0, 0, time.UTC)} {
		example := onboardingExample(now)
		at, err := journal.ParseWhen(strings.TrimPrefix(example, "like "), now)
		if err != nil || !at.After(now) || at.Sub(now) > 8*24*time.Hour {
			t.Errorf("at %v the example %q reads as %v, %v; want about a week ahead", now, example, at, err)
		}
	}
}
