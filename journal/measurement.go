package journal

import (
	"strconv"
	"strings"
	"time"
)

// Measurement is a questionnaire answered on a day, as scored then.
type Measurement struct {
	ID int64
	At time.Time
	Result
	Difficulty Difficulty // the last, unscored question's answer
}

// FormatAnswers writes answers the way ParseAnswers reads them.
func FormatAnswers(answers []int) string {
	parts := make([]string, len(answers))
	for i, a := range answers {
		parts[i] = strconv.Itoa(a)
	}
	return strings.Join(parts, ",")
}
