package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// entryFlags are the flags add and edit share. Each records whether it
// was given, so edit changes only what was asked.
type entryFlags struct {
	title, body, at, kind, mood optionalString
	patterns, emotions          listFlag
	flagged                     optionalBool
}

func (f *entryFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.title, "title", "title")
	fs.Var(&f.body, "body", "body (Markdown); read from stdin when not given")
	fs.Var(&f.at, "at", "when it was written, like 2026-12-05 21:00, yesterday 21:00 or next thu 17:00")
	fs.Var(&f.kind, "kind", "reflection, dream, free-association or after-session")
	fs.Var(&f.mood, "mood", "1 to 10, or none")
	fs.Var(&f.patterns, "pattern", "a pattern (repeat for more)")
	fs.Var(&f.emotions, "emotion", "an emotion (repeat for more)")
	fs.Var(&f.flagged, "flag", "bring to my next session")
}

// apply copies the given flags onto e.
func (f *entryFlags) apply(e *journal.Entry) error {
	if f.title.set {
		e.Title = f.title.value
	}
	if f.body.set {
		e.Body = f.body.value
	}
	if f.at.set {
		t, err := journal.ParseWhen(f.at.value, time.Now())
		if err != nil {
			return err
		}
		e.WrittenAt = t
	}
	if f.kind.set {
		k, err := journal.ParseKind(f.kind.value)
		if err != nil {
			return err
		}
		e.Kind = k
	}
	if f.mood.set {
		m, err := parseMood(f.mood.value)
		if err != nil {
			return err
		}
		e.Mood = m
	}
	if f.patterns.set {
		e.Patterns = f.patterns.values
	}
	if f.emotions.set {
		e.Emotions = f.emotions.values
	}
	if f.flagged.set {
		e.Flagged = f.flagged.value
	}
	return nil
}

func parseMood(s string) (int, error) {
	if s = strings.TrimSpace(s); strings.EqualFold(s, "none") {
		return 0, nil
	}
	m, err := strconv.Atoi(s)
	if err != nil || m < journal.MinMood || m > journal.MaxMood {
		return 0, journal.Errorf(journal.EInvalid, "Mood %q is not a whole number from %d to %d. Use --mood 7, say, or --mood none to clear it.", s, journal.MinMood, journal.MaxMood)
	}
	return m, nil
}

func runAdd(c *cli, args []string) error {
	var f entryFlags
	fs := c.flags("add")
	f.register(fs)
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("add: unexpected %q. Put text with spaces in quotes: --title \"A hard day\".", rest[0])
	}
	e := journal.Entry{WrittenAt: time.Now()}
	if err := f.apply(&e); err != nil {
		return err
	}
	if !f.body.set {
		body, err := readBody(c.stdin)
		if err != nil {
			return err
		}
		e.Body = body
	}
	// #tags in the text name patterns too; unknown ones become the
	// person's own, as an unknown --pattern does.
	e.Patterns = append(e.Patterns, journal.InlineTags(e.Body)...)
	if err := e.Validate(); err != nil {
		return err // before opening, so bad input never creates a journal
	}
	return c.withJournal(true, func(store *jstore.Store) error {
		saved, err := store.CreateEntry(e)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Saved entry %d.\n", saved.ID)
		return nil
	})
}

// readBody reads the body from stdin unless stdin is a terminal, where a
// person would otherwise sit at a silent prompt.
func readBody(r io.Reader) (string, error) {
	if f, ok := r.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			return "", nil
		}
	}
	if r == nil {
		return "", nil
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("couldn't read the body from standard input: %w", err)
	}
	return strings.TrimRight(string(b), "\n"), nil
}

// onEntry runs a command that takes one entry number: it parses args,
// runs check (if any) before the journal is opened, then do.
func (c *cli) onEntry(fs *flag.FlagSet, args []string, check func() error, do func(*jstore.Store, int64) error) error {
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := entryID(fs.Name(), rest)
	if err != nil {
		return err
	}
	if check != nil {
		if err := check(); err != nil {
			return err
		}
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		return do(store, id)
	})
}

func runEdit(c *cli, args []string) error {
	var f entryFlags
	fs := c.flags("edit")
	f.register(fs)
	// Check the values before the journal, so a bad mood is reported as
	// such even when the entry doesn't exist.
	check := func() error { return f.apply(&journal.Entry{}) }
	return c.onEntry(fs, args, check, func(store *jstore.Store, id int64) error {
		e, err := store.Entry(id)
		if err != nil {
			return err
		}
		if err := f.apply(&e); err != nil {
			return err
		}
		if f.body.set {
			e.Patterns = append(e.Patterns, journal.InlineTags(e.Body)...)
		}
		if _, err := store.UpdateEntry(e); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Saved entry %d.\n", id)
		return nil
	})
}

func runDelete(c *cli, args []string) error {
	return c.onEntry(c.flags("delete"), args, nil, func(store *jstore.Store, id int64) error {
		if err := store.DeleteEntry(id); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Deleted entry %d.\n", id)
		return nil
	})
}

func runShow(c *cli, args []string) error {
	fs := c.flags("show")
	asJSON := fs.Bool("json", false, "print JSON")
	return c.onEntry(fs, args, nil, func(store *jstore.Store, id int64) error {
		e, err := store.Entry(id)
		if err != nil {
			return err
		}
		files, err := store.Attachments(id)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(c.stdout, struct {
				entryJSON
				Attachments []attachmentJSON `json:"attachments"`
			}{toJSON(e), toAttachmentsJSON(files)})
		}
		printEntry(c.stdout, e)
		if len(files) > 0 {
			fmt.Fprintln(c.stdout)
		}
		for _, a := range files {
			fmt.Fprintf(c.stdout, "Attached: %s (%s, %s)\n", a.Name, a.MediaType, journal.ByteSize(a.Size))
		}
		return nil
	})
}

func printEntry(w io.Writer, e journal.Entry) {
	fmt.Fprintf(w, "# %s\n\n", e.DisplayTitle())
	fmt.Fprintf(w, "Entry %d · %s · %s\n", e.ID, e.Kind.Label(), e.WrittenAt.Format("Mon 2 Jan 2006, 15:04 MST"))
	if e.HasMood() {
		fmt.Fprintf(w, "Mood: %d/10\n", e.Mood)
	}
	if len(e.Emotions) > 0 {
		fmt.Fprintf(w, "Emotions: %s\n", strings.Join(e.Emotions, ", "))
	}
	if len(e.Patterns) > 0 {
		fmt.Fprintf(w, "Patterns: %s\n", strings.Join(e.Patterns, ", "))
	}
	if e.Flagged {
		fmt.Fprintln(w, "Bring to my next session")
	}
	if e.Body != "" {
		fmt.Fprintf(w, "\n%s\n", e.Body)
	}
}

func runList(c *cli, args []string) error {
	fs := c.flags("list")
	asJSON := fs.Bool("json", false, "print JSON")
	since := fs.String("since", "", "first day, like 2026-12-05, 5 Dec or last mon")
	until := fs.String("until", "", "last day (included), like 2026-12-05, yesterday or today")
	limit := fs.Int("limit", 0, "the newest N entries only (default: all)")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("list: unexpected %q. Use --since and --until to pick days.", rest[0])
	}
	if *limit < 0 {
		return usagef("list: --limit %d is no number of entries. Give 1 or more, like --limit 20, or leave it out for every entry.", *limit)
	}
	// A page reads only its own rows, however long the journal.
	q := journal.EntryQuery{Limit: *limit}
	if *since != "" {
		t, err := journal.ParseWhen(*since, time.Now())
		if err != nil {
			return err
		}
		q.From = t
	}
	if *until != "" {
		w, err := journal.ReadWhen(*until, time.Now())
		if err != nil {
			return err
		}
		q.Before = w.EndOf()
	}
	if !q.From.IsZero() && !q.Before.IsZero() && !q.From.Before(q.Before) {
		return journal.Errorf(journal.EInvalid, "--since %s is after --until %s. Swap them.", *since, *until)
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		entries, err := store.Entries(q)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]entryJSON, len(entries))
			for i, e := range entries {
				out[i] = toJSON(e)
			}
			return writeJSON(c.stdout, out)
		}
		if len(entries) == 0 {
			fmt.Fprintln(c.stdout, "No entries yet. Write one with: throughline add --title \"...\"")
			return nil
		}
		for _, e := range entries {
			mood, flag := "  ", " "
			if e.HasMood() {
				mood = strconv.Itoa(e.Mood)
			}
			if e.Flagged {
				flag = "⚑"
			}
			line := fmt.Sprintf("%6d  %s  %2s %s  %s", e.ID, e.WrittenAt.Format(journal.DateTimeLayout), mood, flag, e.DisplayTitle())
			if len(e.Patterns) > 0 {
				line += "  [" + strings.Join(e.Patterns, ", ") + "]"
			}
			fmt.Fprintln(c.stdout, line)
		}
		return nil
	})
}

func entryID(cmd string, rest []string) (int64, error) {
	if len(rest) != 1 {
		return 0, usagef("%s needs one entry number, like `throughline %s 12`. `throughline list` shows the numbers.", cmd, cmd)
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil || id < 1 {
		return 0, usagef("%q is not an entry number. `throughline list` shows the numbers.", rest[0])
	}
	return id, nil
}

// entryJSON is the stable JSON shape of an entry for scripts.
type entryJSON struct {
	ID        int64         `json:"id"`
	WrittenAt string        `json:"written_at"`
	CreatedAt string        `json:"created_at"`
	UpdatedAt string        `json:"updated_at"`
	Kind      string        `json:"kind"`
	Title     string        `json:"title"`
	Body      string        `json:"body"`
	Mood      *int          `json:"mood"`
	Emotions  []string      `json:"emotions"`
	Patterns  []string      `json:"patterns"`
	Flagged   bool          `json:"flagged"`
	Episodes  []episodeJSON `json:"episodes"`
}

// episodeJSON is a relationship episode in an entry's JSON.
type episodeJSON struct {
	Person        string   `json:"person"`
	Wish          string   `json:"wish"`
	OtherResponse string   `json:"other_response"`
	SelfResponse  string   `json:"self_response"`
	Reminds       string   `json:"reminds"`
	EarlierPerson string   `json:"earlier_person"`
	Patterns      []string `json:"patterns"`
	Emotions      []string `json:"emotions"`
	CCRT          ccrtJSON `json:"ccrt"`
}

func toJSON(e journal.Entry) entryJSON {
	j := entryJSON{
		ID: e.ID, WrittenAt: e.WrittenAt.Format(time.RFC3339),
		CreatedAt: e.CreatedAt.Format(time.RFC3339Nano), UpdatedAt: e.UpdatedAt.Format(time.RFC3339Nano),
		Kind: string(e.Kind), Title: e.Title, Body: e.Body, Flagged: e.Flagged,
		Emotions: append([]string{}, e.Emotions...), Patterns: append([]string{}, e.Patterns...),
	}
	if e.HasMood() {
		m := e.Mood
		j.Mood = &m
	}
	j.Episodes = make([]episodeJSON, len(e.Episodes))
	for i, ep := range e.Episodes {
		j.Episodes[i] = toEpisodeJSON(ep)
	}
	return j
}
