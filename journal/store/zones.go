package store

import (
	"sync"
	"time"
)

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
