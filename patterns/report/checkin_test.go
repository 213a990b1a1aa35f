package report

import (
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// Moods noted without an entry count in the report's mood figure and
// chart, and the words say so.
func TestBuild_MoodCountsCheckIns(t *testing.T) {
	f := newFixture(t)
	// Since the session (entries' moods 4, 6, 5, 7: mean 5.5 of 4), two
	// check-ins on the 20th, a day with no entry; one before the session.
	for _, c := range []journal.MoodCheckIn{{At: at(20, 8), Mood: 2}, {At: at(20, 20), Mood: 4}, {At: at(15, 8), Mood: 9}} {
		if _, err := f.store.AddMoodCheckIn(c); err != nil {
			t.Fatal(err)
		}
	}
	r := f.build(t, Options{})
	if want := (Mean{Value: 28.0 / 6, Rated: 6, CheckIns: 2}); r.Summary.Mood != want {
		t.Errorf("mood %+v, want %+v", r.Summary.Mood, want)
	}
	if want := (Mean{Value: 27.0 / 4, Rated: 4, CheckIns: 1}); r.Summary.PreviousMood != want {
		t.Errorf("mood before %+v, want %+v", r.Summary.PreviousMood, want)
	}
	found := false
	for _, d := range r.Mood {
		if d.Day.Day() == 20 {
			found = d.Mean == 3
		}
	}
	if !found {
		t.Errorf("the chart has no mood 3 on the 20th: %+v", r.Mood)
	}
	if md := r.Markdown(); !strings.Contains(md, "over 4 rated entries and 2 check-ins") {
		t.Errorf("the words don't count the check-ins:\n%s", md)
	}
	// A report of the flagged entries only is about those entries.
	if flagged := f.build(t, Options{FlaggedOnly: true}); flagged.Summary.Mood.CheckIns != 0 {
		t.Errorf("flagged only counted check-ins: %+v", flagged.Summary.Mood)
	}
}
