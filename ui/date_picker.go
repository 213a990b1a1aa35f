package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// withDatePicker puts a calendar button inside a date field, and checks
// what is typed with the one forgiving parser so a mistake shows at the
// field itself. Picking a day keeps a time already typed, so the field
// stays one text that the screen reads as before. Tab reaches the button
// and Space opens the calendar, whose days Tab and Space pick too.
func withDatePicker(entry *widget.Entry, now func() time.Time) *widget.Entry {
	entry.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil // an empty field means no date, which each screen handles
		}
		_, err := journal.ParseWhen(s, now())
		return err
	}
	var pop *widget.PopUp
	button := widget.NewButtonWithIcon("", theme.CalendarIcon(), func() {
		shown := now()
		if w, err := journal.ReadWhen(entry.Text, now()); err == nil {
			shown = w.At
		}
		cal := widget.NewCalendar(shown, func(day time.Time) {
			pop.Hide()
			entry.SetText(pickedDay(entry.Text, day, now()))
			if c := fyne.CurrentApp().Driver().CanvasForObject(entry); c != nil {
				c.Focus(entry)
			}
		})
		c := fyne.CurrentApp().Driver().CanvasForObject(entry)
		pop = widget.NewPopUp(cal, c)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(entry)
		pop.ShowAtPosition(pos.Add(fyne.NewPos(0, entry.Size().Height)))
		c.FocusNext() // the calendar is the top overlay, so the keyboard starts in it
	})
	button.Importance = widget.LowImportance
	entry.ActionItem = button
	entry.Refresh()
	return entry
}

// pickedDay writes a day chosen on the calendar, with the time of day the
// field already had, if it had one.
func pickedDay(typed string, day, now time.Time) string {
	if w, err := journal.ReadWhen(typed, now); err == nil && w.Timed {
		return day.Format(journal.DateLayout) + w.At.Format(" 15:04")
	}
	return day.Format(journal.DateLayout)
}
