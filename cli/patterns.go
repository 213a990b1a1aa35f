package cli

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	analysis "github.com/throughline/throughline/patterns"
)

// patternsReportJSON is the shape of `throughline patterns --json`.
type patternsReportJSON struct {
	From     *string            `json:"from"` // null for all time
	To       *string            `json:"to"`
	Entries  int                `json:"entries"`
	Patterns []patternCountJSON `json:"patterns"`
	Pairs    []patternPairJSON  `json:"pairs"`
}

type patternCountJSON struct {
	Name     string  `json:"name"`
	Category string  `json:"category"`
	Count    int     `json:"count"`
	Share    float64 `json:"share"`
	Previous *int    `json:"previous"` // null when there is no window before to compare with
	Delta    *int    `json:"delta"`
}

type patternPairJSON struct {
	A       string   `json:"a"`
	B       string   `json:"b"`
	Count   int      `json:"count"`  // entries naming both
	Either  int      `json:"either"` // entries naming one or both
	Lift    *float64 `json:"lift"`   // null below patterns.MinLiftEntries shared entries
	Reading string   `json:"reading"`
}

// periodDays are the --period values and their lengths; 0 is all time.
var periodDays = map[string]int{"7d": 7, "30d": 30, "90d": 90, "all": 0}

// periodSinceSession is the --period from the last session logged to the
// end of today. Its window needs the journal, so reportWindow only
// recognises it and runPatterns works it out once the journal is open.
const periodSinceSession = "since-session"

func runPatterns(c *cli, args []string) error {
	fs := c.flags("patterns")
	period := fs.String("period", "30d", "7d, 30d, 90d, all or since-session")
	from := fs.String("from", "", "first day, like 2026-12-05, 5 Dec or last mon")
	to := fs.String("to", "", "last day (included), like 2026-12-05, yesterday or today")
	asJSON := fs.Bool("json", false, "print JSON")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("patterns: unexpected %q. Pick days with --period, or --from and --to.", rest[0])
	}
	now := time.Now()
	w, sinceSession, err := reportWindow(*period, *from, *to, now)
	if err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		span := ""
		if sinceSession {
			if w, span, err = sinceLastSession(store, now); err != nil {
				return err
			}
		}
		taggings, err := store.Taggings(time.Time{}, time.Time{})
		if err != nil {
			return err
		}
		vocabulary, err := store.Patterns()
		if err != nil {
			return err
		}
		category := map[string]string{}
		for _, p := range vocabulary {
			category[p.Name] = p.Category
		}
		s := analysis.Summarise(taggings, w)
		if *asJSON {
			return writeJSON(c.stdout, reportJSON(s, category))
		}
		printReport(c.stdout, s, category, span)
		return nil
	})
}

// reportWindow reads --period, or --from and --to, into a window. For
// --period since-session it returns sinceSession and no window: the
// caller finds the last session in the journal.
func reportWindow(period, from, to string, now time.Time) (w analysis.Window, sinceSession bool, err error) {
	if from != "" || to != "" {
		if from == "" || to == "" {
			return analysis.Window{}, false, usagef("patterns: give both --from and --to, like --from 2026-10-01 --to 2026-10-31.")
		}
		w, err := analysis.ParseDays(from, to, time.Now())
		return w, false, err
	}
	if period == periodSinceSession {
		return analysis.Window{}, true, nil
	}
	days, ok := periodDays[period]
	if !ok {
		return analysis.Window{}, false, journal.Errorf(journal.EInvalid, "--period %q is not a period. Use 7d, 30d, 90d, all or since-session, or --from and --to.", period)
	}
	if days == 0 {
		return analysis.Window{}, false, nil
	}
	return analysis.LastDays(days, now), false, nil
}

// sinceLastSession is the window of --period since-session, and the
// words for the days it covers.
func sinceLastSession(store *jstore.Store, now time.Time) (analysis.Window, string, error) {
	last, ok, err := store.LastSession(now)
	if err != nil {
		return analysis.Window{}, "", err
	}
	if !ok {
		return analysis.Window{}, "", journal.Errorf(journal.ENotFound, "No session logged yet: log one with `throughline session add`, or use --period 30d.")
	}
	return analysis.SinceSession(last.At, now), "since your session on " + last.At.Format("Mon 2 Jan 2006, 15:04"), nil
}

func reportJSON(s analysis.Summary, category map[string]string) patternsReportJSON {
	out := patternsReportJSON{Entries: s.Entries, Patterns: []patternCountJSON{}, Pairs: []patternPairJSON{}}
	if !s.Window.From.IsZero() {
		from, to := s.Window.From.Format(time.DateOnly), s.Window.To.AddDate(0, 0, -1).Format(time.DateOnly)
		out.From, out.To = &from, &to
	}
	for _, t := range s.Trends {
		p := patternCountJSON{Name: t.Name, Category: category[t.Name], Count: t.Count, Share: float64(t.Count) / float64(s.Entries)}
		if s.Compared {
			previous, delta := t.Previous, t.Delta
			p.Previous, p.Delta = &previous, &delta
		}
		out.Patterns = append(out.Patterns, p)
	}
	for _, p := range s.Pairs {
		pair := patternPairJSON{A: p.A, B: p.B, Count: p.Count, Either: p.Either(), Reading: p.Reading().String()}
		if p.Reading() != analysis.TooFew {
			lift := p.Lift
			pair.Lift = &lift
		}
		out.Pairs = append(out.Pairs, pair)
	}
	return out
}

// windowWords says which days a window covers.
func windowWords(w analysis.Window) string {
	if w.From.IsZero() {
		return "from all time"
	}
	return "from " + w.From.Format("2 Jan 2006") + " to " + w.To.AddDate(0, 0, -1).Format("2 Jan 2006")
}

// printReport writes the report as text; span says which days it covers,
// "" for the window's own dates.
func printReport(w io.Writer, s analysis.Summary, category map[string]string, span string) {
	// A line a pattern was a system call each; one at the end is enough.
	out := bufio.NewWriterSize(w, 64<<10)
	defer out.Flush()
	if span == "" {
		span = windowWords(s.Window)
	}
	fmt.Fprintf(out, "%s %s.\n", count(s.Entries, "entry", "entries"), span)
	if len(s.Trends) == 0 {
		fmt.Fprintln(out, "No patterns named in these days.")
		return
	}
	if !s.Compared {
		fmt.Fprintln(out, analysis.NoComparison(s.Window))
	}
	fmt.Fprintln(out)
	for _, t := range s.Trends {
		change := ""
		if s.Compared {
			change = fmt.Sprintf("  %+d against the %s before", t.Delta, s.Window.Length())
		}
		fmt.Fprintf(out, "%5d  %4.0f%%  %-40s %-12s%s\n", t.Count, 100*float64(t.Count)/float64(s.Entries), t.Name, category[t.Name], change)
	}
	if len(s.Pairs) > 0 {
		fmt.Fprintln(out, "\nTogether:")
		for _, p := range s.Pairs[:min(len(s.Pairs), 10)] {
			fmt.Fprintf(out, "%5d  %s + %s: %s.\n", p.Count, p.A, p.B, p.Text())
		}
	}
}
