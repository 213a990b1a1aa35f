package patterns

import (
	"reflect"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// written is an entry at a time, with patterns.
func written(at time.Time, patterns ...string) journal.Tagging {
	return journal.Tagging{WrittenAt: at, Patterns: patterns}
}

func TestWeekly(t *testing.T) {
	ber := func(m time.Month, d, h, min int) time.Time { return time.Date(2025, m, d, h, min, 0, 0, berlin) }
	newYork := mustLoad("America/New_York")
	ny := func(d, h int) time.Time { return day(2025, 1, d, h, newYork) }
	tests := []struct {
		name      string
		entries   []journal.Tagging
		w         Window
		wantWeeks []time.Time
		want      []WeeklySeries
	}{
		{
			"a window with no entries still has its weeks",
			// Mon Jan 6 and Mon Jan 13; Jan 20 is To, outside.
			nil, Window{ber(1, 6, 0, 0), ber(1, 20, 0, 0)},
			[]time.Time{ber(1, 6, 0, 0), ber(1, 13, 0, 0)}, []WeeklySeries{},
		},
		{"open bounds and no entries", nil, Window{From: ber(1, 6, 0, 0)}, []time.Time{}, []WeeklySeries{}},
		{"all time and no entries", nil, Window{}, []time.Time{}, []WeeklySeries{}},
		{"empty window", []journal.Tagging{written(ber(1, 8, 0, 0), "a")}, Window{ber(1, 8, 0, 0), ber(1, 8, 0, 0)}, []time.Time{}, []WeeklySeries{}},
		{
			"one entry",
			// Wednesday Jan 8: the week of Monday Jan 6.
			[]journal.Tagging{written(ber(1, 8, 10, 0), "a")}, Window{},
			[]time.Time{ber(1, 6, 0, 0)}, []WeeklySeries{{"a", []int{1}}},
		},
		{
			"weeks from the Monday before From; entries outside the window left out",
			// Weeks Jan 6, 13, 20 (Jan 20 is before To, Jan 22 noon).
			// a: Jan 8 in week 0, Jan 14 in week 1 (Jan 7 and Jan 22 13:00 are outside): [1 1 0], 2.
			// b: Jan 14 in week 1, Jan 21 in week 2 (listed twice, once): [0 1 1], 2. Equal: by name.
			[]journal.Tagging{
				written(ber(1, 7, 9, 0), "a"),
				written(ber(1, 8, 13, 0), "a"),
				written(ber(1, 14, 9, 0), "b", "a"),
				written(ber(1, 20, 9, 0)),
				written(ber(1, 21, 9, 0), "b", "b"),
				written(ber(1, 22, 13, 0), "a"),
			},
			Window{ber(1, 8, 12, 0), ber(1, 22, 12, 0)},
			[]time.Time{ber(1, 6, 0, 0), ber(1, 13, 0, 0), ber(1, 20, 0, 0)},
			[]WeeklySeries{{"a", []int{1, 1, 0}}, {"b", []int{0, 1, 1}}},
		},
		{
			"most named first",
			// c: 1+0 = 1. d: 1+1 = 2.
			[]journal.Tagging{written(ber(1, 6, 9, 0), "c", "d"), written(ber(1, 13, 9, 0), "d")},
			Window{ber(1, 6, 0, 0), ber(1, 20, 0, 0)},
			[]time.Time{ber(1, 6, 0, 0), ber(1, 13, 0, 0)},
			[]WeeklySeries{{"d", []int{1, 1}}, {"c", []int{1, 0}}},
		},
		{
			"the clocks going forward",
			// Mar 24 00:00 CET + 7 days is Mar 31 00:00 CEST, 167 hours on.
			// 00:30 on Monday Mar 31 is in the second week (by 7*24 hours it
			// would start at 01:00 and take it).
			[]journal.Tagging{written(ber(3, 30, 23, 30), "a"), written(ber(3, 31, 0, 30), "a")},
			Window{ber(3, 24, 0, 0), ber(4, 7, 0, 0)},
			[]time.Time{ber(3, 24, 0, 0), ber(3, 31, 0, 0)},
			[]WeeklySeries{{"a", []int{1, 1}}},
		},
		{
			"the clocks going back",
			// Oct 20 00:00 CEST + 7 days is Oct 27 00:00 CET, 169 hours on.
			// 23:30 on Sunday Oct 26 is still the first week (by 7*24 hours
			// the second would start at 23:00); Monday midnight starts the second.
			[]journal.Tagging{written(ber(10, 26, 23, 30), "b"), written(ber(10, 27, 0, 0), "b")},
			Window{ber(10, 20, 0, 0), ber(11, 3, 0, 0)},
			[]time.Time{ber(10, 20, 0, 0), ber(10, 27, 0, 0)},
			[]WeeklySeries{{"b", []int{1, 1}}},
		},
		{
			"all time: weeks in the first entry's location, to the last entry's week",
			// First entry Wed Jan 8 in New York: weeks from Monday Jan 6 there.
			// Mon Jan 13 02:00 UTC is Sun Jan 12 21:00 in New York: week 0.
			// Mon Jan 20 noon: week 2; no week after it.
			// a: [1 0 1], 2. b: [1 0 0], 1.
			[]journal.Tagging{
				written(ny(8, 22), "a"),
				written(day(2025, 1, 13, 2, time.UTC), "b"),
				written(ny(20, 12), "a"),
			},
			Window{},
			[]time.Time{ny(6, 0), ny(13, 0), ny(20, 0)},
			[]WeeklySeries{{"a", []int{1, 0, 1}}, {"b", []int{1, 0, 0}}},
		},
		{
			"open To: up to the last entry's week",
			// Weeks Jan 6 and Jan 13; the entry on Jan 14 is the last.
			[]journal.Tagging{written(ber(1, 14, 9, 0), "a")},
			Window{From: ber(1, 8, 0, 0)},
			[]time.Time{ber(1, 6, 0, 0), ber(1, 13, 0, 0)},
			[]WeeklySeries{{"a", []int{0, 1}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			weeks, series := Weekly(tt.entries, tt.w)
			if !sameTimes(weeks, tt.wantWeeks) {
				t.Errorf("weeks\ngot  %v\nwant %v", weeks, tt.wantWeeks)
			}
			if !reflect.DeepEqual(series, tt.want) {
				t.Errorf("series\ngot  %+v\nwant %+v", series, tt.want)
			}
		})
	}
}

// sameTimes compares instants and locations, which is what a chart's
// labels are drawn from.
func sameTimes(got, want []time.Time) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !got[i].Equal(want[i]) || got[i].Location() != want[i].Location() {
			return false
		}
	}
	return true
}
