package journal

// Emotion is a feeling word from the vocabulary, grouped in a family.
type Emotion struct {
	ID          int64
	Name        string
	Family      string
	Description string // one plain line on what the feeling is like; "" for words the person added
}

// Pattern is a recurring relationship move, emotional habit or defense.
type Pattern struct {
	ID          int64
	Name        string
	Category    string
	Description string
	Colour      string // "#rrggbb", or "" for its category's colour
	Archived    bool   // kept with its history, but no longer offered
	Adaptive    bool   // a defense that usually serves a person well, like humour
}

// Categories lists the pattern categories in the order they are shown.
var Categories = []string{CategoryRelationship, CategoryEmotional, CategoryDefense, CategoryOwn, CategoryImported}

var categoryTitles = map[string]string{
	CategoryRelationship: "Relationship patterns",
	CategoryEmotional:    "Emotional patterns",
	CategoryDefense:      "Defenses",
	CategoryOwn:          "My own",
	CategoryImported:     "Imported",
}

// CategoryTitle is a category as shown to a person, as a heading.
func CategoryTitle(category string) string {
	if title, ok := categoryTitles[category]; ok {
		return title
	}
	return category
}

// Pattern categories.
const (
	CategoryRelationship = "relationship"
	CategoryEmotional    = "emotional"
	CategoryDefense      = "defense"
	CategoryOwn          = "own"      // made by the person, not seeded
	CategoryImported     = "imported" // made from another journal's tags
)

// FamilyOther holds emotions the person adds themselves.
const FamilyOther = "other"

// EmotionFamilies lists the families in the order they are shown.
var EmotionFamilies = []string{"joy", "love", "calm", "sadness", "anger", "fear", "shame", "surprise", "disgust", FamilyOther}

// StarterEmotions is the built-in vocabulary of feeling words. The
// families follow the common "feelings wheel" groupings so a person can
// start from a broad family and find a more exact word.
var StarterEmotions = []Emotion{
	{Name: "happy", Family: "joy", Description: "Feeling good, light and glad to be here."},
	{Name: "content", Family: "joy", Description: "Quietly satisfied; nothing more is needed right now."},
	{Name: "proud", Family: "joy", Description: "Pleased with something I did or who I am."},
	{Name: "hopeful", Family: "joy", Description: "Expecting that things can get better."},
	{Name: "excited", Family: "joy", Description: "Eager and energised about what is coming."},
	{Name: "relieved", Family: "joy", Description: "A weight lifted after a worry passed."},
	{Name: "grateful", Family: "joy", Description: "Thankful for something or someone in my life."},
	{Name: "playful", Family: "joy", Description: "Light-hearted and wanting to have fun."},
	{Name: "tender", Family: "love", Description: "Soft and caring towards someone."},
	{Name: "connected", Family: "love", Description: "Close to someone, understood and not alone."},
	{Name: "trusting", Family: "love", Description: "Able to rely on someone without bracing myself."},
	{Name: "longing", Family: "love", Description: "Missing someone or wanting something I don't have."},
	{Name: "cared for", Family: "love", Description: "Looked after, held in someone's mind."},
	{Name: "calm", Family: "calm", Description: "Settled and at ease, body and mind."},
	{Name: "safe", Family: "calm", Description: "Protected; nothing here to guard against."},
	{Name: "accepting", Family: "calm", Description: "Letting things be as they are, without a fight."},
	{Name: "sad", Family: "sadness", Description: "Low and heavy, often after a loss or a letdown."},
	{Name: "lonely", Family: "sadness", Description: "Cut off from others, wishing for company or closeness."},
	{Name: "grieving", Family: "sadness", Description: "Mourning someone or something that is gone."},
	{Name: "disappointed", Family: "sadness", Description: "Let down when something didn't turn out as hoped."},
	{Name: "hopeless", Family: "sadness", Description: "Feeling nothing will change or get better."},
	{Name: "hurt", Family: "sadness", Description: "Wounded by what someone said or did."},
	{Name: "empty", Family: "sadness", Description: "Hollow or numb, as if something is missing inside."},
	{Name: "angry", Family: "anger", Description: "Strongly displeased, often when something feels unfair."},
	{Name: "frustrated", Family: "anger", Description: "Blocked from something I want or need."},
	{Name: "irritated", Family: "anger", Description: "Mildly annoyed; small things grate."},
	{Name: "resentful", Family: "anger", Description: "Holding on to anger about being treated unfairly."},
	{Name: "jealous", Family: "anger", Description: "Afraid of losing someone's attention or love to another."},
	{Name: "betrayed", Family: "anger", Description: "Let down by someone I trusted."},
	{Name: "afraid", Family: "fear", Description: "Sensing danger and wanting to get away or be protected."},
	{Name: "anxious", Family: "fear", Description: "Uneasy about what might happen, often with a restless body."},
	{Name: "worried", Family: "fear", Description: "Thoughts going round about something that might go wrong."},
	{Name: "overwhelmed", Family: "fear", Description: "Too much at once to take in or cope with."},
	{Name: "insecure", Family: "fear", Description: "Unsure of myself or of where I stand with others."},
	{Name: "panicky", Family: "fear", Description: "A sudden rush of fear, racing heart or breath."},
	{Name: "rejected", Family: "fear", Description: "Pushed away or not wanted by someone."},
	{Name: "ashamed", Family: "shame", Description: "Feeling that something about me is wrong or bad."},
	{Name: "guilty", Family: "shame", Description: "Feeling I did something wrong and want to put it right."},
	{Name: "embarrassed", Family: "shame", Description: "Self-conscious after being seen in an awkward moment."},
	{Name: "inadequate", Family: "shame", Description: "Feeling not good enough or not up to it."},
	{Name: "exposed", Family: "shame", Description: "Seen more than I wanted to be, without cover."},
	{Name: "humiliated", Family: "shame", Description: "Made to feel small in front of others."},
	{Name: "surprised", Family: "surprise", Description: "Caught off guard by something unexpected."},
	{Name: "confused", Family: "surprise", Description: "Unsure what is happening or what I feel."},
	{Name: "amazed", Family: "surprise", Description: "Struck with wonder at something remarkable."},
	{Name: "shocked", Family: "surprise", Description: "Shaken by something sudden and upsetting."},
	{Name: "disgusted", Family: "disgust", Description: "Strongly put off, wanting to push something away."},
	{Name: "contemptuous", Family: "disgust", Description: "Looking down on someone as beneath me."},
	{Name: "repelled", Family: "disgust", Description: "Wanting to pull back or keep away."},
}

// StarterPatterns is the seeded pattern vocabulary. Descriptions are one
// plain line a person can recognise themselves in, without jargon.
var StarterPatterns = []Pattern{
	{Name: "people-pleasing", Category: CategoryRelationship, Description: "Putting others' wishes first to be liked or to avoid upsetting them."},
	{Name: "withdrawing under criticism", Category: CategoryRelationship, Description: "Going quiet or pulling away when I feel judged."},
	{Name: "choosing emotionally unavailable partners", Category: CategoryRelationship, Description: "Being drawn to people who can't be close or present."},
	{Name: "not saying what I need", Category: CategoryRelationship, Description: "Keeping my needs to myself, then feeling unseen."},
	{Name: "avoiding conflict", Category: CategoryRelationship, Description: "Smoothing things over rather than risk a disagreement."},
	{Name: "testing the other person", Category: CategoryRelationship, Description: "Pushing someone to see whether they will stay."},
	{Name: "over-functioning", Category: CategoryRelationship, Description: "Taking on others' responsibilities so things don't fall apart."},
	{Name: "fear of abandonment", Category: CategoryRelationship, Description: "Expecting to be left, and acting to prevent it."},
	{Name: "rumination", Category: CategoryEmotional, Description: "Going over the same worry or hurt again and again."},
	{Name: "shutting feelings down", Category: CategoryEmotional, Description: "Going numb or busy so a feeling doesn't land."},
	{Name: "anger turned inward", Category: CategoryEmotional, Description: "Blaming or attacking myself instead of feeling angry at someone."},
	{Name: "self-criticism", Category: CategoryEmotional, Description: "A harsh inner voice that says I'm not good enough."},
	{Name: "perfectionism", Category: CategoryEmotional, Description: "Holding myself to standards no one could meet."},
	{Name: "denial", Category: CategoryDefense, Description: "Not letting myself take in something that would hurt to know."},
	{Name: "projection", Category: CategoryDefense, Description: "Seeing in others a feeling that is really mine."},
	{Name: "displacement", Category: CategoryDefense, Description: "Taking a feeling out on someone safer than its real target."},
	{Name: "intellectualisation", Category: CategoryDefense, Description: "Thinking about a feeling instead of feeling it."},
	{Name: "rationalisation", Category: CategoryDefense, Description: "Finding good-sounding reasons for what I did for other reasons."},
	{Name: "reaction formation", Category: CategoryDefense, Description: "Showing the opposite of what I feel, like warmth over anger."},
	{Name: "splitting", Category: CategoryDefense, Description: "Seeing people as all good or all bad, with nothing between."},
	{Name: "indirect anger", Category: CategoryDefense, Description: "Letting anger out sideways, through lateness, silence or 'forgetting', when saying it feels unsafe."},
	{Name: "acting out", Category: CategoryDefense, Description: "Doing something on impulse when a feeling is too much to put into words."},
	{Name: "avoidance", Category: CategoryDefense, Description: "Steering clear of places, people or topics that stir feelings."},
	{Name: "humour", Category: CategoryDefense, Adaptive: true, Description: "Joking to keep a painful feeling at a distance."},
	{Name: "sublimation", Category: CategoryDefense, Adaptive: true, Description: "Turning a difficult feeling into something useful or creative."},
	{Name: "idealisation and devaluation", Category: CategoryDefense, Description: "Seeing someone as wonderful, then, when they let me down, as worth nothing."},
	{Name: "repression", Category: CategoryDefense, Description: "Keeping a memory or feeling out of mind, so I don't know it's there."},
	{Name: "dissociation", Category: CategoryDefense, Description: "Feeling far away, unreal or cut off from myself when things get too much."},
	{Name: "somatisation", Category: CategoryDefense, Description: "Feeling distress in my body, like headaches or a knotted stomach, before I feel it as an emotion."},
	{Name: "repeating the same relationship", Category: CategoryRelationship, Description: "Finding myself in the same kind of relationship, or the same ending, again and again."},
	{Name: "pursue and withdraw", Category: CategoryRelationship, Description: "One of us reaches for closeness and the other pulls back, and each move makes the other's stronger."},
	{Name: "feelings about my therapist", Category: CategoryRelationship, Description: "Strong feelings towards my therapist, like wanting their approval or fearing they'll leave, that echo other relationships."},
}
