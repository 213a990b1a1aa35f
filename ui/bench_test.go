package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal/journaltest"
	jstore "github.com/throughline/throughline/journal/store"
)

// openLarge opens the shared 100,000-entry journal (read only here).
func openLarge(b *testing.B) *jstore.Store {
	b.Helper()
	store, err := jstore.Open(journaltest.Large(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	return store
}

// The window opening on a large journal: first page, draft, every screen
// built (target: first page under 20 ms within it).
func BenchmarkOpenWindow_100k(b *testing.B) {
	store := openLarge(b)
	a := test.NewTempApp(b)
	b.ReportAllocs()
	for b.Loop() {
		w := New(a, store)
		w.win.Close()
	}
}

// Opening the pattern view on all time: read every entry's tagging, run
// the analyses, draw the bars and panels (target: under 300 ms).
func BenchmarkPatternsView_100k(b *testing.B) {
	store := openLarge(b)
	a := test.NewTempApp(b)
	w := newWindow(a, store, testEnv())
	v := w.patterns
	v.period.Selected = periodAll
	b.ReportAllocs()
	for b.Loop() {
		v.reload()
	}
	if len(v.rows) == 0 {
		b.Fatal("no bars drawn")
	}
}
