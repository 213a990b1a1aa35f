package patterns

import (
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

func TestDailyMood(t *testing.T) {
	at := func(day, hour, mood int) journal.Tagging {
		return journal.Tagging{WrittenAt: time.Date(2026, 11, day, hour, 0, 0, 0, time.UTC), Mood: mood}
	}
	tests := []struct {
		name    string
		entries []journal.Tagging
		want    []DayMood // Day given as the day of month
	}{
		{"none", nil, nil},
		{"unrated only", []journal.Tagging{at(1, 9, 0)}, nil},
		{
			// Day 1: (4+6)/2 = 5; day 2 none; day 3: 8, rolling (4+6+8)/3 = 6.
			"a gap day is kept", []journal.Tagging{at(1, 9, 4), at(1, 21, 6), at(2, 9, 0), at(3, 9, 8)},
			[]DayMood{{Mean: 5, Rated: 2, Rolling: 5}, {Rolling: 5}, {Mean: 8, Rated: 1, Rolling: 6}},
		},
		{
			// Days 1..8 rated 1..8: day 8's rolling mean is days 2..8 = 35/7 = 5.
			"the window is 7 days", []journal.Tagging{at(1, 9, 1), at(2, 9, 2), at(3, 9, 3), at(4, 9, 4), at(5, 9, 5), at(6, 9, 6), at(7, 9, 7), at(8, 9, 8)},
			[]DayMood{{Mean: 1, Rated: 1, Rolling: 1}, {Mean: 2, Rated: 1, Rolling: 1.5}, {Mean: 3, Rated: 1, Rolling: 2}, {Mean: 4, Rated: 1, Rolling: 2.5},
				{Mean: 5, Rated: 1, Rolling: 3}, {Mean: 6, Rated: 1, Rolling: 3.5}, {Mean: 7, Rated: 1, Rolling: 4}, {Mean: 8, Rated: 1, Rolling: 5}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DailyMood(tt.entries)
			if len(got) != len(tt.want) {
				t.Fatalf("%d days, want %d: %+v", len(got), len(tt.want), got)
			}
			first := 0
			if len(tt.entries) > 0 {
				first = 1
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Day.Day() != first+i || g.Mean != w.Mean || g.Rated != w.Rated || !near(g.Rolling, w.Rolling) {
					t.Errorf("day %d = %+v, want mean %v rated %d rolling %v", i, g, w.Mean, w.Rated, w.Rolling)
				}
			}
		})
	}
}
