package patterns

import (
	"fmt"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// synthetic makes n taggings deterministically, oldest first, 53 minutes
// apart from 2015 in Berlin time (about ten years for 100,000, through
// every change of clocks): 0 to 4 of 40 patterns, skewed like Zipf's law
// so pattern-00 is 40 times as common as pattern-39 and repeats within an
// entry happen; 0 to 2 of 12 people; a mood on three entries in four.
func synthetic(n int) []journal.Tagging {
	patterns := make([]string, 40)
	for i := range patterns {
		patterns[i] = fmt.Sprintf("pattern-%02d", i)
	}
	people := make([]string, 12)
	for i := range people {
		people[i] = fmt.Sprintf("person-%02d", i)
	}
	// zipf[r] is the pattern for a draw r of 0 to 1023: pattern i gets a
	// share of the slots in proportion to 1/(i+1).
	var zipf [1024]int
	harmonic := 0.0
	for i := range patterns {
		harmonic += 1 / float64(i+1)
	}
	slot, upTo := 0, 0.0
	for i := range patterns {
		upTo += 1 / float64(i+1) / harmonic * float64(len(zipf))
		for ; slot < len(zipf) && float64(slot) < upTo; slot++ {
			zipf[slot] = i
		}
	}
	x := uint32(1)
	next := func(below int) int { // a linear congruential generator's top bits
		x = x*1664525 + 1013904223
		return int(uint64(x>>8) * uint64(below) >> 24)
	}
	start := time.Date(2015, 1, 1, 8, 0, 0, 0, berlin)
	out := make([]journal.Tagging, n)
	for i := range out {
		e := &out[i]
		e.EntryID = int64(i + 1)
		e.WrittenAt = start.Add(time.Duration(i) * 53 * time.Minute)
		for range next(5) {
			e.Patterns = append(e.Patterns, patterns[zipf[next(len(zipf))]])
		}
		for range next(3) {
			e.People = append(e.People, people[next(len(people))])
		}
		if next(4) > 0 {
			e.Mood = 1 + next(10)
		}
	}
	return out
}

func BenchmarkFrequencies_100k(b *testing.B) {
	entries := synthetic(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if len(Frequencies(entries)) != 40 {
			b.Fatal("not every pattern counted")
		}
	}
}

// BenchmarkAllTime_100k is the patterns screen on "all time": the issue
// asks for under 100 ms together.
func BenchmarkAllTime_100k(b *testing.B) {
	entries := synthetic(100_000)
	w := Window{}
	b.ReportAllocs()
	for b.Loop() {
		current := Within(entries, w)
		Frequencies(current)
		Trends(current, Within(entries, w.Previous()))
		if len(CoOccurrences(current)) == 0 {
			b.Fatal("no pairs found")
		}
	}
}

// BenchmarkTrends_100k compares two halves of 50,000 entries: the most
// Trends can be asked, where all time compares with nothing.
func BenchmarkTrends_100k(b *testing.B) {
	entries := synthetic(100_000)
	b.ReportAllocs()
	for b.Loop() {
		Trends(entries[50_000:], entries[:50_000])
	}
}

func BenchmarkCoOccurrences_100k(b *testing.B) {
	entries := synthetic(100_000)
	b.ReportAllocs()
	for b.Loop() {
		CoOccurrences(entries)
	}
}

func BenchmarkMoodAssociation_100k(b *testing.B) {
	entries := synthetic(100_000)
	b.ReportAllocs()
	for b.Loop() {
		MoodAssociation(entries)
	}
}

func BenchmarkByPerson_100k(b *testing.B) {
	entries := synthetic(100_000)
	b.ReportAllocs()
	for b.Loop() {
		ByPerson(entries)
	}
}

func BenchmarkWeekly_100k(b *testing.B) {
	entries := synthetic(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if weeks, _ := Weekly(entries, Window{}); len(weeks) < 500 {
			b.Fatalf("%d weeks in ten years", len(weeks))
		}
	}
}

func BenchmarkWithin_100k(b *testing.B) {
	entries := synthetic(100_000)
	w := Window{From: time.Date(2020, 3, 1, 0, 0, 0, 0, berlin), To: time.Date(2020, 4, 1, 0, 0, 0, 0, berlin)}
	b.ReportAllocs()
	for b.Loop() {
		if len(Within(entries, w)) == 0 {
			b.Fatal("nothing in March 2020")
		}
	}
}
