package patterns

import (
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

func TestSummarise(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	at := func(d int, names ...string) journal.Tagging {
		return journal.Tagging{WrittenAt: day(d), Patterns: names}
	}
	all := []journal.Tagging{
		at(1, "a"),                                                 // the week before
		at(8, "a", "b"), at(9, "a", "b"), at(10, "c", "b"), at(14), // this week
		at(29, "a"), // after two empty weeks
	}
	tests := []struct {
		name     string
		w        Window
		entries  int
		compared bool
		trends   []Trend
		pairs    []Pair
	}{
		{
			// b 3 (0 before), a 2 (1 before), c 1; a+b together twice: lift 2*4/(2*3) = 1.333…
			"a week against the week before", Days(day(8), day(14)), 4, true,
			[]Trend{{"b", 3, 0, 3, Up}, {"a", 2, 1, 1, Up}, {"c", 1, 0, 1, Up}},
			[]Pair{{"a", "b", 2, 2, 3, 4, 4.0 / 3}},
		},
		{
			// No window before all time: nothing compared, a 4, b 3.
			"all time", Window{}, 6, false,
			[]Trend{{"a", 4, 0, 4, Up}, {"b", 3, 0, 3, Up}, {"c", 1, 0, 1, Up}},
			[]Pair{{"a", "b", 2, 4, 3, 6, 6.0 * 2 / 12}},
		},
		// The week before holds no entries: not a "before", so a's one
		// entry is not a rise of one.
		{"a week after an empty one", Days(day(29), day(35)), 1, false, []Trend{{"a", 1, 0, 1, Up}}, nil},
		{"two empty weeks after two with entries", Days(day(15), day(28)), 0, true, nil, nil},
		{"an empty stretch after an empty one", Days(day(20), day(21)), 0, false, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Summarise(all, tt.w)
			if s.Entries != tt.entries || s.Compared != tt.compared {
				t.Errorf("entries %d compared %v, want %d %v", s.Entries, s.Compared, tt.entries, tt.compared)
			}
			if len(s.Trends) != len(tt.trends) {
				t.Fatalf("trends %+v, want %+v", s.Trends, tt.trends)
			}
			for i := range tt.trends {
				if s.Trends[i] != tt.trends[i] {
					t.Errorf("trend %d = %+v, want %+v", i, s.Trends[i], tt.trends[i])
				}
			}
			if len(s.Pairs) != len(tt.pairs) {
				t.Fatalf("pairs %+v, want %+v", s.Pairs, tt.pairs)
			}
			for i := range tt.pairs {
				if p := s.Pairs[i]; p.A != tt.pairs[i].A || p.B != tt.pairs[i].B || p.Count != tt.pairs[i].Count || !near(p.Lift, tt.pairs[i].Lift) {
					t.Errorf("pair %d = %+v, want %+v", i, p, tt.pairs[i])
				}
			}
		})
	}
}

func TestNoComparison(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		w    Window
		want string
	}{
		{"all time", Window{}, "There is no earlier period of the same length to compare with."},
		{"open-ended", Window{From: day(1)}, "There is no earlier period of the same length to compare with."},
		{"a week", Days(day(8), day(14)), "There are no entries in the 7 days before to compare with."},
		{"a day", Days(day(8), day(8)), "There are no entries in the day before to compare with."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NoComparison(tt.w); got != tt.want {
				t.Errorf("NoComparison = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestComparable(t *testing.T) {
	week := Days(time.Date(2026, 11, 8, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		name     string
		w        Window
		previous int
		want     bool
	}{
		{"all time, whatever came before", Window{}, 3, false},
		{"a week with none before", week, 0, false},
		{"a week with one before", week, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Comparable(tt.w, tt.previous); got != tt.want {
				t.Errorf("Comparable = %v, want %v", got, tt.want)
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestLastDays(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	now := time.Date(2026, 3, 30, 9, 15, 0, 0, berlin) // the day after clocks went forward
	w := LastDays(7, now)
	if got := w.From.Format(time.RFC3339) + " " + w.To.Format(time.RFC3339); got != "2026-03-24T00:00:00+01:00 2026-03-31T00:00:00+02:00" {
		t.Errorf("last 7 days = %s", got)
	}
}
