package store_test

// Benchmarks on a journal of 100,000 entries (journaltest.Large).
// Targets (from the issues): save under 10 ms, first page under 20 ms,
// open under 200 ms.

import (
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal/journaltest"
	jstore "github.com/throughline/throughline/journal/store"

	"github.com/throughline/throughline/journal"
)

// benchPage is the list's page size.
const benchPage = 60

func openBench(b *testing.B, path string) *jstore.Store {
	b.Helper()
	s, err := jstore.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// reportMillis adds ms/op, the unit the targets are given in.
func reportMillis(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(time.Millisecond), "ms/op")
}

// Target: under 10 ms. Each save is its own transaction, synced to disk.
func BenchmarkSaveEntry_100k(b *testing.B) {
	s := openBench(b, journaltest.Copy(b, journaltest.Large(b)))
	e := journal.Entry{
		WrittenAt: time.Date(2026, 11, 2, 21, 15, 0, 0, time.Local),
		Title:     "Quiet in the meeting again",
		Body: strings.Repeat("When my manager questioned the plan I went quiet, agreed to everything, "+
			"and then replayed the meeting all the way home on the train. ", 12),
		Mood:     4,
		Emotions: []string{"anxious"},
		Patterns: []string{"withdrawing under criticism", "rumination"},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.CreateEntry(e); err != nil {
			b.Fatal(err)
		}
	}
	reportMillis(b)
}

// Target: under 20 ms. Reads only, so the cached journal itself is used.
func BenchmarkFirstPage_100k(b *testing.B) {
	s := openBench(b, journaltest.Large(b))
	b.ReportAllocs()
	for b.Loop() {
		page, err := s.Entries(journal.EntryQuery{Limit: benchPage})
		if err != nil {
			b.Fatal(err)
		}
		if len(page) != benchPage {
			b.Fatalf("first page has %d entries, want %d", len(page), benchPage)
		}
	}
	reportMillis(b)
}

// The 1000th page should cost what the first does: paging is by cursor,
// not OFFSET.
func BenchmarkNextPage_100k(b *testing.B) {
	const depth = 1000
	s := openBench(b, journaltest.Large(b))
	before, err := s.Entries(journal.EntryQuery{Limit: (depth - 1) * benchPage})
	if err != nil {
		b.Fatal(err)
	}
	after := journal.CursorAfter(before[len(before)-1])
	b.ReportAllocs()
	for b.Loop() {
		page, err := s.Entries(journal.EntryQuery{Limit: benchPage, After: after})
		if err != nil {
			b.Fatal(err)
		}
		if len(page) != benchPage {
			b.Fatalf("page %d has %d entries, want %d", depth, len(page), benchPage)
		}
	}
	reportMillis(b)
}

// Target: under 200 ms. Open includes the header check and the migrations
// check; Close is timed too, as every open is paired with one.
func BenchmarkOpen_100k(b *testing.B) {
	path := journaltest.Copy(b, journaltest.Large(b))
	b.ReportAllocs()
	for b.Loop() {
		s, err := jstore.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	reportMillis(b)
}

// What the Vocabulary screen (and later pattern views) reads for "all
// time": every entry's date, mood and names, without text.
func BenchmarkTaggings_100k(b *testing.B) {
	s := openBench(b, journaltest.Large(b))
	b.ReportAllocs()
	for b.Loop() {
		t, err := s.Taggings(time.Time{}, time.Time{})
		if err != nil {
			b.Fatal(err)
		}
		if len(t) != journaltest.LargeEntries {
			b.Fatalf("%d taggings, want %d", len(t), journaltest.LargeEntries)
		}
	}
	reportMillis(b)
}
