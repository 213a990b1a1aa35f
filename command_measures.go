package main

import (
	"fmt"
	"time"

	"github.com/throughline/throughline/journal"
)

// measureJSON is what `throughline measure --json` prints.
type measureJSON struct {
	Instrument string `json:"instrument"`
	Score      int    `json:"score"`
	Band       string `json:"band"`
	Safety     bool   `json:"safety"`
	Stored     bool   `json:"stored"`
}

func runMeasure(c *cli, args []string) error {
	fs := c.flags("measure")
	answers := fs.String("answers", "", "one answer per question, 0 to 3, like 0,1,2,...")
	asJSON := fs.Bool("json", false, "print JSON")
	dryRun := fs.Bool("dry-run", false, "score without storing")
	at := fs.String("at", "", "when it was filled in, YYYY-MM-DD HH:MM (default now)")
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
	when := time.Now()
	if *at != "" {
		if when, err = journal.ParseWrittenAt(*at, time.Local); err != nil {
			return err
		}
	}
	// Scored before the journal is opened: wrong answers store nothing
	// and create no journal.
	result, err := in.Score(parsed)
	if err != nil {
		return err
	}
	crisis := ""
	if !*dryRun {
		store, err := c.open(true)
		if err != nil {
			return err
		}
		defer store.Close()
		if _, err := store.SaveMeasurement(in, parsed, when); err != nil {
			return err
		}
		crisis, _ = store.Setting(journal.SettingCrisisLine)
	}
	if result.Safety {
		// On stderr, so --json output stays JSON, but always shown: a
		// person typing this answer should read it.
		fmt.Fprintf(c.stderr, "%s\n\n", journal.SafetyMessage(crisis))
	}
	if *asJSON {
		return writeJSON(c.stdout, measureJSON{Instrument: in.Name, Score: result.Score, Band: result.Band, Safety: result.Safety, Stored: !*dryRun})
	}
	fmt.Fprintf(c.stdout, "%s: %d, %s.\n%s\n", in.Name, result.Score, result.Band, journal.ScreeningNotice)
	return nil
}
