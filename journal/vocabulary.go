package journal

// Emotion is a feeling word from the vocabulary, grouped in a family.
type Emotion struct {
	ID     int64
	Name   string
	Family string
}

// Pattern is a recurring relationship move, emotional habit or defense.
type Pattern struct {
	ID          int64
	Name        string
	Category    string
	Description string
	Colour      string // "#rrggbb", or "" for its category's colour
	Archived    bool   // kept with its history, but no longer offered
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
	{Name: "happy", Family: "joy"}, {Name: "content", Family: "joy"}, {Name: "proud", Family: "joy"},
	{Name: "hopeful", Family: "joy"}, {Name: "excited", Family: "joy"}, {Name: "relieved", Family: "joy"},
	{Name: "grateful", Family: "joy"}, {Name: "playful", Family: "joy"},
	{Name: "tender", Family: "love"}, {Name: "connected", Family: "love"}, {Name: "trusting", Family: "love"},
	{Name: "longing", Family: "love"}, {Name: "cared for", Family: "love"},
	{Name: "calm", Family: "calm"}, {Name: "safe", Family: "calm"}, {Name: "accepting", Family: "calm"},
	{Name: "sad", Family: "sadness"}, {Name: "lonely", Family: "sadness"}, {Name: "grieving", Family: "sadness"},
	{Name: "disappointed", Family: "sadness"}, {Name: "hopeless", Family: "sadness"}, {Name: "hurt", Family: "sadness"},
	{Name: "empty", Family: "sadness"},
	{Name: "angry", Family: "anger"}, {Name: "frustrated", Family: "anger"}, {Name: "irritated", Family: "anger"},
	{Name: "resentful", Family: "anger"}, {Name: "jealous", Family: "anger"}, {Name: "betrayed", Family: "anger"},
	{Name: "afraid", Family: "fear"}, {Name: "anxious", Family: "fear"}, {Name: "worried", Family: "fear"},
	{Name: "overwhelmed", Family: "fear"}, {Name: "insecure", Family: "fear"}, {Name: "panicky", Family: "fear"},
	{Name: "rejected", Family: "fear"},
	{Name: "ashamed", Family: "shame"}, {Name: "guilty", Family: "shame"}, {Name: "embarrassed", Family: "shame"},
	{Name: "inadequate", Family: "shame"}, {Name: "exposed", Family: "shame"}, {Name: "humiliated", Family: "shame"},
	{Name: "surprised", Family: "surprise"}, {Name: "confused", Family: "surprise"}, {Name: "amazed", Family: "surprise"},
	{Name: "shocked", Family: "surprise"},
	{Name: "disgusted", Family: "disgust"}, {Name: "contemptuous", Family: "disgust"}, {Name: "repelled", Family: "disgust"},
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
	{Name: "denial", Category: CategoryDefense, Description: "Not letting myself see something that is plainly there."},
	{Name: "projection", Category: CategoryDefense, Description: "Seeing in others a feeling that is really mine."},
	{Name: "displacement", Category: CategoryDefense, Description: "Taking a feeling out on someone safer than its real target."},
	{Name: "intellectualisation", Category: CategoryDefense, Description: "Thinking about a feeling instead of feeling it."},
	{Name: "rationalisation", Category: CategoryDefense, Description: "Finding good-sounding reasons for what I did for other reasons."},
	{Name: "reaction formation", Category: CategoryDefense, Description: "Showing the opposite of what I feel, like warmth over anger."},
	{Name: "splitting", Category: CategoryDefense, Description: "Seeing people as all good or all bad, with nothing between."},
	{Name: "passive aggression", Category: CategoryDefense, Description: "Showing anger indirectly: lateness, silence, 'forgetting'."},
	{Name: "acting out", Category: CategoryDefense, Description: "Doing something drastic instead of putting a feeling into words."},
	{Name: "avoidance", Category: CategoryDefense, Description: "Steering clear of places, people or topics that stir feelings."},
	{Name: "humour", Category: CategoryDefense, Description: "Joking to keep a painful feeling at a distance."},
	{Name: "sublimation", Category: CategoryDefense, Description: "Turning a difficult feeling into something useful or creative."},
}
