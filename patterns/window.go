package patterns

import (
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/throughline/throughline/journal"
)

// Window is the stretch of time an analysis looks at, From inclusive, To
// exclusive. A zero From means from the first entry, a zero To up to the
// last: Window{} is all time.
type Window struct{ From, To time.Time }

// Contains reports whether t falls in the window.
func (w Window) Contains(t time.Time) bool {
	return (w.From.IsZero() || !t.Before(w.From)) && (w.To.IsZero() || t.Before(w.To))
}

// Empty reports whether the window holds no time at all: both bounds set
// and To not after From.
func (w Window) Empty() bool {
	return !w.From.IsZero() && !w.To.IsZero() && !w.From.Before(w.To)
}

// Previous is the window of equal length that ends where w starts, for
// comparing "this month" with the month before. When both bounds fall at
// the same time of day in From's location, the length is counted in
// calendar days, so a week that crosses a change of clocks (167 or 169
// hours) is compared with the whole week before it, midnight to midnight.
// Otherwise it is the plain duration.
//
// A window open on either side, all time included, has no preceding
// window of equal length: Previous of it, as of an empty window, is an
// empty window (From equal to To, at w's start where w has one), which
// Within finds nothing in and against which Trends counts every pattern
// as new. Check Empty before offering the comparison to a person.
func (w Window) Previous() Window {
	if w.From.IsZero() || w.To.IsZero() || w.Empty() {
		at := w.From
		if at.IsZero() {
			at = w.To
		}
		if at.IsZero() {
			at = time.Unix(0, 0).UTC()
		}
		return Window{From: at, To: at}
	}
	loc := w.From.Location()
	to := w.To.In(loc)
	fh, fm, fs := w.From.Clock()
	th, tm, ts := to.Clock()
	if fh == th && fm == tm && fs == ts && w.From.Nanosecond() == to.Nanosecond() {
		// Zero days happens only in the repeated hour when clocks go
		// back (01:30 summer time to 01:30 winter time): not a day.
		if days := daysBetween(w.From, to); days > 0 {
			y, m, d := w.From.Date()
			return Window{From: time.Date(y, m, d-days, fh, fm, fs, w.From.Nanosecond(), loc), To: w.From}
		}
	}
	return Window{From: w.From.Add(-w.To.Sub(w.From)), To: w.From}
}

// Length names how long w is in days, as in "the 30 days before": "day"
// or "N days", rounded to the nearest day so one with a change of clocks
// still counts whole. An open window has no length: "".
func (w Window) Length() string {
	if w.From.IsZero() || w.To.IsZero() {
		return ""
	}
	days := int(math.Round(w.To.Sub(w.From).Hours() / 24))
	if days == 1 {
		return "day"
	}
	return strconv.Itoa(days) + " days"
}

// daysBetween counts the calendar days from a's date to b's, each read in
// its own location.
func daysBetween(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	// In UTC every day is 24 hours long, so the division is exact.
	return int(time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC).Sub(time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
}

// Within is the run of entries written in w. Entries must be sorted
// oldest first by WrittenAt, as Store.Taggings returns them; the bounds
// are found by binary search, since all time can be 100,000 entries. The
// result shares entries' backing array, capped so appending to it cannot
// overwrite the entries after it.
func Within(entries []journal.Tagging, w Window) []journal.Tagging {
	if w.Empty() {
		return nil
	}
	lo, hi := 0, len(entries)
	if !w.From.IsZero() {
		lo = sort.Search(len(entries), func(i int) bool { return !entries[i].WrittenAt.Before(w.From) })
	}
	if !w.To.IsZero() {
		hi = sort.Search(len(entries), func(i int) bool { return !entries[i].WrittenAt.Before(w.To) })
	}
	return entries[lo:hi:hi]
}
