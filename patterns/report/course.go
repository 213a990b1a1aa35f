package report

import (
	"time"

	"github.com/throughline/throughline/journal"
)

// coursePosition is the report's one line on where a course of dynamic
// interpersonal therapy stands at end: the place of the last counted
// session up to then, in the words the Sessions screen and the command
// line use (journal.DITPosition); "" when there is none.
func coursePosition(sessions []journal.Session, end time.Time) string {
	pos, ok := journal.DITCourseAt(sessions, end)
	if !ok {
		return ""
	}
	return "Dynamic interpersonal therapy: " + pos.Summary() + "."
}
