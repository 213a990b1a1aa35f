package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	"github.com/throughline/throughline/journal/transfer"
	analysis "github.com/throughline/throughline/patterns"
	"github.com/throughline/throughline/patterns/report"
)

// exportRequest is the export command's flags, checked.
type exportRequest struct {
	format       report.Format
	path         string
	window       analysis.Window
	sinceSession bool // the window is since the last session, found once the journal is open
	opt          report.Options
}

func runExport(c *cli, args []string) error {
	req, err := parseExport(c, args)
	if err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		switch req.format {
		case report.FormatJSON:
			if err := transfer.WriteFileAtomic(req.path, func(w io.Writer) error { return transfer.WriteThroughline(store, w) }); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "Wrote the whole journal to %s.\n", req.path)
			return nil
		case report.FormatCSV:
			return exportCSV(c, store, req)
		case report.FormatEntriesMarkdown:
			return exportEntriesMarkdown(c, store, req)
		}
		r, err := report.Build(store, req.opt)
		if err != nil {
			return noSession(err)
		}
		if err := transfer.WriteFileAtomic(req.path, r.Writer(req.format)); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Wrote the session-prep report to %s: %s.\n", req.path, r.Title)
		if len(r.NameLike) > 0 {
			fmt.Fprintf(c.stderr, "Note: these words in the report look like names and were not hidden: %s. To hide them, export again with --hide WORD for each, or add them to your people list.\n",
				strings.Join(r.NameLike, ", "))
		}
		return nil
	})
}

// parseExport reads and checks every flag before anything is opened or
// written, so a mistake leaves nothing behind.
func parseExport(c *cli, args []string) (exportRequest, error) {
	fs := c.flags("export")
	format := fs.String("format", "", "pdf, md, html, csv or json; when left out, the -o file's extension decides")
	path := fs.String("o", "", "the file to write")
	since := fs.Bool("since-last-session", false, "the days since the last session logged (the report's default)")
	from := fs.String("from", "", "first day, like 2026-12-05, 5 Dec or last mon")
	to := fs.String("to", "", "last day (included), like 2026-12-05, yesterday or today")
	entries := fs.Bool("entries", false, "with --format md, every entry itself as one Markdown file (like jrnl's), not the session-prep report; all of them unless --from and --to or --since-last-session say which days")
	flaggedOnly := fs.Bool("flagged-only", false, "only the entries flagged for the session")
	redact := fs.Bool("redact-people", false, "hide people's names, their aliases and the journal's hidden words; show who they are instead (\"[my manager]\")")
	var hide listFlag
	fs.Var(&hide, "hide", "with --redact-people, a word to hide too, such as a name not in your people list; repeat it")
	var sections optionalString
	fs.Var(&sections, "sections", "the report's sections, separated by commas: summary, questions, patterns, ccrt, goals, measures, flagged, episodes")
	var exclude listFlag
	fs.Var(&exclude, "exclude", "an entry to leave out, by id; repeat it, or separate ids with commas")
	rest, err := parse(fs, args)
	if err != nil {
		return exportRequest{}, err
	}
	if len(rest) > 0 {
		return exportRequest{}, usagef("export: unexpected %q. Name the file to write with -o FILE.", rest[0])
	}
	req := exportRequest{path: *path, format: report.Format(strings.ToLower(strings.TrimSpace(*format)))}
	if req.path == "" {
		return exportRequest{}, usagef("export: give the file to write with -o, like -o session-prep.pdf.")
	}
	if req.format == "" {
		if req.format = report.FormatOf(req.path); req.format == "" {
			return exportRequest{}, usagef("export: choose a format with --format pdf, md, html, csv or json.")
		}
	} else if !slices.Contains(report.Formats, req.format) {
		return exportRequest{}, usagef("export: --format %q is not a format. Use pdf, md, html, csv or json.", *format)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if *entries {
		if req.format != report.FormatMarkdown {
			return exportRequest{}, usagef("export: --entries writes Markdown: use it with --format md. A CSV or JSON export already holds the entries themselves.")
		}
		req.format = report.FormatEntriesMarkdown
	}
	if err := req.readWindow(*since, *from, *to); err != nil {
		return exportRequest{}, err
	}
	ids, err := entryIDs(exclude.values)
	if err != nil {
		return exportRequest{}, err
	}
	req.opt = report.Options{Window: req.window, SinceSession: req.sinceSession, Exclude: ids, FlaggedOnly: *flaggedOnly, RedactPeople: *redact, Hide: hide.values, Now: time.Now()}
	if hide.set && !*redact {
		return exportRequest{}, usagef("export: --hide is for reports with names hidden: add --redact-people.")
	}
	if sections.set {
		if req.opt.Sections, err = report.ParseSections(sections.value); err != nil {
			return exportRequest{}, err
		}
	}
	switch req.format {
	case report.FormatJSON:
		for _, name := range []string{"since-last-session", "from", "to", "flagged-only", "redact-people", "hide", "sections", "exclude"} {
			if given[name] {
				return exportRequest{}, usagef("export: --format json writes the whole journal, so --%s doesn't apply. For some of the entries, use --format csv.", name)
			}
		}
	case report.FormatEntriesMarkdown:
		if given["sections"] {
			return exportRequest{}, usagef("export: --sections is for the report; --entries writes every chosen entry in full.")
		}
	case report.FormatCSV:
		for _, name := range []string{"redact-people", "sections"} {
			if given[name] {
				return exportRequest{}, usagef("export: --%s is for the report (--format pdf, md or html); a CSV holds the entries as they were written.", name)
			}
		}
	}
	return req, nil
}

// readWindow reads --since-last-session, or --from and --to. The report
// covers the days since the last session when neither is given.
func (req *exportRequest) readWindow(since bool, from, to string) error {
	switch {
	case since && (from != "" || to != ""):
		return usagef("export: use --since-last-session, or --from and --to, not both.")
	case from != "" || to != "":
		if from == "" || to == "" {
			return usagef("export: give both --from and --to, like --from 2026-10-01 --to 2026-10-31.")
		}
		w, err := analysis.ParseDays(from, to, time.Now())
		req.window = w
		return err
	}
	req.sinceSession = since || req.format.IsReport() // the entries themselves are all of them unless told otherwise
	return nil
}

// entryIDs reads --exclude's ids.
func entryIDs(values []string) ([]int64, error) {
	var ids []int64
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimSpace(part)
			id, err := strconv.ParseInt(part, 10, 64)
			if err != nil || id <= 0 {
				return nil, usagef("export: --exclude %q is not an entry id. `throughline list` shows them.", part)
			}
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// exportCSV writes the entries the export covers (all of them when no
// days were given), oldest first.
func exportCSV(c *cli, store *jstore.Store, req exportRequest) error {
	entries, err := report.ChosenEntries(store, req.opt)
	if err != nil {
		return noSession(err)
	}
	if err := transfer.WriteFileAtomic(req.path, func(out io.Writer) error { return transfer.WriteCSV(entries, out) }); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote %s to %s.\n", count(len(entries), "entry", "entries"), req.path)
	return nil
}

// exportEntriesMarkdown writes the entries the export covers (all of
// them when no days were given) as one Markdown file, oldest first.
func exportEntriesMarkdown(c *cli, store *jstore.Store, req exportRequest) error {
	var n int
	err := transfer.WriteFileAtomic(req.path, func(out io.Writer) (err error) {
		n, err = report.WriteEntriesMarkdown(store, req.opt, out)
		return err
	})
	if err != nil {
		return noSession(err)
	}
	fmt.Fprintf(c.stdout, "Wrote %s to %s.\n", count(n, "entry", "entries"), req.path)
	return nil
}

// noSession says what to do on the command line when the export is since
// the last session and none is logged.
func noSession(err error) error {
	if errors.Is(err, report.ErrNoSession) {
		return journal.Errorf(journal.ENotFound, "No session logged yet: use --from and --to, or log one with throughline session add.")
	}
	return err
}
