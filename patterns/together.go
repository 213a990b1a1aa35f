package patterns

import (
	"cmp"
	"fmt"
)

// What a pair's figures can honestly be said to show. The Patterns
// screen and `throughline patterns` both word a pair through Text, so
// they never disagree about what is a finding.

// MinLiftEntries is how many entries two patterns must share before how
// often they come together is set against chance (the count chance alone
// would give, from how often each is named). Below it, one shared entry
// more or less moves the lift by a quarter or more, so a figure like
// 1.7× says more about chance than about the person: only the plain
// count is given.
const MinLiftEntries = 5

// Reading is what a pair's figures show.
type Reading int

const (
	TooFew         Reading = iota // fewer than MinLiftEntries shared: only the count is said
	AboutChance                   // lift 0.9× to 1.1×, once rounded: no more than chance would give
	MoreThanChance                // lift above 1.1×
	LessThanChance                // lift below 0.9×
)

func (r Reading) String() string {
	switch r {
	case TooFew:
		return "too few"
	case AboutChance:
		return "about chance"
	case MoreThanChance:
		return "more than chance"
	case LessThanChance:
		return "less than chance"
	}
	return fmt.Sprintf("Reading(%d)", int(r))
}

// Finding reports whether the reading says more than the count: the two
// come together more, or less, often than chance would have it.
func (r Reading) Finding() bool { return r == MoreThanChance || r == LessThanChance }

// LiftTenths is the lift in tenths, rounded half up, worked out from the
// counts in whole numbers: so the figure shown and the reading are of
// the same number, with no float landing just under a boundary.
func (p Pair) LiftTenths() int {
	chance := p.CountA * p.CountB
	if chance == 0 {
		return 0
	}
	return (20*p.Count*p.Entries + chance) / (2 * chance)
}

// Reading is what p's figures show: a lift counts only from
// MinLiftEntries shared entries, and only outside 0.9× to 1.1× as shown.
func (p Pair) Reading() Reading {
	switch tenths := p.LiftTenths(); {
	case p.Count < MinLiftEntries:
		return TooFew
	case tenths > 11:
		return MoreThanChance
	case tenths < 9:
		return LessThanChance
	}
	return AboutChance
}

// Either is how many entries name A, B or both.
func (p Pair) Either() int { return p.CountA + p.CountB - p.Count }

// Text says what p shows, to follow "A + B: ": the plain count, and how
// it compares with chance when there are entries enough to say.
func (p Pair) Text() string {
	count := fmt.Sprintf("together in %d of the %d entries that name either", p.Count, p.Either())
	switch p.Reading() {
	case MoreThanChance:
		return fmt.Sprintf("%s, %s× as often as chance would have it", count, tenths(p.LiftTenths()))
	case LessThanChance:
		return fmt.Sprintf("%s, only %s× as often as chance would have it", count, tenths(p.LiftTenths()))
	case AboutChance:
		return count + ", about as often as chance would have it"
	}
	return count
}

func tenths(n int) string { return fmt.Sprintf("%d.%d", n/10, n%10) }

// Rank orders pairs for the Together list: first those that come
// together more often than chance, the furthest above it first; then
// those that say no more than their count, the most shared first; last
// those that come together less often than chance, the furthest below
// it first. Ties go to the most shared, then by name.
func Rank(x, y Pair) int {
	rx, ry := x.Reading(), y.Reading()
	order := cmp.Compare(rankGroup(rx), rankGroup(ry))
	if order == 0 {
		switch rx {
		case MoreThanChance:
			order = cmp.Compare(y.Lift, x.Lift)
		case LessThanChance:
			order = cmp.Compare(x.Lift, y.Lift)
		}
	}
	return cmp.Or(order, y.Count-x.Count, cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
}

func rankGroup(r Reading) int {
	switch r {
	case MoreThanChance:
		return 0
	case LessThanChance:
		return 2
	}
	return 1
}
