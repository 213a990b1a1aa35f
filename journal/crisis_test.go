package journal

import (
	"strings"
	"testing"
)

func TestCrisisText_ShowsTheLinesOfWhereThePersonLives(t *testing.T) {
	tests := []struct {
		name, region, own string
		want              []string // in this order: emergency services first
		not               []string
	}{
		{"US or Canada", "us-ca", "", []string{"immediate danger", "911", "988"}, []string{"116 123", "13 11 14", "1737"}},
		{"UK or Ireland", "uk-ie", "", []string{"immediate danger", "999 or 112", "Samaritans on 116 123"}, []string{"988", "911"}},
		{"Australia", "au", "", []string{"immediate danger", "000", "Lifeline on 13 11 14"}, []string{"988", "116 123"}},
		{"New Zealand", "nz", "", []string{"immediate danger", "111", "1737"}, []string{"988", "116 123"}},
		{"a region and the therapist's number", "UK-IE ", "  Dr Reed out of hours: 01632 960 123 ", []string{"999 or 112", "116 123", "\nDr Reed out of hours: 01632 960 123"}, []string{"988"}},
		{"somewhere else, with a line typed", RegionElsewhere, "Telefonseelsorge: 0800 111 0 111", []string{"local emergency number", "Telefonseelsorge: 0800 111 0 111"}, []string{"988", "116 123"}},
		{"a line kept before regions existed", "", "Call 0800 111 111", []string{"local emergency number", "Call 0800 111 111"}, []string{"988"}},
		{"nothing said yet", "", "", []string{"local emergency number", "911", "999 or 112", "000", "111", "988", "116 123", "13 11 14", "1737", "Settings"}, nil},
		{"somewhere else, nothing typed", RegionElsewhere, " ", []string{"local emergency number", "988", "116 123"}, nil},
		{"a region this version doesn't know", "mars", "", []string{"local emergency number", "988", "116 123"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CrisisText(tt.region, tt.own)
			at := 0
			for _, w := range tt.want {
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("CrisisText(%q, %q) doesn't say %q after %q:\n%s", tt.region, tt.own, w, got[:at], got)
				}
				at += i + len(w)
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("CrisisText(%q, %q) gives %q, another place's number:\n%s", tt.region, tt.own, n, got)
				}
			}
		})
	}
}

func TestCrisisRegions_EachHasItsNumbersAndAChoice(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range CrisisRegions {
		if r.ID == "" || r.ID == RegionElsewhere || seen[r.ID] || r.Emergency == "" || r.Line == "" || r.Talk == "" {
			t.Errorf("region %+v is incomplete or repeated", r)
		}
		seen[r.ID] = true
		if got, ok := CrisisRegionByID(r.ID); !ok || got != r {
			t.Errorf("CrisisRegionByID(%q) = %+v, %v", r.ID, got, ok)
		}
		if !strings.Contains(r.Choice(), r.Name) || !strings.Contains(r.Choice(), r.Line) {
			t.Errorf("the choice %q doesn't name the place and its line", r.Choice())
		}
	}
	if _, ok := CrisisRegionByID(RegionElsewhere); ok {
		t.Error("somewhere else is taken for a known region")
	}
}

func TestCrisisHelpMessage_IsForSomeoneWhoChoseToLook(t *testing.T) {
	line := CrisisText("uk-ie", "")
	msg := CrisisHelpMessage(line)
	if !strings.Contains(msg, "\n\n"+line+"\n\n") {
		t.Errorf("the crisis lines aren't in the message on their own:\n%s", msg)
	}
	// It assumes no answer to a questionnaire: that is SafetyMessage's.
	for _, not := range []string{"better off dead", "You said", "answer"} {
		if strings.Contains(msg, not) {
			t.Errorf("the help a person opened says %q:\n%s", not, msg)
		}
	}
	if got := CrisisHelpMessage("  "); !strings.Contains(got, CrisisDefault) {
		t.Errorf("with no lines, the message has no numbers:\n%s", got)
	}
}

func TestSafetyNote_NamesQuestion9AndIsFirmerForTheHigherAnswers(t *testing.T) {
	for _, tt := range []struct {
		item9 int
		want  []string
		not   []string
	}{
		{0, nil, nil},
		{1, []string{"question 9", "“Several days”", "tell your therapist"}, []string{"today", "emergency"}},
		{2, []string{"question 9", "“More than half the days”", "today", "emergency services now"}, nil},
		{3, []string{"question 9", "“Nearly every day”", "today", "emergency services now"}, nil},
	} {
		r, err := PHQ9.Score([]int{0, 0, 0, 0, 0, 0, 0, 0, tt.item9})
		if err != nil {
			t.Fatal(err)
		}
		note := PHQ9.SafetyNote(r)
		if (note == "") != (tt.item9 == 0) {
			t.Errorf("item 9 at %d: note %q", tt.item9, note)
		}
		for _, w := range tt.want {
			if !strings.Contains(note, w) {
				t.Errorf("item 9 at %d: the note doesn't say %q: %s", tt.item9, w, note)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(note, n) {
				t.Errorf("item 9 at %d: the note says %q: %s", tt.item9, n, note)
			}
		}
	}
	gad, _ := GAD7.Score([]int{3, 3, 3, 3, 3, 3, 3})
	if note := GAD7.SafetyNote(gad); note != "" {
		t.Errorf("the GAD-7 has no safety item, but says %q", note)
	}
}
