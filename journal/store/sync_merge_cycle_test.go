package store

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// Two computers apart each merge the same two patterns, one into the
// other and the other back: once they have synced, both keep the same
// one (the lower id), with every entry that named either.
func TestSync_PatternsMergedIntoEachOther(t *testing.T) {
	cheapKDF(t)
	for _, devices := range []int{2, 3} {
		dir := filepath.Join(t.TempDir(), "sync")
		laptop := syncFirst(t, dir)
		alpha, err := laptop.AddPattern(journal.Pattern{Name: "alpha", Category: journal.Categories[0]})
		if err != nil {
			t.Fatal(err)
		}
		beta, err := laptop.AddPattern(journal.Pattern{Name: "beta", Category: journal.Categories[0]})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"alpha", "beta"} {
			if _, err := laptop.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: "named " + p, Patterns: []string{p}}); err != nil {
				t.Fatal(err)
			}
		}
		mustSync(t, laptop)
		stores := []*Store{laptop}
		for i := 1; i < devices; i++ {
			stores = append(stores, syncJoin(t, dir, "desktop"))
		}
		if err := laptop.MergePatterns(alpha.ID, beta.ID); err != nil {
			t.Fatal(err)
		}
		if err := stores[1].MergePatterns(beta.ID, alpha.ID); err != nil {
			t.Fatal(err)
		}
		for range 3 {
			for _, s := range stores {
				mustSync(t, s)
			}
		}
		want := exportJSON(t, laptop)
		for i, s := range stores[1:] {
			if got := exportJSON(t, s); got != want {
				t.Fatalf("%d computers: computer %d differs from the laptop:\n%s", devices, i+1, firstDifference(want, got))
			}
		}
		list, err := laptop.Entries(journal.EntryQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range list {
			if len(e.Patterns) != 1 || e.Patterns[0] != "alpha" {
				t.Errorf("%d computers: %q names %q, want alpha (the lower id) alone", devices, e.Title, e.Patterns)
			}
		}
	}
}
