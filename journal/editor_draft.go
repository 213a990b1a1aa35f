package journal

import "time"

// Draft is what is in the editor, as typed: it may not be a valid entry
// yet (an empty title, a date being typed), and that is fine.
type Draft struct {
	EntryID   int64     `json:"entry_id,omitempty"` // 0 for a new entry
	Kind      Kind      `json:"kind"`
	WrittenAt string    `json:"written_at"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	Mood      int       `json:"mood,omitempty"`
	Emotions  []string  `json:"emotions,omitempty"`
	Patterns  []string  `json:"patterns,omitempty"`
	Flagged   bool      `json:"flagged,omitempty"`
	Episodes  []Episode `json:"episodes,omitempty"`
	GoalIDs   []int64   `json:"goal_ids,omitempty"`

	SavedAt time.Time `json:"-"`
}
