package patterns

import (
	"reflect"
	"testing"

	"github.com/throughline/throughline/journal"
)

func TestCoOccurrences(t *testing.T) {
	tests := []struct {
		name    string
		entries []journal.Tagging
		want    []Pair
	}{
		{"no entries", nil, []Pair{}},
		{"entries without patterns", []journal.Tagging{tagged(), tagged()}, []Pair{}},
		{"one pattern per entry makes no pairs", []journal.Tagging{tagged("a"), tagged("b")}, []Pair{}},
		{
			"one entry",
			// N = 1, every count 1: lift 1*1 / (1*1) = 1.
			[]journal.Tagging{tagged("c", "a", "b")},
			[]Pair{{"a", "b", 1, 1}, {"a", "c", 1, 1}, {"b", "c", 1, 1}},
		},
		{
			"counts and lift by hand",
			// N = 4; a in 3, b in 2, c in 1.
			// a+b: 2 entries, lift 2*4 / (3*2) = 8/6. a+c: 1, lift 1*4 / (3*1) = 4/3.
			[]journal.Tagging{tagged("a", "b"), tagged("b", "a"), tagged("a", "c"), tagged()},
			[]Pair{{"a", "b", 2, 8.0 / 6}, {"a", "c", 1, 4.0 / 3}},
		},
		{
			"entries without patterns still count in N",
			// N = 4, a in 1, b in 1: lift 1*4 / (1*1) = 4.
			[]journal.Tagging{tagged("a", "b"), tagged(), tagged(), tagged()},
			[]Pair{{"a", "b", 1, 4}},
		},
		{
			"equal counts: highest lift first, whatever the names",
			// N = 3; y in 1, z in 1, a in 2, b in 1.
			// y+z: lift 1*3 / (1*1) = 3. a+b: 1*3 / (2*1) = 1.5.
			[]journal.Tagging{tagged("y", "z"), tagged("a", "b"), tagged("a")},
			[]Pair{{"y", "z", 1, 3}, {"a", "b", 1, 1.5}},
		},
		{
			"equal counts and lifts: by A, then B",
			// N = 2, every pattern in 1: lift 1*2 / (1*1) = 2 for each pair.
			[]journal.Tagging{tagged("b", "d", "c"), tagged("a", "e")},
			[]Pair{{"a", "e", 1, 2}, {"b", "c", 1, 2}, {"b", "d", 1, 2}, {"c", "d", 1, 2}},
		},
		{
			"A before B whatever order they were met in",
			// N = 1: lift 1.
			[]journal.Tagging{tagged("z", "a")},
			[]Pair{{"a", "z", 1, 1}},
		},
		{
			"a name listed twice on one entry counts once and never pairs with itself",
			// N = 2; a in 1, b in 1 (listed twice): lift 1*2 / (1*1) = 2.
			[]journal.Tagging{tagged("b", "a", "b"), tagged()},
			[]Pair{{"a", "b", 1, 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CoOccurrences(tt.entries); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
