package cli

import (
	"fmt"
	"io"

	jstore "github.com/throughline/throughline/journal/store"
	"github.com/throughline/throughline/journal/transfer"
)

// maxListed is how many left-out items the summary lists; --json lists
// them all.
const maxListed = 20

func runImport(c *cli, args []string) error {
	fs := c.flags("import")
	format := fs.String("format", "", "jrnl, dayone, daylio, markdown or throughline; told from the file when left out")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("import needs one file or folder, like `throughline import jrnl-export.json`. Put a name with spaces in quotes.")
	}
	// The file is read before the journal is opened: one that can't be
	// read creates no journal.
	batch, err := transfer.Read(rest[0], *format)
	if err != nil {
		return err
	}
	return c.withJournal(true, func(store *jstore.Store) error {
		sum, err := batch.Import(store)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(c.stdout, toImportJSON(sum))
		}
		printImport(c.stdout, sum, rest[0])
		return nil
	})
}

// importJSON is the stable JSON shape of an import's summary.
type importJSON struct {
	Format   string     `json:"format"`
	Added    int        `json:"added"`
	Skipped  []itemJSON `json:"skipped"`
	Rejected []itemJSON `json:"rejected"`
	Notes    []string   `json:"notes"`
	// Tags counts the different tags that became emotions and patterns.
	Tags tagsJSON `json:"tags"`
}

// tagsJSON says where an import's tags went.
type tagsJSON struct {
	Emotions int      `json:"emotions"`
	Patterns int      `json:"patterns"`
	Feelings []string `json:"feelings"` // "anxiety → anxious"
}

// itemJSON is an item of the file that was not added, and why.
type itemJSON struct {
	Where  string `json:"where"`
	Reason string `json:"reason"`
}

func toImportJSON(sum transfer.Summary) importJSON {
	j := importJSON{Format: sum.Format, Added: sum.Added, Skipped: []itemJSON{}, Rejected: []itemJSON{}, Notes: []string{}}
	for i, s := range sum.SkippedWhy {
		j.Skipped = append(j.Skipped, itemJSON{Where: skippedWhere(sum, i), Reason: s.Reason})
	}
	for _, r := range sum.Rejected {
		j.Rejected = append(j.Rejected, itemJSON{Where: r.Where, Reason: r.Reason})
	}
	j.Notes = append(j.Notes, sum.Notes...)
	j.Tags = tagsJSON{Emotions: sum.TagsAsEmotions, Patterns: sum.TagsAsPatterns, Feelings: append([]string{}, sum.FeelingTags...)}
	return j
}

func skippedWhere(sum transfer.Summary, i int) string {
	if i < len(sum.SkippedWhere) {
		return sum.SkippedWhere[i]
	}
	return fmt.Sprintf("entry %d", sum.SkippedWhy[i].Item)
}

// printImport writes the summary for a person (see transfer.Summary.Lines).
func printImport(w io.Writer, sum transfer.Summary, file string) {
	more := func(n int) string {
		return fmt.Sprintf("and %d more; `throughline import %q --json` lists them all.", n, file)
	}
	for _, line := range sum.Lines(maxListed, more) {
		fmt.Fprintln(w, line)
	}
}
