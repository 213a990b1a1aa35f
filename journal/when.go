package journal

import (
	"strings"
	"sync"
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

// zoneOf names a time's zone so it can be rebuilt later on a machine in
// another zone: the location name when it is a real one, else the
// abbreviation.
func zoneOf(t time.Time) (name string, offset int) {
	abbr, offset := t.Zone()
	if n := t.Location().String(); n != "Local" && n != "" {
		return n, offset
	}
	return abbr, offset
}

// zones caches loaded locations: time.LoadLocation reads the zone file
// from disk on every call, and a listing rebuilds thousands of times.
var zones sync.Map // zone name -> *time.Location, or nil when unknown

func location(name string) *time.Location {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" || name == "UTC" {
		loc = nil
	}
	zones.Store(name, loc)
	return loc
}

// inZone rebuilds a stored time with the offset it was written in.
func inZone(unix int64, name string, offset int) time.Time {
	t := time.Unix(unix, 0)
	if loc := location(name); loc != nil {
		if _, off := t.In(loc).Zone(); off == offset {
			return t.In(loc)
		}
	}
	return t.In(time.FixedZone(name, offset))
}
