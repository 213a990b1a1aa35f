package cli

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

func TestCLI_Measure(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	tests := []struct {
		name   string
		args   []string
		want   measureJSON
		crisis bool
		stored int // PHQ-9 measurements stored after this case
	}{
		{"PHQ-9 mild, item 9 above 0", []string{"phq9", "--answers", "1,1,1,1,1,1,1,1,1"}, measureJSON{"PHQ-9", 9, "mild", true, "", true}, true, 1},
		{"PHQ-9 moderate without item 9", []string{"phq9", "--answers", "2, 2, 2, 2, 2, 0, 0, 0, 0"}, measureJSON{"PHQ-9", 10, "moderate", false, "", true}, false, 2},
		{"dry run stores nothing", []string{"phq9", "--answers", "3,3,3,3,3,3,3,3,0", "--dry-run"}, measureJSON{"PHQ-9", 24, "severe", false, "", false}, false, 2},
		{"GAD-7 severe", []string{"gad7", "--answers", "3,3,3,3,3,3,3"}, measureJSON{"GAD-7", 21, "severe", false, "", true}, false, 2},
		{"GAD-7 with the difficulty question", []string{"gad7", "--answers", "1,1,0,0,0,0,0", "--difficulty", "1"}, measureJSON{"GAD-7", 2, "minimal", false, "Somewhat difficult", true}, false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, db, "", append([]string{"measure", "--json"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got measureJSON
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if crisis := strings.Contains(stderr, "988"); crisis != tt.crisis {
				t.Errorf("crisis resources shown: %v, want %v (stderr %q)", crisis, tt.crisis, stderr)
			}
		})
	}
	if !strings.Contains(mustCLI(t, db, "", "measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--dry-run"), "not a diagnosis") {
		t.Error("the text result doesn't say it's screening, not a diagnosis")
	}
}

func TestCLI_MeasureBadAnswersStoreNothing(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	mustCLI(t, db, "", "measure", "gad7", "--answers", "0,0,0,0,0,0,0")
	before := snapshot(t, db)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"phq9", "--answers", "1,1,1"}, "has 9 questions; 3 answers were given"},
		{[]string{"gad7", "--answers", "0,0,0,0,0,0,4"}, "4 is not one of the answers"},
		{[]string{"gad7", "--answers", "0,0,0,0,0,0,-1"}, "-1 is not one of the answers"},
		{[]string{"gad7", "--answers", "a,b"}, "is not a number"},
		{[]string{"bdi", "--answers", "1"}, "not a questionnaire"},
		{[]string{"--answers", "1"}, "needs a questionnaire"},
		{[]string{"gad7", "--answers", "0,0,0,0,0,0,0", "--difficulty", "4"}, "4 is not one of the answers to the last question"},
		{[]string{"gad7", "--answers", "0,0,0,0,0,0,0", "--difficulty", "very"}, `"very" is not a number`},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stderr, code := runCLI(t, db, "", append([]string{"measure"}, tt.args...)...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 mentioning %q", code, stderr, tt.want)
			}
			assertSameState(t, before, snapshot(t, db))
		})
	}
}

// The crisis lines shown after question 9 are the ones chosen, stored
// or not: --dry-run gave the US's 988 whatever was set.
func TestCLI_MeasureShowsTheCrisisLinesChosen(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	mustCLI(t, db, "", "crisis", "--where", "uk-ie")
	for _, dry := range []bool{false, true} {
		args := []string{"measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1"}
		if dry {
			args = append(args, "--dry-run")
		}
		_, stderr, code := runCLI(t, db, "", args...)
		if code != 0 || !strings.Contains(stderr, "Samaritans on 116 123") || !strings.Contains(stderr, "999 or 112") || strings.Contains(stderr, "988") {
			t.Errorf("dry run %v: exit %d, stderr:\n%s", dry, code, stderr)
		}
	}
	// A dry run with no journal yet shows every place's lines, and makes no journal.
	none := newJournal(t)
	_, stderr, code := runCLI(t, none, "", "measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,2", "--dry-run")
	if code != 0 || !strings.Contains(stderr, journal.CrisisDefault) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(none); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a dry run made a journal: %v", err)
	}
}

func TestCLI_MeasureNamesQuestion9AndTheDifficulty(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	out := mustCLIWithStderr(t, db, "measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,2", "--difficulty", "3")
	for _, want := range []string{"question 9", "“More than half the days”", "today", "PHQ-9: 2, minimal.", "Extremely difficult", "not a diagnosis"} {
		if !strings.Contains(out, want) {
			t.Errorf("the result doesn't say %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "question 9") > strings.Index(out, "PHQ-9: 2") {
		t.Errorf("the score comes before question 9:\n%s", out)
	}
	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if ms, err := store.Measurements(journal.PHQ9); err != nil || len(ms) != 1 || ms[0].Difficulty.String() != "Extremely difficult" {
		t.Errorf("stored %+v, %v", ms, err)
	}
}

// mustCLIWithStderr runs a command that succeeds, saying something on
// stderr too, and returns its stdout.
func mustCLIWithStderr(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, stderr, code := runCLI(t, db, "", args...)
	if code != exitOK {
		t.Fatalf("throughline %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr)
	}
	return out
}
