package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
)

// A mood in two clicks from the window: the button, then the number.
// No entry is written.
func TestCheckIn_MoodInTwoClicks(t *testing.T) {
	w, store := newTestWindow(t)
	before, _ := store.CountEntries()
	test.Tap(w.checkInButton)
	if w.checkIn == nil || w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the check-in didn't open")
	}
	test.Tap(w.checkIn.moods[2]) // 3
	got, err := store.MoodCheckIns(time.Time{}, time.Time{})
	if err != nil || len(got) != 1 || got[0].Mood != 3 || len(got[0].Emotions) != 0 || !got[0].At.Equal(fixedNow) {
		t.Fatalf("after two clicks: %+v, %v", got, err)
	}
	if w.win.Canvas().Overlays().Top() != nil {
		t.Error("the check-in stayed open after saving")
	}
	if after, _ := store.CountEntries(); after != before {
		t.Errorf("a check-in wrote an entry: %d entries, had %d", after, before)
	}
}

func TestCheckIn_FeelingsThenMood(t *testing.T) {
	w, store := newTestWindow(t)
	test.Tap(w.checkInButton)
	c := w.checkIn
	for _, name := range []string{"calm", "anxious"} {
		chip, ok := c.chips[name]
		if !ok {
			t.Fatalf("no chip for %q", name)
		}
		test.Tap(chip)
	}
	if os.Getenv("THROUGHLINE_SCREENSHOTS") != "" {
		saveImage(t, w.win.Canvas().Capture(), "../docs/quick-checkin.png")
	}
	test.Tap(c.moods[6]) // 7
	got, _ := store.MoodCheckIns(time.Time{}, time.Time{})
	if len(got) != 1 || got[0].Mood != 7 || strings.Join(got[0].Emotions, ",") != "calm,anxious" && strings.Join(got[0].Emotions, ",") != "anxious,calm" {
		t.Fatalf("saved %+v", got)
	}
}

// Too many feelings: said in the dialog, which stays open, and nothing
// is saved.
func TestCheckIn_TooManyFeelingsSavesNothing(t *testing.T) {
	w, store := newTestWindow(t)
	test.Tap(w.checkInButton)
	c := w.checkIn
	n := 0
	for _, chip := range c.chips {
		if n > journal.MaxMoodCheckInEmotions {
			break
		}
		test.Tap(chip)
		n++
	}
	if !c.problem.Visible() || !strings.Contains(c.problem.Text, "at most 5") {
		t.Errorf("problem: %v %q", c.problem.Visible(), c.problem.Text)
	}
	test.Tap(c.moods[4])
	if got, _ := store.MoodCheckIns(time.Time{}, time.Time{}); len(got) != 0 {
		t.Errorf("saved %+v", got)
	}
	if w.win.Canvas().Overlays().Top() == nil {
		t.Error("the check-in closed on a failure")
	}
}
