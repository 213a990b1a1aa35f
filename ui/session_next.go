package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// The Sessions screen's dialog for when the next session is: the screen
// shows how far off it is, and the reminders read it.

// repeatsNever is the repeat choice for a next session that doesn't repeat.
const repeatsNever = "never"

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
	when := &widget.Entry{PlaceHolder: "like next thu 17:00"}
	when.ExtendBaseWidget(when)
	withDateTimePicker(when, v.now)
	when.SetText(text)
	v.nextWhen = when
	repeats := widget.NewSelect([]string{repeatsNever, "weekly", "fortnightly"}, nil)
	repeats.SetSelected(repeatsNever)
	if v.repeat != "" {
		repeats.SetSelected(v.repeat)
	}
	v.repeats = repeats
	set := func() {
		repeat := repeats.Selected
		if repeat == repeatsNever {
			repeat = ""
		}
		v.setNextSession(when.Text, repeat)
	}
	when.OnSubmitted = func(string) {
		// The dialog is the top overlay; hiding it is what its buttons do.
		if top := v.win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
		set()
	}
	choices := []dialogChoice{{label: "Cancel", icon: theme.CancelIcon(), cancel: true}}
	if !v.next.IsZero() {
		choices = append(choices, dialogChoice{label: "Clear", icon: theme.ContentClearIcon(), then: func() { v.storeNext("", "") }})
	}
	choices = append(choices, dialogChoice{label: "Set", icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: set})
	intro := message("When is your next session? Write it like next thu 17:00, or pick the day.")
	showChoices(v.win, "Next session", container.NewVBox(intro, container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("Repeats"), repeats), when)), fyne.NewSize(480, 220), choices...)
	v.win.Canvas().Focus(when)
}

// setNextSession keeps the next session's date, or says why it can't
// read it and asks again; nothing is kept then.
func (v *sessionsScreen) setNextSession(text, repeat string) {
	t, err := journal.ParseWhen(text, v.now())
	if err != nil {
		v.nextDialog(text)
		showProblem(v.win, "Check the date and time", err)
		return
	}
	v.storeNext(t.Format(time.RFC3339), repeat)
}

// storeNext keeps the next session's date and how it repeats; "" clears them.
func (v *sessionsScreen) storeNext(value, repeat string) {
	v.background(func() func() {
		err := v.store.SetSettings(map[string]string{journal.SettingNextSession: value, journal.SettingNextSessionRepeat: repeat})
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't keep the next session's date", err)
				return
			}
			v.reload()
		}
	})
}
