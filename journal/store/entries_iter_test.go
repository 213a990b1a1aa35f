package store

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// EachEntry gives exactly what Entries gives, oldest first, across pages,
// whatever order the entries were written in, in a plain journal and an
// encrypted one.
func TestEachEntry_AsEntriesGivesThem(t *testing.T) {
	old := eachEntryPage
	eachEntryPage = 3
	t.Cleanup(func() { eachEntryPage = old })
	for _, encrypted := range []bool{false, true} {
		s := mustOpen(t)
		if encrypted {
			if err := s.EnableEncryption(testPassphrase); err != nil {
				t.Fatal(err)
			}
		}
		goal, err := s.AddGoal(journal.Goal{Title: "Say no"})
		if err != nil {
			t.Fatal(err)
		}
		day := func(d, h int) time.Time { return time.Date(2026, time.March, d, h, 0, 0, 0, berlin) }
		var entries []journal.Entry
		for i := 10; i > 0; i-- { // newest written first, so ids run against time
			e := journal.Entry{Title: "Entry", Body: "text", WrittenAt: day(i, 9), Mood: i % 10}
			if i%2 == 0 {
				e.Emotions, e.Patterns, e.GoalIDs = []string{"anxious", "sad"}, []string{"avoidance"}, []int64{goal.ID}
			}
			if i%3 == 0 {
				e.Episodes = []journal.Episode{{Person: "Sam", Wish: "to be asked"}, {Person: "Jo", EarlierPerson: "Mum"}}
			}
			entries = append(entries, e, journal.Entry{Title: "Same time", WrittenAt: day(i, 9).In(time.UTC), Patterns: []string{"rumination"}})
		}
		if _, err := s.CreateEntries(entries); err != nil {
			t.Fatal(err)
		}
		for _, q := range []journal.EntryQuery{{}, {From: day(3, 0), Before: day(8, 0)}, {From: day(11, 0)}} {
			want, err := s.Entries(q)
			if err != nil {
				t.Fatal(err)
			}
			slices.Reverse(want)
			var got []journal.Entry
			if err := s.EachEntry(q, func(e journal.Entry) error { got = append(got, e); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
				t.Errorf("encrypted %v, %+v: EachEntry gave %d entries, Entries %d, or they differ:\n%+v\nwant\n%+v", encrypted, q, len(got), len(want), got, want)
			}
		}
		stop := errors.New("enough")
		n := 0
		if err := s.EachEntry(journal.EntryQuery{}, func(journal.Entry) error { n++; return stop }); err != stop || n != 1 {
			t.Errorf("an error from each: %v after %d entries, want it returned after 1", err, n)
		}
	}
}
