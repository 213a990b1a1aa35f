package journal

import (
	"strings"
	"time"
)

// DateTimeLayout is how dates and times are written for people and read back.
const DateTimeLayout = "2006-01-02 15:04"

var writtenAtLayouts = []string{DateTimeLayout, "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02"}

// ParseWrittenAt reads a date typed by a person, in loc, or an RFC 3339
// time with its own offset.
func ParseWrittenAt(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range writtenAtLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, Errorf(EInvalid, "%q is not a date and time I can read. Write it like 2026-11-25 18:30 (year-month-day hours:minutes).", s)
}

// ParseDay reads a day bound for filters: a date, or a date and time.
func ParseDay(s string, loc *time.Location) (time.Time, error) {
	t, err := ParseWrittenAt(s, loc)
	if err != nil {
		return time.Time{}, Errorf(EInvalid, "%q is not a date I can read. Write it like 2026-11-25.", strings.TrimSpace(s))
	}
	return t, nil
}
