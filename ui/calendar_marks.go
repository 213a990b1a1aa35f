package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	analysis "github.com/throughline/throughline/patterns"
)

// dayMark is what the calendar marks on a day besides its mood.
type dayMark int

const (
	noMark          dayMark = iota
	sessionMark             // a session was had that day
	nextSessionMark         // the next session, as the Sessions screen keeps it
)

// Marks are words and shapes, not colour alone: a filled dot for a
// session had, a ring for the next one.
const (
	sessionSymbol     = "●"
	nextSessionSymbol = "◎"
)

// label is the mark in words, for the month's cells.
func (m dayMark) label() string {
	switch m {
	case sessionMark:
		return sessionSymbol + " session"
	case nextSessionMark:
		return nextSessionSymbol + " next session"
	}
	return ""
}

// sessionMarks reads which days had sessions and which has the next.
// The next session wins a day it shares with one already logged.
func (s *calendarScreen) sessionMarks() (map[analysis.Date]dayMark, error) {
	sessions, err := s.store.Sessions()
	if err != nil {
		return nil, err
	}
	next, err := s.store.Setting(journal.SettingNextSession)
	if err != nil {
		return nil, err
	}
	repeat, err := s.store.Setting(journal.SettingNextSessionRepeat)
	if err != nil {
		return nil, err
	}
	marks := map[analysis.Date]dayMark{}
	for _, sess := range sessions {
		marks[analysis.DateOf(sess.At)] = sessionMark
	}
	if at := journal.NextSession(next, repeat, s.now()); !at.IsZero() {
		marks[analysis.DateOf(at)] = nextSessionMark
	}
	return marks, nil
}

// futureDayColour outlines a day still to come: no fill, so it never
// reads as a past day left empty (grey).
var futureDayColour = color.NRGBA{0x9e, 0x9e, 0x9e, 0x90}

// markLegend says what the session marks and the outlined days mean.
func markLegend() fyne.CanvasObject {
	future := canvas.NewRectangle(color.Transparent)
	future.StrokeColor, future.StrokeWidth, future.CornerRadius = futureDayColour, 1, 3
	future.SetMinSize(fyne.NewSize(14, 14))
	return container.NewHBox(
		widget.NewLabel(sessionSymbol+" session had"),
		widget.NewLabel(nextSessionSymbol+" next session"),
		container.NewCenter(future), widget.NewLabel("still to come"))
}

// markColour draws a mark to stand out on any fill, in the theme's
// primary colour for the next session.
func markColour(m dayMark) color.Color {
	if m == nextSessionMark {
		return theme.Color(theme.ColorNamePrimary)
	}
	return theme.Color(theme.ColorNameForeground)
}
