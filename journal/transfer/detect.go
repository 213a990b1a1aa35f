package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/throughline/throughline/journal"
)

// zipMagic opens every zip archive that holds anything.
var zipMagic = []byte("PK\x03\x04")

// isZip reports whether the file at path is a zip archive, by its first
// bytes or, for an empty or cut-off one, its name.
func isZip(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, journal.Errorf(journal.EInvalid, "Couldn't read %s: %v. Nothing was imported.", path, unwrapPath(err))
	}
	defer f.Close()
	head := make([]byte, len(zipMagic))
	n, _ := io.ReadFull(f, head)
	return bytes.Equal(head[:n], zipMagic) || strings.EqualFold(filepath.Ext(path), ".zip"), nil
}

// jrnlHeading is the start of a jrnl plain-text entry:
// "[2020-08-29 11:11] Title" (or, from old jrnl, without the brackets).
var jrnlHeading = regexp.MustCompile(`^\[?\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}`)

// detect tells the format of a file from its name and content.
func detect(path string, data []byte) (string, error) {
	name := filepath.Base(path)
	text := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	firstLine, _, _ := bytes.Cut(text, []byte("\n"))
	ext := strings.ToLower(filepath.Ext(path))
	if bytes.HasPrefix(data, zipMagic) {
		if isDaylioBackup(data) {
			return FormatDaylio, nil
		}
		return FormatDayOne, nil
	}
	if err := checkText(data); err != nil {
		return "", err
	}
	switch {
	case len(text) > 0 && text[0] == '{':
		return detectJSON(name, data)
	case bytes.Contains(firstLine, []byte("full_date")) || ext == ".csv":
		return FormatDaylio, nil
	case ext == ".md" || ext == ".markdown":
		return FormatMarkdown, nil
	case jrnlHeading.Match(firstLine) || ext == ".journal":
		return FormatJrnl, nil
	}
	return "", journal.Errorf(journal.EInvalid, "Couldn't tell which app %s comes from. Say which with --format: %s. Nothing was imported.", name, strings.Join(Formats, ", "))
}

// detectJSON tells jrnl, Day One and Throughline JSON apart by their
// top-level keys and the fields of the first entry.
func detectJSON(name string, data []byte) (string, error) {
	if format := sniffJSON(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM))); format != "" {
		return format, nil
	}
	if err := checkJSON(data); err != nil {
		return "", err
	}
	return "", journal.Errorf(journal.EInvalid, "%s is JSON, but not an export I know: it needs an \"entries\" list from jrnl or Day One, or to be a Throughline export. If it is one of those, say which with --format. Nothing was imported.", name)
}

// sniffJSON tells the export r holds by its top-level keys and the fields
// of its first entry, reading no further than that entry. It returns ""
// when it can't tell.
func sniffJSON(r io.Reader) string {
	dec := json.NewDecoder(r)
	keys := map[string]bool{}
	guess := func() string {
		switch {
		case keys["throughline"]:
			return FormatThroughline
		case keys["metadata"]:
			return FormatDayOne
		case keys["tags"] && keys["entries"]:
			return FormatJrnl
		}
		return ""
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return guess()
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return guess()
		}
		key, _ := t.(string)
		keys[key] = true
		if key == "throughline" {
			return FormatThroughline
		}
		if key != "entries" {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return guess()
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return guess()
		}
		if !dec.More() {
			return guess()
		}
		var first map[string]json.RawMessage
		if dec.Decode(&first) != nil {
			return guess()
		}
		for _, dayOne := range []string{"uuid", "creationDate"} {
			if _, ok := first[dayOne]; ok {
				return FormatDayOne
			}
		}
		for _, jrnl := range []string{"date", "time", "title", "body"} {
			if _, ok := first[jrnl]; ok {
				return FormatJrnl
			}
		}
		return guess()
	}
	return guess()
}

var utf8BOM = []byte("\xef\xbb\xbf")

// checkText refuses what is not UTF-8 text: binary data (a NUL byte),
// UTF-16, or bytes that are not UTF-8, saying where.
func checkText(data []byte) error {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return journal.Errorf(journal.EInvalid, "The file is UTF-16 text, and an import reads UTF-8. Save or export it again as UTF-8. Nothing was imported.")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return journal.Errorf(journal.EInvalid, "The file holds binary data, not text: there is a zero byte at %s. It is not an export an import can read; check that it is the right file. Nothing was imported.", position(data, i))
	}
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return journal.Errorf(journal.EInvalid, "The file is not UTF-8 text: at %s there is a byte (0x%02x) that UTF-8 text can't have. Save or export it again as UTF-8. Nothing was imported.", position(data, i), data[i])
		}
		i += n
	}
	return nil
}

// position names byte offset i of data for a person: "line 3, column 7
// (byte 120)", counting from 1.
func position(data []byte, i int) string {
	i = min(max(i, 0), len(data))
	line := bytes.Count(data[:i], []byte("\n")) + 1
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	col := utf8.RuneCount(data[start:i]) + 1
	return fmt.Sprintf("line %s, column %s (byte %s)", number(line), number(col), number(i+1))
}

// lineOf is the line, from 1, that byte offset i of data is on.
func lineOf(data []byte, i int) int {
	return bytes.Count(data[:min(max(i, 0), len(data))], []byte("\n")) + 1
}

// checkJSON refuses a file that is not whole, valid JSON, saying where it
// goes wrong and in which entry.
func checkJSON(data []byte) error {
	body := bytes.TrimPrefix(data, utf8BOM)
	if json.Valid(body) {
		return nil
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return journal.Errorf(journal.EInvalid, "The file is empty. Nothing was imported.")
	}
	skip := len(data) - len(body)
	var v json.RawMessage
	err := json.Unmarshal(body, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return journal.Errorf(journal.EInvalid, "The file is not valid JSON (%v). Nothing was imported.", err)
	}
	off := int(se.Offset) - 1 // the byte that was not expected
	where := position(data, skip+off)
	in := ""
	if n := entryAt(body, off); n > 0 {
		in = " of entry " + number(n)
	}
	if strings.Contains(se.Error(), "unexpected end") || off >= len(bytes.TrimRight(body, " \t\r\n")) {
		if n := entryAt(body, len(body)); n > 0 {
			return journal.Errorf(journal.EInvalid, "The file ends in the middle of entry %s (byte %s): it may have been cut short. Export it again. Nothing was imported.", number(n), number(len(data)))
		}
		return journal.Errorf(journal.EInvalid, "The file ends before its JSON is complete (byte %s): it may have been cut short. Export it again. Nothing was imported.", number(len(data)))
	}
	what := fmt.Sprintf("%q", rune(body[off]))
	if body[off] >= utf8.RuneSelf {
		r, _ := utf8.DecodeRune(body[off:])
		what = fmt.Sprintf("%q", r)
	}
	return journal.Errorf(journal.EInvalid, "The file stops being valid JSON at %s%s: an unexpected %s. It may have been edited by hand or damaged. Nothing was imported.", where, in, what)
}

// entryAt returns the number, from 1, of the element of the top-level
// "entries" list that byte offset off falls in, or 0 when it falls
// outside the list. data may be broken JSON: it is read only up to off.
func entryAt(data []byte, off int) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return 0
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return 0
		}
		if t != "entries" {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil || dec.InputOffset() > int64(off) {
				return 0
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return 0
		}
		for n := 1; ; n++ {
			if !dec.More() {
				return 0
			}
			var skip json.RawMessage
			if dec.Decode(&skip) != nil || dec.InputOffset() > int64(off) {
				return n
			}
		}
	}
	return 0
}

// entryFunc is called with a decoder at the start of each element of an
// export's "entries" list, and its number from 1.
type entryFunc func(n int, dec *json.Decoder) error

// walkFunc calls each for every entry of an export.
type walkFunc func(each entryFunc) error

// eachEntry checks that data is JSON of the shape {"entries": [...]} and
// calls each for each element of the list. what names the export for
// messages ("a jrnl export").
func eachEntry(data []byte, what string, each entryFunc) error {
	if err := checkJSON(data); err != nil {
		return err
	}
	return walkEntries(json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM))), what, each)
}

// walkEntries reads an object with an "entries" list from dec, calling
// each for each element of the list. It stops before the object's closing
// brace.
func walkEntries(dec *json.Decoder, what string, each entryFunc) error {
	shape := func(is string) error {
		return journal.Errorf(journal.EInvalid, "The file is JSON, but not %s: %s. Check that it is the right file. Nothing was imported.", what, is)
	}
	t, err := dec.Token()
	if err != nil {
		return shape("it can't be read")
	}
	if t != json.Delim('{') {
		return shape(fmt.Sprintf("it is %s, not an object with an \"entries\" list", jsonKind(t)))
	}
	found := false
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return shape("it can't be read")
		}
		if key != "entries" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return shape("it can't be read")
			}
			continue
		}
		found = true
		t, err := dec.Token()
		if err != nil {
			return shape("its \"entries\" can't be read")
		}
		if t != json.Delim('[') {
			return shape(fmt.Sprintf("its \"entries\" is %s, not a list", jsonKind(t)))
		}
		for n := 1; dec.More(); n++ {
			if err := each(n, dec); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return shape("its \"entries\" can't be read")
		}
	}
	if !found {
		return shape("it has no \"entries\" list")
	}
	return nil
}

// jsonKind names the kind of JSON value a token starts.
func jsonKind(t json.Token) string {
	switch t := t.(type) {
	case json.Delim:
		if t == '[' {
			return "a list"
		}
		return "an object"
	case string:
		return "text"
	case bool:
		return "true or false"
	case nil:
		return "null"
	}
	return "a number"
}

// decodeEntry decodes the next list element into v. An element of the
// wrong type is not an error but a reason to leave the entry out.
func decodeEntry(dec *json.Decoder, v any) (reason string, err error) {
	err = dec.Decode(v)
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		got := map[string]string{"string": "text", "number": "a number", "bool": "true or false", "array": "a list", "object": "an object"}[te.Value]
		if got == "" {
			got = te.Value
		}
		if te.Field == "" {
			return fmt.Sprintf("it is %s, not an entry", got), nil
		}
		return fmt.Sprintf("its %q is %s, which doesn't belong there", te.Field, got), nil
	}
	if err != nil {
		return "", journal.Errorf(journal.EInvalid, "The file can't be read as JSON (%v). Nothing was imported.", err)
	}
	return "", nil
}
