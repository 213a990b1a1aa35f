package store

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// One computer merges a pattern into another while a second, not yet
// knowing, takes the merged pattern off an entry: once both have synced
// they agree on the entry's patterns, whichever change each saw first.
func TestSync_LinkChangedWhileItsPatternWasMerged(t *testing.T) {
	cheapKDF(t)
	dir := filepath.Join(t.TempDir(), "sync")
	a := syncFirst(t, dir)
	ps, err := a.Patterns()
	if err != nil {
		t.Fatal(err)
	}
	from, into := ps[0], ps[1]
	e, err := a.CreateEntry(journal.Entry{WrittenAt: a.now(), Title: "before", Body: "x", Patterns: []string{from.Name}})
	if err != nil {
		t.Fatal(err)
	}
	mustSync(t, a)
	b := syncJoin(t, dir, "desktop")
	if err := b.MergePatterns(from.ID, into.ID); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond) // the removal is the later edit
	e.Patterns = nil
	if _, err := a.UpdateEntry(e); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*Store{a, b, a, b} {
		mustSync(t, s)
	}
	if ea, eb := exportJSON(t, a), exportJSON(t, b); ea != eb {
		t.Fatalf("the journals differ:\n%s", firstDifference(ea, eb))
	}
}
