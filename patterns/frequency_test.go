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
		{"one entry", []journal.Tagging{tagged("denial")}, []Frequency{{"denial", 1, 1, 1}}},
		{
			"counts, shares and ranks by hand",
			// 4 entries: avoidance in 3, denial in 1, people-pleasing in 1.
			[]journal.Tagging{tagged("avoidance", "denial"), tagged("avoidance"), tagged("people-pleasing", "avoidance"), tagged()},
			[]Frequency{{"avoidance", 3, 0.75, 1}, {"denial", 1, 0.25, 2}, {"people-pleasing", 1, 0.25, 2}},
		},
		{
			"ties share a rank and the next rank skips",
			[]journal.Tagging{tagged("b", "a"), tagged("b", "a"), tagged("c")},
			[]Frequency{{"a", 2, 2.0 / 3, 1}, {"b", 2, 2.0 / 3, 1}, {"c", 1, 1.0 / 3, 3}},
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
