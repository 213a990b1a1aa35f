package store_test

import (
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/journal/journaltest"
	jstore "github.com/throughline/throughline/journal/store"
)

// What `throughline add` does with the journal, at 100,000 entries:
// open, save one entry, close. Target: the whole command under 40 ms, so
// this must cost a few: nothing in it may read the whole journal.
func BenchmarkOpenAddClose_100k(b *testing.B) {
	path := journaltest.Copy(b, journaltest.Large(b))
	e := journal.Entry{WrittenAt: time.Date(2026, 11, 2, 21, 15, 0, 0, time.Local), Title: "A short one",
		Body: "Went quiet in the meeting again.", Patterns: []string{"withdrawing under criticism"}}
	b.ReportAllocs()
	for b.Loop() {
		s, err := jstore.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.CreateEntry(e); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	reportMillis(b)
}
