package transfer

import (
	"fmt"
	"strings"
)

// Lines puts the summary in words for a person, a line each, as the
// command line and the window both show it:
//
//	Imported 120 entries from jrnl.
//	Skipped 3 already in the journal.
//	Left out 2 that couldn't be read:
//	  line 14: it has no date
//
// At most listed left-out items are named; more says what to do about
// the rest (the command line and the window say it differently).
func (sum Summary) Lines(listed int, more func(n int) string) []string {
	lines := []string{fmt.Sprintf("Imported %s from %s.", importedCount(sum.Added), FormatLabel(sum.Format))}
	if sum.Skipped > 0 {
		lines = append(lines, fmt.Sprintf("Skipped %d already in the journal.", sum.Skipped))
	}
	if n := len(sum.Rejected); n > 0 {
		lines = append(lines, fmt.Sprintf("Left out %d that couldn't be read:", n))
		for _, r := range sum.Rejected[:min(n, listed)] {
			lines = append(lines, "  "+r.String())
		}
		if n > listed {
			lines = append(lines, "  "+more(n-listed))
		}
	}
	for _, note := range sum.Notes {
		lines = append(lines, strings.TrimSpace(note))
	}
	if note := sum.TagNote(); note != "" {
		lines = append(lines, note)
	}
	return lines
}

func importedCount(n int) string {
	switch n {
	case 0:
		return "no entries"
	case 1:
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}
