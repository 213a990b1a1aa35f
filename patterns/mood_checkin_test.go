package patterns

import (
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

func TestWithMoodCheckIns_DailyMoodAndCalendar(t *testing.T) {
	day := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }
	entries := []journal.Tagging{{EntryID: 1, WrittenAt: day(1, 9), Mood: 6}, {EntryID: 2, WrittenAt: day(3, 9)}}
	checkIns := []journal.MoodCheckIn{{ID: 7, At: day(1, 20), Mood: 2}, {ID: 8, At: day(2, 8), Mood: 5}}
	all := WithMoodCheckIns(entries, checkIns)
	for i := 1; i < len(all); i++ {
		if all[i].WrittenAt.Before(all[i-1].WrittenAt) {
			t.Fatalf("not oldest first: %+v", all)
		}
	}
	days := DailyMood(all)
	if len(days) != 2 || days[0].Mean != 4 || days[0].Rated != 2 || days[1].Mean != 5 {
		t.Errorf("daily mood with check-ins: %+v", days)
	}
	byDate := ByDate(all)
	if s := byDate[Date{2026, 11, 1}]; s.Entries != 1 || s.CheckIns != 1 || s.Rated != 2 || s.Mean != 4 {
		t.Errorf("the 1st: %+v", s)
	}
	if s := byDate[Date{2026, 11, 2}]; s.Entries != 0 || s.CheckIns != 1 || s.Mean != 5 {
		t.Errorf("the 2nd, a check-in only: %+v", s)
	}
	if s := byDate[Date{2026, 11, 3}]; s.Entries != 1 || s.Rated != 0 {
		t.Errorf("the 3rd: %+v", s)
	}
}
