package patterns

import (
	"reflect"
	"testing"

	"github.com/throughline/throughline/journal"
)

func tagged(patterns ...string) journal.Tagging { return journal.Tagging{Patterns: patterns} }

func TestFrequencies(t *testing.T) {
	tests := []struct {
		name    string
		entries []journal.Tagging
		want    []Frequency
	}{
		{"no entries", nil, []Frequency{}},
		{"entries without patterns", []journal.Tagging{tagged(), tagged()}, []Frequency{}},
		// 1 entry of 1: share 1/1.
		{"one entry", []journal.Tagging{tagged("denial")}, []Frequency{{"denial", 1, 1, 1}}},
		{
			"counts, shares and ranks by hand",
			// 4 entries: avoidance in 3 (3/4 = 0.75), denial in 1 and
			// people-pleasing in 1 (1/4 = 0.25 each, both rank 2).
			[]journal.Tagging{tagged("avoidance", "denial"), tagged("avoidance"), tagged("people-pleasing", "avoidance"), tagged()},
			[]Frequency{{"avoidance", 3, 0.75, 1}, {"denial", 1, 0.25, 2}, {"people-pleasing", 1, 0.25, 2}},
		},
		{
			"ties share a rank and the next rank skips",
			// 3 entries: a and b in 2 each (2/3, rank 1), c in 1 (1/3, rank 3).
			[]journal.Tagging{tagged("b", "a"), tagged("b", "a"), tagged("c")},
			[]Frequency{{"a", 2, 2.0 / 3, 1}, {"b", 2, 2.0 / 3, 1}, {"c", 1, 1.0 / 3, 3}},
		},
		{
			"a name listed twice on one entry counts once",
			// 2 entries: denial in the first only, though listed twice: 1/2.
			[]journal.Tagging{tagged("denial", "denial"), tagged("avoidance")},
			[]Frequency{{"avoidance", 1, 0.5, 1}, {"denial", 1, 0.5, 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Frequencies(tt.entries); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
