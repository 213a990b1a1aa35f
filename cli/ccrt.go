package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	analysis "github.com/throughline/throughline/patterns"
)

// ccrtJSONReport is the shape of `throughline ccrt --json`.
type ccrtJSONReport struct {
	From   *string `json:"from"` // null for all time
	To     *string `json:"to"`
	Person *string `json:"person"` // null for everyone
	ccrtCountsJSON
	FirstThird ccrtCountsJSON `json:"first_third"`
	LastThird  ccrtCountsJSON `json:"last_third"`
}

type ccrtCountsJSON struct {
	Episodes int                      `json:"episodes"`
	Wish     []analysis.CategoryCount `json:"wish"` // most frequent first
	Other    []analysis.CategoryCount `json:"other"`
	Self     []analysis.CategoryCount `json:"self"`
}

func toCCRTCountsJSON(c analysis.CCRTCounts) ccrtCountsJSON {
	list := func(cc []analysis.CategoryCount) []analysis.CategoryCount {
		return append([]analysis.CategoryCount{}, cc...)
	}
	return ccrtCountsJSON{Episodes: c.Episodes, Wish: list(c.Wish), Other: list(c.Other), Self: list(c.Self)}
}

func runCCRT(c *cli, args []string) error {
	fs := c.flags("ccrt")
	period := fs.String("period", "all", "7d, 30d, 90d, all or since-session")
	from := fs.String("from", "", "first day, like 2026-12-05, 5 Dec or last mon")
	to := fs.String("to", "", "last day (included), like 2026-12-05, yesterday or today")
	person := fs.String("person", "", "only the episodes with this person")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := positionals(fs, args, 0, ""); err != nil {
		return err
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
		} else {
			span = windowWords(w)
		}
		episodes, err := store.Episodes()
		if err != nil {
			return err
		}
		s, who := analysis.SummariseCCRT(episodes, w), ""
		if *person != "" {
			p, err := store.PersonNamed(*person)
			if err != nil {
				return err
			}
			s, who = analysis.CCRTFor(episodes, p.Name, w), p.Name
		}
		if *asJSON {
			out := ccrtJSONReport{ccrtCountsJSON: toCCRTCountsJSON(s.CCRTCounts), FirstThird: toCCRTCountsJSON(s.First), LastThird: toCCRTCountsJSON(s.Last)}
			if !w.From.IsZero() {
				from, to := w.From.Format(time.DateOnly), w.To.AddDate(0, 0, -1).Format(time.DateOnly)
				out.From, out.To = &from, &to
			}
			if who != "" {
				out.Person = &who
			}
			return writeJSON(c.stdout, out)
		}
		if who != "" {
			span += " with " + who
		}
		printCCRT(c.stdout, s, span)
		return nil
	})
}

// printCCRT writes the summary as text: each component's categories,
// most frequent first, and how the most frequent moved.
func printCCRT(w io.Writer, s analysis.CCRTSummary, span string) {
	fmt.Fprintf(w, "%s %s.\n", count(s.Episodes, "episode", "episodes"), span)
	if s.Episodes == 0 {
		fmt.Fprintln(w, "Add one with: throughline episode add ENTRY_ID --person NAME --wish \"to be close\"")
		return
	}
	for _, comp := range journal.Components {
		fmt.Fprintf(w, "\n%s:\n", comp.Label())
		counts := s.Of(comp)
		if len(counts) == 0 {
			fmt.Fprintln(w, "  none named yet")
			continue
		}
		for _, cc := range counts {
			fmt.Fprintf(w, "%5d  %s\n", cc.Count, cc.Category)
		}
		if shift := s.Shift(comp); shift != "" {
			fmt.Fprintf(w, "  Most frequent: %s.\n", shift)
		}
	}
}
