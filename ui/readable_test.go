package ui

import (
	"fmt"
	"image/color"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
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
		Title: "A morning", Patterns: []string{"going quiet", "people-pleasing", "rumination", "perfectionism"}},
		func(string) color.NRGBA { return categoryColours[journal.CategoryDefense] })
	box := container.NewVBox(s.row)
	day := analysis.Date{Year: 2026, Month: time.November, Day: 5}
	for _, isToday := range []bool{false, true} {
		today := day.AddDays(1)
		if isToday {
			today = day
		}
		unrated := newDayCell(func(analysis.Date) {}, func(*dayCell, int) {})
		unrated.set(day, true, analysis.DayStats{Entries: 1}, sessionMark, today, false)
		s.cells = append(s.cells, unrated)
		box.Add(unrated)
		for band := range moodBands {
			c := newDayCell(func(analysis.Date) {}, func(*dayCell, int) {})
			c.set(day, true, analysis.DayStats{Entries: 2, Rated: 2, Mean: float64(2*band + 1)}, nextSessionMark, today, true)
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

// charts are the window's other hand-drawn texts: a search hit, a
// pattern's bar, a colour swatch, and the mood, progress and score charts.
func charts(t *testing.T) (fyne.CanvasObject, *scoreChart) {
	t.Helper()
	day := func(d int) time.Time { return time.Date(2026, time.November, d, 20, 0, 0, 0, time.UTC) }
	hit := newHitRow()
	hit.set(jstore.SearchHit{WrittenAt: day(3), Mood: 6})
	scores := newScoreChart(journal.PHQ9, []journal.Measurement{phqAt(t, day(2), 14), phqAt(t, day(16), 22), phqAt(t, day(25), 4)})
	box := container.NewVBox(hit,
		newBarRow("going quiet", categoryColours[journal.CategoryRelationship], 0.5, "4  ▲ +2", func(string) {}),
		newSwatch(color.NRGBA{}, "Category colour", func() {}),
		newMoodChart([]analysis.DayMood{{Day: day(1), Mean: 4, Rated: 1, Rolling: 4}, {Day: day(2), Mean: 6, Rated: 1, Rolling: 5}}, []time.Time{day(2)}),
		newProgressChart([]journal.CheckIn{{At: day(1), Rating: 3}, {At: day(20), Rating: 6}}, day(10)),
		container.NewGridWrap(fyne.NewSize(520, 240), scores))
	w := test.NewTempWindow(t, box)
	w.Resize(fyne.NewSize(700, 900))
	return box, scores.(*fyne.Container).Layout.(*scoreChart)
}

// textsIn are the non-empty texts drawn inside o.
func textsIn(t *testing.T, o fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	walk(t, o, func(o fyne.CanvasObject) {
		if text, ok := o.(*canvas.Text); ok && text.Text != "" {
			out = append(out, text)
		}
	})
	return out
}

func TestCharts_TextsRead(t *testing.T) {
	for _, variant := range []string{themeLight, themeDark} {
		t.Run(variant, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(newJournalTheme(theme.DefaultTheme(), variant, 1))
			box, scores := charts(t)
			onStripes := map[*canvas.Text]bool{}
			for i, name := range scores.bandNames {
				readsOn(t, "band name", name, scores.stripes[i].FillColor)
				onStripes[name] = true
			}
			for _, text := range append(append([]*canvas.Text{}, scores.scores...), scores.empty) {
				for _, stripe := range scores.stripes {
					readsOn(t, "score", text, stripe.FillColor)
				}
				onStripes[text] = true
			}
			for _, text := range textsIn(t, box) {
				if !onStripes[text] {
					readsOn(t, "chart", text, theme.Color(theme.ColorNameBackground))
				}
			}
		})
	}
}

func TestCharts_FollowTheTextSize(t *testing.T) {
	a := test.NewTempApp(t)
	applyAppearance(a)
	box, _ := charts(t)
	texts := textsIn(t, box)
	if len(texts) < 20 {
		t.Fatalf("only %d texts found in the charts", len(texts))
	}
	before := make([]float32, len(texts))
	for i, text := range texts {
		before[i] = text.TextSize
	}
	a.Preferences().SetString(prefTextSize, "largest")
	applyAppearance(a)
	for i, text := range texts {
		if text.TextSize <= before[i] {
			t.Errorf("%q is %v at the largest text size, %v at the normal one", text.Text, text.TextSize, before[i])
		}
	}
}

func TestJournal_ChipsTakeThePatternsColourAndReadOnIt(t *testing.T) {
	// Colours a person can give a pattern, the hardest among them: the
	// darkest, lightest and mid grey, pure hues, and the palette's.
	var colours []string
	for _, r := range []string{"00", "77", "ff"} {
		for _, g := range []string{"00", "77", "ff"} {
			for _, b := range []string{"00", "77", "ff"} {
				colours = append(colours, "#"+r+g+b)
			}
		}
	}
	for _, p := range patternPalette {
		colours = append(colours, p.hex)
	}
	for _, variant := range []string{themeLight, themeDark} {
		t.Run(variant, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(newJournalTheme(theme.DefaultTheme(), variant, 1))
			store := mustOpenJournal(t)
			for i, hex := range colours {
				name := fmt.Sprintf("pattern %d", i)
				if _, err := store.AddPattern(journal.Pattern{Name: name, Category: journal.CategoryOwn, Colour: hex}); err != nil {
					t.Fatal(err)
				}
				if _, err := store.CreateEntry(journal.Entry{Title: hex, WrittenAt: time.Now().Add(-time.Duration(i) * time.Hour),
					Patterns: []string{name}}); err != nil {
					t.Fatal(err)
				}
			}
			s := newJournalScreen(liveEnv(), test.NewTempWindow(t, widget.NewLabel("")), store)
			row := newEntryRow()
			test.NewTempWindow(t, row)
			for i, e := range s.entries {
				s.updateRow(i, row)
				chip := row.chips[0]
				if want := chipFill(colourOf(journal.Pattern{Colour: e.Title})); chip.bg.FillColor != want {
					t.Errorf("the chip for %s is filled %v, want %v, a tint of it", e.Title, chip.bg.FillColor, want)
				}
				readsOn(t, "chip for "+e.Title, chip.text, chip.bg.FillColor)
			}

			// A colour changed in the Vocabulary shows once the list reads them again.
			patterns, err := store.Patterns()
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(patterns, func(p journal.Pattern) bool { return p.Name == "pattern 0" })
			changed := patterns[i]
			changed.Colour = "#26a69a"
			if _, err := store.UpdatePattern(changed); err != nil {
				t.Fatal(err)
			}
			s.loadColours()
			for i, e := range s.entries {
				if e.Patterns[0] == changed.Name {
					s.updateRow(i, row)
				}
			}
			if want := chipFill(colourOf(changed)); row.chips[0].bg.FillColor != want {
				t.Errorf("after a change the chip is filled %v, want %v", row.chips[0].bg.FillColor, want)
			}
		})
	}
}

func TestEntryRow_ChipsThatDontFitCountInPlusN(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefTextSize, "largest")
	applyAppearance(a)
	row := newEntryRow()
	row.set(journal.Entry{WrittenAt: time.Now(), Title: "A morning",
		Patterns: []string{"withdrawing under criticism", "rumination", "intellectualisation", "avoidance"}},
		func(string) color.NRGBA { return categoryColours[journal.CategoryOwn] })
	w := test.NewTempWindow(t, row)
	w.Resize(fyne.NewSize(360, 120))
	shown := 0
	for _, c := range row.chips {
		if c.Visible() {
			shown++
			if right := c.Position().X + c.Size().Width; right > row.Size().Width {
				t.Errorf("the chip %q ends at %v, past the row's %v", c.text.Text, right, row.Size().Width)
			}
		}
	}
	if want := fmt.Sprintf("+%d", 4-shown); shown == 0 || shown == maxChips || row.more.Text != want {
		t.Errorf("%d chips shown and %q after them, want some but not all three, and %q", shown, row.more.Text, want)
	}
}
