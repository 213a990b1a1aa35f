package transfer

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
)

// ReadDayOne reads a Day One JSON export: the journal's .json file, or
// the whole export zip (whose photos, recordings and PDFs become the
// entries' attachments; see dayone_media.go).
// Each entry keeps its wall-clock time in the zone it was written in.
func ReadDayOne(r io.Reader) ([]journal.Entry, []Rejected, error) {
	data, err := readAll(r, "The file")
	if err != nil {
		return nil, nil, err
	}
	b, err := readDayOne(data)
	if err != nil {
		return nil, nil, err
	}
	return b.Entries, b.Rejected, nil
}

func readDayOne(data []byte) (*Batch, error) {
	if bytes.HasPrefix(data, zipMagic) {
		return readDayOneZip(bytes.NewReader(data), int64(len(data)))
	}
	b := &Batch{Format: FormatDayOne}
	m := media{}
	if err := b.addDayOne(data, "", false, m); err != nil {
		return nil, err
	}
	b.noteMedia(m)
	return b, nil
}

// dayOneEntry is an entry as Day One's JSON export writes it.
type dayOneEntry struct {
	UUID         string            `json:"uuid"`
	CreationDate string            `json:"creationDate"`
	TimeZone     string            `json:"timeZone"`
	Text         string            `json:"text"`
	RichText     string            `json:"richText"` // read when Text is empty
	Tags         []string          `json:"tags"`
	Starred      bool              `json:"starred"`
	Photos       []json.RawMessage `json:"photos"`
	Videos       []json.RawMessage `json:"videos"`
	Audios       []json.RawMessage `json:"audios"`
	PDFs         []json.RawMessage `json:"pdfAttachments"`
}

// media counts the attachments an import leaves behind, by kind.
type media map[string]int

// dayOneMoment is a photo or other attachment placed in an entry's text,
// with its line when it stands alone on one.
var (
	dayOneMomentLine = regexp.MustCompile(`(?m)^[ \t]*!\[[^\]\n]*\]\(dayone-moment:/[^)\n]*\)[ \t]*(?:\n|$)`)
	dayOneMoment     = regexp.MustCompile(`!\[[^\]\n]*\]\(dayone-moment:/[^)\n]*\)`)
)

// addDayOne reads one Day One journal file. file names it within a zip;
// many says the zip holds more than one, so places name the file too.
func (b *Batch) addDayOne(data []byte, file string, many bool, m media) error {
	if err := checkText(data); err != nil {
		return inFile(err, file)
	}
	return b.addDayOneEntries(func(each entryFunc) error { return eachEntry(data, dayOneExport, each) }, file, many, m)
}

// dayOneExport names Day One's JSON export in messages.
const dayOneExport = "a Day One export"

// addDayOneEntries adds the entries of a Day One journal file that walk
// goes through.
func (b *Batch) addDayOneEntries(walk walkFunc, file string, many bool, m media) error {
	zones := map[string]*time.Location{}
	err := walk(func(n int, dec *json.Decoder) error {
		var de dayOneEntry
		where := "entry " + number(n)
		if many {
			where += " of " + file
		}
		reason, err := decodeEntry(dec, &de)
		if err != nil || reason != "" {
			b.reject(where, reason)
			return err
		}
		at, reason := dayOneTime(de.CreationDate, de.TimeZone, zones)
		if reason != "" {
			b.reject(where, reason)
			return nil
		}
		text := de.Text
		if strings.TrimSpace(text) == "" && strings.TrimSpace(de.RichText) != "" {
			if text, reason = dayOneRichTextMarkdown(de.RichText); reason != "" {
				b.reject(where, reason)
				return nil
			}
		}
		text = dayOneMomentLine.ReplaceAllString(strings.ReplaceAll(text, "\r\n", "\n"), "")
		text = dayOneMoment.ReplaceAllString(text, "")
		title, body := splitTitle(text)
		files := b.dayOneFiles(&de, where, m)
		if title == "" && body == "" && len(files) > 0 {
			title = mediaTitle(files)
		}
		if title == "" && body == "" && len(de.Photos)+len(de.Videos)+len(de.Audios)+len(de.PDFs) > 0 {
			b.reject(where, "it holds only photos or other media, and no text")
			return nil
		}
		b.add(journal.Entry{
			WrittenAt: at, Title: title, Body: body, Patterns: de.Tags, Flagged: de.Starred,
			Source: FormatDayOne, SourceID: strings.TrimSpace(de.UUID), Files: files,
		}, n, where)
		return b.sinkErr
	})
	return inFile(err, file)
}

// inFile says which file of a zip an error is about.
func inFile(err error, file string) error {
	var je *journal.Error
	if file == "" || !errors.As(err, &je) {
		return err
	}
	msg := je.Message
	if rest, ok := strings.CutPrefix(msg, "The file "); ok {
		msg = file + " " + rest
	}
	return &journal.Error{Code: je.Code, Message: "In the zip, " + msg, Err: je.Err}
}

// dayOneTime reads an entry's creationDate (UTC) and shows it in the zone
// the entry was written in, so 9:00 in Paris stays 9:00.
func dayOneTime(created, zone string, zones map[string]*time.Location) (time.Time, string) {
	created = strings.TrimSpace(created)
	if created == "" {
		return time.Time{}, "it has no creationDate"
	}
	t, err := time.Parse(time.RFC3339, created)
	if err != nil {
		return time.Time{}, fmt.Sprintf("its creationDate %q is not a date and time I can read (Day One writes 2024-03-01T09:30:00Z)", created)
	}
	t = t.Truncate(time.Second)
	loc, seen := zones[zone]
	if !seen {
		loc = nil
		if l, err := time.LoadLocation(strings.TrimSpace(zone)); err == nil && strings.TrimSpace(zone) != "" {
			loc = l
		}
		zones[zone] = loc
	}
	if loc == nil {
		return t.In(time.Local), ""
	}
	return t.In(loc), ""
}

// splitTitle takes a leading "# Title" line as the title; the rest is
// the body.
func splitTitle(text string) (title, body string) {
	text = trimBlankLines(text)
	first, rest, _ := strings.Cut(text, "\n")
	if h, ok := strings.CutPrefix(strings.TrimSpace(first), "# "); ok {
		return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(h), "#")), trimBlankLines(rest)
	}
	return "", text
}

// noteMedia tells the person about attachments left behind.
func (b *Batch) noteMedia(m media) {
	var parts []string
	for _, kind := range []string{"photo", "video", "audio recording", "PDF"} {
		if n := m[kind]; n > 0 {
			parts = append(parts, plural(n, kind))
		}
	}
	if len(parts) > 0 {
		why := "Throughline keeps photos, audio and PDFs, not videos."
		if b.dayOneMedia == nil {
			why = "a journal's .json file doesn't hold them; import the whole export zip to keep photos, audio and PDFs."
		}
		b.Notes = append(b.Notes, fmt.Sprintf("Left behind %s: %s", strings.Join(parts, ", "), why))
	}
}

// readDayOneZip reads every journal (.json file) in a Day One export zip.
// Only the journals are read, so the limit on size applies to them, not
// to the photos.
func readDayOneZip(r io.ReaderAt, size int64) (*Batch, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "The file can't be opened as a zip archive (%v): its table of contents, at the end, is missing or damaged, so it may have been cut short. Export it again. Nothing was imported.", err)
	}
	b := &Batch{Format: FormatDayOne, dayOneMedia: newDayOneMedia(zr.File)}
	var journals []*zip.File
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, "./")
		switch {
		case f.FileInfo().IsDir() || strings.HasPrefix(path.Base(name), "."):
		case strings.EqualFold(path.Ext(name), ".json") && !strings.Contains(name, "/"):
			journals = append(journals, f)
		}
	}
	if len(journals) == 0 {
		return nil, journal.Errorf(journal.EInvalid, "The file is a zip archive without a Day One journal in it: a Day One export has a .json file (like Journal.json) at its top. Check that it is the right file. Nothing was imported.")
	}
	slices.SortFunc(journals, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	m := media{}
	var total int64
	for _, f := range journals {
		if f.UncompressedSize64 > uint64(maxImportSize) {
			return nil, tooBig(f.Name, int64(min(f.UncompressedSize64, 1<<62)))
		}
		data, err := readZipped(f)
		if err != nil {
			return nil, err
		}
		if total += int64(len(data)); total > maxImportSize {
			return nil, journal.Errorf(journal.EInvalid, "The journals in the zip come to more than %s, the most an import reads. Export them one by one. Nothing was imported.", journal.ByteSize(maxImportSize))
		}
		if err := b.addDayOne(data, f.Name, len(journals) > 1, m); err != nil {
			return nil, err
		}
	}
	b.noteMedia(m)
	if n := b.dayOneMedia.unlisted(); n > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("Left behind %s besides the journals that no entry lists.", plural(n, "file")))
	}
	return b, nil
}

// readZipped reads one file of a zip, refusing one larger than the limit
// or damaged.
func readZipped(f *zip.File) ([]byte, error) {
	damaged := func(err error) error {
		return journal.Errorf(journal.EInvalid, "In the zip, %s is damaged and can't be read whole (%v). Export it again. Nothing was imported.", f.Name, err)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, damaged(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxImportSize+1))
	if err != nil {
		return nil, damaged(err)
	}
	if int64(len(data)) > maxImportSize {
		return nil, tooBig(f.Name, -1)
	}
	return data, nil
}

// readDayOneZipFile reads a Day One export zip from disk, without
// reading its photos.
func readDayOneZipFile(name string) (*Batch, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "Couldn't read %s: %v. Nothing was imported.", name, unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "Couldn't read %s: %v. Nothing was imported.", name, unwrapPath(err))
	}
	return readDayOneZip(f, info.Size())
}

// plural writes a count of things: "1 photo", "2 photos".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return number(n) + " " + thing + "s"
}
