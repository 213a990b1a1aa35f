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
	when := &widget.Entry{PlaceHolder: "YYYY-MM-DD HH:MM"}
	when.ExtendBaseWidget(when)
	when.SetText(text)
	v.nextWhen = when
	set := func() { v.setNextSession(when.Text) }
	when.OnSubmitted = func(string) {
		// The dialog is the top overlay; hiding it is what its buttons do.
		if top := v.win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
		set()
	}
	choices := []dialogChoice{{label: "Cancel", icon: theme.CancelIcon(), cancel: true}}
	if !v.next.IsZero() {
		choices = append(choices, dialogChoice{label: "Clear", icon: theme.ContentClearIcon(), then: func() { v.storeNext("") }})
	}
	choices = append(choices, dialogChoice{label: "Set", icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: set})
	intro := message("When is your next session? Write it like 2026-12-01 18:00.")
	showChoices(v.win, "Next session", container.NewVBox(intro, when), fyne.NewSize(480, 220), choices...)
	v.win.Canvas().Focus(when)
}

// setNextSession keeps the next session's date, or says why it can't
// read it and asks again; nothing is kept then.
func (v *sessionsScreen) setNextSession(text string) {
	t, err := journal.ParseWrittenAt(text, time.Local)
	if err != nil {
		v.nextDialog(text)
		showProblem(v.win, "Check the date and time", err)
		return
	}
	v.storeNext(t.Format(time.RFC3339))
}

// storeNext keeps the next session's date; "" clears it.
func (v *sessionsScreen) storeNext(value string) {
	v.background(func() func() {
		err := v.store.SetSetting(journal.SettingNextSession, value)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't keep the next session's date", err)
				return
			}
			v.reload()
		}
	})
}
