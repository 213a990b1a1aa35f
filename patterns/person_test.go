package patterns

import (
	"reflect"
	"testing"

	"github.com/throughline/throughline/journal"
)

// involving is an entry with people and patterns.
func involving(people []string, patterns ...string) journal.Tagging {
	return journal.Tagging{People: people, Patterns: patterns}
}

func TestByPerson(t *testing.T) {
	tests := []struct {
		name    string
		entries []journal.Tagging
		want    []PersonPatterns
	}{
		{"no entries", nil, []PersonPatterns{}},
		{"entries without people", []journal.Tagging{tagged("guilt"), tagged()}, []PersonPatterns{}},
		// Mum in 1 entry, guilt in 1 of her 1: share 1/1.
		{"one entry", []journal.Tagging{involving([]string{"Mum"}, "guilt")},
			[]PersonPatterns{{"Mum", 1, []Frequency{{"guilt", 1, 1, 1}}}}},
		{
			"by hand",
			// Mum in entries 1, 2 and 4 (listed twice in 4): 3.
			//   guilt in 1, 2, 4: 3/3 = 1. avoidance in 1: 1/3.
			// Sam in entries 1 and 3: 2.
			//   avoidance in 1: 1/2. guilt in 1: 1/2. Equal, so both rank 1.
			// Entry 5 has nobody and counts for no one.
			[]journal.Tagging{
				involving([]string{"Mum", "Sam"}, "avoidance", "guilt"),
				involving([]string{"Mum"}, "guilt"),
				involving([]string{"Sam"}),
				involving([]string{"Mum", "Mum"}, "guilt", "guilt"),
				involving(nil, "avoidance"),
			},
			[]PersonPatterns{
				{"Mum", 3, []Frequency{{"guilt", 3, 1, 1}, {"avoidance", 1, 1.0 / 3, 2}}},
				{"Sam", 2, []Frequency{{"avoidance", 1, 0.5, 1}, {"guilt", 1, 0.5, 1}}},
			},
		},
		{
			"equal entries: by name; no patterns leaves an empty list",
			[]journal.Tagging{involving([]string{"Bo"}), involving([]string{"Al"})},
			[]PersonPatterns{{"Al", 1, []Frequency{}}, {"Bo", 1, []Frequency{}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ByPerson(tt.entries); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
