package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// withDatePicker puts a calendar button inside a date field, and checks
// what is typed with the one forgiving parser so a mistake shows at the
// field itself. Tab reaches the button and Space opens the calendar, whose
// days Tab and Space pick too.
func withDatePicker(entry *widget.Entry, now func() time.Time) *widget.Entry {
	return datePicker(entry, now, false)
}

// withDateTimePicker is withDatePicker for a field where the time of day
// matters: the calendar has a time field beside it, filled from what was
// typed, and picking a day writes the day and that time.
func withDateTimePicker(entry *widget.Entry, now func() time.Time) *widget.Entry {
	return datePicker(entry, now, true)
}

func datePicker(entry *widget.Entry, now func() time.Time, timed bool) *widget.Entry {
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
		clock := &widget.Entry{PlaceHolder: "like 18:30 or 9pm"}
		clock.ExtendBaseWidget(clock)
		if w, err := journal.ReadWhen(entry.Text, now()); err == nil {
			shown = w.At
			if w.Timed {
				clock.SetText(w.At.Format("15:04"))
			}
		}
		cal := widget.NewCalendar(shown, func(day time.Time) {
			typed := entry.Text
			if timed {
				typed = "today " + clock.Text
			}
			pop.Hide()
			entry.SetText(pickedDay(typed, day, now()))
			if c := fyne.CurrentApp().Driver().CanvasForObject(entry); c != nil {
				c.Focus(entry)
			}
		})
		var content fyne.CanvasObject = cal
		if timed {
			clock.Validator = func(s string) error {
				if strings.TrimSpace(s) == "" {
					return nil
				}
				_, err := journal.ParseWhen(s, now())
				return err
			}
			content = container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("Time"), nil, clock), cal)
		}
		c := fyne.CurrentApp().Driver().CanvasForObject(entry)
		pop = widget.NewPopUp(content, c)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(entry)
		pop.ShowAtPosition(pos.Add(fyne.NewPos(0, entry.Size().Height)))
		c.FocusNext() // the picker is the top overlay, so the keyboard starts in it
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
