package journal

import "time"

// Tagging is what pattern analysis needs of one entry: when it was
// written, its mood, and the names on it. No text, so analysing years of
// entries never loads their bodies.
type Tagging struct {
	EntryID   int64 // 0 for a mood check-in
	CheckInID int64 // a mood check-in's id; 0 for an entry
	WrittenAt time.Time
	Mood      int // 0 when not rated
	Patterns  []string
	Emotions  []string
	People    []string // who the entry's relationship episodes were with
	// Patterns include those named only in the entry's episodes.
}
