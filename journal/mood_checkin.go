package journal

import (
	"strings"
	"time"
)

// MoodCheckIn is a mood noted on its own, without writing an entry: how
// someone felt at a moment, and a few feeling words from the vocabulary.
// It is not a goal's CheckIn, which rates progress.
type MoodCheckIn struct {
	ID       int64
	At       time.Time
	Mood     int      // 1 to 10
	Emotions []string // names from the emotion vocabulary
}

// MaxMoodCheckInEmotions keeps a check-in quick: a few words, not a list.
const MaxMoodCheckInEmotions = 5

// Validate checks a check-in before it is saved, tidying its words.
func (c *MoodCheckIn) Validate() error {
	if c.At.IsZero() {
		return Errorf(EInvalid, "A check-in needs a time, like 2026-11-25 18:00.")
	}
	if c.Mood < 1 || c.Mood > 10 {
		return Errorf(EInvalid, "A check-in's mood is a number from 1 (very low) to 10 (very good); %d is outside that. Give a mood from 1 to 10.", c.Mood)
	}
	var kept []string
	seen := map[string]bool{}
	for _, e := range c.Emotions {
		if e = strings.TrimSpace(e); e != "" && !seen[strings.ToLower(e)] {
			seen[strings.ToLower(e)] = true
			kept = append(kept, e)
		}
	}
	if len(kept) > MaxMoodCheckInEmotions {
		return Errorf(EInvalid, "A check-in keeps at most %d feelings; %d were given. Choose the %d that fit best.", MaxMoodCheckInEmotions, len(kept), MaxMoodCheckInEmotions)
	}
	c.Emotions = kept
	return nil
}

// MoodCheckInTaggings gives each check-in as a Tagging with its mood and
// feelings and no entry, so the mood charts, the calendar and the
// report count it beside entries' moods.
func MoodCheckInTaggings(checkins []MoodCheckIn) []Tagging {
	out := make([]Tagging, len(checkins))
	for i, c := range checkins {
		out[i] = Tagging{CheckInID: c.ID, WrittenAt: c.At, Mood: c.Mood, Emotions: c.Emotions}
	}
	return out
}
