package patterns

import (
	"cmp"
	"slices"

	"github.com/throughline/throughline/journal"
)

// PersonPatterns is what comes up in the entries that involve one person.
type PersonPatterns struct {
	Person   string
	Entries  int         // entries naming the person
	Patterns []Frequency // over those entries only: Share is of Entries
}

// ByPerson gives everyone named in entries' People their patterns, the
// person in the most entries first, then by name. A person listed twice
// on one entry counts once.
func ByPerson(entries []journal.Tagging) []PersonPatterns {
	var people, pats interner
	who := people.sets(entries, peopleOf)
	what := pats.sets(entries, patternsOf)
	k := len(pats.names)
	// counts[p*k+id] is the entries involving person p that name pattern id.
	counts := make([]int, len(people.names)*k)
	involved := who.counts(len(people.names))
	for i := range entries {
		for _, p := range who.of(i) {
			row := counts[int(p)*k : int(p+1)*k]
			for _, id := range what.of(i) {
				row[id]++
			}
		}
	}
	out := make([]PersonPatterns, len(people.names))
	for p, name := range people.names {
		out[p] = PersonPatterns{Person: name, Entries: involved[p],
			Patterns: frequencies(counts[p*k:(p+1)*k], pats.names, involved[p])}
	}
	slices.SortFunc(out, func(a, b PersonPatterns) int {
		return cmp.Or(b.Entries-a.Entries, cmp.Compare(a.Person, b.Person))
	})
	return out
}
