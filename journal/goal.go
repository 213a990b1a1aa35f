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

// StarterGoal is a goal offered on first use, none of them ticked: the
// person chooses which fit.
type StarterGoal struct {
	Title       string
	Description string        // one line on what the goal means
	Sub         []StarterGoal // sub-goals, offered with it
}

// StarterGoals are the goals offered on first use: the common aims of
// talk therapy, in plain words. The past is a roadmap to understand, not
// something to stop thinking about.
var StarterGoals = []StarterGoal{
	{Title: "Improve relationships", Description: "Get on better with the people who matter to me, in ways that feel mutual.", Sub: []StarterGoal{
		{Title: "Express what I need", Description: "Say what I need and want, rather than hoping others will guess."},
		{Title: "Choose partners who are emotionally available", Description: "Notice who I'm drawn to, and choose people who can be close and present."},
		{Title: "Set healthy boundaries", Description: "Know where my limits are, and say so kindly and clearly."},
	}},
	{Title: "Identify my patterns", Description: "Notice the ways of feeling and relating that keep coming back, and where they began."},
	{Title: "Be more mindful of my choices", Description: "Pause to notice what I feel before I act, so my choices are my own."},
	{Title: "Put the past in the past", Description: "Use my past as a roadmap: understand how it shapes me now, so it guides me rather than repeats."},
	{Title: "Break a habit of repeating unhealthy patterns", Description: "Catch myself repeating what hurt before, and try something different."},
	{Title: "Understand myself better", Description: "Make sense of why I feel and act as I do."},
	{Title: "Feel my emotions fully", Description: "Let feelings land and name them, rather than pushing them away."},
	{Title: "Make better decisions for myself", Description: "Choose from what I want and need, not from fear or habit."},
	{Title: "Address my needs", Description: "Take my own needs seriously, and look after them."},
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
