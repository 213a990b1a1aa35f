package patterns

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/throughline/throughline/journal"
)

// Direction is which way a pattern moved between two windows.
type Direction int

const (
	Steady Direction = iota // named in as many entries as before
	Up                      // in more entries than before
	Down                    // in fewer entries than before
)

func (d Direction) String() string {
	switch d {
	case Steady:
		return "steady"
	case Up:
		return "up"
	case Down:
		return "down"
	}
	return "Direction(" + strconv.Itoa(int(d)) + ")"
}

// Trend compares how many entries named a pattern in a window with the
// window before it.
type Trend struct {
	Name      string
	Count     int // entries naming it in the current window
	Previous  int // entries naming it in the previous window
	Delta     int // Count - Previous
	Direction Direction
}

// Trends compares the entries of a window with those of the window before
// it (see Window.Previous). Every pattern named in either gets a Trend, so
// one that has stopped coming up shows with Count 0. Counts are of
// entries, not of mentions, and not scaled: the windows are meant to be of
// equal length. Most named now first, then most named before, then by
// name.
func Trends(current, previous []journal.Tagging) []Trend {
	var in interner
	now := in.sets(current, patternsOf)
	before := in.sets(previous, patternsOf)
	counts, prior := now.counts(len(in.names)), before.counts(len(in.names))
	out := make([]Trend, len(in.names))
	for id, name := range in.names {
		t := Trend{Name: name, Count: counts[id], Previous: prior[id], Delta: counts[id] - prior[id]}
		switch {
		case t.Delta > 0:
			t.Direction = Up
		case t.Delta < 0:
			t.Direction = Down
		}
		out[id] = t
	}
	slices.SortFunc(out, func(a, b Trend) int {
		return cmp.Or(b.Count-a.Count, b.Previous-a.Previous, cmp.Compare(a.Name, b.Name))
	})
	return out
}
