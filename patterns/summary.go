package patterns

import (
	"time"

	"github.com/throughline/throughline/journal"
)

// MinPairEntries is how many entries two patterns must share before the
// pair is shown: one shared entry says nothing about a pattern of two.
const MinPairEntries = 2

// Summary is what the pattern view and `throughline patterns` show for
// a window: how many entries, each pattern's count against the window
// before, and the pairs that come up together.
type Summary struct {
	Window   Window
	Entries  int
	Compared bool    // there is a window before to compare with
	Trends   []Trend // patterns named in the window, most frequent first
	Pairs    []Pair  // pairs named together in at least MinPairEntries entries
}

// Summarise analyses the entries in w, out of all (oldest first).
func Summarise(all []journal.Tagging, w Window) Summary {
	current := Within(all, w)
	s := Summary{Window: w, Entries: len(current), Compared: !w.Previous().Empty()}
	var previous []journal.Tagging
	if s.Compared {
		previous = Within(all, w.Previous())
	}
	for _, t := range Trends(current, previous) {
		if t.Count > 0 {
			s.Trends = append(s.Trends, t)
		}
	}
	for _, p := range CoOccurrences(current) {
		if p.Count >= MinPairEntries {
			s.Pairs = append(s.Pairs, p)
		}
	}
	return s
}

// LastDays is the window of the n whole days that end with now's day.
func LastDays(n int, now time.Time) Window {
	tomorrow := startOfDay(now).AddDate(0, 0, 1)
	return Window{From: tomorrow.AddDate(0, 0, -n), To: tomorrow}
}

// SinceSession is the window from a session's start to the end of
// now's day: what has happened since the person last saw their
// therapist. Previous gives the same length before the session.
func SinceSession(session, now time.Time) Window {
	return Window{From: session, To: startOfDay(now).AddDate(0, 0, 1)}
}

// ParseDays reads a range of days typed by a person, both included.
func ParseDays(from, to string, loc *time.Location) (Window, error) {
	f, err := journal.ParseDay(from, loc)
	if err != nil {
		return Window{}, err
	}
	t, err := journal.ParseDay(to, loc)
	if err != nil {
		return Window{}, err
	}
	if t.Before(f) {
		return Window{}, journal.Errorf(journal.EInvalid, "The first day (%s) is after the last (%s). Swap them.", from, to)
	}
	return Days(f, t), nil
}

// Days is the window from the start of from's day to the end of to's.
func Days(from, to time.Time) Window {
	return Window{From: startOfDay(from), To: startOfDay(to).AddDate(0, 0, 1)}
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
