package patterns

import (
	"cmp"
	"math"
	"slices"

	"github.com/throughline/throughline/journal"
)

// MinMoodEntries is how many rated entries each side of a comparison
// needs before a difference in mean mood is worth showing. Below it, one
// bad day decides the figure.
const MinMoodEntries = 3

// MoodLink compares the mood of entries that name a pattern with the mood
// of those that don't. Only rated entries (Mood 1 to 10) count, on either
// side.
type MoodLink struct {
	Name     string
	With     float64 // mean mood of rated entries naming the pattern; 0 when WithN is 0
	Without  float64 // mean mood of the other rated entries; 0 when WithoutN is 0
	WithN    int     // rated entries naming the pattern
	WithoutN int     // rated entries not naming it
	// Enough is true when both sides have at least MinMoodEntries rated
	// entries. When it is false, With and Without are filled where there
	// is anything to average, but they say little: show "not enough data"
	// rather than the figures.
	Enough bool
}

// MoodAssociation gives every pattern named in entries its MoodLink.
// Links with enough data come first, the largest difference between With
// and Without first (then by name); then the rest by name.
func MoodAssociation(entries []journal.Tagging) []MoodLink {
	var in interner
	s := in.sets(entries, patternsOf)
	k := len(in.names)
	sums, rated := make([]int, k), make([]int, k)
	allSum, allRated := 0, 0
	for i, e := range entries {
		if e.Mood == 0 {
			continue
		}
		allSum += e.Mood
		allRated++
		for _, id := range s.of(i) {
			sums[id] += e.Mood
			rated[id]++
		}
	}
	out := make([]MoodLink, k)
	for id, name := range in.names {
		l := MoodLink{Name: name, WithN: rated[id], WithoutN: allRated - rated[id]}
		l.With = mean(sums[id], l.WithN)
		l.Without = mean(allSum-sums[id], l.WithoutN)
		l.Enough = l.WithN >= MinMoodEntries && l.WithoutN >= MinMoodEntries
		out[id] = l
	}
	slices.SortFunc(out, func(a, b MoodLink) int {
		if a.Enough != b.Enough {
			if a.Enough {
				return -1
			}
			return 1
		}
		if a.Enough {
			if c := cmp.Compare(math.Abs(b.With-b.Without), math.Abs(a.With-a.Without)); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out
}

// mean is sum/n, or 0 when there is nothing to average.
func mean(sum, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}
