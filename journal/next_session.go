package journal

import "time"

// SettingNextSessionRepeat says whether the next session repeats: one of
// NextSessionRepeats' keys, "" when it doesn't.
const SettingNextSessionRepeat = "next_session_repeat"

// NextSessionRepeats are the periods a next session can repeat by, in days.
var NextSessionRepeats = map[string]int{"weekly": 7, "fortnightly": 14}

// NextSession is the next session as kept (RFC 3339) and how it repeats,
// seen at now: once a repeating date has passed, the next is that date plus
// the period, as often as needed, at the same time on the clock (so a
// session at 18:00 stays at 18:00 across a change to summer time). Zero
// when none is kept or it can't be read; a passed date that doesn't repeat
// stays as it was, for the screen to say it has passed.
func NextSession(stored, repeat string, now time.Time) time.Time {
	t, err := time.Parse(time.RFC3339, stored)
	if err != nil {
		return time.Time{}
	}
	days := NextSessionRepeats[repeat]
	if days == 0 || !t.Before(now) {
		return t
	}
	t = t.In(now.Location())
	periods := int(now.Sub(t).Hours()/24) / days // skip whole periods at once, for a date long past
	t = t.AddDate(0, 0, periods*days)
	for t.Before(now) {
		t = t.AddDate(0, 0, days)
	}
	return t
}
