package journal

import (
	"strings"
	"time"
)

// Kind says what sort of writing an entry is.
type Kind string

const (
	KindReflection      Kind = "reflection"
	KindDream           Kind = "dream"
	KindFreeAssociation Kind = "free-association"
	KindAfterSession    Kind = "after-session"
)

// Kinds lists every kind in the order a person would pick from.
var Kinds = []Kind{KindReflection, KindDream, KindFreeAssociation, KindAfterSession}

// Label is the kind as shown to a person.
func (k Kind) Label() string {
	switch k {
	case KindDream:
		return "Dream"
	case KindFreeAssociation:
		return "Free association"
	case KindAfterSession:
		return "After-session note"
	default:
		return "Reflection"
	}
}

// ParseKind accepts a kind's name or its label, ignoring case.
func ParseKind(s string) (Kind, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return KindReflection, nil
	}
	for _, k := range Kinds {
		if strings.EqualFold(s, string(k)) || strings.EqualFold(s, k.Label()) {
			return k, nil
		}
	}
	return "", Errorf(EInvalid, "%q is not a kind of entry. Use one of: reflection, dream, free-association, after-session.", s)
}

// MinMood and MaxMood bound the optional mood rating.
const (
	MinMood = 1
	MaxMood = 10
)

// Entry is one piece of writing in the journal.
type Entry struct {
	ID        int64
	WrittenAt time.Time // when the person says it was written, in their zone at the time
	CreatedAt time.Time
	UpdatedAt time.Time
	Kind      Kind
	Title     string
	Body      string    // Markdown
	Mood      int       // MinMood..MaxMood, or 0 when not rated
	Emotions  []string  // names from the emotion vocabulary, in vocabulary order
	Patterns  []string  // names from the pattern vocabulary, in vocabulary order
	Flagged   bool      // "bring to my next session"
	Episodes  []Episode // relationship episodes, in the order written
	GoalIDs   []int64   // goals this entry is evidence for
	Source    string    // the journal it was imported from ("jrnl", "dayone", ...), "" when written here
	SourceID  string    // its id there, when it had one
	// Files are files an import brings with the entry, attached as it is
	// saved; reading an entry leaves them out (see Store.Attachments).
	Files []AttachmentFile
	// Conflicted is set when two synced computers changed the body at
	// once and both texts are kept until the person chooses (see
	// Store.BodyConflicts).
	Conflicted bool
}

// HasMood reports whether the entry was given a mood.
func (e Entry) HasMood() bool { return e.Mood != 0 }

// DisplayTitle is the title, or the start of the body when there is none.
func (e Entry) DisplayTitle() string {
	if t := strings.TrimSpace(e.Title); t != "" {
		return t
	}
	return Excerpt(e.Body, 60)
}

// Excerpt returns the first line of text with content, cut to at most n runes.
func Excerpt(s string, n int) string {
	for line := range strings.Lines(s) {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#>*- "))
		if line == "" {
			continue
		}
		if r := []rune(line); len(r) > n {
			return string(r[:n-1]) + "…"
		}
		return line
	}
	return "Untitled"
}

// Validate checks an entry before it is saved and normalises what it can.
func (e *Entry) Validate() error {
	if strings.TrimSpace(e.Title) == "" && strings.TrimSpace(e.Body) == "" {
		return Errorf(EInvalid, "The entry is empty. Write a title or some text before saving.")
	}
	if e.Mood != 0 && (e.Mood < MinMood || e.Mood > MaxMood) {
		return Errorf(EInvalid, "Mood %d is out of range. Use a whole number from %d (lowest) to %d (highest), or leave it out.", e.Mood, MinMood, MaxMood)
	}
	if e.Kind == "" {
		e.Kind = KindReflection
	}
	k, err := ParseKind(string(e.Kind))
	if err != nil {
		return err
	}
	e.Kind = k
	if e.WrittenAt.IsZero() {
		return Errorf(EInvalid, "The entry has no date. Give the date and time it was written, like 2026-11-25 18:30.")
	}
	e.Emotions = uniqueNames(e.Emotions)
	e.Patterns = uniqueNames(e.Patterns)
	for _, n := range append(append([]string{}, e.Emotions...), e.Patterns...) {
		if n == "" {
			return Errorf(EInvalid, "An emotion or pattern name is blank. Give each one a name.")
		}
	}
	for i := range e.Episodes {
		if err := e.Episodes[i].Validate(); err != nil {
			return err
		}
	}
	return nil
}

// uniqueNames tidies names and drops repeats that differ only in case or spacing.
func uniqueNames(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		n = CleanName(n)
		if seen[NameKey(n)] {
			continue
		}
		seen[NameKey(n)] = true
		out = append(out, n)
	}
	return out
}

// CleanName trims a vocabulary name and collapses inner whitespace.
func CleanName(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// NameKey is the form used to compare vocabulary names: case, spaces,
// hyphens and underscores don't matter, so "People pleasing" finds
// "people-pleasing".
func NameKey(s string) string {
	return nameKeyMarks.Replace(strings.ToLower(CleanName(s)))
}

// nameKeyMarks is built once: building a Replacer cost more than using
// it, and an import of 100,000 entries asks for a key several times each.
var nameKeyMarks = strings.NewReplacer(" ", "-", "_", "-")
