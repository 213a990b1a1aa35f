// Package prompts is a library of reflection prompts: short questions a
// person can start writing from, each tagged with the goals, patterns and
// kinds of entry it speaks to. Plain data in, plain data out: no database,
// no widgets.
//
// The prompts are written in the first person, as questions the person
// asks themselves. They invite noticing, not judging, and never ask
// anyone to go back through something painful in detail: a journal is
// not the place to relive what therapy holds with care.
package prompts

import (
	"math/rand/v2"
	"slices"

	"github.com/throughline/throughline/journal"
)

// Prompt is one reflection prompt.
type Prompt struct {
	Text     string
	Goals    []string       // titles of starter goals it speaks to
	Patterns []string       // starter pattern names, or categories ("relationship", "emotional", "defense")
	Kinds    []journal.Kind // the kinds of entry it suits
}

// General reports whether the prompt speaks to no goal or pattern in
// particular, so it suits anyone.
func (p Prompt) General() bool { return len(p.Goals) == 0 && len(p.Patterns) == 0 }

// Context is what a prompt is chosen for: the kind of entry being
// written, and what matters to the person lately.
type Context struct {
	Kind       journal.Kind // "" is a reflection
	Goals      []string     // titles of the person's active goals
	Patterns   []string     // names of the patterns most frequent lately, most frequent first
	Categories []string     // the categories of those patterns
}

// Starter goal titles, as journal.StarterGoals spells them.
const (
	goalRelationships = "Improve relationships"
	goalNeeds         = "Express what I need"
	goalPartners      = "Choose partners who are emotionally available"
	goalBoundaries    = "Set healthy boundaries"
	goalPatterns      = "Identify my patterns"
	goalMindful       = "Be more mindful of my choices"
	goalPast          = "Put the past in the past"
	goalHabit         = "Break a habit of repeating unhealthy patterns"
	goalUnderstand    = "Understand myself better"
	goalFeel          = "Feel my emotions fully"
	goalDecisions     = "Make better decisions for myself"
	goalAddressNeeds  = "Address my needs"
)

// Kinds of entry, shortened for the library below.
var (
	reflection      = []journal.Kind{journal.KindReflection}
	reflectionOrAft = []journal.Kind{journal.KindReflection, journal.KindAfterSession}
	dream           = []journal.Kind{journal.KindDream}
	afterSession    = []journal.Kind{journal.KindAfterSession}
	freeAssociation = []journal.Kind{journal.KindFreeAssociation}
)

func tags(s ...string) []string { return s }

// DreamOpener is the prompt a new dream starts with: the feeling a dream
// leaves is easier to catch than its story, and fades first.
const DreamOpener = "What feeling stayed with me after the dream?"

// library is every prompt, the most broadly useful first within each
// theme. Order matters only to break ties in ranking.
var library = []Prompt{
	// Needs, and saying them.
	{Text: "What did I need today, and did I say it?", Goals: tags(goalNeeds, goalAddressNeeds), Patterns: tags("not saying what I need"), Kinds: reflection},
	{Text: "When did I keep a need to myself, and what did I fear would happen if I said it?", Goals: tags(goalNeeds), Patterns: tags("not saying what I need"), Kinds: reflection},
	{Text: "What would I have said today if I'd been sure I'd be heard?", Goals: tags(goalNeeds), Patterns: tags("not saying what I need", "avoiding conflict"), Kinds: reflection},
	{Text: "What would I like for myself this week, just for me?", Goals: tags(goalAddressNeeds, goalDecisions), Kinds: reflection},

	// Boundaries and pleasing.
	{Text: "Who did I find myself trying to please, and what did I give up to do it?", Goals: tags(goalBoundaries), Patterns: tags("people-pleasing"), Kinds: reflection},
	{Text: "Where did I say yes today when part of me meant no?", Goals: tags(goalBoundaries), Patterns: tags("people-pleasing", "avoiding conflict"), Kinds: reflection},
	{Text: "What limit would I have liked to set today, and what stopped me?", Goals: tags(goalBoundaries), Patterns: tags("people-pleasing", "avoiding conflict"), Kinds: reflection},
	{Text: "Where did I carry something that wasn't mine to carry?", Goals: tags(goalBoundaries), Patterns: tags("over-functioning"), Kinds: reflection},

	// Closeness and distance.
	{Text: "When did I go quiet or pull away, and what was I protecting?", Goals: tags(goalRelationships), Patterns: tags("withdrawing under criticism", "avoidance"), Kinds: reflection},
	{Text: "When did I feel judged today, and what did I do next?", Patterns: tags("withdrawing under criticism", "self-criticism"), Kinds: reflection},
	{Text: "What did I want from someone today, and how did they respond?", Goals: tags(goalRelationships), Patterns: tags("relationship"), Kinds: reflection},
	{Text: "Who did I feel close to today, and what made that possible?", Goals: tags(goalRelationships), Kinds: reflection},
	{Text: "When did I fear being left, and what did I do with that fear?", Goals: tags(goalRelationships), Patterns: tags("fear of abandonment", "testing the other person"), Kinds: reflection},
	{Text: "Who am I drawn to lately, and how do I feel about myself around them?", Goals: tags(goalPartners), Patterns: tags("choosing emotionally unavailable partners"), Kinds: reflection},
	{Text: "Where did I reach for someone who kept their distance, and what was I hoping for?", Goals: tags(goalPartners), Patterns: tags("choosing emotionally unavailable partners", "fear of abandonment"), Kinds: reflection},
	{Text: "When did someone show up for me, and how did I take it in?", Goals: tags(goalPartners, goalRelationships), Kinds: reflection},

	// Noticing patterns.
	{Text: "Where did I notice the old pattern today, and what happened just before?", Goals: tags(goalPatterns, goalHabit), Patterns: tags("relationship", "emotional", "defense"), Kinds: reflectionOrAft},
	{Text: "What do I keep meaning to change, and what keeps pulling me back?", Goals: tags(goalHabit), Kinds: reflection},
	{Text: "Which old story about myself showed up, and how true is it today?", Goals: tags(goalPast, goalUnderstand), Patterns: tags("self-criticism"), Kinds: reflection},
	{Text: "When did a reaction feel bigger than the moment, and what might it be older than?", Goals: tags(goalPast, goalPatterns), Kinds: reflection},
	{Text: "Where did the past feel present today, and what is different now?", Goals: tags(goalPast), Kinds: reflection},

	// Choices.
	{Text: "What choice did I make today on autopilot, and what would I choose with more room?", Goals: tags(goalMindful, goalDecisions), Kinds: reflection},
	{Text: "What did I do in a rush today that I'd like to put into words instead?", Goals: tags(goalMindful), Patterns: tags("acting out"), Kinds: reflection},

	// Feelings, and the ways round them.
	{Text: "What feeling came first, before the one I showed?", Goals: tags(goalFeel), Patterns: tags("reaction formation", "shutting feelings down"), Kinds: reflection},
	{Text: "What did I explain to myself today instead of feeling it?", Goals: tags(goalFeel), Patterns: tags("intellectualisation", "rationalisation"), Kinds: reflection},
	{Text: "When did I keep busy or go numb, and what feeling was close by?", Goals: tags(goalFeel), Patterns: tags("shutting feelings down"), Kinds: reflection},
	{Text: "What did I steer around today, and what might be waiting there?", Goals: tags(goalMindful), Patterns: tags("avoidance", "denial"), Kinds: reflection},
	{Text: "What am I still going over in my head, and what would settle it a little?", Patterns: tags("rumination"), Kinds: reflection},
	{Text: "What did my inner critic say today, and whose voice does it sound like?", Goals: tags(goalUnderstand), Patterns: tags("self-criticism", "perfectionism"), Kinds: reflection},
	{Text: "What would good enough have looked like today?", Patterns: tags("perfectionism"), Kinds: reflection},
	{Text: "Where did anger come out sideways today, and who was it really for?", Goals: tags(goalFeel), Patterns: tags("indirect anger", "displacement"), Kinds: reflection},
	{Text: "When did I turn on myself today, and was some of it anger meant for someone else?", Patterns: tags("anger turned inward", "self-criticism"), Kinds: reflection},
	{Text: "When did I joke something away, and what was underneath the joke?", Patterns: tags("humour"), Kinds: reflection},
	{Text: "What did I notice in someone else today that might also live in me?", Goals: tags(goalUnderstand), Patterns: tags("projection"), Kinds: reflection},
	{Text: "Who did I see as all good or all bad today, and what sits in between?", Patterns: tags("splitting"), Kinds: reflection},
	{Text: "What am I feeling right now, and where do I feel it in my body?", Goals: tags(goalFeel), Kinds: reflection},

	// For anyone, any day.
	{Text: "What would I like to bring to my therapist this week?", Kinds: reflection},
	{Text: "What am I hesitant to tell my therapist, and what makes it hard?", Kinds: reflectionOrAft},
	{Text: "What surprised me about myself today?", Goals: tags(goalUnderstand), Kinds: reflection},
	{Text: "What has stayed with me today, and why this?", Kinds: reflection},
	{Text: "What did I do today that I'm quietly proud of?", Kinds: reflection},
	{Text: "What small moment today do I want to remember?", Kinds: reflection},

	// Dreams.
	{Text: DreamOpener, Kinds: dream},
	{Text: "Who was in the dream, and who do they remind me of?", Kinds: dream},
	{Text: "What was I wishing for in the dream?", Kinds: dream},
	{Text: "Which moment of the dream keeps coming back to me?", Kinds: dream},
	{Text: "What was on my mind the day before the dream?", Kinds: dream},
	{Text: "If I gave the dream a title, what would it be?", Kinds: dream},

	// After a session.
	{Text: "What stayed with me from today's session?", Kinds: afterSession},
	{Text: "What did I feel in the session but didn't say?", Goals: tags(goalNeeds), Kinds: afterSession},
	{Text: "What did my therapist say that I keep turning over?", Kinds: afterSession},
	{Text: "How did I feel walking out, and how do I feel now?", Goals: tags(goalFeel), Kinds: afterSession},
	{Text: "What did I notice between me and my therapist today?", Goals: tags(goalPatterns), Patterns: tags("relationship"), Kinds: afterSession},
	{Text: "What would I like to pick up again next time?", Kinds: afterSession},

	// Free association: a place to start, then let it go where it goes.
	{Text: "What is on my mind right now, and what comes after it?", Kinds: freeAssociation},
	{Text: "Which word or picture keeps coming back, and where does it lead?", Kinds: freeAssociation},
	{Text: "What is at the edge of my mind that I haven't looked at yet?", Kinds: freeAssociation},
}

// All is every prompt in the library.
func All() []Prompt { return slices.Clone(library) }

// Find returns the prompt with exactly this text.
func Find(text string) (Prompt, bool) {
	i := slices.IndexFunc(library, func(p Prompt) bool { return p.Text == text })
	if i < 0 {
		return Prompt{}, false
	}
	return library[i], true
}

// Suits reports whether the prompt is for kind ("" is a reflection).
func (p Prompt) Suits(kind journal.Kind) bool {
	if kind == "" {
		kind = journal.KindReflection
	}
	return slices.Contains(p.Kinds, kind)
}

// How much each kind of match counts. A category is a broad hint (any
// defense at all), a named pattern or goal a close one.
const (
	goalWeight     = 2
	patternWeight  = 2
	categoryWeight = 1
)

// score is how closely p speaks to ctx; 0 when it doesn't.
func score(p Prompt, ctx Context) int {
	n := 0
	for _, g := range p.Goals {
		if containsName(ctx.Goals, g) {
			n += goalWeight
		}
	}
	for _, t := range p.Patterns {
		if containsName(ctx.Patterns, t) {
			n += patternWeight
		}
		if containsName(ctx.Categories, t) {
			n += categoryWeight
		}
	}
	return n
}

// containsName compares as the journal compares names, so "People
// pleasing" finds "people-pleasing" and a goal's title matches whatever
// its capitals.
func containsName(names []string, name string) bool {
	key := journal.NameKey(name)
	return slices.ContainsFunc(names, func(n string) bool { return journal.NameKey(n) == key })
}

// tier is where a prompt ranks for a context: what speaks to the
// person's goals and patterns first, then what suits anyone, then the
// rest, which are written for goals and patterns they haven't named.
type tier int

const (
	tierMatching tier = iota
	tierGeneral
	tierOther
)

func tierOf(p Prompt, ctx Context) tier {
	switch {
	case score(p, ctx) > 0:
		return tierMatching
	case p.General():
		return tierGeneral
	default:
		return tierOther
	}
}

// For lists the prompts for ctx's kind of entry, best first: those
// matching the person's goals and recent patterns, most closely matching
// first; then general ones; then the rest. Equals keep library order.
func For(ctx Context) []Prompt {
	var out []Prompt
	for _, p := range library {
		if p.Suits(ctx.Kind) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Prompt) int {
		if ta, tb := tierOf(a, ctx), tierOf(b, ctx); ta != tb {
			return int(ta - tb)
		}
		return score(b, ctx) - score(a, ctx)
	})
	return out
}

// Shuffle weights: asking for another prompt still favours the ones that
// match, but can reach any prompt for the kind, so a person with two
// matching prompts isn't sent back and forth between them.
var tierWeights = [...]int{tierMatching: 6, tierGeneral: 2, tierOther: 1}

// Pick chooses a prompt for ctx with r, never the one whose text is
// exclude (the prompt on show), so another one is always different. The
// first offer (exclude "") comes from the best tier For has, so what a
// person sees first speaks to their goals and patterns when any do.
// Given the same r, it picks the same. It returns the zero Prompt only
// when there is no other prompt for the kind.
func Pick(ctx Context, r *rand.Rand, exclude string) Prompt {
	var candidates []Prompt
	for _, p := range For(ctx) {
		if p.Text != exclude {
			candidates = append(candidates, p)
		}
	}
	if len(candidates) == 0 {
		return Prompt{}
	}
	if exclude == "" {
		best := tierOf(candidates[0], ctx)
		n := 0
		for n < len(candidates) && tierOf(candidates[n], ctx) == best {
			n++
		}
		return candidates[r.IntN(n)]
	}
	total := 0
	for _, p := range candidates {
		total += tierWeights[tierOf(p, ctx)]
	}
	at := r.IntN(total)
	for _, p := range candidates {
		at -= tierWeights[tierOf(p, ctx)]
		if at < 0 {
			return p
		}
	}
	return candidates[len(candidates)-1] // not reached: at < total
}
