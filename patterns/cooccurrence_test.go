package patterns

import (
	"reflect"
	"slices"
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
			[]Pair{{"a", "b", 1, 1, 1, 1, 1}, {"a", "c", 1, 1, 1, 1, 1}, {"b", "c", 1, 1, 1, 1, 1}},
		},
		{
			"counts and lift by hand",
			// N = 4; a in 3, b in 2, c in 1.
			// a+b: 2 entries, lift 2*4 / (3*2) = 8/6. a+c: 1, lift 1*4 / (3*1) = 4/3.
			[]journal.Tagging{tagged("a", "b"), tagged("b", "a"), tagged("a", "c"), tagged()},
			[]Pair{{"a", "b", 2, 3, 2, 4, 8.0 / 6}, {"a", "c", 1, 3, 1, 4, 4.0 / 3}},
		},
		{
			"entries without patterns still count in N",
			// N = 4, a in 1, b in 1: lift 1*4 / (1*1) = 4.
			[]journal.Tagging{tagged("a", "b"), tagged(), tagged(), tagged()},
			[]Pair{{"a", "b", 1, 1, 1, 4, 4}},
		},
		{
			"too few shared to read the lift: by name, whatever the lift",
			// N = 3; y in 1, z in 1, a in 2, b in 1.
			// y+z: lift 1*3 / (1*1) = 3. a+b: 1*3 / (2*1) = 1.5. One entry
			// each, far below MinLiftEntries: the lift ranks nothing.
			[]journal.Tagging{tagged("y", "z"), tagged("a", "b"), tagged("a")},
			[]Pair{{"a", "b", 1, 2, 1, 3, 1.5}, {"y", "z", 1, 1, 1, 3, 3}},
		},
		{
			"equal counts: by A, then B",
			// N = 2, every pattern in 1: lift 1*2 / (1*1) = 2 for each pair.
			[]journal.Tagging{tagged("b", "d", "c"), tagged("a", "e")},
			[]Pair{{"a", "e", 1, 1, 1, 2, 2}, {"b", "c", 1, 1, 1, 2, 2}, {"b", "d", 1, 1, 1, 2, 2}, {"c", "d", 1, 1, 1, 2, 2}},
		},
		{
			"A before B whatever order they were met in, their counts with them",
			// N = 2; z in 2, a in 1: lift 1*2 / (1*2) = 1.
			[]journal.Tagging{tagged("z", "a"), tagged("z")},
			[]Pair{{"a", "z", 1, 1, 2, 2, 1}},
		},
		{
			"a name listed twice on one entry counts once and never pairs with itself",
			// N = 2; a in 1, b in 1 (listed twice): lift 1*2 / (1*1) = 2.
			[]journal.Tagging{tagged("b", "a", "b"), tagged()},
			[]Pair{{"a", "b", 1, 1, 1, 2, 2}},
		},
		{
			"enough shared entries: above chance first, then the rest by count, then below chance",
			// N = 16; x in 10, y in 10, w in 8, a in 5, b in 5, z in 2.
			// a+b: 5 shared, lift 5*16 / (5*5) = 3.2. a+x, b+x: 5, 5*16 / (5*10) = 1.6.
			// w+y: 7, 7*16 / (8*10) = 1.4. w+x: 5, 5*16 / (8*10) = 1, chance.
			// w+z: 2, 2*16 / (8*2) = 2 and y+z: 2, 2*16 / (10*2) = 1.6, too few to say.
			// x+y: 5, 5*16 / (10*10) = 0.8, below chance.
			slices.Concat(
				repeat(5, tagged("x", "y", "w")), repeat(5, tagged("x", "a", "b")),
				repeat(2, tagged("y", "z", "w")), repeat(3, tagged("y")), repeat(1, tagged("w")),
			),
			[]Pair{
				{"a", "b", 5, 5, 5, 16, 80.0 / 25},
				{"a", "x", 5, 5, 10, 16, 80.0 / 50},
				{"b", "x", 5, 5, 10, 16, 80.0 / 50},
				{"w", "y", 7, 8, 10, 16, 112.0 / 80},
				{"w", "x", 5, 8, 10, 16, 1},
				{"w", "z", 2, 8, 2, 16, 2},
				{"y", "z", 2, 10, 2, 16, 32.0 / 20},
				{"x", "y", 5, 10, 10, 16, 80.0 / 100},
			},
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

func repeat(n int, t journal.Tagging) []journal.Tagging {
	out := make([]journal.Tagging, n)
	for i := range out {
		out[i] = t
	}
	return out
}
