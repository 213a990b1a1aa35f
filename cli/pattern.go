package cli

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

var patternCommands = []subcommand{
	{"list", "[--json] [--all]", "list the patterns by category; --all includes archived ones", runPatternList},
	{"add", "NAME [--category C] [--description D] [--colour #rrggbb]", "add a pattern of your own", runPatternAdd},
	{"rename", "OLD NEW", "rename a pattern; entries that name it keep it", runPatternRename},
	{"recolour", "NAME #rrggbb|none", "give a pattern its own colour, or none for its category's", runPatternRecolour},
	{"merge", "FROM INTO", "fold one pattern into another; entries that named FROM name INTO", runPatternMerge},
	{"archive", "NAME [--undo]", "stop offering a pattern (--undo offers it again); entries keep it", runPatternArchive},
	{"to-emotion", "NAME [--family F]", "make a pattern a feeling (emotion); entries and episodes that name it keep it", runPatternToEmotion},
}

func runPattern(c *cli, args []string) error { return c.runGroup("pattern", patternCommands, args) }

// patternJSON is the stable JSON shape of a pattern for scripts.
type patternJSON struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Category    string `json:"category"`
	Description string `json:"description"`
	Colour      string `json:"colour"` // "" for the category's colour
	Archived    bool   `json:"archived"`
	Adaptive    bool   `json:"adaptive"` // a defense that usually serves a person well
}

// byCategory orders patterns as they are shown: by category, then in the
// order they were added. A category this version doesn't know goes last.
func byCategory(patterns []journal.Pattern) {
	rank := func(category string) int {
		if i := slices.Index(journal.Categories, category); i >= 0 {
			return i
		}
		return len(journal.Categories)
	}
	slices.SortStableFunc(patterns, func(a, b journal.Pattern) int {
		if d := rank(a.Category) - rank(b.Category); d != 0 {
			return d
		}
		return strings.Compare(a.Category, b.Category)
	})
}

func runPatternList(c *cli, args []string) error {
	fs := c.flags("pattern list")
	asJSON := fs.Bool("json", false, "print JSON")
	all := fs.Bool("all", false, "include archived patterns")
	if _, err := positionals(fs, args, 0, ""); err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		patterns, err := store.Patterns()
		if err != nil {
			return err
		}
		if !*all {
			patterns = slices.DeleteFunc(patterns, func(p journal.Pattern) bool { return p.Archived })
		}
		byCategory(patterns)
		if *asJSON {
			out := make([]patternJSON, len(patterns))
			for i, p := range patterns {
				out[i] = patternJSON{ID: p.ID, Name: p.Name, Category: p.Category, Description: p.Description, Colour: p.Colour, Archived: p.Archived, Adaptive: p.Adaptive}
			}
			return writeJSON(c.stdout, out)
		}
		if len(patterns) == 0 {
			fmt.Fprintln(c.stdout, "No patterns to offer: every one is archived. `throughline pattern list --all` shows them.")
			return nil
		}
		for i, p := range patterns {
			if i == 0 || p.Category != patterns[i-1].Category {
				if i > 0 {
					fmt.Fprintln(c.stdout)
				}
				fmt.Fprintln(c.stdout, journal.CategoryTitle(p.Category))
			}
			var notes []string
			if p.Adaptive {
				notes = append(notes, "adaptive")
			}
			if p.Colour != "" {
				notes = append(notes, p.Colour)
			}
			if p.Archived {
				notes = append(notes, "archived")
			}
			line := "  " + p.Name
			if len(notes) > 0 {
				line += " (" + strings.Join(notes, ", ") + ")"
			}
			if p.Description != "" {
				line += " — " + p.Description
			}
			fmt.Fprintln(c.stdout, line)
		}
		return nil
	})
}

// parseColour reads a colour typed for a pattern: none or "" mean the
// category's colour; anything else is checked with the pattern.
func parseColour(s string) string {
	if s = strings.TrimSpace(s); strings.EqualFold(s, "none") {
		return ""
	}
	return s
}

func runPatternAdd(c *cli, args []string) error {
	fs := c.flags("pattern add")
	category := fs.String("category", journal.CategoryOwn, strings.Join(journal.Categories, ", "))
	description := fs.String("description", "", "one line about the pattern")
	colour := fs.String("colour", "", "#rrggbb, or none for the category's colour")
	rest, err := positionals(fs, args, 1, "a name for the pattern, like `throughline pattern add \"doom scrolling\"`")
	if err != nil {
		return err
	}
	p := journal.Pattern{Name: rest[0], Description: strings.TrimSpace(*description), Category: *category, Colour: parseColour(*colour)}
	if err := p.Validate(); err != nil {
		return err
	}
	return c.withJournal(true, func(store *jstore.Store) error {
		added, err := store.AddPattern(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Added the pattern “%s” (category: %s).\n", added.Name, added.Category)
		return nil
	})
}

// onPattern opens the journal and finds the pattern called name.
func (c *cli) onPattern(name string, do func(*jstore.Store, journal.Pattern) error) error {
	return c.withJournal(false, func(store *jstore.Store) error {
		p, err := store.PatternNamed(name)
		if err != nil {
			return err
		}
		return do(store, p)
	})
}

func runPatternRename(c *cli, args []string) error {
	rest, err := positionals(c.flags("pattern rename"), args, 2, "the old name and the new one, like `throughline pattern rename avoidance \"steering clear\"`")
	if err != nil {
		return err
	}
	if err := (&journal.Pattern{Name: rest[1]}).Validate(); err != nil {
		return err
	}
	return c.onPattern(rest[0], func(store *jstore.Store, p journal.Pattern) error {
		old := p.Name
		p.Name = rest[1]
		renamed, err := store.UpdatePattern(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Renamed “%s” to “%s”. Entries that named it keep it under the new name.\n", old, renamed.Name)
		return nil
	})
}

func runPatternRecolour(c *cli, args []string) error {
	rest, err := positionals(c.flags("pattern recolour"), args, 2, "a pattern and a colour, like `throughline pattern recolour denial #3a7bd5`, or none for its category's colour")
	if err != nil {
		return err
	}
	colour := strings.ToLower(parseColour(rest[1]))
	if err := (&journal.Pattern{Name: "colour", Colour: colour}).Validate(); err != nil {
		return err
	}
	return c.onPattern(rest[0], func(store *jstore.Store, p journal.Pattern) error {
		p.Colour = colour
		if _, err := store.UpdatePattern(p); err != nil {
			return err
		}
		if colour == "" {
			fmt.Fprintf(c.stdout, "“%s” has its category's colour again.\n", p.Name)
		} else {
			fmt.Fprintf(c.stdout, "“%s” is now %s.\n", p.Name, colour)
		}
		return nil
	})
}

func runPatternMerge(c *cli, args []string) error {
	rest, err := positionals(c.flags("pattern merge"), args, 2, "the pattern to fold in and the one to keep, like `throughline pattern merge avoidance denial`")
	if err != nil {
		return err
	}
	if journal.NameKey(rest[0]) == journal.NameKey(rest[1]) {
		return journal.Errorf(journal.EInvalid, "“%s” and “%s” are the same pattern, and a pattern can't be merged into itself. Pick two different patterns.",
			journal.CleanName(rest[0]), journal.CleanName(rest[1]))
	}
	return c.onPattern(rest[0], func(store *jstore.Store, from journal.Pattern) error {
		into, err := store.PatternNamed(rest[1])
		if err != nil {
			return err
		}
		moved, err := entriesNaming(store, from.Name)
		if err != nil {
			return err
		}
		if err := store.MergePatterns(from.ID, into.ID); err != nil {
			return err
		}
		switch moved {
		case 0:
			fmt.Fprintf(c.stdout, "Merged “%s” into “%s”. No entries named “%s”.\n", from.Name, into.Name, from.Name)
		case 1:
			fmt.Fprintf(c.stdout, "Merged “%s” into “%s”. The entry that named “%s” now names “%s”.\n", from.Name, into.Name, from.Name, into.Name)
		default:
			fmt.Fprintf(c.stdout, "Merged “%s” into “%s”. The %d entries that named “%s” now name “%s”.\n", from.Name, into.Name, moved, from.Name, into.Name)
		}
		return nil
	})
}

// entriesNaming counts the entries that name a pattern, themselves or in
// one of their episodes.
func entriesNaming(store *jstore.Store, pattern string) (int, error) {
	taggings, err := store.Taggings(time.Time{}, time.Time{})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, t := range taggings {
		if slices.Contains(t.Patterns, pattern) {
			n++
		}
	}
	return n, nil
}

func runPatternArchive(c *cli, args []string) error {
	fs := c.flags("pattern archive")
	undo := fs.Bool("undo", false, "offer the pattern again")
	rest, err := positionals(fs, args, 1, "the pattern's name, like `throughline pattern archive humour`")
	if err != nil {
		return err
	}
	return c.onPattern(rest[0], func(store *jstore.Store, p journal.Pattern) error {
		if p.Archived != *undo {
			if *undo {
				fmt.Fprintf(c.stdout, "“%s” is not archived; there is nothing to undo.\n", p.Name)
			} else {
				fmt.Fprintf(c.stdout, "“%s” was already archived.\n", p.Name)
			}
			return nil
		}
		if err := store.ArchivePattern(p.ID, !*undo); err != nil {
			return err
		}
		if *undo {
			fmt.Fprintf(c.stdout, "“%s” is offered again.\n", p.Name)
		} else {
			fmt.Fprintf(c.stdout, "Archived “%s”: it is no longer offered, and entries that name it keep it. Undo with: throughline pattern archive %q --undo\n", p.Name, p.Name)
		}
		return nil
	})
}
