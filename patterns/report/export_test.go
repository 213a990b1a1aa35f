package report

import (
	"time"

	"errors"
	"slices"
	"testing"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns"
)

func TestFormatOf(t *testing.T) {
	tests := []struct {
		path   string
		want   Format
		report bool
	}{
		{"prep.pdf", FormatPDF, true},
		{"notes/PREP.MD", FormatMarkdown, true},
		{"prep.markdown", FormatMarkdown, true},
		{"prep.htm", FormatHTML, true},
		{"prep.html", FormatHTML, true},
		{"entries.csv", FormatCSV, false},
		{"everything.json", FormatJSON, false},
		{"prep.txt", "", false},
		{"prep", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got := FormatOf(tt.path)
			if got != tt.want || got.IsReport() != tt.report {
				t.Errorf("FormatOf(%q) = %q (report %v), want %q (report %v)", tt.path, got, got.IsReport(), tt.want, tt.report)
			}
			if got != "" && FormatOf("x"+got.Ext()) != got {
				t.Errorf("%q's own extension %q names %q", got, got.Ext(), FormatOf("x"+got.Ext()))
			}
		})
	}
}

// The entries an export holds, for the days, flags and ids left out
// that the window and the command line both ask for.
func TestChosenEntries(t *testing.T) {
	f := newFixture(t)
	novemberWeek, err := patterns.ParseDays("2025-11-20", "2025-11-23", time.Now().In(zone))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opt  Options
		want []string // titles, oldest first
	}{
		{"since the last session", Options{SinceSession: true},
			[]string{flaggedTitle, "Friends", dreamTitle, "Quietly"}},
		{"from and to", Options{Window: novemberWeek},
			[]string{"Friends", dreamTitle}},
		{"flagged only", Options{SinceSession: true, FlaggedOnly: true},
			[]string{flaggedTitle, dreamTitle}},
		{"left out by id", Options{SinceSession: true, Exclude: []int64{f.friends, f.dream}},
			[]string{flaggedTitle, "Quietly"}},
		{"flagged only, one left out", Options{SinceSession: true, FlaggedOnly: true, Exclude: []int64{f.talking}},
			[]string{dreamTitle}},
		{"all time", Options{},
			[]string{"Before 1", "Before 2", "Before 3", flaggedTitle, "Friends", dreamTitle, "Quietly", "Next week"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Now = fixtureNow
			entries, err := ChosenEntries(f.store, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range entries {
				got = append(got, e.Title)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("chosen %q, want %q", got, tt.want)
			}
			// The report leaves out the same entries.
			r, err := Build(f.store, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var flagged []string
			for _, e := range r.Flagged {
				flagged = append(flagged, e.Title)
			}
			var wantFlagged []string
			for _, e := range entries {
				if e.Flagged {
					wantFlagged = append(wantFlagged, e.Title)
				}
			}
			if !slices.Equal(flagged, wantFlagged) {
				t.Errorf("the report's flagged entries are %q, want %q", flagged, wantFlagged)
			}
		})
	}
}

func TestChosenEntries_NoSession(t *testing.T) {
	_, err := ChosenEntries(openJournal(t), Options{SinceSession: true, Now: fixtureNow})
	if !errors.Is(err, ErrNoSession) {
		t.Errorf("err = %v, want ErrNoSession", err)
	}
}

// Chosen turns the journal's newest-first list oldest first, and leaves
// what it was given as it was.
func TestChosen_OldestFirst(t *testing.T) {
	newest := []journal.Entry{{ID: 3, WrittenAt: at(3, 9)}, {ID: 2, WrittenAt: at(2, 9), Flagged: true}, {ID: 1, WrittenAt: at(1, 9)}}
	var ids []int64
	for _, e := range (Options{Exclude: []int64{3}}).Chosen(newest) {
		ids = append(ids, e.ID)
	}
	if !slices.Equal(ids, []int64{1, 2}) {
		t.Errorf("chosen %v, want [1 2]", ids)
	}
	if newest[0].ID != 3 || len(newest) != 3 {
		t.Errorf("Chosen changed what it was given: %+v", newest)
	}
}
