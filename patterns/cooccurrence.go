package patterns

import (
	"slices"

	"github.com/throughline/throughline/journal"
)

// Pair is two patterns named in the same entries.
type Pair struct {
	A, B           string // A before B alphabetically
	Count          int    // entries naming both
	CountA, CountB int    // entries naming A, and B
	Entries        int    // entries looked at, with or without patterns
	// Lift is how much more often the two come together than they would
	// by chance: Count over the count chance alone would give,
	// CountA×CountB / Entries. 1 is chance, above 1 they go together,
	// below 1 one tends to come without the other. Say it only as
	// Reading and Text do: from few entries it means little.
	Lift float64
}

// CoOccurrences lists every pair of patterns named together in at least
// one entry, probabilities taken over the entries passed in (entries
// without patterns included), in the order the Together list shows them
// (see Rank).
func CoOccurrences(entries []journal.Tagging) []Pair {
	var in interner
	s := in.sets(entries, patternsOf)
	k := len(in.names)
	counts := s.counts(k)
	// together[a*k+b], a < b, counts the entries naming both: a dense
	// table, since even a few hundred patterns make a small one.
	together := make([]int32, k*k)
	for i := range s.len() {
		ids := s.of(i)
		for x, a := range ids {
			for _, b := range ids[x+1:] {
				together[min(a, b)*int32(k)+max(a, b)]++
			}
		}
	}
	out := []Pair{}
	n := len(entries)
	for a := range k {
		for b := a + 1; b < k; b++ {
			both := int(together[a*k+b])
			if both == 0 {
				continue
			}
			p := Pair{A: in.names[a], B: in.names[b], Count: both, CountA: counts[a], CountB: counts[b], Entries: n,
				Lift: float64(both*n) / float64(counts[a]*counts[b])}
			if p.B < p.A {
				p.A, p.B = p.B, p.A
				p.CountA, p.CountB = p.CountB, p.CountA
			}
			out = append(out, p)
		}
	}
	slices.SortFunc(out, Rank)
	return out
}
