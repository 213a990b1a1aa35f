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
	// Tidying is the last part, after the indexing: giving the space the
	// old index took back to the disk.
	Tidying bool
}

// String is the progress in words, the same in the window and on the
// command line.
func (p UpgradeProgress) String() string {
	if p.Tidying {
		return "Getting your journal ready for search: giving the space it no longer needs back to the disk"
	}
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

// plan notes how many indexing passes over entries the pending steps
// make, and says so at once: the first step may wait its turn to write.
func (u *upgradeReport) plan(passes, entries int) {
	if u != nil && passes > 0 && entries > 0 {
		u.passes, u.pass, u.entries = passes, 1, entries
		u.send()
		u.pass = 0
	}
}

// skip notes that a planned pass is not needed after all.
func (u *upgradeReport) skip() {
	if u != nil && u.passes > 0 {
		u.passes--
	}
}

// start begins a pass over entries entries.
func (u *upgradeReport) start(entries int) {
	if u == nil {
		return
	}
	u.entries, u.done = entries, 0
	u.pass = min(u.pass+1, u.passes)
	u.send()
}

// add counts n more entries indexed in this pass.
func (u *upgradeReport) add(n int) {
	if u != nil {
		u.done += n
		u.send()
	}
}

// tidy notes the indexing is done and the file is being vacuumed.
func (u *upgradeReport) tidy() {
	if u != nil && u.passes > 0 {
		u.report(UpgradeProgress{Done: u.passes * u.entries, Total: u.passes * u.entries, Tidying: true})
	}
}

func (u *upgradeReport) send() {
	if u.passes == 0 {
		return // nothing planned: a new journal, or none with entries
	}
	u.report(UpgradeProgress{Done: (u.pass-1)*u.entries + u.done, Total: u.passes * u.entries})
}
