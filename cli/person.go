package cli

import (
	"cmp"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

var personCommands = []subcommand{
	{"list", "[--json]", "list the people in the journal and who they are to you", runPersonList},
	{"add", "NAME [--role R] [--aliases A,B]", "add someone by name or initials; R is partner, parent, sibling, child, friend, boss, colleague, therapist or other (the default)", runPersonAdd},
	{"edit", "NAME [--name NEW] [--role R] [--aliases A,B]", "rename someone, change who they are to you or the other names they go by (hidden with their name in reports; --aliases '' clears them); their episodes follow", runPersonEdit},
}

func runPerson(c *cli, args []string) error { return c.runGroup("person", personCommands, args) }

// personJSON is the stable JSON shape of a person for scripts.
type personJSON struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Role    string   `json:"role"`
	Aliases []string `json:"aliases,omitempty"`
}

func runPersonList(c *cli, args []string) error {
	fs := c.flags("person list")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := positionals(fs, args, 0, ""); err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		people, err := store.People()
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]personJSON, len(people))
			for i, p := range people {
				out[i] = personJSON{ID: p.ID, Name: p.Name, Role: string(p.Role), Aliases: p.Aliases}
			}
			return writeJSON(c.stdout, out)
		}
		if len(people) == 0 {
			fmt.Fprintln(c.stdout, "No people yet. Add someone with: throughline person add NAME --role friend")
			return nil
		}
		width := 0
		for _, p := range people {
			width = max(width, utf8.RuneCountInString(p.Name))
		}
		for _, p := range people {
			pad := width - utf8.RuneCountInString(p.Name)
			line := fmt.Sprintf("%s%*s  %s", p.Name, pad, "", p.Role)
			if len(p.Aliases) > 0 {
				line += "  (also " + strings.Join(p.Aliases, ", ") + ")"
			}
			fmt.Fprintln(c.stdout, line)
		}
		return nil
	})
}

func runPersonAdd(c *cli, args []string) error {
	fs := c.flags("person add")
	role := fs.String("role", "other", "partner, parent, sibling, child, friend, boss, colleague, therapist or other")
	aliases := fs.String("aliases", "", "other names they go by, separated by commas, like \"Jo, Joanna\"")
	rest, err := positionals(fs, args, 1, "a name or initials, like `throughline person add Mum --role parent`")
	if err != nil {
		return err
	}
	p := journal.Person{Name: rest[0], Role: journal.Role(*role), Aliases: journal.ParseAliases(*aliases)}
	// Checked before the journal is opened, so a mistyped role never
	// creates one.
	if err := p.Validate(); err != nil {
		return err
	}
	return c.withJournal(true, func(store *jstore.Store) error {
		added, err := store.AddPerson(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Added “%s” (%s).\n", added.Name, added.Role)
		return nil
	})
}

func runPersonEdit(c *cli, args []string) error {
	fs := c.flags("person edit")
	name := fs.String("name", "", "their new name or initials")
	role := fs.String("role", "", "partner, parent, sibling, child, friend, boss, colleague, therapist or other")
	var aliases optionalString
	fs.Var(&aliases, "aliases", "other names they go by, separated by commas; '' clears them")
	rest, err := positionals(fs, args, 1, "who to change, like `throughline person edit J. --role boss`")
	if err != nil {
		return err
	}
	if *name == "" && *role == "" && !aliases.set {
		return usagef("person edit: say what to change with --name, --role or --aliases.")
	}
	check := journal.Person{Name: cmp.Or(*name, rest[0]), Role: journal.Role(*role)}
	if err := check.Validate(); err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		p, err := store.PersonNamed(rest[0])
		if err != nil {
			return err
		}
		old := p.Name
		if *name != "" {
			p.Name = *name
		}
		if *role != "" {
			p.Role = check.Role
		}
		if aliases.set {
			p.Aliases = journal.ParseAliases(aliases.value)
		}
		changed, err := store.UpdatePerson(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "“%s” is now “%s” (%s).\n", old, changed.Name, changed.Role)
		return nil
	})
}
