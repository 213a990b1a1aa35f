package store_test

import (
	"testing"

	"github.com/throughline/throughline/journal/journaltest"
	jstore "github.com/throughline/throughline/journal/store"
)

// Target: a search answers in under 50 ms at 100,000 entries, ranked,
// with snippets, its total counted. The corpus repeats a small set of
// sentences, so its words are far more common than in real writing:
// "felt" is in most entries, the worst case for ranking.
func BenchmarkSearch_100k(b *testing.B) {
	s := openBench(b, journaltest.Large(b))
	for _, bc := range []struct {
		name string
		q    jstore.SearchQuery
	}{
		{"Word", jstore.SearchQuery{Text: "grandmother"}},
		{"TwoWords", jstore.SearchQuery{Text: "manager deadline"}},
		{"Phrase", jstore.SearchQuery{Text: `"hospital corridor"`}},
		{"Prefix", jstore.SearchQuery{Text: "grand*"}},
		{"Boolean", jstore.SearchQuery{Text: "sister OR brother NOT email"}},
		{"CommonWord", jstore.SearchQuery{Text: "felt"}},
		{"CommonWordThirdPage", jstore.SearchQuery{Text: "felt", Offset: 100}},
		{"CommonWordPastRanked", jstore.SearchQuery{Text: "felt", Offset: 20000}},
		{"Filtered", jstore.SearchQuery{Text: "felt", Flagged: true, MinMood: 1, MaxMood: 4, Patterns: []string{"avoidance"}}},
		{"FiltersOnly", jstore.SearchQuery{Patterns: []string{"avoidance"}, MaxMood: 4}},
		{"Newest", jstore.SearchQuery{Text: "grandmother", Newest: true}},
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
