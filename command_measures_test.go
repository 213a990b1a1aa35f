package main

import (
	"encoding/json"
	"strings"
	"testing"
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
		{"PHQ-9 mild, item 9 above 0", []string{"phq9", "--answers", "1,1,1,1,1,1,1,1,1"}, measureJSON{"PHQ-9", 9, "mild", true, true}, true, 1},
		{"PHQ-9 moderate without item 9", []string{"phq9", "--answers", "2, 2, 2, 2, 2, 0, 0, 0, 0"}, measureJSON{"PHQ-9", 10, "moderate", false, true}, false, 2},
		{"dry run stores nothing", []string{"phq9", "--answers", "3,3,3,3,3,3,3,3,0", "--dry-run"}, measureJSON{"PHQ-9", 24, "severe", false, false}, false, 2},
		{"GAD-7 severe", []string{"gad7", "--answers", "3,3,3,3,3,3,3"}, measureJSON{"GAD-7", 21, "severe", false, true}, false, 2},
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
