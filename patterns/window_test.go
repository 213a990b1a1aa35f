package patterns

import (
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // the DST cases need Europe/Berlin wherever the tests run

	"github.com/throughline/throughline/journal"
)

// berlin has clocks that change: forward on 2025-03-30, back on 2025-10-26.
var berlin = mustLoad("Europe/Berlin")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func day(y int, m time.Month, d, h int, loc *time.Location) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, loc)
}

func TestWindow_Contains(t *testing.T) {
	from, to := day(2025, 1, 1, 0, time.UTC), day(2025, 1, 2, 0, time.UTC)
	tests := []struct {
		name string
		w    Window
		t    time.Time
		want bool
	}{
		{"From is inside", Window{from, to}, from, true},
		{"To is outside", Window{from, to}, to, false},
		{"just before To", Window{from, to}, to.Add(-time.Nanosecond), true},
		{"just before From", Window{from, to}, from.Add(-time.Nanosecond), false},
		{"same instant in another zone", Window{from, to}, from.In(berlin), true},
		{"open From", Window{To: to}, day(1990, 1, 1, 0, time.UTC), true},
		{"open To", Window{From: from}, day(2090, 1, 1, 0, time.UTC), true},
		{"all time", Window{}, from, true},
		{"empty", Window{from, from}, from, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.w.Contains(tt.t); got != tt.want {
				t.Errorf("%v.Contains(%v) = %v, want %v", tt.w, tt.t, got, tt.want)
			}
		})
	}
}

func TestWindow_Empty(t *testing.T) {
	a, b := day(2025, 1, 1, 0, time.UTC), day(2025, 1, 2, 0, time.UTC)
	tests := []struct {
		name string
		w    Window
		want bool
	}{
		{"all time", Window{}, false},
		{"open From", Window{To: a}, false},
		{"open To", Window{From: a}, false},
		{"a day", Window{a, b}, false},
		{"From equals To", Window{a, a}, true},
		{"To before From", Window{b, a}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.w.Empty(); got != tt.want {
				t.Errorf("%v.Empty() = %v, want %v", tt.w, got, tt.want)
			}
		})
	}
}

func TestWindow_Previous(t *testing.T) {
	utc := func(m time.Month, d, h int) time.Time { return day(2025, m, d, h, time.UTC) }
	ber := func(m time.Month, d int) time.Time { return day(2025, m, d, 0, berlin) }
	inBerlin := func(m time.Month, d, h, min int) time.Time {
		return time.Date(2025, m, d, h, min, 0, 0, time.UTC).In(berlin)
	}
	epoch := time.Unix(0, 0).UTC()
	tests := []struct {
		name string
		w    Window
		want Window
	}{
		// 7 days back from Jan 8.
		{"a week", Window{utc(1, 8, 0), utc(1, 15, 0)}, Window{utc(1, 1, 0), utc(1, 8, 0)}},
		// Bounds at different times of day: 36 hours back from Jan 2 12:00.
		{"a span of hours", Window{utc(1, 2, 12), utc(1, 4, 0)}, Window{utc(1, 1, 0), utc(1, 2, 12)}},
		// Mar 24 to Mar 31 is 167 hours (clocks forward Mar 30); the week
		// before is 7 days, 168 hours, midnight to midnight.
		{"a week with the clocks going forward", Window{ber(3, 24), ber(3, 31)}, Window{ber(3, 17), ber(3, 24)}},
		// Mar 31 to Apr 7 is 168 hours, but the week before is 167: by
		// duration it would start at 23:00 on Sunday Mar 23.
		{"the week after the clocks went forward", Window{ber(3, 31), ber(4, 7)}, Window{ber(3, 24), ber(3, 31)}},
		// Oct 27 to Nov 3 is 168 hours; the week before is 169 (clocks back Oct 26).
		{"the week after the clocks went back", Window{ber(10, 27), ber(11, 3)}, Window{ber(10, 20), ber(10, 27)}},
		// March has 31 days; 31 days before Mar 1 is Jan 29 (3 days of
		// January, then 28 of February).
		{"a month", Window{ber(3, 1), ber(4, 1)}, Window{ber(1, 29), ber(3, 1)}},
		// 02:30 summer time to 02:30 winter time on Oct 26 is one hour,
		// not a day: the hour before.
		// (00:30 and 01:30 UTC, read in Berlin).
		{"the hour the clocks go back", Window{inBerlin(10, 26, 0, 30), inBerlin(10, 26, 1, 30)}, Window{inBerlin(10, 25, 23, 30), inBerlin(10, 26, 0, 30)}},
		{"open From", Window{To: utc(1, 8, 0)}, Window{utc(1, 8, 0), utc(1, 8, 0)}},
		{"open To", Window{From: utc(1, 8, 0)}, Window{utc(1, 8, 0), utc(1, 8, 0)}},
		{"all time", Window{}, Window{epoch, epoch}},
		{"empty", Window{utc(1, 8, 0), utc(1, 8, 0)}, Window{utc(1, 8, 0), utc(1, 8, 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.w.Previous()
			if !got.From.Equal(tt.want.From) || !got.To.Equal(tt.want.To) {
				t.Errorf("%v.Previous()\ngot  %v\nwant %v", tt.w, got, tt.want)
			}
		})
	}
}

func TestWithin(t *testing.T) {
	at := func(id int64, h int) journal.Tagging {
		return journal.Tagging{EntryID: id, WrittenAt: day(2025, 1, 1, h, time.UTC)}
	}
	// Entries 1 to 5 at 01:00 to 05:00, with a second entry 3 at 03:00.
	entries := []journal.Tagging{at(1, 1), at(2, 2), at(3, 3), at(33, 3), at(4, 4), at(5, 5)}
	h := func(h int) time.Time { return day(2025, 1, 1, h, time.UTC) }
	tests := []struct {
		name    string
		entries []journal.Tagging
		w       Window
		want    []int64
	}{
		{"all time", entries, Window{}, []int64{1, 2, 3, 33, 4, 5}},
		{"From inclusive, To exclusive", entries, Window{h(2), h(4)}, []int64{2, 3, 33}},
		{"open From", entries, Window{To: h(3)}, []int64{1, 2}},
		{"open To", entries, Window{From: h(3)}, []int64{3, 33, 4, 5}},
		{"bounds between entries", entries, Window{h(2).Add(time.Minute), h(4).Add(time.Minute)}, []int64{3, 33, 4}},
		{"before every entry", entries, Window{h(0), h(1)}, []int64{}},
		{"after every entry", entries, Window{From: h(6)}, []int64{}},
		{"empty window", entries, Window{h(3), h(3)}, []int64{}},
		{"previous of all time", entries, Window{}.Previous(), []int64{}},
		{"no entries", nil, Window{}, []int64{}},
		{"one entry", entries[:1], Window{h(1), h(2)}, []int64{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []int64{}
			for _, e := range Within(tt.entries, tt.w) {
				got = append(got, e.EntryID)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestWithin_AppendingLeavesEntriesAlone(t *testing.T) {
	entries := []journal.Tagging{{EntryID: 1, WrittenAt: day(2025, 1, 1, 1, time.UTC)}, {EntryID: 2, WrittenAt: day(2025, 1, 1, 2, time.UTC)}}
	first := Within(entries, Window{To: day(2025, 1, 1, 2, time.UTC)})
	_ = append(first, journal.Tagging{EntryID: 99})
	if entries[1].EntryID != 2 {
		t.Errorf("appending to Within's result overwrote entry 2 with %d", entries[1].EntryID)
	}
}

func TestWindow_Length(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, berlin) }
	tests := []struct {
		name string
		w    Window
		want string
	}{
		{"all time", Window{}, ""},
		{"open-ended", Window{From: day(1)}, ""},
		{"one day", Days(day(2), day(2)), "day"},
		{"a week across the change of clocks (167 hours)", Days(day(23), day(29)), "7 days"},
		{"since a session at 17:00, three and a bit days", Window{From: day(10).Add(17 * time.Hour), To: day(14)}, "3 days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.w.Length(); got != tt.want {
				t.Errorf("Length = %q, want %q", got, tt.want)
			}
		})
	}
}
