// Package transfer brings entries in from other journals: jrnl, Day One,
// Daylio, a folder of Markdown files, and Throughline's own export.
//
// Each reader turns a file into entries plus the items it had to leave
// out, with where they are and why. Only a file that can't be read as a
// whole (cut short, binary, the wrong shape) stops an import, and then
// nothing is imported. The entries go into the journal in one
// transaction: all of them or none.
package transfer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/throughline/throughline/journal"
)

// Formats an import can read, as --format names them.
const (
	FormatJrnl        = "jrnl"
	FormatDayOne      = "dayone"
	FormatDaylio      = "daylio"
	FormatMarkdown    = "markdown"
	FormatThroughline = "throughline"
)

// Formats lists the format names in the order they are offered.
var Formats = []string{FormatJrnl, FormatDayOne, FormatDaylio, FormatMarkdown, FormatThroughline}

// FormatLabel is a format's name as a person knows the app.
func FormatLabel(format string) string {
	switch format {
	case FormatDayOne:
		return "Day One"
	case FormatDaylio:
		return "Daylio"
	case FormatMarkdown:
		return "Markdown files"
	case FormatThroughline:
		return "a Throughline export"
	}
	return format
}

// maxImportSize is the largest file an import reads: 1 GB. A variable so
// tests can lower it.
var maxImportSize int64 = 1 << 30

// Rejected is an item of the file left out of the import, and why.
type Rejected struct {
	Where  string // "line 14", "entry 3", or a file in a folder
	Reason string
}

func (r Rejected) String() string { return r.Where + ": " + r.Reason }

// Summary says what an import did.
type Summary struct {
	Format     string // FormatJrnl, FormatDayOne, ...
	Added      int
	Skipped    int               // already in the journal
	SkippedWhy []journal.Skipped // Item: the entry's number (JSON), line (jrnl text, Daylio) or file's place (Markdown)
	// SkippedWhere says where each of SkippedWhy is, as Rejected.Where does.
	SkippedWhere []string
	Rejected     []Rejected // left out: they couldn't be read
	Notes        []string   // what else a person should know: photos left behind, moods without a number
	// TagsAsEmotions and TagsAsPatterns count the different tags that
	// became emotions (they name a feeling) and patterns; FeelingTags
	// says which, as "anxiety → anxious". TagNote puts them in words.
	TagsAsEmotions, TagsAsPatterns int
	FeelingTags                    []string
}

// Batch is a file read and ready to go into a journal.
type Batch struct {
	Format string
	// Entries are the valid entries, in the file's order; none when the
	// file is read again as it is imported (see Each).
	Entries  []journal.Entry
	Rejected []Rejected
	Notes    []string
	where    []string          // where each entry is in the file
	items    []int             // each entry's number in the file
	snapshot *journal.Snapshot // a Throughline export, decoded and checked before the journal opens
	path     string            // where it came from, for messages
	span     journal.TextSpan  // holds every entry
	// again reads the file again, handing each valid entry to sink; set
	// when the entries are too many to hold (see readJSONStream).
	again func(sink func(journal.Entry) error) error
	// sink takes each valid entry instead of Entries; sinkErr is the
	// first error it gave, which stops the reading.
	sink    func(journal.Entry) error
	sinkErr error
	// dayOneMedia is a Day One zip's files, for its entries to take.
	dayOneMedia *dayOneMedia
}

// add takes an entry, or rejects it when it is not one the journal can
// keep.
func (b *Batch) add(e journal.Entry, item int, where string) {
	if reason := problem(&e); reason != "" {
		b.reject(where, reason)
		return
	}
	b.items = append(b.items, item)
	b.where = append(b.where, where)
	b.span.Add(e)
	if b.sink == nil {
		b.Entries = append(b.Entries, e)
	} else if b.sinkErr == nil {
		b.sinkErr = b.sink(e)
	}
}

// Each calls fn with each valid entry in the file's order, reading the
// file again when its entries are not held.
func (b *Batch) Each(fn func(journal.Entry) error) error {
	if b.again != nil {
		return b.again(fn)
	}
	for _, e := range b.Entries {
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func (b *Batch) reject(where, reason string) {
	b.Rejected = append(b.Rejected, Rejected{Where: where, Reason: reason})
}

// problem says why e can't be imported, or "" when it can. It tidies e
// as saving would.
func problem(e *journal.Entry) string {
	e.Title = cleanText(e.Title)
	e.Body = cleanText(e.Body)
	if strings.TrimSpace(e.Title) == "" && strings.TrimSpace(e.Body) == "" {
		return "it has no title and no text"
	}
	if e.WrittenAt.IsZero() {
		return "it has no date"
	}
	if y := e.WrittenAt.Year(); y < 1 || y > 9999 {
		return fmt.Sprintf("its year, %d, is not one a journal could have", y)
	}
	var names []string
	for _, n := range e.Patterns {
		if n = tagName(n); n != "" {
			names = append(names, n)
		}
	}
	e.Patterns = names
	if err := e.Validate(); err != nil {
		return strings.TrimSuffix(err.Error(), ".")
	}
	return ""
}

// cleanText turns Windows line ends into plain ones.
func cleanText(s string) string {
	return strings.ReplaceAll(s, "\r\n", "\n")
}

// tagName turns another app's tag ("@anger", "#shame", "people, pleasing")
// into a pattern name: no leading marks, no '#' or ',' (pattern names
// can't hold them), no control characters. It returns "" when nothing is
// left.
func tagName(tag string) string {
	tag = strings.TrimLeft(strings.TrimSpace(tag), "@#")
	tag = strings.Map(func(r rune) rune {
		if r == '#' || r == ',' || unicode.IsControl(r) || r == unicode.ReplacementChar {
			return ' '
		}
		return r
	}, tag)
	return journal.CleanName(tag)
}

// Import reads the file or folder at path and adds its entries to the
// journal in one transaction. format is one of Formats, or "" to tell it
// from the file. On any error the journal is unchanged.
func Import(store ImportTarget, path, format string) (Summary, error) {
	b, err := Read(path, format)
	if err != nil {
		return Summary{}, err
	}
	return b.Import(store)
}

// Read reads the file or folder at path without touching a journal, so a
// file that can't be read is refused before a journal is opened.
func Read(path, format string) (*Batch, error) {
	b, err := read(path, format)
	return b, named(err, filepath.Base(path))
}

// named puts the file's name in a reader's message about "the file" (or
// "the export"), and makes sure it says nothing was imported.
func named(err error, name string) error {
	var je *journal.Error
	if !errors.As(err, &je) || je.Code != journal.EInvalid {
		return err
	}
	msg := je.Message
	for _, the := range []string{"The file ", "The export "} {
		if rest, ok := strings.CutPrefix(msg, the); ok {
			msg = name + " " + rest
		}
	}
	if !strings.HasSuffix(msg, "Nothing was imported.") {
		msg += " Nothing was imported."
	}
	return &journal.Error{Code: je.Code, Message: msg, Err: je.Err}
}

func read(path, format string) (*Batch, error) {
	format = strings.ToLower(strings.TrimSpace(format))
	if format != "" && !knownFormat(format) {
		return nil, journal.Errorf(journal.EInvalid, "%q is not a format I can import. Use one of: %s.", format, strings.Join(Formats, ", "))
	}
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, journal.Errorf(journal.ENotFound, "There is no file or folder at %s. Check the name and try again.", path)
	} else if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "Couldn't read %s: %v. Nothing was imported.", path, unwrapPath(err))
	}
	if info.IsDir() {
		if format != "" && format != FormatMarkdown {
			return nil, journal.Errorf(journal.EInvalid, "%s is a folder. Only Markdown files are imported from a folder (--format markdown); give the %s file itself.", path, FormatLabel(format))
		}
		return readMarkdownFolder(path)
	}
	if !info.Mode().IsRegular() {
		return nil, journal.Errorf(journal.EInvalid, "%s is not a file or a folder I can read. Nothing was imported.", path)
	}
	if format == "" || format == FormatDayOne {
		if zipped, err := isZip(path); err != nil {
			return nil, err
		} else if zipped && (format == FormatDayOne || format == "" && !daylioBackupFile(path)) {
			return readDayOneZipFile(path)
		}
	}
	if info.Size() > maxImportSize {
		return nil, tooBig(filepath.Base(path), info.Size())
	}
	if b, ok := readJSONStream(path, format); ok {
		return b, nil
	}
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	if format == "" {
		if format, err = detect(path, data); err != nil {
			return nil, err
		}
	}
	if format == FormatThroughline {
		// Decoded now, so a broken export is refused before the journal
		// is opened (or created).
		snap, err := decodeThroughline(data)
		if err != nil {
			return nil, named(err, filepath.Base(path))
		}
		return &Batch{Format: format, path: path, snapshot: snap}, nil
	}
	if format == FormatMarkdown {
		b := &Batch{Format: FormatMarkdown}
		name := filepath.Base(path)
		e, err := ReadMarkdownFile(name, bytes.NewReader(data), info.ModTime())
		if err != nil {
			return nil, err
		}
		b.add(e, 1, name)
		if len(b.Rejected) > 0 {
			return nil, journal.Errorf(journal.EInvalid, "%s can't be imported: %s. Nothing was imported.", name, b.Rejected[0].Reason)
		}
		return b, nil
	}
	return readData(format, data)
}

// readData reads a file's bytes as format.
func readData(format string, data []byte) (*Batch, error) {
	switch format {
	case FormatJrnl:
		return readJrnl(data)
	case FormatDayOne:
		return readDayOne(data)
	case FormatDaylio:
		return readDaylio(data)
	}
	return nil, journal.Errorf(journal.EInvalid, "%q is not a format I can import. Use one of: %s.", format, strings.Join(Formats, ", "))
}

func knownFormat(f string) bool {
	for _, known := range Formats {
		if f == known {
			return true
		}
	}
	return false
}

// Import adds the batch's entries to the journal in one transaction.
// Entries already there are skipped; on any error nothing is added.
func (b *Batch) Import(store ImportTarget) (Summary, error) {
	if b.Format == FormatThroughline {
		return importThroughline(store, b)
	}
	sum := Summary{Format: b.Format, Rejected: b.Rejected, Notes: b.Notes}
	if len(b.items) == 0 {
		return sum, nil
	}
	tags, err := newTagSort(store)
	if err != nil {
		return Summary{}, err
	}
	// Tags are sorted as entries are read, on the reader's goroutine.
	sorted := func(fn func(journal.Entry) error) error {
		return b.Each(func(e journal.Entry) error {
			tags.sort(&e)
			return fn(e)
		})
	}
	added, skipped, err := store.ImportEach(b.span, func(add func(journal.Entry) error) error {
		return readAhead(sorted, add)
	})
	if err != nil {
		return Summary{}, err
	}
	sum.Added, sum.Skipped = added, len(skipped)
	tags.count(&sum, skipped)
	for _, s := range skipped {
		i := s.Item - 1
		sum.SkippedWhy = append(sum.SkippedWhy, journal.Skipped{Item: b.items[i], Reason: s.Reason})
		sum.SkippedWhere = append(sum.SkippedWhere, b.where[i])
	}
	return sum, nil
}

// readFile reads a whole file of at most maxImportSize bytes.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "Couldn't read %s: %v. Nothing was imported.", path, unwrapPath(err))
	}
	defer f.Close()
	return readAll(f, filepath.Base(path))
}

// readAll reads r to its end, refusing more than maxImportSize bytes.
func readAll(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxImportSize+1))
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "Couldn't read %s: %v. Nothing was imported.", name, unwrapPath(err))
	}
	if int64(len(data)) > maxImportSize {
		return nil, tooBig(name, -1)
	}
	return data, nil
}

func tooBig(name string, size int64) error {
	if size < 0 {
		return journal.Errorf(journal.EInvalid, "%s is more than %s, the most an import reads. Export a shorter stretch of time and import the parts one by one. Nothing was imported.", name, journal.ByteSize(maxImportSize))
	}
	is, limit := journal.ByteSize(size), journal.ByteSize(maxImportSize)
	if is == limit { // just over: say by how much
		is, limit = number(size)+" bytes", limit+" ("+number(maxImportSize)+" bytes)"
	}
	return journal.Errorf(journal.EInvalid, "%s is %s, more than %s, the most an import reads. Export a shorter stretch of time and import the parts one by one. Nothing was imported.", name, is, limit)
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// number writes n with thousands separators: 5,220,114.
func number[T int | int64](n T) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
