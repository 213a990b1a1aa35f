package cli

import (
	"fmt"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// runCrisis shows the crisis help with the lines for where the person
// lives, as the window's Help → If you're struggling right now does, or
// changes where that is.
func runCrisis(c *cli, args []string) error {
	fs := c.flags("crisis")
	var where, line optionalString
	fs.Var(&where, "where", "where you live: one of the places --list shows, or elsewhere")
	fs.Var(&line, "line", "your own crisis line: your local one somewhere else, or one to show too, such as your therapist's")
	list := fs.Bool("list", false, "list the places and their lines")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("crisis takes no words but its flags, like `throughline crisis --where uk-ie`.")
	}
	if *list {
		for _, r := range journal.CrisisRegions {
			fmt.Fprintf(c.stdout, "%-9s %s\n", r.ID, r.Choice())
		}
		fmt.Fprintf(c.stdout, "%-9s %s (with --line)\n", journal.RegionElsewhere, journal.ElsewhereChoice)
		return nil
	}
	if !where.set && !line.set {
		fmt.Fprintln(c.stdout, journal.CrisisHelpMessage(c.crisisTextReadOnly()))
		return nil
	}
	return c.withJournal(true, func(store *jstore.Store) error {
		region, err := store.Setting(journal.SettingCrisisRegion)
		if err != nil {
			return err
		}
		own, err := store.Setting(journal.SettingCrisisLine)
		if err != nil {
			return err
		}
		if where.set {
			region = where.value
		}
		if line.set {
			own = line.value
		}
		if err := store.SetCrisisLines(region, own); err != nil {
			return err
		}
		text, err := journal.ConfiguredCrisisText(store)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Saved. The crisis help now shows:\n%s\n", text)
		return nil
	})
}
