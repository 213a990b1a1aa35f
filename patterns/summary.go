package patterns

import (
	"fmt"
	"time"

	"github.com/throughline/throughline/journal"
)

// MinPairEntries is how many entries two patterns must share before the
// pair is listed at all: one shared entry says nothing about a pattern of
// two. How the pair is worded is Pair.Text's, with MinLiftEntries.
const MinPairEntries = 2

// Summary is what the pattern view and `throughline patterns` show for
// a window: how many entries, each pattern's count against the window
// before, and the pairs that come up together.
type Summary struct {
	Window   Window
	Entries  int
	Compared bool    // the window before holds entries to compare with: see Comparable
	Trends   []Trend // patterns named in the window, most frequent first
	Pairs    []Pair  // pairs named together in at least MinPairEntries entries, ranked by Rank
}

// Summarise analyses the entries in w, out of all (oldest first).
func Summarise(all []journal.Tagging, w Window) Summary {
	current := Within(all, w)
	previous := Within(all, w.Previous())
	s := Summary{Window: w, Entries: len(current), Compared: Comparable(w, len(previous))}
	if !s.Compared {
		previous = nil
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

// Comparable reports whether counts in w can be set against those of the
// window before it, which holds previous entries. All time has no window
// before; one with no entries in it is no "before" either: against it,
// every count would show as a rise, however long the person has been
// writing.
func Comparable(w Window, previous int) bool {
	return !w.Previous().Empty() && previous > 0
}

// NoComparison says why counts in w are not compared with the window
// before, for when Comparable is false.
func NoComparison(w Window) string {
	if w.Previous().Empty() {
		return "There is no earlier period of the same length to compare with."
	}
	return fmt.Sprintf("There are no entries in the %s before to compare with.", w.Length())
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
func ParseDays(from, to string, now time.Time) (Window, error) {
	f, err := journal.ParseWhen(from, now)
	if err != nil {
		return Window{}, err
	}
	t, err := journal.ParseWhen(to, now)
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
