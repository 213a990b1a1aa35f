package journal

import (
	"slices"
	"strings"
	"time"
)

// Session is one therapy session as the client remembers it.
type Session struct {
	ID        int64
	At        time.Time
	Format    string // one of SessionFormats
	Approach  string // one of SessionApproaches
	Takeaways string // what I took away
	Questions []Question
	NewCourse bool // starts a new course of dynamic interpersonal therapy (see DITPositions)
}

// Question is something to bring to the next session, ticked when done.
type Question struct {
	Text string
	Done bool
}

// SessionFormats and SessionApproaches are the choices offered.
var (
	SessionFormats    = []string{"individual", "couples", "family", "group"}
	SessionApproaches = []string{"psychodynamic", ApproachDIT, "brief", "long-term", "art or music", "other"}
)

// Validate checks a session before it is saved.
func (s *Session) Validate() error {
	if s.At.IsZero() {
		return Errorf(EInvalid, "A session needs a date and time, like 2026-11-25 18:00.")
	}
	s.Format, s.Approach = strings.ToLower(strings.TrimSpace(s.Format)), strings.ToLower(strings.TrimSpace(s.Approach))
	if s.Format == "" {
		s.Format = "individual"
	}
	if s.Approach == "" {
		s.Approach = "psychodynamic"
	}
	if !slices.Contains(SessionFormats, s.Format) {
		return Errorf(EInvalid, "%q is not a session format. Use one of: %s.", s.Format, strings.Join(SessionFormats, ", "))
	}
	if !slices.Contains(SessionApproaches, s.Approach) {
		return Errorf(EInvalid, "%q is not an approach. Use one of: %s.", s.Approach, strings.Join(SessionApproaches, ", "))
	}
	if s.NewCourse && !s.CountsInDITCourse() {
		return Errorf(EInvalid, "Only an individual session of dynamic interpersonal therapy can start a new course; this one is %s, %s. "+
			"Choose individual and dynamic interpersonal therapy, or leave the new course out.", s.Format, s.Approach)
	}
	var kept []Question // a new slice: the caller's stays as it was
	for _, q := range s.Questions {
		if q.Text = strings.TrimSpace(q.Text); q.Text != "" {
			kept = append(kept, q)
		}
	}
	s.Questions = kept
	return nil
}
