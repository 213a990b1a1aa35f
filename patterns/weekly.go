package patterns

import (
	"cmp"
	"slices"
	"time"

	"github.com/throughline/throughline/journal"
)

// WeeklySeries is how many entries named one pattern in each week.
type WeeklySeries struct {
	Name   string
	Counts []int // Counts[i] is for the week starting weeks[i]
}

// Weekly counts, week by week, the entries in w that name each pattern.
// Entries must be sorted oldest first, as for Within; those outside w are
// not counted, so the first and last weeks may be partly outside it.
//
// Weeks start on Monday at midnight in the location of w.From; when From
// is open, at the Monday of the first entry's week, in that entry's
// location. They run until w.To, or when To is open until the week of the
// last entry. Week starts are found by calendar, so a week in which the
// clocks change is 167 or 169 hours long and still ends at midnight. With
// an open bound and no entries to fix it, there are no weeks.
//
// Series come most named first, then by name, one count per week.
func Weekly(entries []journal.Tagging, w Window) (weeks []time.Time, series []WeeklySeries) {
	entries = Within(entries, w)
	weeks = weekStarts(entries, w)
	var in interner
	s := in.sets(entries, patternsOf)
	k, n := len(in.names), len(weeks)
	// counts[id*n+week], one block per pattern, handed out as the series.
	counts := make([]int, k*n)
	week := 0
	for i, e := range entries {
		for week+1 < n && !e.WrittenAt.Before(weeks[week+1]) {
			week++
		}
		for _, id := range s.of(i) {
			counts[int(id)*n+week]++
		}
	}
	totals := s.counts(k)
	order := make([]int, k)
	for id := range order {
		order[id] = id
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(totals[b]-totals[a], cmp.Compare(in.names[a], in.names[b]))
	})
	series = make([]WeeklySeries, k)
	for i, id := range order {
		series[i] = WeeklySeries{Name: in.names[id], Counts: counts[id*n : (id+1)*n : (id+1)*n]}
	}
	return weeks, series
}

// weekStarts lists the Mondays at midnight that Weekly's weeks start on.
func weekStarts(entries []journal.Tagging, w Window) []time.Time {
	weeks := []time.Time{}
	if w.Empty() {
		return weeks
	}
	first, last := w.From, w.To
	if first.IsZero() || last.IsZero() {
		if len(entries) == 0 {
			return weeks
		}
		if first.IsZero() {
			first = entries[0].WrittenAt
		}
	}
	loc := first.Location()
	y, m, d := first.Date()
	d -= (int(first.Weekday()) + 6) % 7 // days since Monday
	for i := 0; ; i++ {
		start := time.Date(y, m, d+7*i, 0, 0, 0, 0, loc)
		if !last.IsZero() && !start.Before(last) ||
			last.IsZero() && start.After(entries[len(entries)-1].WrittenAt) {
			return weeks
		}
		weeks = append(weeks, start)
	}
}
