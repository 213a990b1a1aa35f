package cli

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// searchJSON is the shape of `throughline search --json`.
type searchJSON struct {
	Query        string          `json:"query"` // the words searched for; "" for filters alone
	Total        int             `json:"total"` // every entry that matches; hits holds the first --limit
	RankedNewest int             `json:"ranked_newest,omitempty"`
	Loose        bool            `json:"loose"` // the query's syntax wasn't complete, so its words were searched
	Hits         []searchHitJSON `json:"hits"`
}

// searchHitJSON is one entry found. The _marked fields are Markdown, the
// matched words in **bold**.
type searchHitJSON struct {
	ID            int64    `json:"id"`
	WrittenAt     string   `json:"written_at"`
	Kind          string   `json:"kind"`
	Title         string   `json:"title"` // the start of the body for an untitled entry
	TitleMarked   string   `json:"title_marked"`
	Snippet       string   `json:"snippet"`
	SnippetMarked string   `json:"snippet_marked"`
	Mood          *int     `json:"mood"` // null when unrated
	Flagged       bool     `json:"flagged"`
	Emotions      []string `json:"emotions"`
	Patterns      []string `json:"patterns"`
}

// searchFlags are search's filters as typed.
type searchFlags struct {
	from, to, mood             string
	patterns, emotions, people listFlag
	flagged, newest, asJSON    bool
	limit, offset              int
}

func (f *searchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.from, "from", "", "first day, like 2026-12-05, 5 Dec or last mon")
	fs.StringVar(&f.to, "to", "", "last day (included), like 2026-12-05, yesterday or today")
	fs.Var(&f.patterns, "pattern", "a pattern the entry or one of its episodes names (repeat for more)")
	fs.Var(&f.emotions, "emotion", "an emotion the entry or one of its episodes names (repeat for more)")
	fs.Var(&f.people, "person", "someone in one of the entry's episodes (repeat for more)")
	fs.StringVar(&f.mood, "mood", "", "a mood, like 7, or a range, like 3-6; leaves out unrated entries")
	fs.BoolVar(&f.flagged, "flagged", false, "only entries to bring to the next session")
	fs.BoolVar(&f.newest, "newest", false, "newest first instead of best match first")
	fs.IntVar(&f.limit, "limit", jstore.DefaultSearchLimit, "how many entries to show at most")
	fs.IntVar(&f.offset, "offset", 0, "how many of the first matches to skip, for the next page")
	fs.BoolVar(&f.asJSON, "json", false, "print JSON")
}

// query turns the flags and the words into a search, checking them
// before the journal is opened.
func (f *searchFlags) query(words []string) (jstore.SearchQuery, error) {
	q := jstore.SearchQuery{
		Text:     strings.TrimSpace(strings.Join(words, " ")),
		Patterns: f.patterns.values, Emotions: f.emotions.values, People: f.people.values,
		Flagged: f.flagged, Newest: f.newest, Limit: f.limit, Offset: f.offset,
	}
	if f.from != "" {
		t, err := journal.ParseWhen(f.from, time.Now())
		if err != nil {
			return q, err
		}
		q.From = t
	}
	if f.to != "" {
		w, err := journal.ReadWhen(f.to, time.Now())
		if err != nil {
			return q, err
		}
		q.Before = w.EndOf()
	}
	if !q.From.IsZero() && !q.Before.IsZero() && !q.From.Before(q.Before) {
		return q, journal.Errorf(journal.EInvalid, "--from %s is after --to %s. Swap them.", f.from, f.to)
	}
	if f.mood != "" {
		var err error
		if q.MinMood, q.MaxMood, err = parseMoodRange(f.mood); err != nil {
			return q, err
		}
	}
	if f.limit < 1 {
		return q, journal.Errorf(journal.EInvalid, "--limit %d shows nothing. Give 1 or more, like --limit 10.", f.limit)
	}
	if f.offset < 0 {
		return q, journal.Errorf(journal.EInvalid, "--offset %d can't be below nothing. Give 0 or more, like --offset 50 for the second page.", f.offset)
	}
	for _, v := range []struct {
		flag  string
		names []string
	}{{"pattern", q.Patterns}, {"emotion", q.Emotions}, {"person", q.People}} {
		if slices.ContainsFunc(v.names, func(n string) bool { return strings.TrimSpace(n) == "" }) {
			return q, journal.Errorf(journal.EInvalid, "A --%s is blank. Give its name, in quotes if it has spaces.", v.flag)
		}
	}
	if q.Text == "" && f.from == "" && f.to == "" && f.mood == "" && !f.flagged &&
		len(q.Patterns)+len(q.Emotions)+len(q.People) == 0 {
		return q, usagef("search needs words to look for or a filter, like `throughline search manager` or `throughline search --pattern people-pleasing`. Run `throughline search --help` for the filters.")
	}
	return q, nil
}

// parseMoodRange reads --mood: one mood, like 7, or a range, like 3-6.
func parseMoodRange(s string) (lowest, highest int, err error) {
	bad := journal.Errorf(journal.EInvalid, "--mood %q is not a mood or a range of moods. Give a whole number from %d to %d, like --mood 7, or a range, like --mood 3-6.",
		s, journal.MinMood, journal.MaxMood)
	low, high, isRange := strings.Cut(s, "-")
	if !isRange {
		high = low
	}
	lowest, err1 := strconv.Atoi(strings.TrimSpace(low))
	highest, err2 := strconv.Atoi(strings.TrimSpace(high))
	if err1 != nil || err2 != nil {
		return 0, 0, bad
	}
	for _, m := range []int{lowest, highest} {
		if m < journal.MinMood || m > journal.MaxMood {
			return 0, 0, bad
		}
	}
	if lowest > highest {
		return 0, 0, journal.Errorf(journal.EInvalid, "--mood %s runs from high to low. Put the lower mood first: --mood %d-%d.", s, highest, lowest)
	}
	return lowest, highest, nil
}

// searchWords parses search's flags, before and after the words, and
// returns the words. Everything after -- is words, so a -word (leave out
// entries with it) can't be taken for a flag.
func searchWords(fs *flag.FlagSet, args []string) ([]string, error) {
	var after []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, after = args[:i], args[i+1:]
	}
	words, err := parse(fs, args)
	if err != nil {
		for _, a := range args {
			name, _, _ := strings.Cut(strings.TrimPrefix(a, "-"), "=")
			if len(a) > 1 && a[0] == '-' && a[1] != '-' && fs.Lookup(name) == nil && name != "h" && name != "help" {
				return nil, usagef("search: %s is not a flag. To leave out entries with “%s”, write NOT %s, or put the words after --, like: throughline search -- your words %s",
					a, a[1:], a[1:], a)
			}
		}
		return nil, err
	}
	return append(words, after...), nil
}

func runSearch(c *cli, args []string) error {
	var f searchFlags
	fs := c.flags("search")
	f.register(fs)
	words, err := searchWords(fs, args)
	if err != nil {
		return err
	}
	q, err := f.query(words)
	if err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		res, err := store.Search(q)
		if err != nil {
			return err
		}
		if f.asJSON {
			err = writeJSON(c.stdout, toSearchJSON(q.Text, res))
		} else {
			printSearch(c.stdout, res, q.Offset, isTerminal(c.stdout))
		}
		printSearchNotes(c.stderr, q.Text, res)
		return err
	})
}

func toSearchJSON(text string, res jstore.SearchResult) searchJSON {
	out := searchJSON{Query: text, Total: res.Total, RankedNewest: res.RankedNewest, Loose: res.Loose, Hits: []searchHitJSON{}}
	for _, h := range res.Hits {
		j := searchHitJSON{
			ID: h.ID, WrittenAt: h.WrittenAt.Format(time.RFC3339), Kind: string(h.Kind),
			Title: h.Title.String(), TitleMarked: h.Title.Markdown(),
			Snippet: h.Snippet.String(), SnippetMarked: h.Snippet.Markdown(), Flagged: h.Flagged,
			Emotions: append([]string{}, h.Emotions...), Patterns: append([]string{}, h.Patterns...),
		}
		if h.Mood != 0 {
			m := h.Mood
			j.Mood = &m
		}
		out.Hits = append(out.Hits, j)
	}
	return out
}

// ANSI bold, for matches when standard output is a terminal.
const (
	boldOn  = "\x1b[1m"
	boldOff = "\x1b[0m"
)

// printSearch writes one block a hit, best first, then how many matched:
//
//	#12  Mon 2 Mar 2026 20:00  The meeting
//	    I froze when my **manager** raised her voice…
func printSearch(out io.Writer, res jstore.SearchResult, offset int, terminal bool) {
	// Three writes a hit were as many system calls; one at the end is enough.
	w := bufio.NewWriterSize(out, 64<<10)
	defer w.Flush()
	for _, h := range res.Hits {
		fmt.Fprintf(w, "#%d  %s  %s\n", h.ID, h.WrittenAt.Format("Mon 2 Jan 2006 15:04"), oneLine(h.Title.String()))
		snippet := h.Snippet.Markdown()
		if terminal {
			snippet = marked(h.Snippet, boldOn, boldOff)
		}
		if snippet = oneLine(snippet); snippet != "" {
			fmt.Fprintf(w, "    %s\n", snippet)
		}
		fmt.Fprintln(w)
	}
	switch {
	case res.Total == 0:
		fmt.Fprintln(w, "No entries match.")
	case offset > 0 && len(res.Hits) == 0:
		fmt.Fprintf(w, "%d entries match, none after the first %d. Give a smaller --offset.\n", res.Total, offset)
	case offset > 0:
		fmt.Fprintf(w, "Entries %d to %d of %d matching shown.", offset+1, offset+len(res.Hits), res.Total)
		if next := offset + len(res.Hits); next < res.Total {
			fmt.Fprintf(w, " --offset %d shows the next.", next)
		}
		fmt.Fprintln(w)
	case len(res.Hits) < res.Total:
		fmt.Fprintf(w, "%d of %d matching entries shown. --limit %d shows them all.\n", len(res.Hits), res.Total, res.Total)
	case res.Total == 1:
		fmt.Fprintln(w, "1 entry matches.")
	default:
		fmt.Fprintf(w, "%d entries match.\n", res.Total)
	}
}

// printSearchNotes says, on standard error so JSON stays whole, when the
// query was searched loosely or only the newest matches were ranked.
func printSearchNotes(w io.Writer, text string, res jstore.SearchResult) {
	if res.Loose {
		if strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			fmt.Fprintf(w, "“%s” has no words to search for. Search for letters or numbers.\n", text)
		} else {
			fmt.Fprintf(w, "Searched for the words of “%s” on their own: a quote, bracket, AND, OR or NOT in it wasn't complete.\n", text)
		}
	}
	if res.RankedNewest > 0 {
		fmt.Fprintf(w, "So many entries match that only the newest %d were ranked for the best match. "+
			"Add words or filters (like --from or --pattern) to rank them all, or use --newest to list every match newest first.\n", res.RankedNewest)
	}
}

// marked is h with each match between open and close.
func marked(h jstore.Highlighted, open, close string) string {
	var b strings.Builder
	for _, f := range h {
		if f.Match && strings.TrimSpace(f.Text) != "" {
			b.WriteString(open + f.Text + close)
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

// oneLine folds text's line breaks and runs of spaces into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// isTerminal reports whether w is a terminal, where bold can be shown.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
