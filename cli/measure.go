package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// measureJSON is what `throughline measure --json` prints.
type measureJSON struct {
	Instrument string `json:"instrument"`
	Score      int    `json:"score"`
	Band       string `json:"band"`
	Safety     bool   `json:"safety"`
	Difficulty string `json:"difficulty,omitempty"` // the last, unscored question's answer, when given
	Stored     bool   `json:"stored"`
}

func runMeasure(c *cli, args []string) error {
	fs := c.flags("measure")
	answers := fs.String("answers", "", "one answer per question, 0 to 3, like 0,1,2,...")
	hard := fs.String("difficulty", "", "the last question, how difficult the problems have made things: 0 (not difficult at all) to 3 (extremely difficult)")
	asJSON := fs.Bool("json", false, "print JSON")
	dryRun := fs.Bool("dry-run", false, "score without storing")
	at := fs.String("at", "", "when it was filled in, like 2026-12-05 21:00, yesterday 21:00 or next thu 17:00 (default now)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("measure needs a questionnaire, phq9 or gad7, like `throughline measure phq9 --answers 0,1,0,2,1,0,0,1,0`.")
	}
	in, err := journal.InstrumentByID(rest[0])
	if err != nil {
		return err
	}
	parsed, err := journal.ParseAnswers(*answers)
	if err != nil {
		return err
	}
	difficulty, err := journal.ParseDifficulty(*hard)
	if err != nil {
		return err
	}
	when := time.Now()
	if *at != "" {
		if when, err = journal.ParseWhen(*at, time.Now()); err != nil {
			return err
		}
	}
	// Scored before the journal is opened: wrong answers store nothing
	// and create no journal.
	result, err := in.Score(parsed)
	if err != nil {
		return err
	}
	var crisis string
	if *dryRun {
		if result.Safety {
			crisis = c.crisisTextReadOnly()
		}
	} else {
		store, err := c.open(true)
		if err != nil {
			return err
		}
		defer store.Close()
		if _, err := store.SaveMeasurement(in, parsed, difficulty, when); err != nil {
			return err
		}
		crisis, _ = journal.ConfiguredCrisisText(store)
	}
	if result.Safety {
		// On stderr, so --json output stays JSON, but always shown: a
		// person typing this answer should read it.
		fmt.Fprintf(c.stderr, "%s\n\n", journal.SafetyMessage(crisis))
	}
	if *asJSON {
		return writeJSON(c.stdout, measureJSON{Instrument: in.Name, Score: result.Score, Band: result.Band, Safety: result.Safety,
			Difficulty: difficulty.String(), Stored: !*dryRun})
	}
	if note := in.SafetyNote(result); note != "" {
		fmt.Fprintln(c.stdout, note)
	}
	fmt.Fprintf(c.stdout, "%s: %d, %s.\n", in.Name, result.Score, result.Band)
	if difficulty.Answered() {
		fmt.Fprintf(c.stdout, "How difficult these problems have made things: %s.\n", difficulty)
	}
	fmt.Fprintln(c.stdout, journal.ScreeningNotice)
	return nil
}

// crisisTextReadOnly is the crisis text chosen in the journal, for a
// command that stores nothing: it creates no journal, asks for no
// passphrase (the choice is not encrypted), and gives every place's
// lines when the journal can't be read.
func (c *cli) crisisTextReadOnly() string {
	path, err := c.journalPath()
	if err != nil {
		return journal.CrisisDefault
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return journal.CrisisDefault
	}
	store, err := jstore.Open(path)
	if err != nil {
		return journal.CrisisDefault
	}
	defer store.Close()
	text, _ := journal.ConfiguredCrisisText(store)
	return text
}
