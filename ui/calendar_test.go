package ui

import (
	"errors"
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	analysis "github.com/throughline/throughline/patterns"
)

// seedCalendar writes entries around fixedNow (Wednesday 25 November
// 2026) and returns their ids by title.
func seedCalendar(t *testing.T, store *jstore.Store) map[string]int64 {
	t.Helper()
	at := func(y int, m time.Month, d, hour int) time.Time { return time.Date(y, m, d, hour, 0, 0, 0, time.UTC) }
	tokyo := time.FixedZone("JST", 9*60*60)
	created, err := store.CreateEntries([]journal.Entry{
		// The 5th: three entries, moods 4 and 7 rated, mean 5.5.
		{Title: "morning pages", WrittenAt: at(2026, 11, 5, 9), Mood: 4},
		{Title: "unrated", WrittenAt: at(2026, 11, 5, 13)},
		{Title: "after the call", WrittenAt: at(2026, 11, 5, 21), Mood: 7},
		// 00:30 on the 6th in Tokyo is 15:30 UTC on the 5th: it counts on the 6th.
		{Title: "late in Tokyo", WrittenAt: time.Date(2026, 11, 6, 0, 30, 0, 0, tokyo), Mood: 2},
		{Title: "bring this", WrittenAt: at(2026, 11, 12, 20), Mood: 9, Flagged: true},
		{Title: "last month", WrittenAt: at(2026, 10, 20, 8), Mood: 3},
		// On this day: a year and three years before; the 24th is another date.
		{Title: "a year before", WrittenAt: at(2025, 11, 25, 22), Mood: 5},
		{Title: "three years before", WrittenAt: at(2023, 11, 25, 7)},
		{Title: "the day before, a year ago", WrittenAt: at(2025, 11, 24, 22)},
		{Title: "leap day", WrittenAt: at(2024, 2, 29, 12)},
		{Title: "not a leap day", WrittenAt: at(2025, 2, 28, 12)},
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, e := range created {
		ids[e.Title] = e.ID
	}
	return ids
}

func newTestCalendar(t *testing.T, store calendarStore) (*calendarScreen, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	s := newCalendarScreen(testEnv(), w, store)
	w.SetContent(s.content)
	w.Resize(fyne.NewSize(1100, 720))
	w.Show()
	s.reload()
	return s, w
}

// cellOn is the month grid's cell for a day of the month shown.
func cellOn(t *testing.T, s *calendarScreen, day int) *dayCell {
	t.Helper()
	for _, c := range s.cells {
		if !c.Disabled() && c.date.Day == day {
			return c
		}
	}
	t.Fatalf("no cell for day %d in %s", day, s.heading.Text)
	return nil
}

func buttonTexts(buttons []*widget.Button) string {
	var out []string
	for _, b := range buttons {
		out = append(out, b.Text)
	}
	return strings.Join(out, "\n")
}

func TestCalendar_MonthShowsCountsAndMood(t *testing.T) {
	store := mustOpenJournal(t)
	seedCalendar(t, store)
	s, _ := newTestCalendar(t, store)
	unrated := unratedColour
	if s.heading.Text != "November 2026" {
		t.Errorf("heading = %q", s.heading.Text)
	}
	tests := []struct {
		day          int
		count, mood  string
		colour       color.Color
		today, shown bool
	}{
		{5, "3 entries", "mood 5.5", moodBands[2], false, false}, // (4+7)/2 = 5.5, rounds to 6: band 5-6
		{6, "1 entry", "mood 2", moodBands[0], false, false},     // Tokyo's 6th, though the 5th in UTC
		{12, "1 entry", "mood 9", moodBands[4], false, false},
		{13, "", "", unrated, false, false},
		{25, "", "", unrated, true, true}, // today, chosen at the start
	}
	for _, tt := range tests {
		c := cellOn(t, s, tt.day)
		if c.count.Text != tt.count || c.mood.Text != tt.mood || c.bg.FillColor != tt.colour {
			t.Errorf("day %d: %q %q %v, want %q %q %v", tt.day, c.count.Text, c.mood.Text, c.bg.FillColor, tt.count, tt.mood, tt.colour)
		}
		if c.number.TextStyle.Bold != tt.today || (c.frame.StrokeWidth > 0) != tt.shown {
			t.Errorf("day %d: bold %v framed %v, want today %v chosen %v", tt.day, c.number.TextStyle.Bold, c.frame.StrokeWidth > 0, tt.today, tt.shown)
		}
	}
	// November 2026 starts on a Sunday: six days of October lead in, blank.
	if first := s.cells[0]; !first.Disabled() || first.number.Text != "" || first.date != (analysis.Date{Year: 2026, Month: 10, Day: 26}) {
		t.Errorf("first cell: %v disabled %v %q", first.date, first.Disabled(), first.number.Text)
	}
}

func TestCalendar_TappingADayListsItsEntries(t *testing.T) {
	store := mustOpenJournal(t)
	ids := seedCalendar(t, store)
	s, _ := newTestCalendar(t, store)
	var opened int64
	s.openEntry = func(id int64) { opened = id }

	test.Tap(cellOn(t, s, 5))
	if s.dayHeading.Text != "Thursday 5 November 2026" {
		t.Errorf("day heading = %q", s.dayHeading.Text)
	}
	want := "09:00 · morning pages · mood 4/10\n13:00 · unrated\n21:00 · after the call · mood 7/10"
	if got := buttonTexts(s.dayButtons); got != want {
		t.Errorf("entries of the 5th:\n%s\nwant:\n%s", got, want)
	}
	if cellOn(t, s, 5).frame.StrokeWidth == 0 || cellOn(t, s, 25).frame.StrokeWidth != 0 {
		t.Error("the frame didn't move to the day tapped")
	}
	test.Tap(s.dayButtons[2])
	if opened != ids["after the call"] {
		t.Errorf("Open gave entry %d, want %d", opened, ids["after the call"])
	}

	test.Tap(cellOn(t, s, 12))
	if got := buttonTexts(s.dayButtons); got != "20:00 · bring this · mood 9/10 · ⚑ for session" {
		t.Errorf("entries of the 12th: %q", got)
	}
	test.Tap(cellOn(t, s, 13))
	if len(s.dayButtons) != 0 || !strings.Contains(textOf(s.dayEntries), "Nothing written on this day.") {
		t.Errorf("the 13th lists %d entries: %s", len(s.dayButtons), textOf(s.dayEntries))
	}
}

func TestCalendar_StepsThroughMonths(t *testing.T) {
	store := mustOpenJournal(t)
	seedCalendar(t, store)
	s, _ := newTestCalendar(t, store)
	tests := []struct {
		tap     *widget.Button
		heading string
		day     int
		count   string
	}{
		{s.prev, "October 2026", 20, "1 entry"},
		{s.next, "November 2026", 5, "3 entries"},
		{s.next, "December 2026", 5, ""},
		{s.next, "January 2027", 1, ""},
		{s.today, "November 2026", 12, "1 entry"},
	}
	for _, tt := range tests {
		test.Tap(tt.tap)
		if s.heading.Text != tt.heading {
			t.Fatalf("after %q: heading %q, want %q", tt.tap.Text, s.heading.Text, tt.heading)
		}
		if got := cellOn(t, s, tt.day).count.Text; got != tt.count {
			t.Errorf("%s, day %d: %q, want %q", tt.heading, tt.day, got, tt.count)
		}
	}
}

func TestCalendar_YearInPixels(t *testing.T) {
	store := mustOpenJournal(t)
	seedCalendar(t, store)
	s, w := newTestCalendar(t, store)
	s.view.SetSelected(viewYear)
	if s.heading.Text != "2026" || s.body.Objects[0] != s.year {
		t.Fatalf("year view: heading %q", s.heading.Text)
	}
	tests := []struct {
		month  time.Month
		day    int
		colour color.Color
	}{
		{time.November, 5, moodBands[2]},
		{time.November, 12, moodBands[4]},
		{time.October, 20, moodBands[1]},
		{time.November, 13, emptyDayColour},    // nothing written
		{time.February, 29, color.Transparent}, // 2026 is not a leap year
		{time.April, 31, color.Transparent},
	}
	for _, tt := range tests {
		if got := s.year.squares[tt.month-1][tt.day-1].FillColor; got != tt.colour {
			t.Errorf("%d %s: %v, want %v", tt.day, tt.month, got, tt.colour)
		}
	}
	test.TapAt(s.year, s.year.centre(analysis.Date{Year: 2026, Month: time.October, Day: 20}))
	if s.heading.Text != "October 2026" || s.body.Objects[0] != s.month || s.view.Selected != viewMonth {
		t.Fatalf("tapping 20 October shows %q, view %q", s.heading.Text, s.view.Selected)
	}
	if c := cellOn(t, s, 20); c.frame.StrokeWidth == 0 || w.Canvas().Focused() != c {
		t.Error("20 October isn't chosen and focused")
	}
	if len(s.dayButtons) != 1 || !strings.Contains(s.dayButtons[0].Text, "last month") {
		t.Errorf("entries of 20 October: %s", buttonTexts(s.dayButtons))
	}

	// The keyboard way: the arrows start from the square last picked;
	// Down from 20 October is 20 November, and Return shows it.
	s.view.SetSelected(viewYear)
	w.Canvas().Focus(s.year)
	s.year.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.year.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.heading.Text != "November 2026" || s.selected != (analysis.Date{Year: 2026, Month: time.November, Day: 20}) {
		t.Errorf("Down, Return from 20 October: %q, chosen %v", s.heading.Text, s.selected)
	}
}

func TestCalendar_OnThisDay(t *testing.T) {
	store := mustOpenJournal(t)
	ids := seedCalendar(t, store)
	s, _ := newTestCalendar(t, store)
	var opened int64
	s.openEntry = func(id int64) { opened = id }

	want := "1 year ago — 25 Nov 2025 — a year before\n3 years ago — 25 Nov 2023 — three years before"
	if got := buttonTexts(s.earlierButtons); got != want {
		t.Errorf("on 25 November:\n%s\nwant:\n%s", got, want)
	}
	test.Tap(s.earlierButtons[1])
	if opened != ids["three years before"] {
		t.Errorf("opened %d, want %d", opened, ids["three years before"])
	}
	tests := []struct {
		name string
		day  analysis.Date
		want string
	}{
		{"nothing earlier", analysis.Date{Year: 2026, Month: time.November, Day: 5}, ""},
		// 29 February is looked for only in leap years; 28 February 2025 isn't it.
		{"leap day", analysis.Date{Year: 2028, Month: time.February, Day: 29}, "4 years ago — 29 Feb 2024 — leap day"},
	}
	for _, tt := range tests {
		s.selectDay(tt.day)
		if got := buttonTexts(s.earlierButtons); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if tt.want == "" && !strings.Contains(textOf(s.earlier), "Nothing written on this day in earlier years.") {
			t.Errorf("%s: %s", tt.name, textOf(s.earlier))
		}
	}
}

func TestCalendar_TabReachesTheDays(t *testing.T) {
	store := mustOpenJournal(t)
	seedCalendar(t, store)
	s, w := newTestCalendar(t, store)
	var cell *dayCell
	for range 20 {
		test.FocusNext(w.Canvas())
		if c, ok := w.Canvas().Focused().(*dayCell); ok {
			cell = c
			break
		}
	}
	if cell == nil || cell.date.Day != 1 {
		t.Fatalf("Tab reached %v first, want 1 November", cell)
	}
	// Down a week, to the 8th, then right to the 9th; Return lists it.
	cell.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.dayHeading.Text != "Monday 9 November 2026" {
		t.Errorf("arrows and Return chose %q", s.dayHeading.Text)
	}
}

// failingCalendarStore fails the reads it is told to, like a journal
// on a disk that has gone away, and passes the others to a real store.
type failingCalendarStore struct {
	calendarStore
	taggings, entries bool
}

var errDiskGone = errors.New("disk I/O error")

func (f failingCalendarStore) Taggings(from, before time.Time) ([]journal.Tagging, error) {
	if f.taggings {
		return nil, &journal.Error{Code: journal.EInternal, Message: "Couldn't read the entries' dates and moods", Err: errDiskGone}
	}
	return f.calendarStore.Taggings(from, before)
}

func (f failingCalendarStore) Entries(q journal.EntryQuery) ([]journal.Entry, error) {
	if f.entries {
		return nil, &journal.Error{Code: journal.EInternal, Message: "Couldn't list the entries", Err: errDiskGone}
	}
	return f.calendarStore.Entries(q)
}

func TestCalendar_StoreErrorShowsMessage(t *testing.T) {
	tests := []struct {
		name              string
		taggings, entries bool
		says              string
	}{
		{"nothing reads", true, true, "Couldn't read the entries' dates and moods: disk I/O error\nCouldn't list the entries: disk I/O error"},
		{"the counts fail", true, false, "Couldn't read the entries' dates and moods: disk I/O error"},
		{"the day's entries fail", false, true, "Couldn't list the entries: disk I/O error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := mustOpenJournal(t)
			seedCalendar(t, store)
			s, _ := newTestCalendar(t, failingCalendarStore{store, tt.taggings, tt.entries})
			want := "The calendar couldn't be read from your journal. Nothing in it was changed.\n" + tt.says
			if !s.problem.Visible() || s.problem.Text != want {
				t.Errorf("problem shown: %v %q, want %q", s.problem.Visible(), s.problem.Text, want)
			}
			// One read going well doesn't hide the other failing.
			test.Tap(s.next)
			if s.heading.Text != "December 2026" || !s.problem.Visible() {
				t.Errorf("after next: %q, problem shown %v", s.heading.Text, s.problem.Visible())
			}
			if tt.entries && !strings.Contains(textOf(s.dayEntries), "This day's entries couldn't be read.") {
				t.Errorf("the day's panel: %s", textOf(s.dayEntries))
			}
			if !tt.taggings {
				test.Tap(s.prev)
				if got := cellOn(t, s, 5).count.Text; got != "3 entries" {
					t.Errorf("the counts, read well, show %q on the 5th", got)
				}
			}
		})
	}
}

func TestCalendar_MonthRenders(t *testing.T) {
	store := mustOpenJournal(t)
	seedCalendar(t, store)
	s, w := newTestCalendar(t, store)
	test.Tap(cellOn(t, s, 5))
	test.AssertRendersToMarkup(t, "calendar/month.xml", w.Canvas())
}
