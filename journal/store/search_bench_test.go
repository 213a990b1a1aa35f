package store_test

import (
	"testing"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/journal/journaltest"
)

// Target: a search answers in under 50 ms at 100,000 entries, ranked,
// with snippets, its total counted. The corpus repeats a small set of
// sentences, so its words are far more common than in real writing:
// "felt" is in most entries, the worst case for ranking.
func BenchmarkSearch_100k(b *testing.B) {
	s := openBench(b, journaltest.Large(b))
	for _, bc := range []struct {
		name string
		q    journal.SearchQuery
	}{
		{"Word", journal.SearchQuery{Text: "grandmother"}},
		{"TwoWords", journal.SearchQuery{Text: "manager deadline"}},
		{"Phrase", journal.SearchQuery{Text: `"hospital corridor"`}},
		{"Prefix", journal.SearchQuery{Text: "grand*"}},
		{"Boolean", journal.SearchQuery{Text: "sister OR brother NOT email"}},
		{"CommonWord", journal.SearchQuery{Text: "felt"}},
		{"Filtered", journal.SearchQuery{Text: "felt", Flagged: true, MinMood: 1, MaxMood: 4, Patterns: []string{"avoidance"}}},
		{"FiltersOnly", journal.SearchQuery{Patterns: []string{"avoidance"}, MaxMood: 4}},
		{"Newest", journal.SearchQuery{Text: "grandmother", Newest: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var total int
			for b.Loop() {
				res, err := s.Search(bc.q)
				if err != nil {
					b.Fatal(err)
				}
				total = res.Total
			}
			reportMillis(b)
			b.ReportMetric(float64(total), "hits")
		})
	}
}
