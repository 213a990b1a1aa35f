package patterns

import (
	"reflect"
	"testing"

	"github.com/throughline/throughline/journal"
)

func TestTrends(t *testing.T) {
	tests := []struct {
		name              string
		current, previous []journal.Tagging
		want              []Trend
	}{
		{"empty windows", nil, nil, []Trend{}},
		{"entries without patterns", []journal.Tagging{tagged()}, []journal.Tagging{tagged(), tagged()}, []Trend{}},
		// 1 now, 0 before: delta 1 - 0 = 1.
		{"one entry", []journal.Tagging{tagged("denial")}, nil, []Trend{{"denial", 1, 0, 1, Up}}},
		{
			"a pattern only in the previous window",
			// guilt: 1 now, 1 before, 0. splitting: 0 now, 2 before, 0 - 2 = -2.
			[]journal.Tagging{tagged("guilt")},
			[]journal.Tagging{tagged("splitting", "guilt"), tagged("splitting")},
			[]Trend{{"guilt", 1, 1, 0, Steady}, {"splitting", 0, 2, -2, Down}},
		},
		{
			"counts by hand",
			// avoidance: 3 now, 1 before, 3 - 1 = 2. denial: 1 now, 2 before, -1.
			// guilt: 0 now, 1 before, -1.
			[]journal.Tagging{tagged("avoidance", "denial"), tagged("avoidance"), tagged("avoidance"), tagged()},
			[]journal.Tagging{tagged("denial", "guilt"), tagged("denial", "avoidance")},
			[]Trend{{"avoidance", 3, 1, 2, Up}, {"denial", 1, 2, -1, Down}, {"guilt", 0, 1, -1, Down}},
		},
		{
			"ties: most now, then most before, then by name",
			// c, b, a: 1 now each; c 2 before (-1), a and b 0 before (+1).
			// d, e: 0 now, 1 before each (-1).
			[]journal.Tagging{tagged("c", "b", "a")},
			[]journal.Tagging{tagged("e", "c"), tagged("d", "c")},
			[]Trend{{"c", 1, 2, -1, Down}, {"a", 1, 0, 1, Up}, {"b", 1, 0, 1, Up}, {"d", 0, 1, -1, Down}, {"e", 0, 1, -1, Down}},
		},
		{
			"a name listed twice on one entry counts once",
			// 1 entry now, 1 before, however often listed: 1 - 1 = 0.
			[]journal.Tagging{tagged("denial", "denial", "denial")},
			[]journal.Tagging{tagged("denial", "denial")},
			[]Trend{{"denial", 1, 1, 0, Steady}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Trends(tt.current, tt.previous); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDirection_String(t *testing.T) {
	tests := []struct {
		d    Direction
		want string
	}{
		{Steady, "steady"},
		{Up, "up"},
		{Down, "down"},
		{Direction(7), "Direction(7)"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("Direction(%d).String() = %q, want %q", int(tt.d), got, tt.want)
		}
	}
}
