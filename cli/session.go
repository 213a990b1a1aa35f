package cli

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

var sessionCommands = []subcommand{
	{"list", "[--json]", "list your therapy sessions, oldest first, with what you took away and the questions to bring", runSessionList},
	{"add", "[--at DATE] [--format F] [--approach A] [--new-course] [--takeaways T] [--question Q]...",
		"log a session; F is " + strings.Join(journal.SessionFormats, ", ") + " (individual when not given); A is " +
			strings.Join(journal.SessionApproaches, ", ") + " (psychodynamic when not given; dit for short); " +
			"--new-course makes an individual DIT session the first of a new course", runSessionAdd},
}

func runSession(c *cli, args []string) error { return c.runGroup("session", sessionCommands, args) }

// sessionJSON is the stable JSON shape of a session for scripts.
type sessionJSON struct {
	ID         int64          `json:"id"`
	At         string         `json:"at"` // RFC 3339, with the offset it was logged in
	Format     string         `json:"format"`
	Approach   string         `json:"approach"`
	DITSession int            `json:"dit_session"` // number within its DIT course; 0 for a session that is not counted
	NewCourse  bool           `json:"new_course"`  // the first session of a new DIT course
	Takeaways  string         `json:"takeaways"`
	Questions  []questionJSON `json:"questions"`
}

type questionJSON struct {
	Text string `json:"text"`
	Done bool   `json:"done"`
}

func runSessionList(c *cli, args []string) error {
	fs := c.flags("session list")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := positionals(fs, args, 0, ""); err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		sessions, err := store.Sessions()
		if err != nil {
			return err
		}
		positions := journal.DITPositions(sessions)
		if *asJSON {
			out := make([]sessionJSON, len(sessions))
			for i, s := range sessions {
				out[i] = sessionJSON{ID: s.ID, At: s.At.Format(time.RFC3339), Format: s.Format, Approach: s.Approach,
					DITSession: positions[i].Number, NewCourse: s.NewCourse, Takeaways: s.Takeaways, Questions: []questionJSON{}}
				for _, q := range s.Questions {
					out[i].Questions = append(out[i].Questions, questionJSON{Text: q.Text, Done: q.Done})
				}
			}
			return writeJSON(c.stdout, out)
		}
		if len(sessions) == 0 {
			fmt.Fprintln(c.stdout, "No sessions yet. Log one with: throughline session add --at \"yesterday 18:00\" --takeaways \"...\"")
			return nil
		}
		for i, s := range sessions {
			if i > 0 {
				fmt.Fprintln(c.stdout)
			}
			printSession(c.stdout, s, positions[i])
		}
		return nil
	})
}

// printSession writes one session: when, what kind, its place in a DIT
// course, what was taken away and the questions.
func printSession(w io.Writer, s journal.Session, dit journal.DITPosition) {
	fmt.Fprintf(w, "%4d  %s · %s · %s%s\n", s.ID, s.At.Format("Mon 2 Jan 2006, 15:04"), s.Format, s.Approach, ditNote(dit))
	if s.Takeaways != "" {
		fmt.Fprintf(w, "      Took away: %s\n", strings.ReplaceAll(s.Takeaways, "\n", "\n                 "))
	}
	if len(s.Questions) > 0 {
		fmt.Fprintln(w, "      To bring:")
		for _, q := range s.Questions {
			box := "[ ]"
			if q.Done {
				box = "[x]"
			}
			fmt.Fprintf(w, "        %s %s\n", box, q.Text)
		}
	}
}

// ditNote is " · " and where a session stands in its DIT course, in the
// journal's words, or "" for a session that is not counted.
func ditNote(p journal.DITPosition) string {
	if !p.Counted() {
		return ""
	}
	return " · " + p.Summary()
}

// checkSession tidies and checks a session's choices the way the journal
// will, so a mistyped one is refused before the journal is opened.
func checkSession(s *journal.Session) error {
	s.Format = strings.ToLower(strings.TrimSpace(s.Format))
	s.Approach = strings.ToLower(strings.TrimSpace(s.Approach))
	if s.Approach == "dit" {
		s.Approach = journal.ApproachDIT
	}
	if s.Format != "" && !slices.Contains(journal.SessionFormats, s.Format) {
		return journal.Errorf(journal.EInvalid, "%q is not a session format. Use one of: %s.", s.Format, strings.Join(journal.SessionFormats, ", "))
	}
	if s.Approach != "" && !slices.Contains(journal.SessionApproaches, s.Approach) {
		return journal.Errorf(journal.EInvalid, "%q is not an approach. Use one of: %s (or dit for short).", s.Approach, strings.Join(journal.SessionApproaches, ", "))
	}
	if s.NewCourse && !(journal.Session{Format: cmp.Or(s.Format, "individual"), Approach: s.Approach}).CountsInDITCourse() {
		return journal.Errorf(journal.EInvalid, "--new-course starts a new course of dynamic interpersonal therapy, which only an individual session can. "+
			"Add --approach dit, and leave out --format or give --format individual.")
	}
	return nil
}

func runSessionAdd(c *cli, args []string) error {
	fs := c.flags("session add")
	at := fs.String("at", "", "when it was, like 2026-12-05 21:00, yesterday 21:00 or next thu 17:00; now when not given")
	format := fs.String("format", "", strings.Join(journal.SessionFormats, ", "))
	approach := fs.String("approach", "", strings.Join(journal.SessionApproaches, ", "))
	newCourse := fs.Bool("new-course", false, "this session is the first of a new course of dynamic interpersonal therapy")
	takeaways := fs.String("takeaways", "", "what you took away")
	var questions listFlag
	fs.Var(&questions, "question", "something to bring to the next session (repeat for more)")
	if _, err := positionals(fs, args, 0, ""); err != nil {
		return err
	}
	s := journal.Session{At: time.Now(), Format: *format, Approach: *approach, NewCourse: *newCourse, Takeaways: strings.TrimSpace(*takeaways)}
	if *at != "" {
		t, err := journal.ParseWhen(*at, time.Now())
		if err != nil {
			return err
		}
		s.At = t
	}
	for _, q := range questions.values {
		if q = strings.TrimSpace(q); q == "" {
			return journal.Errorf(journal.EInvalid, "A --question is blank. Write the question, like --question \"Why do Sundays feel heavy?\".")
		}
		s.Questions = append(s.Questions, journal.Question{Text: q})
	}
	if err := checkSession(&s); err != nil {
		return err
	}
	return c.withJournal(true, func(store *jstore.Store) error {
		saved, err := store.SaveSession(s)
		if err != nil {
			return err
		}
		sessions, err := store.Sessions()
		if err != nil {
			return err
		}
		var dit journal.DITPosition
		if i := slices.IndexFunc(sessions, func(s journal.Session) bool { return s.ID == saved.ID }); i >= 0 {
			dit = journal.DITPositions(sessions)[i]
		}
		fmt.Fprintf(c.stdout, "Saved session %d: %s · %s · %s%s.\n", saved.ID, saved.At.Format("Mon 2 Jan 2006, 15:04"), saved.Format, saved.Approach, ditNote(dit))
		return nil
	})
}
