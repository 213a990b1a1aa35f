package report

import (
	"io"
	"testing"
	"time"

	"github.com/throughline/throughline/journal/journaltest"
	jstore "github.com/throughline/throughline/journal/store"
	"github.com/throughline/throughline/patterns"
)

// Benchmarks of what the command line does after opening a journal of
// 100,000 entries (journaltest.Large), against jrnl on the same corpus
// (issue 15). Each reports ms/op, the unit the targets are given in.

func openLarge(b *testing.B) *jstore.Store {
	b.Helper()
	s, err := jstore.Open(journaltest.Large(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func reportMillis(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(time.Millisecond), "ms/op")
}

// `throughline export --format md` over every day: the session-prep
// report as Markdown, which reads in full only the entries it prints.
func BenchmarkReportMarkdown_100k(b *testing.B) {
	s := openLarge(b)
	opt := Options{Window: patterns.Window{}} // every day: the corpus goes back centuries
	b.ReportAllocs()
	for b.Loop() {
		r, err := Build(s, opt)
		if err != nil {
			b.Fatal(err)
		}
		if r.Summary.Entries != journaltest.LargeEntries {
			b.Fatalf("%d entries in the report, want %d", r.Summary.Entries, journaltest.LargeEntries)
		}
		if err := r.Writer(FormatMarkdown)(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	reportMillis(b)
}

// `throughline patterns --period all`: every entry's names, counted and
// compared. Target: the whole process under 665 ms, a thousand times
// faster than `jrnl --tags` (664.9 s).
func BenchmarkPatternsAllTime_100k(b *testing.B) {
	s := openLarge(b)
	b.ReportAllocs()
	for b.Loop() {
		taggings, err := s.Taggings(time.Time{}, time.Time{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Patterns(); err != nil {
			b.Fatal(err)
		}
		if sum := patterns.Summarise(taggings, patterns.Window{}); sum.Entries != journaltest.LargeEntries || len(sum.Trends) == 0 {
			b.Fatalf("%d entries, %d patterns", sum.Entries, len(sum.Trends))
		}
	}
	reportMillis(b)
}
