package patterns

import (
	"fmt"
	"slices"
	"testing"
)

func TestPair_ReadingAndText(t *testing.T) {
	tests := []struct {
		name string
		// count shared, in a and b entries, out of n
		count, a, b, n int
		tenths         int
		reading        Reading
		text           string
	}{
		{
			// Lift 2*5 / (3*2) = 1.67, but from two entries: the count alone.
			"the pattern view's example", 2, 3, 2, 5, 17, TooFew,
			"together in 2 of the 3 entries that name either",
		},
		{
			// Lift 4*20 / (4*4) = 5: one short of MinLiftEntries.
			"four shared, however strong", 4, 4, 4, 20, 50, TooFew,
			"together in 4 of the 4 entries that name either",
		},
		{
			// Lift 5*20 / (5*5) = 4.
			"five shared", 5, 5, 5, 20, 40, MoreThanChance,
			"together in 5 of the 5 entries that name either, 4.0× as often as chance would have it",
		},
		{
			// Lift 5*23 / (10*10) = 1.15 exactly: rounds up to 1.2, a finding
			// (as a float, 1.15 sits just under and would print 1.1).
			"1.15 rounds to 1.2", 5, 10, 10, 23, 12, MoreThanChance,
			"together in 5 of the 15 entries that name either, 1.2× as often as chance would have it",
		},
		{
			// Lift 5*11 / (8*6) = 1.146: 1.1, chance.
			"just under 1.15", 5, 8, 6, 11, 11, AboutChance,
			"together in 5 of the 9 entries that name either, about as often as chance would have it",
		},
		{
			// Lift 5*20 / (10*10) = 1.
			"chance itself", 5, 10, 10, 20, 10, AboutChance,
			"together in 5 of the 15 entries that name either, about as often as chance would have it",
		},
		{
			// Lift 5*17 / (10*10) = 0.85 exactly: rounds up to 0.9, chance.
			"0.85 rounds to 0.9", 5, 10, 10, 17, 9, AboutChance,
			"together in 5 of the 15 entries that name either, about as often as chance would have it",
		},
		{
			// Lift 6*12 / (9*9) = 0.889: rounds to 0.9, chance.
			"0.89", 6, 9, 9, 12, 9, AboutChance,
			"together in 6 of the 12 entries that name either, about as often as chance would have it",
		},
		{
			// Lift 5*16 / (10*10) = 0.8.
			"below chance", 5, 10, 10, 16, 8, LessThanChance,
			"together in 5 of the 15 entries that name either, only 0.8× as often as chance would have it",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Pair{A: "a", B: "b", Count: tt.count, CountA: tt.a, CountB: tt.b, Entries: tt.n}
			if got := p.LiftTenths(); got != tt.tenths {
				t.Errorf("LiftTenths = %d, want %d", got, tt.tenths)
			}
			if got := p.Reading(); got != tt.reading {
				t.Errorf("Reading = %v, want %v", got, tt.reading)
			}
			if got := p.Text(); got != tt.text {
				t.Errorf("Text = %q\nwant   %q", got, tt.text)
			}
		})
	}
}

// No pair that reads as chance, or from too few entries, is worded as a
// finding: whatever the counts, its text carries no "×".
func TestPair_NoFindingWithoutEnoughOrAtChance(t *testing.T) {
	for n := 1; n <= 30; n++ {
		for a := 1; a <= n; a++ {
			for b := 1; b <= a; b++ {
				for count := max(1, a+b-n); count <= b; count++ {
					p := Pair{A: "a", B: "b", Count: count, CountA: a, CountB: b, Entries: n}
					p.Lift = float64(count*n) / float64(a*b)
					finding := p.Reading().Finding()
					if want := count >= MinLiftEntries && (p.Lift >= 1.15 || p.Lift < 0.85); finding != want {
						t.Fatalf("%+v (lift %.4f): finding %v, want %v", p, p.Lift, finding, want)
					}
					if hasTimes := slices.Contains([]rune(p.Text()), '×'); hasTimes != finding {
						t.Fatalf("%+v: %q", p, p.Text())
					}
				}
			}
		}
	}
}

func TestRank(t *testing.T) {
	pair := func(name string, count, a, b, n int) Pair {
		return Pair{A: name, B: "z", Count: count, CountA: a, CountB: b, Entries: n, Lift: float64(count*n) / float64(a*b)}
	}
	// Out of 20 entries:
	pairs := []Pair{
		pair("few", 2, 2, 2, 20),           // lift 10, but from 2: a count
		pair("below", 5, 10, 12, 20),       // lift 0.83
		pair("far below", 5, 10, 20, 20),   // lift 0.5
		pair("chance", 6, 10, 12, 20),      // lift 1
		pair("above", 6, 10, 10, 20),       // lift 1.2
		pair("far above", 5, 5, 10, 20),    // lift 2
		pair("more shared", 9, 9, 18, 20),  // lift 1.11: chance, but most shared
		pair("also above", 12, 10, 20, 20), // lift 1.2, shared more than "above"
	}
	slices.SortFunc(pairs, Rank)
	var got []string
	for _, p := range pairs {
		got = append(got, fmt.Sprintf("%s %s", p.A, p.Reading()))
	}
	want := []string{
		"far above more than chance", "also above more than chance", "above more than chance",
		"more shared about chance", "chance about chance", "few too few",
		"far below less than chance", "below less than chance",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ranked:\n%v\nwant\n%v", got, want)
	}
}
