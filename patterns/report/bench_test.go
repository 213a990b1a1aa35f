package report

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	"github.com/throughline/throughline/patterns"
)

// yearJournal is a year of daily entries: patterns, moods and a paragraph
// or three each, every 7th flagged for the session, every 5th with a
// relationship episode; a session every fortnight, a PHQ-9 and a GAD-7
// every month, and three goals checked in on every week.
func yearJournal(b *testing.B) (*jstore.Store, time.Time, time.Time) {
	b.Helper()
	store := openJournal(b)
	first := time.Date(2025, time.January, 1, 21, 0, 0, 0, zone)
	people := []string{"Sam", "Alex", "Jo", "Kim", "Mum"}
	for i, name := range people {
		if _, err := store.AddPerson(journal.Person{Name: name, Role: journal.Roles[i]}); err != nil {
			b.Fatal(err)
		}
	}
	names := []string{"people-pleasing", "avoidance", "rumination", "self-criticism", "withdrawing under criticism",
		"not saying what I need", "perfectionism", "intellectualisation", "fear of abandonment", "humour"}
	paragraph := "Today I noticed the old pull to **agree** before I had even heard the question. " +
		"Sam asked for one more thing and I said yes, then felt it in my shoulders all evening. " +
		"Καλημέρα to the part of me that wanted to say no; Привет to the part that did not. "
	var entries []journal.Entry
	for d := range 365 {
		e := journal.Entry{
			Title:     fmt.Sprintf("Day %d", d+1),
			Body:      "## Evening\n\n" + strings.Repeat(paragraph, 1+d%3) + "\n\n- a list item\n- another, with `code`\n\n> a quote to keep",
			WrittenAt: first.AddDate(0, 0, d),
			Mood:      1 + (d*7)%10,
			Emotions:  []string{"anxious", "hopeful"}[:1+d%2],
			Patterns:  []string{names[d%len(names)], names[(d/3)%len(names)]},
			Flagged:   d%7 == 0,
		}
		if d%5 == 0 {
			e.Episodes = []journal.Episode{{Person: people[d%len(people)], Wish: "to be heard", OtherResponse: "they were busy",
				SelfResponse: "I went quiet", Reminds: "dinners at home", EarlierPerson: "Mum", Patterns: []string{"withdrawing under criticism"}}}
		}
		entries = append(entries, e)
	}
	if _, err := store.CreateEntries(entries); err != nil {
		b.Fatal(err)
	}
	for d := 0; d < 365; d += 14 {
		s := journal.Session{At: first.AddDate(0, 0, d).Add(-4 * time.Hour), Questions: []journal.Question{{Text: "What keeps coming back"}, {Text: "Done", Done: true}}}
		if _, err := store.SaveSession(s); err != nil {
			b.Fatal(err)
		}
	}
	for m := range 12 {
		at := first.AddDate(0, m, 0)
		if _, err := store.SaveMeasurement(journal.PHQ9, []int{1, 1, 1, 1, 1, 1, 1, m % 3, 0}, journal.NoDifficulty, at); err != nil {
			b.Fatal(err)
		}
		if _, err := store.SaveMeasurement(journal.GAD7, []int{2, 1, 1, 1, 1, m % 4, 0}, journal.NoDifficulty, at); err != nil {
			b.Fatal(err)
		}
	}
	for _, title := range []string{"Say what I need", "Identify my patterns", "Feel my emotions fully"} {
		g, err := store.AddGoal(journal.Goal{Title: title})
		if err != nil {
			b.Fatal(err)
		}
		for w := 0; w < 52; w++ {
			if _, err := store.AddCheckIn(journal.CheckIn{GoalID: g.ID, At: first.AddDate(0, 0, 7*w), Rating: w % 11}); err != nil {
				b.Fatal(err)
			}
		}
	}
	return store, first, first.AddDate(0, 0, 364)
}

// BenchmarkReportPDF_Year builds the report over a whole year of daily
// entries (52 of them flagged and printed in full) and writes it as PDF.
// The aim is under 100 ms (issue 15).
func BenchmarkReportPDF_Year(b *testing.B) {
	store, first, last := yearJournal(b)
	opt := Options{Window: patterns.Days(first, last), Now: last, RedactPeople: true}
	for b.Loop() {
		r, err := Build(store, opt)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Flagged) != 53 || r.Summary.Entries != 365 {
			b.Fatalf("%d flagged, %d entries", len(r.Flagged), r.Summary.Entries)
		}
		if err := r.PDF(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportPDF_SinceSession is the everyday case: the fortnight since
// the last session, out of the same year.
func BenchmarkReportPDF_SinceSession(b *testing.B) {
	store, _, last := yearJournal(b)
	for b.Loop() {
		r, err := Build(store, Options{SinceSession: true, Now: last})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.PDF(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
