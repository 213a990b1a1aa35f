package journal

import "strings"

// FeelingFor finds the emotion in emotions that a tag from another
// journal names, and reports whether there is one. Tags name feelings in
// many forms: "Anxiety", "anxious", "#anxieties" and "feeling anxious"
// all name "anxious"; "shame" names "ashamed". The answer is spelled as
// in emotions. A tag names a feeling only as a whole: "anger turned
// inward" is not "angry".
//
// Every importer asks this one rule, so a tag becomes an emotion or a
// pattern the same way whichever app it came from.
func FeelingFor(tag string, emotions []string) (string, bool) {
	key := NameKey(strings.TrimLeft(strings.TrimSpace(tag), "#@"))
	if key == "" {
		return "", false
	}
	for _, e := range emotions { // the exact word first
		if NameKey(e) == key {
			return e, true
		}
	}
	want := feelingKey(key)
	for _, e := range emotions {
		if feelingKey(NameKey(e)) == want {
			return e, true
		}
	}
	return "", false
}

// feelingForms maps the other forms of the starter emotions to the word
// the vocabulary uses: mostly the noun ("anxiety") to the adjective
// ("anxious"), where no suffix rule gets from one to the other.
var feelingForms = map[string]string{
	"anxiety": "anxious", "angst": "anxious",
	"shame": "ashamed", "shamed": "ashamed",
	"anger": "angry", "rage": "angry", "mad": "angry",
	"guilt": "guilty",
	"fear":  "afraid", "scared": "afraid", "frightened": "afraid", "fearful": "afraid",
	"jealousy": "jealous", "envy": "jealous", "envious": "jealous",
	"frustration": "frustrated", "irritation": "irritated", "resentment": "resentful",
	"betrayal": "betrayed", "worry": "worried", "overwhelm": "overwhelmed",
	"insecurity": "insecure", "panic": "panicky", "rejection": "rejected",
	"embarrassment": "embarrassed", "inadequacy": "inadequate", "humiliation": "humiliated",
	"surprise": "surprised", "confusion": "confused", "amazement": "amazed", "shock": "shocked",
	"disgust": "disgusted", "contempt": "contemptuous", "repulsion": "repelled",
	"contentment": "content", "pride": "proud", "hope": "hopeful", "excitement": "excited",
	"relief": "relieved", "gratitude": "grateful", "grief": "grieving", "sorrow": "sad",
	"disappointment": "disappointed", "despair": "hopeless", "lonesome": "lonely",
	"hurting": "hurt", "worrying": "worried", "panicking": "panicky",
}

// feelingPrefixes are words a tag may put before the feeling.
var feelingPrefixes = []string{"feeling-", "feel-", "felt-", "very-", "so-"}

// feelingKey reduces a NameKey to the word the vocabulary would use:
// without "feeling", without a plural or "-ness", then through
// feelingForms. Both the tag and each emotion go through it, so an
// emotion a person added as "anxiety" is found from "anxious" too.
func feelingKey(key string) string {
	for _, p := range feelingPrefixes {
		if rest, ok := strings.CutPrefix(key, p); ok && rest != "" {
			key = rest
			break
		}
	}
	if to, ok := feelingForms[key]; ok {
		return to
	}
	switch {
	case strings.HasSuffix(key, "iness") && len(key) > 6: // loneliness, emptiness, happiness
		key = strings.TrimSuffix(key, "iness") + "y"
	case strings.HasSuffix(key, "ness") && len(key) > 6: // sadness, hopelessness, calmness
		key = strings.TrimSuffix(key, "ness")
	case strings.HasSuffix(key, "ies") && len(key) > 4: // anxieties, worries
		key = strings.TrimSuffix(key, "ies") + "y"
	case strings.HasSuffix(key, "s") && !strings.HasSuffix(key, "ss") && !strings.HasSuffix(key, "ous") && len(key) > 3: // fears, angers
		key = strings.TrimSuffix(key, "s")
	}
	if to, ok := feelingForms[key]; ok {
		return to
	}
	return key
}
