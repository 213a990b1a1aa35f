package patterns

import (
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

func TestByDate(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*60*60)
	samoa := time.FixedZone("", 13*60*60)
	honolulu := time.FixedZone("HST", -10*60*60)
	at := func(day, hour, mood int) journal.Tagging {
		return journal.Tagging{WrittenAt: time.Date(2026, 11, day, hour, 0, 0, 0, time.UTC), Mood: mood}
	}
	in := func(loc *time.Location, day, hour, mood int) journal.Tagging {
		return journal.Tagging{WrittenAt: time.Date(2026, 11, day, hour, 30, 0, 0, loc), Mood: mood}
	}
	nov := func(day int) Date { return Date{2026, time.November, day} }
	tests := []struct {
		name     string
		taggings []journal.Tagging
		want     map[Date]DayStats // Date filled in by the test
	}{
		{"none", nil, map[Date]DayStats{}},
		{
			// The 5th: 3 entries, moods 4 and 7 rated, (4+7)/2 = 5.5; the
			// 12th: 1 entry, mood 8; every other day absent.
			"a month", []journal.Tagging{at(5, 8, 4), at(5, 13, 0), at(5, 22, 7), at(12, 9, 8)},
			map[Date]DayStats{nov(5): {Entries: 3, Rated: 2, Mean: 5.5}, nov(12): {Entries: 1, Rated: 1, Mean: 8}},
		},
		{
			// Unrated entries count, but the mean stays 0 with nothing rated.
			"unrated only", []journal.Tagging{at(3, 9, 0), at(3, 10, 0)},
			map[Date]DayStats{nov(3): {Entries: 2}},
		},
		{
			// 23:30 on the 1st in Tokyo is 14:30 UTC on the 1st; 00:30 on
			// the 2nd in Tokyo is 15:30 UTC on the 1st, yet counts on the 2nd.
			// 23:30 on the 1st in Honolulu is 09:30 UTC on the 2nd, yet
			// counts on the 1st: (3+5)/2 = 4 there, 6 on the 2nd.
			"near midnight in other zones", []journal.Tagging{in(tokyo, 1, 23, 3), in(tokyo, 2, 0, 6), in(honolulu, 1, 23, 5)},
			map[Date]DayStats{nov(1): {Entries: 2, Rated: 2, Mean: 4}, nov(2): {Entries: 1, Rated: 1, Mean: 6}},
		},
		{
			// 00:30 on the 30th in UTC+13 is 11:30 UTC on the 29th.
			"a day ahead of UTC", []journal.Tagging{in(samoa, 30, 0, 9), at(29, 18, 1)},
			map[Date]DayStats{nov(29): {Entries: 1, Rated: 1, Mean: 1}, nov(30): {Entries: 1, Rated: 1, Mean: 9}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ByDate(tt.taggings)
			if len(got) != len(tt.want) {
				t.Errorf("%d days, want %d: %+v", len(got), len(tt.want), got)
			}
			for d, w := range tt.want {
				w.Date = d
				if g := got[d]; g.Date != w.Date || g.Entries != w.Entries || g.Rated != w.Rated || !near(g.Mean, w.Mean) {
					t.Errorf("%v = %+v, want %+v", d, g, w)
				}
			}
		})
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		name string
		got  any
		want any
	}{
		// 2026-11-01 is a Sunday, so its week began on Monday 26 October.
		{"monday before a sunday", MondayOnOrBefore(Date{2026, 11, 1}), Date{2026, 10, 26}},
		{"a monday is its own", MondayOnOrBefore(Date{2026, 11, 2}), Date{2026, 11, 2}},
		{"across a year", Date{2026, 12, 31}.AddDays(1), Date{2027, 1, 1}},
		{"back across march", Date{2028, 3, 1}.AddDays(-1), Date{2028, 2, 29}}, // 2028 is a leap year
		{"months from the 31st", Date{2026, 1, 31}.AddMonths(1), Date{2026, 2, 1}},
		{"months back over a year", Date{2026, 1, 15}.AddMonths(-2), Date{2025, 11, 1}},
		{"february, common year", DaysIn(2026, time.February), 28},
		{"february, leap year", DaysIn(2028, time.February), 29},
		{"february, a century", DaysIn(2100, time.February), 28}, // divisible by 100, not by 400
		{"29 feb in a common year", Date{2027, 2, 29}.Exists(), false},
		{"31 april", Date{2026, 4, 31}.Exists(), false},
		{"31 march", Date{2026, 3, 31}.Exists(), true},
		{"earlier year first", Date{2025, 12, 31}.Before(Date{2026, 1, 1}), true},
		{"same date", Date{2026, 1, 1}.Before(Date{2026, 1, 1}), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestInstants(t *testing.T) {
	from, before := Instants(Date{2026, 11, 1}, Date{2026, 11, 30})
	// An entry written at 00:00 on 1 November at UTC+14 is 10:00 UTC on 31
	// October; one written at 23:59 on 30 November at UTC-12 is 11:59 UTC
	// on 1 December. Both must be read; neither is outside by much.
	first := time.Date(2026, 11, 1, 0, 0, 0, 0, time.FixedZone("", 14*60*60))
	last := time.Date(2026, 11, 30, 23, 59, 0, 0, time.FixedZone("", -12*60*60))
	if first.Before(from) || !last.Before(before) {
		t.Errorf("span %v to %v misses %v or %v", from, before, first, last)
	}
	if got := before.Sub(from); got != 30*24*time.Hour+26*time.Hour {
		t.Errorf("span is %v long, want 30 days and 26 hours", got)
	}
}
