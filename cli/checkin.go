package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// checkinJSON is the stable JSON shape of a mood check-in for scripts.
type checkinJSON struct {
	ID       int64    `json:"id"`
	At       string   `json:"at"` // RFC 3339, with the offset it was made in
	Mood     int      `json:"mood"`
	Emotions []string `json:"emotions"`
}

// runCheckin notes a mood without writing an entry, or lists the moods
// noted. Not `goal checkin`, which rates a goal.
func runCheckin(c *cli, args []string) error {
	if len(args) > 0 && args[0] == "list" {
		return runCheckinList(c, args[1:])
	}
	if len(args) > 0 && args[0] == "delete" {
		return runCheckinDelete(c, args[1:])
	}
	fs := c.flags("checkin")
	mood := fs.String("mood", "", "how you feel, 1 (very low) to 10 (very good)")
	at := fs.String("at", "", "when, YYYY-MM-DD HH:MM; now when not given")
	var emotions listFlag
	fs.Var(&emotions, "emotion", "a feeling from `throughline emotion list` (repeat for more)")
	if _, err := positionals(fs, args, 0, ""); err != nil {
		return err
	}
	if *mood == "" {
		return usagef("checkin needs a mood from 1 to 10, like `throughline checkin --mood 6 --emotion calm`.")
	}
	m, err := parseMood(*mood)
	if err != nil || m == 0 {
		return journal.Errorf(journal.EInvalid, "Mood %q is not a whole number from %d to %d. Use --mood 6, say.", *mood, journal.MinMood, journal.MaxMood)
	}
	checkIn := journal.MoodCheckIn{At: time.Now(), Mood: m, Emotions: emotions.values}
	if *at != "" {
		if checkIn.At, err = journal.ParseWhen(*at, time.Now()); err != nil {
			return err
		}
	}
	if err := checkIn.Validate(); err != nil { // before the journal is opened
		return err
	}
	return c.withJournal(true, func(store *jstore.Store) error {
		saved, err := store.AddMoodCheckIn(checkIn)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Checked in: mood %d/10%s on %s.\n", saved.Mood, feelingsNote(saved.Emotions), saved.At.Format("Mon 2 Jan 2006, 15:04"))
		return nil
	})
}

func runCheckinList(c *cli, args []string) error {
	fs := c.flags("checkin list")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := positionals(fs, args, 0, ""); err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		checkIns, err := store.MoodCheckIns(time.Time{}, time.Time{})
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]checkinJSON, len(checkIns))
			for i, ci := range checkIns {
				out[i] = checkinJSON{ID: ci.ID, At: ci.At.Format(time.RFC3339), Mood: ci.Mood, Emotions: append([]string{}, ci.Emotions...)}
			}
			return writeJSON(c.stdout, out)
		}
		if len(checkIns) == 0 {
			fmt.Fprintln(c.stdout, "No check-ins yet. Note how you feel with: throughline checkin --mood 6 --emotion calm")
			return nil
		}
		for _, ci := range checkIns {
			fmt.Fprintf(c.stdout, "%4d  %s · mood %d/10%s\n", ci.ID, ci.At.Format("Mon 2 Jan 2006, 15:04"), ci.Mood, feelingsNote(ci.Emotions))
		}
		return nil
	})
}

func runCheckinDelete(c *cli, args []string) error {
	fs := c.flags("checkin delete")
	rest, err := numberPositionals(fs, args, 1, "the number of a check-in, from `throughline checkin list`, like `throughline checkin delete 3`")
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil || id < 1 {
		return journal.Errorf(journal.EInvalid, "%q is not a check-in's number. `throughline checkin list` shows them.", rest[0])
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		if err := store.DeleteMoodCheckIn(id); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Deleted check-in %d.\n", id)
		return nil
	})
}

// feelingsNote is " · " and the feelings, or "" when none was noted.
func feelingsNote(emotions []string) string {
	if len(emotions) == 0 {
		return ""
	}
	return " · " + strings.Join(emotions, ", ")
}
