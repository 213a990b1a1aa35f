package cli

import (
	"fmt"

	jstore "github.com/throughline/throughline/journal/store"
)

func runPaths(c *cli, args []string) error {
	if _, err := parse(c.flags("paths"), args); err != nil {
		return err
	}
	path, err := c.journalPath()
	if err != nil {
		return err
	}
	locations := jstore.Locations(path)
	if c.app.Settings != nil {
		locations = append(locations, c.app.Settings())
	}
	for _, l := range locations {
		fmt.Fprintf(c.stdout, "%-55s %s\n", l.What+":", l.Path)
	}
	fmt.Fprintln(c.stdout, "Throughline writes nothing else, and never uses the network.")
	return nil
}
