package patterns

import (
	"slices"

	"github.com/throughline/throughline/journal"
)

// interner numbers names in the order they are first met. The analyses
// hash each name once, here, and then count by indexing slices: a map
// keyed by string in the inner loops is what made 100,000 entries slow.
type interner struct {
	ids   map[string]int32
	names []string // names[id]
}

// sets holds, for each of a run of entries, the ids of the names picked
// from it, each at most once: an entry that lists a name twice still
// names it in only one entry.
type sets struct {
	ids    []int32 // every entry's ids, end to end
	bounds []int32 // entry i's ids are ids[bounds[i]:bounds[i+1]]
}

func patternsOf(t *journal.Tagging) []string { return t.Patterns }
func peopleOf(t *journal.Tagging) []string   { return t.People }

// sets interns the names pick finds in each entry.
func (in *interner) sets(entries []journal.Tagging, pick func(*journal.Tagging) []string) sets {
	if in.ids == nil {
		in.ids = map[string]int32{}
	}
	total := 0
	for i := range entries {
		total += len(pick(&entries[i]))
	}
	// Sized in advance: growing by append copied megabytes at 100,000 entries.
	s := sets{ids: make([]int32, 0, total), bounds: make([]int32, 1, len(entries)+1)}
	for i := range entries {
		start := len(s.ids)
		for _, name := range pick(&entries[i]) {
			id, ok := in.ids[name]
			if !ok {
				id = int32(len(in.names))
				in.ids[name] = id
				in.names = append(in.names, name)
			}
			// Entries carry a handful of names, so a scan beats a set.
			if !slices.Contains(s.ids[start:], id) {
				s.ids = append(s.ids, id)
			}
		}
		s.bounds = append(s.bounds, int32(len(s.ids)))
	}
	return s
}

func (s sets) len() int { return len(s.bounds) - 1 }

// of is entry i's ids.
func (s sets) of(i int) []int32 { return s.ids[s.bounds[i]:s.bounds[i+1]] }

// counts is how many entries carry each of the first k ids.
func (s sets) counts(k int) []int {
	counts := make([]int, k)
	for _, id := range s.ids {
		counts[id]++
	}
	return counts
}
