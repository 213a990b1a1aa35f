package report

import (
	"fmt"
	"time"

	"github.com/throughline/throughline/journal"
)

// coursePosition is the report's one line on where a course of therapy
// stands at end: the place of the last dynamic interpersonal therapy
// session up to then, in the words the Sessions screen uses; "" when
// there is none. The course rule itself lives in journal; this is the one
// place the report reads it, so a new rule changes only this function.
func coursePosition(sessions []journal.Session, end time.Time) string {
	number := 0
	for i, s := range sessions {
		if s.At.After(end) {
			continue
		}
		if n := journal.SessionNumber(sessions, i); n > 0 {
			number = n
		}
	}
	switch {
	case number == 0:
		return ""
	case number <= journal.DITSessions:
		return fmt.Sprintf("Dynamic interpersonal therapy: session %d of %d.", number, journal.DITSessions)
	}
	return fmt.Sprintf("Dynamic interpersonal therapy: session %d (beyond the %d-session course).", number, journal.DITSessions)
}
