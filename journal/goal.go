package journal

import (
	"strings"
	"time"
)

// Goal is something the person wants from therapy. Goals are ordered by
// priority; a goal may sit under another (a sub-goal).
type Goal struct {
	ID          int64
	ParentID    int64 // 0 for a top-level goal
	Title       string
	Description string
	Priority    int // 0 first, among goals with the same parent
	Status      GoalStatus
	CreatedAt   time.Time
	DoneAt      time.Time // when completed or archived; zero while active
}

// GoalStatus is where a goal stands. Completed and archived goals keep
// their check-ins.
type GoalStatus string

const (
	GoalActive    GoalStatus = "active"
	GoalCompleted GoalStatus = "completed"
	GoalArchived  GoalStatus = "archived"
)

// CheckIn is a dated rating of how a goal is going, 0 (not at all) to
// 10 (fully), with a note.
type CheckIn struct {
	ID     int64
	GoalID int64
	At     time.Time
	Rating int
	Note   string
}

// MaxRating is the top of the check-in scale.
const MaxRating = 10

// StarterGoal is a goal offered on first use.
type StarterGoal struct {
	Title    string
	Sub      []string // sub-goals, offered with it
	Optional bool     // offered unticked
}

// StarterGoals are the goals offered on first use: the common aims of
// talk therapy, in plain words.
var StarterGoals = []StarterGoal{
	{Title: "Improve relationships", Sub: []string{"Express what I need", "Choose partners who are emotionally available", "Set healthy boundaries"}},
	{Title: "Identify my patterns"},
	{Title: "Be more mindful of my choices"},
	{Title: "Put the past in the past"},
	{Title: "Break a habit of repeating unhealthy patterns", Optional: true},
	{Title: "Understand myself better", Optional: true},
	{Title: "Feel my emotions fully", Optional: true},
	{Title: "Make better decisions for myself", Optional: true},
	{Title: "Address my needs", Optional: true},
}

// Validate checks a goal before it is saved and tidies its title.
func (g *Goal) Validate() error {
	g.Title = strings.TrimSpace(g.Title)
	if g.Title == "" {
		return Errorf(EInvalid, "A goal needs a title, like “Say what I need at work”.")
	}
	if g.Status == "" {
		g.Status = GoalActive
	}
	switch g.Status {
	case GoalActive, GoalCompleted, GoalArchived:
		return nil
	}
	return Errorf(EInvalid, "%q is not a goal status. Use active, completed or archived.", g.Status)
}

// Validate checks a check-in before it is saved.
func (c *CheckIn) Validate() error {
	if c.Rating < 0 || c.Rating > MaxRating {
		return Errorf(EInvalid, "A check-in rating is from 0 (not at all) to %d (fully); %d is out of range.", MaxRating, c.Rating)
	}
	if c.At.IsZero() {
		return Errorf(EInvalid, "A check-in needs a date.")
	}
	return nil
}
