package report

import (
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns"
)

// What an export covers and how each format is written: the window and
// the command line both export through these, so they agree on the days,
// the entries and the file.

// Format is a way to save an export: the session-prep report as a PDF,
// Markdown or a web page, the chosen entries as CSV, or the whole journal
// as JSON.
type Format string

const (
	FormatPDF      Format = "pdf"
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
	FormatCSV      Format = "csv"
	FormatJSON     Format = "json"
	// FormatEntriesMarkdown is the chosen entries themselves, every word of
	// them, as one Markdown file (jrnl's --format markdown), where
	// FormatMarkdown is the report, which prints only flagged entries.
	FormatEntriesMarkdown Format = "entries-md"
)

// Formats are every format, in the order they are offered.
var Formats = []Format{FormatPDF, FormatMarkdown, FormatHTML, FormatCSV, FormatJSON}

// extensions name a format by a file's extension, Ext's and the others
// people use.
var extensions = map[string]Format{
	".pdf": FormatPDF, ".md": FormatMarkdown, ".markdown": FormatMarkdown, ".html": FormatHTML, ".htm": FormatHTML,
	".csv": FormatCSV, ".json": FormatJSON,
}

// Ext is the extension a new file of format f gets.
func (f Format) Ext() string {
	if f == FormatEntriesMarkdown {
		return FormatMarkdown.Ext()
	}
	return "." + string(f)
}

// FormatOf is the format a file name's extension names, or "" for none.
func FormatOf(path string) Format { return extensions[strings.ToLower(filepath.Ext(path))] }

// IsReport says whether f is the session-prep report rather than entries
// or the whole journal.
func (f Format) IsReport() bool { return f == FormatPDF || f == FormatMarkdown || f == FormatHTML }

// Writer writes r in f, one of the formats that IsReport.
func (r Report) Writer(f Format) func(io.Writer) error {
	switch f {
	case FormatMarkdown:
		return func(w io.Writer) error { _, err := io.WriteString(w, r.Markdown()); return err }
	case FormatHTML:
		return func(w io.Writer) error { _, err := io.WriteString(w, r.HTML()); return err }
	}
	return r.PDF
}

// Covered is the days an export covers: opt.Window, or with SinceSession
// the days since the last session logged before now, returned too
// (ErrNoSession when there is none).
func Covered(store Store, opt Options, now time.Time) (w patterns.Window, session time.Time, err error) {
	if !opt.SinceSession {
		return opt.Window, time.Time{}, nil
	}
	last, ok, err := store.LastSession(now)
	if err != nil {
		return patterns.Window{}, time.Time{}, err
	}
	if !ok {
		return patterns.Window{}, time.Time{}, ErrNoSession
	}
	return patterns.SinceSession(last.At, now), last.At, nil
}

// LeftOut says whether opt leaves e out of an export: excluded by id, or
// not flagged when only flagged entries are wanted.
func (opt Options) LeftOut(e journal.Entry) bool {
	return slices.Contains(opt.Exclude, e.ID) || (opt.FlaggedOnly && !e.Flagged)
}

// Chosen is the entries an export holds of those given newest first (as
// the journal lists them), oldest first.
func (opt Options) Chosen(entries []journal.Entry) []journal.Entry {
	chosen := slices.DeleteFunc(slices.Clone(entries), opt.LeftOut)
	slices.Reverse(chosen)
	return chosen
}

// ChosenEntries reads the entries an export holds, oldest first: those in
// the days Covered, less the ones LeftOut.
func ChosenEntries(store Store, opt Options) ([]journal.Entry, error) {
	w, _, err := Covered(store, opt, opt.now())
	if err != nil {
		return nil, err
	}
	entries, err := store.Entries(journal.EntryQuery{From: w.From, Before: w.To})
	if err != nil {
		return nil, err
	}
	return opt.Chosen(entries), nil
}

// now is opt.Now, or the time now when it is zero.
func (opt Options) now() time.Time {
	if opt.Now.IsZero() {
		return time.Now()
	}
	return opt.Now
}
