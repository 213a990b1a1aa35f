package journal

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// A course of dynamic interpersonal therapy (DIT) is sixteen individual
// sessions in three phases. This file is the one place that numbers a
// session within its course and words where it stands, so the command
// line, the window and the report say the same thing.

// ApproachDIT is the approach whose individual sessions make a course.
const ApproachDIT = "dynamic interpersonal therapy"

// DITSessions is the length of a course of dynamic interpersonal therapy.
const DITSessions = 16

// CountsInDITCourse says whether a session is one of a DIT course's
// sessions: an individual session of dynamic interpersonal therapy.
// Couples, family and group sessions, and other approaches, are not.
func (s Session) CountsInDITCourse() bool {
	return s.Approach == ApproachDIT && s.Format == "individual"
}

// DITPhase is a part of a course: the first four sessions, the middle
// eight, the last four, or sessions beyond the sixteen planned.
type DITPhase int

const (
	DITNoPhase   DITPhase = iota // a session that is not counted
	DITBeginning                 // sessions 1–4
	DITMiddle                    // sessions 5–12
	DITEnding                    // sessions 13–16
	DITBeyond                    // sessions after the 16th
)

// String names the phase as a person reads it; sessions beyond the
// course have no phase, and their position says so.
func (p DITPhase) String() string {
	switch p {
	case DITBeginning:
		return "beginning phase: engagement and the interpersonal focus"
	case DITMiddle:
		return "middle phase"
	case DITEnding:
		return "ending phase"
	}
	return ""
}

// DITPosition is a session's place in its course.
type DITPosition struct {
	Number int // 1 for the course's first session; 0 for a session that is not counted
}

// Counted says whether the session has a place in a course.
func (p DITPosition) Counted() bool { return p.Number > 0 }

// Phase is the part of the course the session is in.
func (p DITPosition) Phase() DITPhase {
	switch {
	case p.Number <= 0:
		return DITNoPhase
	case p.Number <= 4:
		return DITBeginning
	case p.Number <= 12:
		return DITMiddle
	case p.Number <= DITSessions:
		return DITEnding
	}
	return DITBeyond
}

// String is where the session stands, like "session 5 of 16, 11 left";
// past the course it says so plainly: "session 19, 3 past the 16
// planned". A session that is not counted has no words.
func (p DITPosition) String() string {
	switch {
	case p.Number <= 0:
		return ""
	case p.Number < DITSessions:
		return fmt.Sprintf("session %d of %d, %d left", p.Number, DITSessions, DITSessions-p.Number)
	case p.Number == DITSessions:
		return fmt.Sprintf("session %d of %d, the last one planned", p.Number, DITSessions)
	}
	return fmt.Sprintf("session %d, %d past the %d planned", p.Number, p.Number-DITSessions, DITSessions)
}

// Summary is the position with its phase, like "session 5 of 16, 11
// left · middle phase": what a single line about the session says.
func (p DITPosition) Summary() string {
	if phase := p.Phase().String(); phase != "" {
		return p.String() + " · " + phase
	}
	return p.String()
}

// DITPositions numbers each session within its course; positions[i] is
// sessions[i]'s, whatever order sessions are in. Sessions count in the
// order they happened, not the order they were logged, so a session
// logged late takes its place by date. A course starts at the first
// counted session, and again at each counted session marked NewCourse.
func DITPositions(sessions []Session) []DITPosition {
	positions := make([]DITPosition, len(sessions))
	n := 0
	for _, i := range chronological(sessions) {
		if s := sessions[i]; s.CountsInDITCourse() {
			if s.NewCourse {
				n = 0
			}
			n++
			positions[i] = DITPosition{Number: n}
		}
	}
	return positions
}

// DITCourseAt is where the course stands at a moment: the position of
// the last counted session at or before it, if there is one.
func DITCourseAt(sessions []Session, at time.Time) (DITPosition, bool) {
	positions := DITPositions(sessions)
	var latest DITPosition
	found := false
	for _, i := range chronological(sessions) {
		if positions[i].Counted() && !sessions[i].At.After(at) {
			latest, found = positions[i], true
		}
	}
	return latest, found
}

// chronological is the indexes of sessions in the order they happened;
// sessions at the same moment in the order they were logged.
func chronological(sessions []Session) []int {
	order := make([]int, len(sessions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(sessions[a].At.Compare(sessions[b].At), cmp.Compare(sessions[a].ID, sessions[b].ID))
	})
	return order
}
