package patterns

import (
	"time"

	"github.com/throughline/throughline/journal"
)

// Date is a day on the calendar, with no time and no zone: the day an
// entry was written, as the clock where it was written showed it. An
// entry written at 23:30 in Tokyo belongs to that day in Tokyo, wherever
// the journal is read later.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf is the date t shows in its own zone.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Midnight is the start of the date in loc.
func (d Date) Midnight(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays is the date n days later (earlier when n is negative). UTC has
// no daylight saving, so every day in it is 24 hours long.
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// AddMonths is the first of the month n months later.
func (d Date) AddMonths(n int) Date {
	return DateOf(time.Date(d.Year, d.Month+time.Month(n), 1, 12, 0, 0, 0, time.UTC))
}

// Weekday is the day of the week the date falls on.
func (d Date) Weekday() time.Weekday { return d.Midnight(time.UTC).Weekday() }

// Exists reports whether the date is on the calendar: 30 February and
// 29 February in a common year are not.
func (d Date) Exists() bool { return d.Day >= 1 && d.Day <= DaysIn(d.Year, d.Month) }

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// DaysIn is how many days month has in year.
func DaysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// MondayOnOrBefore is the Monday that starts d's week.
func MondayOnOrBefore(d Date) Date {
	back := (int(d.Weekday()) + 6) % 7 // Monday 0 ... Sunday 6
	return d.AddDays(-back)
}

// Clocks run from 12 hours behind UTC to 14 hours ahead.
const (
	zoneBehind = 12 * time.Hour
	zoneAhead  = 14 * time.Hour
)

// Instants is the span of instants [from, before) in which an entry
// written on a date from first to last can lie, whatever zone it was
// written in. The store selects by instant; read this span, then keep
// the entries whose DateOf falls in the dates wanted.
func Instants(first, last Date) (from, before time.Time) {
	return first.Midnight(time.UTC).Add(-zoneAhead), last.AddDays(1).Midnight(time.UTC).Add(zoneBehind)
}

// DayStats is what was written on one date.
type DayStats struct {
	Date     Date
	Entries  int     // every entry that day, rated or not
	CheckIns int     // the moods noted that day without an entry
	Rated    int     // the entries with a mood, and the check-ins
	Mean     float64 // mean mood of the rated entries and check-ins; 0 when none
}

// ByDate counts the entries written on each date and their mean mood,
// with the moods of check-ins (taggings with a CheckInID). Dates with
// neither are absent.
func ByDate(taggings []journal.Tagging) map[Date]DayStats {
	days := map[Date]DayStats{}
	sums := map[Date]int{}
	for _, t := range taggings {
		d := DateOf(t.WrittenAt)
		s := days[d]
		s.Date = d
		if t.CheckInID != 0 {
			s.CheckIns++
		} else {
			s.Entries++
		}
		if t.Mood != 0 {
			s.Rated++
			sums[d] += t.Mood
		}
		days[d] = s
	}
	for d, s := range days {
		if s.Rated > 0 {
			s.Mean = float64(sums[d]) / float64(s.Rated)
			days[d] = s
		}
	}
	return days
}
