package report

import (
	"time"

	"strings"
	"testing"

	"github.com/throughline/throughline/patterns"
)

// A report over every day the journal has entries has an earlier period
// of the same length, but nothing was written in it: there is no before,
// and every format says so rather than a column of rises from nothing.
func TestReport_NothingBeforeToCompare(t *testing.T) {
	f := newFixture(t)
	// The fixture's entries run from 12 to 28 Nov; the 17 days before hold none.
	w, err := patterns.ParseDays("2025-11-12", "2025-11-28", time.Now().In(zone))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(f.store, Options{Window: w, Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	if r.Summary.Compared || r.Patterns.Compared || r.Summary.PreviousEntries != 0 {
		t.Errorf("compared %v / %v with %d entries before, want nothing compared", r.Summary.Compared, r.Patterns.Compared, r.Summary.PreviousEntries)
	}
	const said = "There are no entries in the 17 days before to compare with."
	md, page := r.Markdown(), r.HTML()
	for _, want := range []string{
		"- Entries: 8 entries written.\n- " + said + "\n",
		"Out of 8 entries. " + said + "\n\n| Pattern | Category | Entries | Share |\n",
		"| avoidance | Defenses | 4 | 50% |\n",
		"- Top patterns: avoidance 4, people-pleasing 3, rumination 2.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	// (The goal's "+3 since these days began" is against a real rating
	// from before them.)
	for _, bad := range []string{"| Before |", "| Change |", "| +", "(+"} {
		if strings.Contains(md, bad) {
			t.Errorf("Markdown compares with an empty period (%q):\n%s", bad, md)
		}
	}
	for _, want := range []string{"<li>" + said + "</li>", "<p>Out of 8 entries. " + said + "</p>"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(page, ">Change</th>") || strings.Contains(page, "orange mark") {
		t.Errorf("HTML compares with an empty period")
	}
	text := pdfText(t, renderPDF(t, r))
	for _, want := range []string{"Entries: 8 entries written. • " + said, "Out of 8 entries. " + said, "Pattern Category Entries Share avoidance"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Change") {
		t.Errorf("the PDF compares with an empty period:\n%s", text)
	}
}

// All time has no earlier period at all, and says that instead.
func TestReport_AllTimeSaysNothingIsCompared(t *testing.T) {
	r, err := Build(newFixture(t).store, Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	const said = "There is no earlier period of the same length to compare with."
	if md := r.Markdown(); !strings.Contains(md, "- "+said+"\n") || !strings.Contains(md, "Out of 8 entries. "+said) {
		t.Errorf("Markdown for all time:\n%s", md)
	}
}
