// Package patterns turns the names a person puts on their entries into
// what recurs and how often. Plain data in, plain data out: no database,
// no widgets, so every figure can be checked by hand in a test.
package patterns

import (
	"cmp"
	"slices"

	"github.com/throughline/throughline/journal"
)

// Frequency is how often one pattern came up in a set of entries.
type Frequency struct {
	Name    string
	Entries int     // entries that name the pattern
	Share   float64 // Entries / all entries, 0 to 1
	Rank    int     // 1 for the most frequent; equal counts share a rank
}

// Frequencies counts the entries each pattern appears in, most frequent
// first and, among equals, by name. Patterns never named are left out; a
// pattern listed twice on one entry counts once.
func Frequencies(entries []journal.Tagging) []Frequency {
	var in interner
	s := in.sets(entries, patternsOf)
	return frequencies(s.counts(len(in.names)), in.names, len(entries))
}

// frequencies ranks counts[id], the entries out of total that name
// names[id]. Ids with no entries are left out.
func frequencies(counts []int, names []string, total int) []Frequency {
	out := make([]Frequency, 0, len(counts))
	for id, n := range counts {
		if n > 0 {
			out = append(out, Frequency{Name: names[id], Entries: n, Share: float64(n) / float64(total)})
		}
	}
	slices.SortFunc(out, func(a, b Frequency) int {
		return cmp.Or(b.Entries-a.Entries, cmp.Compare(a.Name, b.Name))
	})
	for i := range out {
		out[i].Rank = i + 1
		if i > 0 && out[i].Entries == out[i-1].Entries {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out
}
