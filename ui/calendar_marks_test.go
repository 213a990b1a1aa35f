package ui

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// Sessions had and the next session are marked on the month and the
// year; days to come are outlined, not grey like past empty days; a
// day's check-ins count in its mood.
func TestCalendar_MarksSessionsFutureAndCheckIns(t *testing.T) {
	store := mustOpenJournal(t)
	seedCalendar(t, store)
	for _, d := range []int{4, 18} {
		if _, err := store.SaveSession(journal.Session{At: time.Date(2026, 11, d, 17, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.SetSetting(journal.SettingNextSession, time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC).Format(time.RFC3339)); err != nil {
		t.Fatal(err)
	}
	// The 12th: one entry rated 9 and a check-in of 3; the 20th: a check-in only.
	for _, c := range []journal.MoodCheckIn{{At: time.Date(2026, 11, 12, 8, 0, 0, 0, time.UTC), Mood: 3},
		{At: time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC), Mood: 8}} {
		if _, err := store.AddMoodCheckIn(c); err != nil {
			t.Fatal(err)
		}
	}
	s, w := newTestCalendar(t, store) // today is Wednesday 25 November 2026
	for _, tt := range []struct {
		day         int
		mark, count string
		mood        string
	}{
		{4, "● session", "", ""},
		{18, "● session", "", ""},
		{27, "◎ next session", "", ""},
		{12, "", "1 entry, 1 check-in", "mood 6"},
		{20, "", "1 check-in", "mood 8"},
		{25, "", "", ""},
	} {
		c := cellOn(t, s, tt.day)
		if c.session.Text != tt.mark || c.count.Text != tt.count || c.mood.Text != tt.mood {
			t.Errorf("the %d: %q %q %q, want %q %q %q", tt.day, c.session.Text, c.count.Text, c.mood.Text, tt.mark, tt.count, tt.mood)
		}
	}
	past, future := cellOn(t, s, 24), cellOn(t, s, 26)
	if past.bg.FillColor != unratedColour || past.bg.StrokeWidth != 0 {
		t.Errorf("a past empty day: fill %v, outline %v", past.bg.FillColor, past.bg.StrokeWidth)
	}
	if future.bg.FillColor != color.Transparent || future.bg.StrokeWidth == 0 || !future.future {
		t.Errorf("a day to come: fill %v, outline %v; want no fill and an outline", future.bg.FillColor, future.bg.StrokeWidth)
	}
	if os.Getenv("THROUGHLINE_SCREENSHOTS") != "" {
		saveImage(t, w.Canvas().Capture(), "../docs/calendar-sessions.png")
	}

	s.view.SetSelected(viewYear)
	dot := func(m time.Month, d int) bool { return !s.year.dots[m-1][d-1].Hidden }
	if !dot(time.November, 4) || !dot(time.November, 27) || dot(time.November, 5) {
		t.Errorf("year dots: 4 Nov %v, 27 Nov %v, 5 Nov %v; want the sessions' days only", dot(time.November, 4), dot(time.November, 27), dot(time.November, 5))
	}
	if next := s.year.dots[10][26]; next.StrokeWidth == 0 || next.FillColor != color.Transparent {
		t.Errorf("the next session is not a ring in the year: %+v", next)
	}
	if d := s.year.squares[11][1]; d.FillColor != color.Transparent || d.StrokeWidth == 0 {
		t.Errorf("2 December, to come, in the year: fill %v, outline %v", d.FillColor, d.StrokeWidth)
	}
	if d := s.year.squares[0][2]; d.FillColor != emptyDayColour {
		t.Errorf("3 January, past and empty, in the year: fill %v", d.FillColor)
	}
}

// saveImage writes a screenshot for the docs, when asked for with
// THROUGHLINE_SCREENSHOTS=1.
func saveImage(t *testing.T, img image.Image, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// A next session that repeats is marked where it falls now, by the same
// rule the Sessions screen uses: a weekly one whose date has passed
// shows a week on.
func TestCalendar_RepeatingNextSessionMovesOn(t *testing.T) {
	store := mustOpenJournal(t)
	seedCalendar(t, store)
	if err := store.SetSetting(journal.SettingNextSession, time.Date(2026, 11, 20, 17, 0, 0, 0, time.UTC).Format(time.RFC3339)); err != nil {
		t.Fatal(err)
	}
	if err := store.SetSetting(journal.SettingNextSessionRepeat, "weekly"); err != nil {
		t.Fatal(err)
	}
	s, _ := newTestCalendar(t, store) // today is Wednesday 25 November 2026
	if got := cellOn(t, s, 27).session.Text; got != "◎ next session" {
		t.Errorf("the 27th, a week after the 20th: %q, want the next session", got)
	}
	if got := cellOn(t, s, 20).session.Text; got != "" {
		t.Errorf("the 20th, passed: %q, want no mark", got)
	}
}
