package store

import (
	"fmt"
	"strconv"
)

// UpgradeProgress is how far opening a journal has got with an upgrade
// that indexes every entry for search, which takes seconds in a long
// journal.
type UpgradeProgress struct {
	Done, Total int // entries
}

// String is the progress in words, the same in the window and on the
// command line.
func (p UpgradeProgress) String() string {
	return fmt.Sprintf("Getting your journal ready for search: %s of %s entries", thousands(p.Done), thousands(p.Total))
}

// Fraction is the progress from 0 to 1.
func (p UpgradeProgress) Fraction() float64 {
	if p.Total == 0 {
		return 1
	}
	return float64(p.Done) / float64(p.Total)
}

// thousands writes n with commas between its thousands: 40,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// OpenOption changes how Open opens a journal.
type OpenOption func(*Store)

// ReportUpgrade has Open call report, on Open's goroutine, as an upgrade
// indexes the journal's entries: after each few thousand, and once more
// at the end. Opening a journal that needs no such upgrade never calls it.
func ReportUpgrade(report func(UpgradeProgress)) OpenOption {
	return func(s *Store) { s.upgrade = &upgradeReport{report: report} }
}

// upgradeReport counts an upgrade's indexing passes over the entries as
// one task: a journal made before search is indexed twice (step 9, then
// the step that moves the text out of the index), and its bar should
// fill once.
type upgradeReport struct {
	report        func(UpgradeProgress)
	passes, pass  int // passes the pending steps make; the one under way
	entries, done int
}

// plan notes how many indexing passes the pending steps make.
func (u *upgradeReport) plan(passes int) {
	if u != nil {
		u.passes, u.pass = passes, 0
	}
}

// skip notes that a planned pass is not needed after all.
func (u *upgradeReport) skip() {
	if u != nil && u.passes > 1 {
		u.passes--
	}
}

// start begins a pass over entries entries.
func (u *upgradeReport) start(entries int) {
	if u == nil {
		return
	}
	u.entries, u.done = entries, 0
	u.pass = min(u.pass+1, max(u.passes, 1))
	u.send()
}

// add counts n more entries indexed in this pass.
func (u *upgradeReport) add(n int) {
	if u != nil {
		u.done += n
		u.send()
	}
}

func (u *upgradeReport) send() {
	passes := max(u.passes, 1)
	u.report(UpgradeProgress{Done: (u.pass-1)*u.entries + u.done, Total: passes * u.entries})
}
