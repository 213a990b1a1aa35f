package patterns

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/throughline/throughline/journal"
)

// CategoryCount is how many episodes named one CCRT category.
type CategoryCount struct {
	Category string `json:"category"`
	Count    int    `json:"count"`
}

// CCRTCounts is how often each category came up in some episodes, per
// component, most frequent first (ties in the order journal lists
// them); categories no episode named are left out.
type CCRTCounts struct {
	Episodes int
	Wish     []CategoryCount
	Other    []CategoryCount
	Self     []CategoryCount
}

// Of is the counts for one component.
func (c CCRTCounts) Of(comp journal.Component) []CategoryCount {
	switch comp {
	case journal.WishComponent:
		return c.Wish
	case journal.OtherComponent:
		return c.Other
	default:
		return c.Self
	}
}

// CCRTSummary is the theme that recurs across episodes in a window:
// the counts over the whole window, and the same counts in its first
// and last thirds, to see how the theme moves.
type CCRTSummary struct {
	CCRTCounts
	First, Last CCRTCounts // nil-like (no Episodes) when the window has no length to divide
}

// PersonCCRT is the CCRT of the episodes with one person.
type PersonCCRT struct {
	Person string
	CCRTSummary
}

// SummariseCCRT counts the categories of the episodes written in w. A
// window open on either side is divided into thirds between its first
// and last episode. Each episode counts a category once.
func SummariseCCRT(episodes []journal.PersonEpisode, w Window) CCRTSummary {
	var in []journal.PersonEpisode
	for _, ep := range episodes {
		if w.Contains(ep.WrittenAt) {
			in = append(in, ep)
		}
	}
	out := CCRTSummary{CCRTCounts: countCCRT(in)}
	from, to := w.From, w.To
	for _, ep := range in {
		if from.IsZero() || (w.From.IsZero() && ep.WrittenAt.Before(from)) {
			from = ep.WrittenAt
		}
		if w.To.IsZero() && (to.IsZero() || !ep.WrittenAt.Before(to)) {
			to = ep.WrittenAt.Add(time.Nanosecond) // To is exclusive
		}
	}
	if len(in) == 0 || !from.Before(to) {
		return out
	}
	third := to.Sub(from) / 3
	var first, last []journal.PersonEpisode
	for _, ep := range in {
		if ep.WrittenAt.Before(from.Add(third)) {
			first = append(first, ep)
		}
		if !ep.WrittenAt.Before(to.Add(-third)) {
			last = append(last, ep)
		}
	}
	out.First, out.Last = countCCRT(first), countCCRT(last)
	return out
}

// CCRTByPerson is SummariseCCRT for each person episodes were with, the
// person with the most episodes first, then by name.
func CCRTByPerson(episodes []journal.PersonEpisode, w Window) []PersonCCRT {
	byKey := map[string][]journal.PersonEpisode{}
	name := map[string]string{}
	for _, ep := range episodes {
		k := journal.NameKey(ep.Person)
		byKey[k] = append(byKey[k], ep)
		name[k] = cmp.Or(name[k], ep.Person)
	}
	var out []PersonCCRT
	for k, eps := range byKey {
		if s := SummariseCCRT(eps, w); s.Episodes > 0 {
			out = append(out, PersonCCRT{Person: name[k], CCRTSummary: s})
		}
	}
	slices.SortFunc(out, func(a, b PersonCCRT) int {
		return cmp.Or(b.Episodes-a.Episodes, cmp.Compare(a.Person, b.Person))
	})
	return out
}

// CCRTFor is the summary of the episodes with one person (matched by
// name ignoring case and spacing), empty when there are none.
func CCRTFor(episodes []journal.PersonEpisode, person string, w Window) CCRTSummary {
	var with []journal.PersonEpisode
	for _, ep := range episodes {
		if journal.NameKey(ep.Person) == journal.NameKey(person) {
			with = append(with, ep)
		}
	}
	return SummariseCCRT(with, w)
}

func countCCRT(episodes []journal.PersonEpisode) CCRTCounts {
	out := CCRTCounts{Episodes: len(episodes)}
	for _, comp := range journal.Components {
		list := comp.Categories()
		counts := make([]int, len(list))
		for _, ep := range episodes {
			for _, name := range ep.CCRT.Of(comp) {
				if i := slices.Index(list, name); i >= 0 {
					counts[i]++
				}
			}
		}
		var cc []CategoryCount
		for i, n := range counts {
			if n > 0 {
				cc = append(cc, CategoryCount{list[i], n})
			}
		}
		slices.SortStableFunc(cc, func(a, b CategoryCount) int { return b.Count - a.Count })
		switch comp {
		case journal.WishComponent:
			out.Wish = cc
		case journal.OtherComponent:
			out.Other = cc
		default:
			out.Self = cc
		}
	}
	return out
}

// Shift says in words how the most frequent category of comp moved
// from the first third of the window to the last, or "" when there is
// nothing to compare.
func (s CCRTSummary) Shift(comp journal.Component) string {
	first, last := s.First.Of(comp), s.Last.Of(comp)
	if len(first) == 0 && len(last) == 0 {
		return ""
	}
	top := func(cc []CategoryCount) string {
		if len(cc) == 0 {
			return "none named"
		}
		return fmt.Sprintf("%s (%d)", cc[0].Category, cc[0].Count)
	}
	if len(first) > 0 && len(last) > 0 && first[0].Category == last[0].Category {
		return fmt.Sprintf("%s in the first third and in the last (%d, then %d)", first[0].Category, first[0].Count, last[0].Count)
	}
	return fmt.Sprintf("%s in the first third, %s in the last", top(first), top(last))
}
