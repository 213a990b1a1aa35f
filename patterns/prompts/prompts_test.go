package prompts

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/throughline/throughline/journal"
)

// starterPatternNames copies the names in journal's starter vocabulary,
// which journal doesn't export. ui's TestPrompts_TagsNameTheSeededVocabulary
// checks the tags against a freshly seeded journal as well, so a renamed
// starter pattern fails a test even if this copy goes stale.
var starterPatternNames = []string{
	"people-pleasing", "withdrawing under criticism", "choosing emotionally unavailable partners",
	"not saying what I need", "avoiding conflict", "testing the other person", "over-functioning",
	"fear of abandonment", "rumination", "shutting feelings down", "anger turned inward",
	"self-criticism", "perfectionism", "denial", "projection", "displacement", "intellectualisation",
	"rationalisation", "reaction formation", "splitting", "indirect anger", "acting out",
	"avoidance", "humour", "sublimation", "idealisation and devaluation", "repression", "dissociation",
	"somatisation", "repeating the same relationship", "pursue and withdraw", "feelings about my therapist",
}

var seededCategories = []string{journal.CategoryRelationship, journal.CategoryEmotional, journal.CategoryDefense}

func starterGoalTitles() []string {
	var titles []string
	for _, g := range journal.StarterGoals {
		titles = append(titles, g.Title)
		for _, sub := range g.Sub {
			titles = append(titles, sub.Title)
		}
	}
	return titles
}

func TestLibrary_EveryPromptIsWellFormed(t *testing.T) {
	goals := starterGoalTitles()
	seen := map[string]bool{}
	for _, p := range All() {
		t.Run(p.Text, func(t *testing.T) {
			text := strings.TrimSpace(p.Text)
			switch {
			case text == "":
				t.Fatal("empty prompt")
			case text != p.Text:
				t.Error("leading or trailing space")
			case !strings.HasSuffix(text, "?"):
				t.Error("doesn't end with a question mark")
			case utf8.RuneCountInString(text) > 120:
				t.Errorf("%d characters, want at most 120", utf8.RuneCountInString(text))
			}
			if key := strings.ToLower(text); seen[key] {
				t.Error("duplicate")
			} else {
				seen[key] = true
			}
			if len(p.Kinds) == 0 {
				t.Error("suits no kind of entry")
			}
			for _, k := range p.Kinds {
				if !slices.Contains(journal.Kinds, k) {
					t.Errorf("kind %q isn't a kind of entry", k)
				}
			}
			for _, g := range p.Goals {
				if !slices.Contains(goals, g) {
					t.Errorf("goal %q isn't a starter goal", g)
				}
			}
			for _, name := range p.Patterns {
				if !slices.Contains(starterPatternNames, name) && !slices.Contains(seededCategories, name) {
					t.Errorf("pattern %q is neither a starter pattern nor a category", name)
				}
			}
		})
	}
}

func TestLibrary_EveryKindHasRoomToShuffle(t *testing.T) {
	for _, k := range journal.Kinds {
		if n := len(For(Context{Kind: k})); n < 3 {
			t.Errorf("%s has %d prompts, want at least 3", k, n)
		}
	}
	if _, ok := Find(DreamOpener); !ok {
		t.Error("the dream opener isn't in the library")
	}
}

func texts(ps []Prompt) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

func TestFor(t *testing.T) {
	tests := []struct {
		name      string
		ctx       Context
		first     string // the prompt For must rank first
		firstTier tier   // the tier of the first prompt
	}{
		{"a goal and a pattern that share a prompt rank it first",
			Context{Goals: []string{"Set healthy boundaries"}, Patterns: []string{"people-pleasing"}},
			"Who did I find myself trying to please, and what did I give up to do it?", tierMatching},
		{"names match whatever their case and spacing",
			Context{Goals: []string{"set healthy  boundaries"}, Patterns: []string{"People pleasing"}},
			"Who did I find myself trying to please, and what did I give up to do it?", tierMatching},
		{"a pattern alone",
			Context{Patterns: []string{"humour"}},
			"When did I joke something away, and what was underneath the joke?", tierMatching},
		{"a category alone matches the prompts written for any such pattern",
			Context{Categories: []string{journal.CategoryDefense}},
			"Where did I notice the old pattern today, and what happened just before?", tierMatching},
		{"nothing named: general prompts first",
			Context{}, "What would I like to bring to my therapist this week?", tierGeneral},
		{"goals of their own that no prompt knows: general prompts first",
			Context{Goals: []string{"Sleep before midnight"}, Patterns: []string{"doom-scrolling"}},
			"What would I like to bring to my therapist this week?", tierGeneral},
		{"a dream gets dream prompts", Context{Kind: journal.KindDream}, DreamOpener, tierGeneral},
		{"after a session", Context{Kind: journal.KindAfterSession, Goals: []string{"Identify my patterns"}},
			"Where did I notice the old pattern today, and what happened just before?", tierMatching},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := For(tt.ctx)
			if len(got) == 0 {
				t.Fatal("no prompts")
			}
			if got[0].Text != tt.first {
				t.Errorf("first = %q, want %q", got[0].Text, tt.first)
			}
			if tier := tierOf(got[0], tt.ctx); tier != tt.firstTier {
				t.Errorf("first prompt's tier = %d, want %d", tier, tt.firstTier)
			}
			for i, p := range got {
				if !p.Suits(tt.ctx.Kind) {
					t.Errorf("%q doesn't suit a %s", p.Text, tt.ctx.Kind)
				}
				if i > 0 && tierOf(p, tt.ctx) < tierOf(got[i-1], tt.ctx) {
					t.Errorf("%q ranks below a prompt of a worse tier", p.Text)
				}
			}
			if n := len(slices.Compact(slices.Sorted(slices.Values(texts(got))))); n != len(got) {
				t.Errorf("For lists %d prompts but only %d different ones", len(got), n)
			}
		})
	}
}

func TestFor_KindsDontMix(t *testing.T) {
	for _, p := range For(Context{Kind: journal.KindDream}) {
		if !slices.Equal(p.Kinds, []journal.Kind{journal.KindDream}) {
			t.Errorf("a dream is offered %q", p.Text)
		}
	}
	if len(For(Context{})) != len(For(Context{Kind: journal.KindReflection})) {
		t.Error("an empty kind isn't treated as a reflection")
	}
}

func TestPick_FirstOfferMatches(t *testing.T) {
	ctx := Context{Goals: []string{"Set healthy boundaries"}, Patterns: []string{"people-pleasing"}}
	for seed := range uint64(50) {
		p := Pick(ctx, rand.New(rand.NewPCG(seed, 1)), "")
		if tierOf(p, ctx) != tierMatching {
			t.Fatalf("seed %d: first offer %q doesn't match the goal or pattern", seed, p.Text)
		}
	}
	// Nothing matches: the first offer is a general prompt.
	for seed := range uint64(50) {
		if p := Pick(Context{}, rand.New(rand.NewPCG(seed, 1)), ""); !p.General() {
			t.Fatalf("seed %d: first offer with nothing named is %q, not a general prompt", seed, p.Text)
		}
	}
}

func TestPick_ShuffleNeverRepeats(t *testing.T) {
	contexts := []Context{
		{},
		{Goals: []string{"Set healthy boundaries"}, Patterns: []string{"people-pleasing"}},
		{Patterns: []string{"humour"}}, // one matching prompt
		{Kind: journal.KindDream},
		{Kind: journal.KindFreeAssociation}, // the fewest prompts
		{Kind: journal.KindAfterSession},
	}
	for _, ctx := range contexts {
		r := rand.New(rand.NewPCG(7, 7))
		current := Pick(ctx, r, "").Text
		seen := map[string]bool{current: true}
		for range 300 {
			next := Pick(ctx, r, current).Text
			if next == current {
				t.Fatalf("%+v: shuffle gave %q again", ctx, next)
			}
			if next == "" {
				t.Fatalf("%+v: shuffle gave nothing", ctx)
			}
			current = next
			seen[next] = true
		}
		if len(seen) < 3 {
			t.Errorf("%+v: 300 shuffles saw only %d prompts", ctx, len(seen))
		}
	}
}

func TestPick_Deterministic(t *testing.T) {
	ctx := Context{Goals: []string{"Feel my emotions fully"}}
	run := func() []string {
		r := rand.New(rand.NewPCG(42, 3))
		var out []string
		current := ""
		for range 20 {
			current = Pick(ctx, r, current).Text
			out = append(out, current)
		}
		return out
	}
	if a, b := run(), run(); !slices.Equal(a, b) {
		t.Errorf("the same source picked differently:\n%q\n%q", a, b)
	}
}

func TestPick_NothingElseToOffer(t *testing.T) {
	// A kind no prompt suits, as a future kind might be.
	if p := Pick(Context{Kind: "letter"}, rand.New(rand.NewPCG(1, 1)), ""); p.Text != "" {
		t.Errorf("picked %q for a kind with no prompts", p.Text)
	}
}

func FuzzPick(f *testing.F) {
	f.Add(uint64(1), "Set healthy boundaries", "people-pleasing", "")
	f.Add(uint64(2), "", "", DreamOpener)
	f.Fuzz(func(t *testing.T, seed uint64, goal, pattern, exclude string) {
		for _, k := range journal.Kinds {
			ctx := Context{Kind: k, Goals: []string{goal}, Patterns: []string{pattern}}
			p := Pick(ctx, rand.New(rand.NewPCG(seed, seed)), exclude)
			if p.Text == "" || p.Text == exclude || !p.Suits(k) {
				t.Fatalf("Pick(%+v, exclude %q) = %+v", ctx, exclude, p)
			}
		}
	})
}
