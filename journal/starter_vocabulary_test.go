package journal

import (
	"strings"
	"testing"
)

func TestStarterGoals_EachHasOneLineDescription(t *testing.T) {
	var all []StarterGoal
	for _, g := range StarterGoals {
		all = append(all, g)
		all = append(all, g.Sub...)
	}
	for _, g := range all {
		if d := g.Description; d == "" || strings.Contains(d, "\n") || len(d) > 120 {
			t.Errorf("%q: description %q, want one line of at most 120 characters", g.Title, d)
		}
	}
}

// "Put the past in the past" can read as "stop thinking about it"; its
// description says it means using the past as a roadmap.
func TestStarterGoals_PastIsARoadmap(t *testing.T) {
	for _, g := range StarterGoals {
		if g.Title == "Put the past in the past" && !strings.Contains(g.Description, "roadmap") {
			t.Errorf("description %q doesn't read as using the past as a roadmap", g.Description)
		}
	}
}

func TestStarterEmotions_EachHasOneLineDescription(t *testing.T) {
	for _, e := range StarterEmotions {
		if d := e.Description; d == "" || strings.Contains(d, "\n") || len(d) > 100 {
			t.Errorf("%q: description %q, want one line of at most 100 characters", e.Name, d)
		}
	}
}

func TestStarterPatterns_PsychodynamicVocabulary(t *testing.T) {
	byName := map[string]Pattern{}
	for _, p := range StarterPatterns {
		if p.Description == "" {
			t.Errorf("%q has no description", p.Name)
		}
		byName[p.Name] = p
	}
	for _, tc := range []struct {
		name     string
		category string
		adaptive bool
	}{
		{"idealisation and devaluation", CategoryDefense, false},
		{"repression", CategoryDefense, false},
		{"dissociation", CategoryDefense, false},
		{"somatisation", CategoryDefense, false},
		{"repeating the same relationship", CategoryRelationship, false},
		{"pursue and withdraw", CategoryRelationship, false},
		{"feelings about my therapist", CategoryRelationship, false},
		{"humour", CategoryDefense, true},
		{"sublimation", CategoryDefense, true},
		{"splitting", CategoryDefense, false},
	} {
		p, ok := byName[tc.name]
		switch {
		case !ok:
			t.Errorf("no starter pattern %q", tc.name)
		case p.Category != tc.category || p.Adaptive != tc.adaptive:
			t.Errorf("%q: category %q adaptive %v, want %q %v", tc.name, p.Category, p.Adaptive, tc.category, tc.adaptive)
		}
	}
	if _, ok := byName["passive aggression"]; ok {
		t.Error(`"passive aggression" is a label that judges; the pattern is "indirect anger"`)
	}
	for _, p := range StarterPatterns {
		for _, judging := range []string{"drastic", "plainly there"} {
			if strings.Contains(p.Description, judging) {
				t.Errorf("%q: description %q judges (%q)", p.Name, p.Description, judging)
			}
		}
	}
}
