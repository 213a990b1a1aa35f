package ui

import (
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/throughline/throughline/journal"
	analysis "github.com/throughline/throughline/patterns"
)

// smallTexts is a list row with chips and a day of the month, each
// rated day's mood band in turn, today and not: the small texts the
// window draws on colours of its own.
type smallTexts struct {
	row   *entryRow
	cells []*dayCell
}

func newSmallTexts(t *testing.T) smallTexts {
	t.Helper()
	s := smallTexts{row: newEntryRow()}
	s.row.set(journal.Entry{WrittenAt: time.Date(2026, 11, 5, 9, 30, 0, 0, time.UTC), Mood: 4, Flagged: true,
		Title: "A morning", Patterns: []string{"going quiet", "people-pleasing", "rumination", "perfectionism"}})
	box := container.NewVBox(s.row)
	day := analysis.Date{Year: 2026, Month: time.November, Day: 5}
	for _, today := range []bool{false, true} {
		unrated := newDayCell(func(analysis.Date) {}, func(*dayCell, int) {})
		unrated.set(day, true, analysis.DayStats{Entries: 1}, today, false)
		s.cells = append(s.cells, unrated)
		box.Add(unrated)
		for band := range moodBands {
			c := newDayCell(func(analysis.Date) {}, func(*dayCell, int) {})
			c.set(day, true, analysis.DayStats{Entries: 2, Rated: 2, Mean: float64(2*band + 1)}, today, true)
			s.cells = append(s.cells, c)
			box.Add(c)
		}
	}
	test.NewTempWindow(t, box)
	return s
}

// readsOn fails t unless text reads on fill, a fill as drawn on the
// theme's background.
func readsOn(t *testing.T, what string, text *canvas.Text, fill color.Color) {
	t.Helper()
	surface := over(fill, theme.Color(theme.ColorNameBackground))
	if ratio := contrast(over(text.Color, surface), surface); ratio < minContrast {
		t.Errorf("%s: %q in %v on %v reads at %.2f:1", what, text.Text, text.Color, surface, ratio)
	}
}

func TestSmallTexts_ReadOnTheirColours(t *testing.T) {
	for _, variant := range []string{themeLight, themeDark} {
		for primary, c := range map[string]color.Color{"Fyne's": nil,
			"yellow": color.NRGBA{0xff, 0xeb, 0x3b, 0xff}, "gray": color.NRGBA{0x9e, 0x9e, 0x9e, 0xff},
			"orange": color.NRGBA{0xff, 0x98, 0x00, 0xff}, "brown": color.NRGBA{0x79, 0x55, 0x48, 0xff},
		} {
			t.Run(variant+", "+primary+" primary", func(t *testing.T) {
				a := test.NewTempApp(t)
				base := theme.DefaultTheme()
				if c != nil {
					base = primaryTheme{Theme: base, primary: c}
				}
				a.Settings().SetTheme(newJournalTheme(base, variant, 1))
				s := newSmallTexts(t)
				bg := theme.Color(theme.ColorNameBackground)
				readsOn(t, "list date", s.row.date, bg)
				readsOn(t, "list mood", s.row.meta, bg)
				readsOn(t, "more chips", s.row.more, bg)
				for _, chip := range s.row.chips {
					readsOn(t, "chip", chip.text, chip.bg.FillColor)
				}
				for _, cell := range s.cells {
					for _, text := range []*canvas.Text{cell.number, cell.count, cell.mood} {
						readsOn(t, "calendar cell", text, cell.bg.FillColor)
					}
				}
			})
		}
	}
}

func TestSmallTexts_FollowTheTextSize(t *testing.T) {
	a := test.NewTempApp(t)
	applyAppearance(a)
	s := newSmallTexts(t)
	sizes := func() map[string]float32 {
		return map[string]float32{
			"list date": s.row.date.TextSize, "list mood": s.row.meta.TextSize, "chip": s.row.chips[0].text.TextSize,
			"day number": s.cells[0].number.TextSize, "day count": s.cells[0].count.TextSize, "day mood": s.cells[1].mood.TextSize,
			"row height": s.row.MinSize().Height,
		}
	}
	before := sizes()

	a.Preferences().SetString(prefTextSize, "largest")
	applyAppearance(a) // as the Settings screen does, the window open
	for name, after := range sizes() {
		if after <= before[name] {
			t.Errorf("%s is %v at the largest text size, %v at the normal one", name, after, before[name])
		}
	}
}
