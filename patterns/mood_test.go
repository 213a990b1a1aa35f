package patterns

import (
	"reflect"
	"testing"

	"github.com/throughline/throughline/journal"
)

// rated is an entry with a mood (0 for unrated) and patterns.
func rated(mood int, patterns ...string) journal.Tagging {
	return journal.Tagging{Mood: mood, Patterns: patterns}
}

func TestMoodAssociation(t *testing.T) {
	tests := []struct {
		name    string
		entries []journal.Tagging
		want    []MoodLink
	}{
		{"no entries", nil, []MoodLink{}},
		{"entries without patterns", []journal.Tagging{rated(5), rated(6)}, []MoodLink{}},
		// With: 5/1. Nothing without.
		{"one entry", []journal.Tagging{rated(5, "a")}, []MoodLink{{"a", 5, 0, 1, 0, false}}},
		{
			"by hand",
			// Rated moods 2 3 4 6 7 8 9: sum 39, 7 entries. The unrated one is on neither side.
			// a on 2 3 4: with 9/3 = 3; without (39-9)/4 = 7.5; |3-7.5| = 4.5.
			// b on 4 6 8: with 18/3 = 6; without (39-18)/4 = 5.25; |6-5.25| = 0.75.
			// c on 9: with 9/1; without (39-9)/6 = 5; one entry, not enough.
			// d only unrated: nothing with; without 39/7; not enough.
			[]journal.Tagging{rated(2, "a"), rated(3, "a"), rated(4, "a", "b"), rated(6, "b"), rated(7), rated(8, "b"), rated(9, "c"), rated(0, "a", "d")},
			[]MoodLink{{"a", 3, 7.5, 3, 4, true}, {"b", 6, 5.25, 3, 4, true}, {"c", 9, 5, 1, 6, false}, {"d", 0, 39.0 / 7, 0, 7, false}},
		},
		{
			"equal differences: by name",
			// p: with 6/3 = 2, without 24/3 = 8, |2-8| = 6.
			// q: with 24/3 = 8, without 6/3 = 2, |8-2| = 6.
			[]journal.Tagging{rated(8, "q"), rated(8, "q"), rated(8, "q"), rated(2, "p"), rated(2, "p"), rated(2, "p")},
			[]MoodLink{{"p", 2, 8, 3, 3, true}, {"q", 8, 2, 3, 3, true}},
		},
		{
			"two rated entries on a side is not enough",
			// a: with 10/2 = 5, without 15/3 = 5; only 2 with.
			[]journal.Tagging{rated(5, "a"), rated(5, "a"), rated(5), rated(5), rated(5)},
			[]MoodLink{{"a", 5, 5, 2, 3, false}},
		},
		{
			"unrated entries count on neither side",
			// Only the two rated entries count: with 4/1, without 6/1.
			[]journal.Tagging{rated(0, "a"), rated(4, "a"), rated(0), rated(6)},
			[]MoodLink{{"a", 4, 6, 1, 1, false}},
		},
		{
			"a name listed twice on one entry counts once",
			// with 4/1 = 4, not (4+4)/2 or 8/1.
			[]journal.Tagging{rated(4, "a", "a"), rated(6)},
			[]MoodLink{{"a", 4, 6, 1, 1, false}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MoodAssociation(tt.entries); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
