package journal

import (
	"strconv"
	"strings"
	"time"
)

// DateTimeLayout is how dates and times are written for people and read back.
const DateTimeLayout = "2006-01-02 15:04"

// DateLayout is how a day alone is written for people and read back.
const DateLayout = "2006-01-02"

var writtenAtLayouts = []string{DateTimeLayout, "2006-01-02T15:04", "2006-01-02 15:04:05", DateLayout}

// WhenForms lists the forms ParseWhen reads, for hints beside date fields.
const WhenForms = "2026-12-05 21:00, 5 Dec, Dec 5 2026 9:30, today, yesterday 21:00, next thu 17:00 or 9pm"

// ParseWrittenAt reads a date in the strict form files carry (import,
// fixtures), in loc, or an RFC 3339 time with its own offset. What people
// type goes through ParseWhen instead.
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

// ParseWhen reads a date, and maybe a time, typed by a person, relative
// to now and in now's location. A day alone is its midnight.
func ParseWhen(s string, now time.Time) (time.Time, error) {
	w, err := ReadWhen(s, now)
	return w.At, err
}

// When is a moment a person typed; Timed is false when they gave only a
// day, so a range's end can run to the end of that day.
type When struct {
	At    time.Time
	Timed bool
}

// ReadWhen is ParseWhen that also says whether a time was given.
//
// Rules for what is ambiguous: a day and month without a year is the one
// nearest to now (so "5 Jan" typed in December is next month); a weekday
// alone is today or the coming one, "next thu" is strictly after today,
// "last thu" strictly before; a time alone is today. A wall-clock time the
// clocks skip is refused; one they repeat is its first (summer time) instance.
func ReadWhen(s string, now time.Time) (When, error) {
	typed := strings.TrimSpace(s)
	if typed == "" {
		return When{}, Errorf(EInvalid, "The date is empty. Write one like %s.", WhenForms)
	}
	if t, err := time.Parse(time.RFC3339, typed); err == nil {
		return When{At: t, Timed: true}, nil
	}
	loc := now.Location()
	for _, layout := range writtenAtLayouts {
		// Read the wall clock in UTC, which has no gaps, so a time the
		// clocks skip in loc is caught rather than shifted.
		if t, err := time.Parse(layout, typed); err == nil {
			return wallClock(typed, t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), layout != DateLayout, loc)
		}
	}
	words := strings.Fields(strings.ToLower(strings.ReplaceAll(typed, ",", " ")))
	hour, minute, timed, words, ok := trailingTime(words)
	if !ok {
		return When{}, notAWhen(typed)
	}
	y, m, d, ok := dayOf(words, now)
	if !ok {
		return When{}, notAWhen(typed)
	}
	return wallClock(typed, y, m, d, hour, minute, 0, timed, loc)
}

func notAWhen(typed string) error {
	return Errorf(EInvalid, "%q is not a date I can read. Write it like %s.", typed, WhenForms)
}

// wallClock builds the time, refusing one the clocks skip that day and
// taking the first of two when the clocks go back.
func wallClock(typed string, y int, m time.Month, d, hour, minute, sec int, timed bool, loc *time.Location) (When, error) {
	t := time.Date(y, m, d, hour, minute, sec, 0, loc)
	if t.Day() != d || t.Hour() != hour || t.Minute() != minute {
		if t.Month() != m || t.Day() != d && t.Hour() == hour {
			return When{}, Errorf(EInvalid, "%q is not a day in the calendar. Check the day and month.", typed)
		}
		return When{}, Errorf(EInvalid, "%02d:%02d doesn't happen on %s in %s: the clocks go forward then. Pick a time an hour later.",
			hour, minute, time.Date(y, m, d, 12, 0, 0, 0, loc).Format("2 Jan 2006"), loc)
	}
	for _, back := range []time.Duration{2 * time.Hour, time.Hour, 30 * time.Minute} {
		if e := t.Add(-back); e.Hour() == hour && e.Minute() == minute && e.Day() == d {
			t = e
			break
		}
	}
	return When{At: t, Timed: timed}, nil
}

// trailingTime takes a time of day off the end of words: 21:00, 9:30,
// 9pm, 9:30pm or "9 pm". No time reads as midnight, untimed.
func trailingTime(words []string) (hour, minute int, timed bool, rest []string, ok bool) {
	if len(words) == 0 {
		return 0, 0, false, words, true
	}
	last := words[len(words)-1]
	rest = words[:len(words)-1]
	if (last == "am" || last == "pm") && len(rest) > 0 {
		last = rest[len(rest)-1] + last
		rest = rest[:len(rest)-1]
	}
	suffix := ""
	if strings.HasSuffix(last, "am") || strings.HasSuffix(last, "pm") {
		suffix, last = last[len(last)-2:], last[:len(last)-2]
	}
	if last == "" || last[0] < '0' || last[0] > '9' {
		return 0, 0, false, words, true
	}
	h, mm, hasColon := strings.Cut(strings.ReplaceAll(last, ".", ":"), ":")
	if !hasColon && suffix == "" {
		return 0, 0, false, words, true
	}
	hour, err1 := strconv.Atoi(h)
	if !hasColon {
		mm = "0"
	} else if len(mm) != 2 {
		return 0, 0, false, nil, false
	}
	minute, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || minute < 0 || minute > 59 || hour < 0 {
		return 0, 0, false, nil, false
	}
	switch {
	case suffix == "" && hour > 23, suffix != "" && (hour < 1 || hour > 12):
		return 0, 0, false, nil, false
	case suffix == "am" && hour == 12:
		hour = 0
	case suffix == "pm" && hour < 12:
		hour += 12
	}
	return hour, minute, true, rest, true
}

// dayOf reads the day part: nothing (today), today, yesterday, tomorrow,
// a weekday with next/last, or a day and month with an optional year.
func dayOf(words []string, now time.Time) (int, time.Month, int, bool) {
	today := time.Date(now.Year(), now.Month(), now.Day(), 12, 0, 0, 0, now.Location())
	pick := func(t time.Time) (int, time.Month, int, bool) { return t.Year(), t.Month(), t.Day(), true }
	switch len(words) {
	case 0:
		return pick(today)
	case 1:
		switch words[0] {
		case "today", "now":
			return pick(today)
		case "yesterday":
			return pick(today.AddDate(0, 0, -1))
		case "tomorrow":
			return pick(today.AddDate(0, 0, 1))
		}
	}
	if wd, ok := weekday(words[len(words)-1]); ok && len(words) <= 2 {
		ahead := (int(wd) - int(today.Weekday()) + 7) % 7
		if len(words) == 2 {
			switch words[0] {
			case "next", "this":
				if ahead == 0 && words[0] == "next" {
					ahead = 7
				}
			case "last":
				ahead -= 7
			default:
				return 0, 0, 0, false
			}
		}
		return pick(today.AddDate(0, 0, ahead))
	}
	return dayMonthYear(words, today)
}

// dayMonthYear reads "5 dec", "dec 5", "5th december 2026", "dec 5 2026".
func dayMonthYear(words []string, today time.Time) (int, time.Month, int, bool) {
	if len(words) < 2 || len(words) > 3 {
		return 0, 0, 0, false
	}
	month, ok := monthNamed(words[0])
	dayWord := words[1]
	if !ok {
		if month, ok = monthNamed(words[1]); !ok {
			return 0, 0, 0, false
		}
		dayWord = words[0]
	}
	day, err := strconv.Atoi(strings.TrimRight(dayWord, "stndrh"))
	if err != nil || day < 1 || day > 31 {
		return 0, 0, 0, false
	}
	if len(words) == 3 {
		year, err := strconv.Atoi(words[2])
		if err != nil || year < 1000 || year > 9999 {
			return 0, 0, 0, false
		}
		return year, month, day, true
	}
	best, found := time.Time{}, false
	for y := today.Year() - 1; y <= today.Year()+1; y++ {
		t := time.Date(y, month, day, 12, 0, 0, 0, today.Location())
		if t.Day() != day {
			continue // 29 Feb in a year without one
		}
		if !found || absDuration(t.Sub(today)) < absDuration(best.Sub(today)) {
			best, found = t, true
		}
	}
	if !found {
		// Let wallClock explain that the day is not in the calendar.
		return today.Year(), month, day, true
	}
	return best.Year(), best.Month(), best.Day(), true
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func weekday(w string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if len(w) >= 3 && strings.HasPrefix(name, w) {
			return d, true
		}
	}
	return 0, false
}

func monthNamed(w string) (time.Month, bool) {
	w = strings.TrimSuffix(w, ".")
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if len(w) >= 3 && strings.HasPrefix(name, w) || w == "sept" && m == time.September {
			return m, true
		}
	}
	return 0, false
}

// EndOf is the exclusive end of a range whose last bound a person typed:
// the next day for a day alone, the next minute for a time.
func (w When) EndOf() time.Time {
	if !w.Timed {
		return w.At.AddDate(0, 0, 1)
	}
	return w.At.Add(time.Minute)
}
