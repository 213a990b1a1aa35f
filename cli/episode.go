package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

var episodeCommands = []subcommand{
	{"add", "ENTRY_ID --person NAME [--wish CATEGORY]... [--other CATEGORY]... [--self CATEGORY]... [--wish-text T] [--other-text T] [--self-text T] [--other-expected] [--self-expected] [--other-valence positive|negative] [--self-valence positive|negative]",
		"add a relationship episode to an entry: what you wanted (wish), how they responded (other), how you responded (self); categories are " +
			categoryHelp(), runEpisodeAdd},
	{"list", "[--json]", "list the relationship episodes, oldest entry first, with their CCRT categories", runEpisodeList},
}

func runEpisode(c *cli, args []string) error { return c.runGroup("episode", episodeCommands, args) }

// categoryHelp lists each component's categories for the help text.
func categoryHelp() string {
	var parts []string
	for _, comp := range journal.Components {
		parts = append(parts, fmt.Sprintf("--%s: %s", comp, strings.Join(comp.Categories(), ", ")))
	}
	return strings.Join(parts, "; ")
}

// episodeFlags are add's flags for one episode.
type episodeFlags struct {
	person, wishText, otherText, selfText string
	wish, other, self                     listFlag
	otherExpected, selfExpected           bool
	otherValence, selfValence             string
}

func (f *episodeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.person, "person", "", "who it was with: a name or initials (added to your people when new)")
	fs.Var(&f.wish, "wish", "a category of what you wanted (repeat for more)")
	fs.Var(&f.other, "other", "a category of how they responded (repeat for more)")
	fs.Var(&f.self, "self", "a category of how you responded (repeat for more)")
	fs.StringVar(&f.wishText, "wish-text", "", "what you wanted, in your words")
	fs.StringVar(&f.otherText, "other-text", "", "how they responded, in your words")
	fs.StringVar(&f.selfText, "self-text", "", "how you responded, in your words")
	fs.BoolVar(&f.otherExpected, "other-expected", false, "their response is what you expected, not what actually happened")
	fs.BoolVar(&f.selfExpected, "self-expected", false, "your response is what you expected of yourself, not what actually happened")
	fs.StringVar(&f.otherValence, "other-valence", "", "positive or negative: how their response was for you")
	fs.StringVar(&f.selfValence, "self-valence", "", "positive or negative: how your response was for you")
}

func (f *episodeFlags) episode() journal.Episode {
	return journal.Episode{Person: f.person, Wish: f.wishText, OtherResponse: f.otherText, SelfResponse: f.selfText,
		CCRT: journal.CCRT{Wishes: f.wish.values,
			Other: journal.Response{Categories: f.other.values, Expected: f.otherExpected, Valence: journal.Valence(f.otherValence)},
			Self:  journal.Response{Categories: f.self.values, Expected: f.selfExpected, Valence: journal.Valence(f.selfValence)}}}
}

func runEpisodeAdd(c *cli, args []string) error {
	var f episodeFlags
	fs := c.flags("episode add")
	f.register(fs)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := entryID("episode add", rest)
	if err != nil {
		return err
	}
	ep := f.episode()
	// Checked before the journal is opened, so a mistyped category
	// changes nothing.
	if err := ep.Validate(); err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		e, err := store.Entry(id)
		if err != nil {
			return err
		}
		e.Episodes = append(e.Episodes, ep)
		if _, err := store.UpdateEntry(e); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Added an episode with “%s” to entry %d, “%s”.\n", ep.Person, e.ID, e.DisplayTitle())
		return nil
	})
}

// listedEpisodeJSON is an episode in `episode list --json`: the shape
// of an episode in an entry's JSON, with the entry it belongs to.
type listedEpisodeJSON struct {
	ID         int64  `json:"id"`
	EntryID    int64  `json:"entry_id"`
	EntryTitle string `json:"entry_title"`
	WrittenAt  string `json:"written_at"`
	episodeJSON
}

// ccrtJSON is an episode's CCRT categories for scripts.
type ccrtJSON struct {
	Wish          []string `json:"wish"`
	Other         []string `json:"other"`
	Self          []string `json:"self"`
	OtherExpected bool     `json:"other_expected"` // what was expected, not what actually happened
	OtherValence  string   `json:"other_valence"`  // positive, negative or ""
	SelfExpected  bool     `json:"self_expected"`
	SelfValence   string   `json:"self_valence"`
}

func toEpisodeJSON(ep journal.Episode) episodeJSON {
	c := ep.CCRT
	return episodeJSON{Person: ep.Person, Wish: ep.Wish, OtherResponse: ep.OtherResponse, SelfResponse: ep.SelfResponse,
		Reminds: ep.Reminds, EarlierPerson: ep.EarlierPerson,
		Patterns: append([]string{}, ep.Patterns...), Emotions: append([]string{}, ep.Emotions...),
		CCRT: ccrtJSON{Wish: append([]string{}, c.Wishes...), Other: append([]string{}, c.Other.Categories...), Self: append([]string{}, c.Self.Categories...),
			OtherExpected: c.Other.Expected, OtherValence: string(c.Other.Valence), SelfExpected: c.Self.Expected, SelfValence: string(c.Self.Valence)}}
}

func runEpisodeList(c *cli, args []string) error {
	fs := c.flags("episode list")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := positionals(fs, args, 0, ""); err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		episodes, err := store.Episodes()
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]listedEpisodeJSON, len(episodes))
			for i, ep := range episodes {
				out[i] = listedEpisodeJSON{ID: ep.ID, EntryID: ep.EntryID, EntryTitle: ep.EntryTitle, WrittenAt: ep.WrittenAt.Format(time.RFC3339),
					episodeJSON: toEpisodeJSON(ep.Episode)}
			}
			return writeJSON(c.stdout, out)
		}
		if len(episodes) == 0 {
			fmt.Fprintln(c.stdout, "No episodes yet. Add one with: throughline episode add ENTRY_ID --person NAME --wish \"to be close\"")
			return nil
		}
		for i, ep := range episodes {
			if i > 0 {
				fmt.Fprintln(c.stdout)
			}
			printEpisode(c.stdout, ep)
		}
		return nil
	})
}

// printEpisode writes one episode: when, with whom, then each component
// that has categories or words.
func printEpisode(w io.Writer, ep journal.PersonEpisode) {
	fmt.Fprintf(w, "%s  entry %d, “%s”: with %s\n", ep.WrittenAt.Format("Mon 2 Jan 2006"), ep.EntryID, ep.EntryTitle, ep.Person)
	for _, comp := range journal.Components {
		if line := ep.Describe(comp); line != "" {
			fmt.Fprintln(w, "  "+comp.Label()+": "+line)
		}
	}
}
