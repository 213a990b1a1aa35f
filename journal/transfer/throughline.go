package transfer

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/throughline/throughline/journal"
)

// ThroughlineFormat is the version of the export's shape this build
// writes and the newest it reads. A change that an older build would
// misread is a new number.
const ThroughlineFormat = 1

// throughlineNow stamps an export; tests fix it.
var throughlineNow = time.Now

// throughlineFile is a Throughline export:
// {"throughline": {"format": 1, "exported_at": ...}, "journal": {...}}.
type throughlineFile struct {
	Throughline *throughlineHeader `json:"throughline"`
	Journal     *journal.Snapshot  `json:"journal"`
}

type throughlineHeader struct {
	Format     int    `json:"format"`
	ExportedAt string `json:"exported_at"` // RFC 3339
}

// WriteThroughline writes the whole journal to w as indented JSON, in
// the same order every time: two exports of the same journal differ only
// in exported_at. Each entry is written as it is read, so the export is
// never one block in memory. Errors from w are returned as they are.
func WriteThroughline(store ExportSource, w io.Writer) error {
	x := exportWriter{out: bufio.NewWriterSize(w, 1<<16)}
	header := &throughlineHeader{Format: ThroughlineFormat, ExportedAt: throughlineNow().UTC().Format(time.RFC3339)}
	var rest journal.Snapshot
	err := store.StreamSnapshot(func(snap *journal.Snapshot, entries int) error {
		rest = *snap
		x.out.WriteString("{\n  \"throughline\": ")
		if err := x.encode(header, "  "); err != nil {
			return err
		}
		x.out.WriteString(",\n  \"journal\": {")
		return x.fields(snap, 0, entriesField+1) // up to the entries' key
	}, x.entry)
	if err != nil {
		return err
	}
	if x.entries == 0 {
		x.out.WriteString("[]")
	} else {
		x.out.WriteString("\n    ]")
	}
	if err := x.fields(&rest, entriesField+1, reflect.TypeFor[journal.Snapshot]().NumField()); err != nil {
		return err
	}
	x.out.WriteString("\n  }\n}\n")
	return x.out.Flush()
}

// entriesField is the place of the entries among a snapshot's fields.
var entriesField = func() int {
	f, _ := reflect.TypeFor[journal.Snapshot]().FieldByName("Entries")
	return f.Index[0]
}()

// exportWriter writes an export as an Encoder indenting by two spaces
// would, but one list item at a time, so 100,000 entries are never one
// block of JSON in memory.
type exportWriter struct {
	out     *bufio.Writer
	item    bytes.Buffer
	enc     *json.Encoder
	buf     []byte // the last entry written, its space used again
	entries int
}

// encode writes v with encoding/json, its lines after the first starting
// with prefix.
func (x *exportWriter) encode(v any, prefix string) error {
	if x.enc == nil {
		x.enc = json.NewEncoder(&x.item)
		x.enc.SetEscapeHTML(false) // "<" and "&" in entries stay as written
	}
	x.item.Reset()
	x.enc.SetIndent(prefix, "  ")
	if err := x.enc.Encode(v); err != nil {
		return err
	}
	x.out.Write(bytes.TrimSuffix(x.item.Bytes(), []byte("\n")))
	return nil
}

// fields writes the snapshot's fields from up to before to; at
// entriesField it writes the key and the list's opening, as the entries
// follow one by one.
func (x *exportWriter) fields(snap *journal.Snapshot, from, to int) error {
	v := reflect.ValueOf(snap).Elem()
	for i := from; i < to; i++ {
		key, opts, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		list := v.Field(i)
		if i != entriesField && opts == "omitempty" && list.Len() == 0 {
			continue // as Encode leaves it out
		}
		if i > 0 {
			x.out.WriteString(",")
		}
		x.out.WriteString("\n    \"" + key + "\": ")
		switch {
		case i == entriesField:
			return nil
		case list.IsNil():
			x.out.WriteString("null")
			continue
		case list.Len() == 0:
			x.out.WriteString("[]")
			continue
		}
		x.out.WriteString("[")
		for j := range list.Len() {
			if j > 0 {
				x.out.WriteString(",")
			}
			x.out.WriteString("\n      ")
			if err := x.encode(list.Index(j).Interface(), "      "); err != nil {
				return err
			}
		}
		x.out.WriteString("\n    ]")
	}
	return nil
}

// entry writes one entry of the list.
func (x *exportWriter) entry(e *journal.SnapshotEntry) error {
	if x.entries == 0 {
		x.out.WriteString("[")
	} else {
		x.out.WriteString(",")
	}
	x.entries++
	x.out.WriteString("\n      ")
	x.buf = appendEntry(x.buf[:0], e, "      ")
	_, err := x.out.Write(x.buf)
	return err
}

// ImportThroughline reads a Throughline export from r into store, which
// must be an empty journal, keeping every id. The file is checked whole
// before anything is written; on any error the journal is unchanged.
func ImportThroughline(store ImportTarget, r io.Reader) (Summary, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Summary{}, journal.Errorf(journal.EInvalid, "Couldn't read the export: %v. Nothing was imported.", err)
	}
	snap, err := decodeThroughline(data)
	if err != nil {
		return Summary{}, err
	}
	if err := store.Restore(*snap); err != nil {
		return Summary{}, err
	}
	return Summary{Format: FormatThroughline, Added: len(snap.Entries), Notes: []string{restoredNote(snap)}}, nil
}

// attachedFiles counts the files the entries hold.
func attachedFiles(snap *journal.Snapshot) int {
	n := 0
	for _, e := range snap.Entries {
		n += len(e.Attachments)
	}
	return n
}

// restoredNote says what came with the entries.
func restoredNote(snap *journal.Snapshot) string {
	var parts []string
	for _, part := range []struct {
		n           int
		one, plural string
	}{
		{len(snap.Patterns), "pattern", "patterns"}, {len(snap.Emotions), "emotion word", "emotion words"},
		{len(snap.People), "person", "people"}, {attachedFiles(snap), "attached file", "attached files"}, {len(snap.Goals), "goal", "goals"},
		{len(snap.CheckIns), "check-in", "check-ins"}, {len(snap.Sessions), "session", "sessions"},
		{len(snap.Measures), "questionnaire", "questionnaires"}, {len(snap.Settings), "setting", "settings"},
	} {
		word := part.plural
		if part.n == 1 {
			word = part.one
		}
		parts = append(parts, strconv.Itoa(part.n)+" "+word)
	}
	return "Also restored: " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1] + "."
}

// decodeThroughline reads an export, refusing with where it goes wrong:
// the line, the byte and the entry.
func decodeThroughline(data []byte) (*journal.Snapshot, error) {
	bom := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		bom = 3
	}
	body := data[bom:]
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, journal.Errorf(journal.EInvalid, "The export is empty. Export the journal again. Nothing was imported.")
	}
	if body := bytes.TrimLeft(body, " \t\r\n"); body[0] != '{' {
		return nil, journal.Errorf(journal.EInvalid, "The file is not a Throughline export: an export is JSON that starts with “{”. Nothing was imported.")
	}
	// First the header, reading the whole file as JSON: a file cut short
	// or damaged anywhere is refused here, and a newer format is named
	// before its new fields could confuse this build.
	var head struct {
		Throughline *throughlineHeader `json:"throughline"`
	}
	if err := json.Unmarshal(body, &head); err != nil {
		return nil, throughlineJSONError(err, data, bom)
	}
	switch {
	case head.Throughline == nil:
		return nil, journal.Errorf(journal.EInvalid, "The file is JSON, but not a Throughline export: it has no \"throughline\" header. Nothing was imported.")
	case head.Throughline.Format > ThroughlineFormat:
		return nil, journal.Errorf(journal.EInvalid, "The export was made by a newer version of Throughline (export format %d; this version reads format %d and older). Update Throughline, then import it again. Nothing was imported.",
			head.Throughline.Format, ThroughlineFormat)
	case head.Throughline.Format < 1:
		return nil, journal.Errorf(journal.EInvalid, "The export's header has no format number, or the number %d, which no version of Throughline writes. Nothing was imported.", head.Throughline.Format)
	}

	var file throughlineFile
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields() // a field this build would drop is data lost
	if err := dec.Decode(&file); err != nil {
		return nil, throughlineJSONError(err, data, bom)
	}
	if file.Journal == nil {
		return nil, journal.Errorf(journal.EInvalid, "The export has a header but no \"journal\": it holds nothing to import. Export it again. Nothing was imported.")
	}
	// Every export lists each part, if only as []: a part left out is a
	// damaged file, not an empty vocabulary to replace the journal's with.
	// Parts added later (omitempty) are missing from older exports.
	snap := reflect.ValueOf(*file.Journal)
	for i := range snap.NumField() {
		key, opts, _ := strings.Cut(snap.Type().Field(i).Tag.Get("json"), ",")
		if snap.Field(i).IsNil() && opts != "omitempty" {
			return nil, journal.Errorf(journal.EInvalid, "The export's journal has no \"%s\" list: it may have been edited by hand or damaged. Export it again. Nothing was imported.", key)
		}
	}
	return file.Journal, nil
}

// throughlineJSONError turns a decoding error into a message that says
// where in the file it went wrong.
// data is the whole file; its JSON starts after bom bytes.
func throughlineJSONError(err error, data []byte, bom int) error {
	body := data[bom:]
	where := func(off int64) string { return exportPlace(data, bom+int(off), exportEntryAt(body, off)) }
	var syntax *json.SyntaxError
	var kind *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax) && strings.Contains(syntax.Error(), "unexpected end of JSON input"):
		in := ""
		if n := exportEntryAt(body, int64(len(body))); n > 0 {
			in = fmt.Sprintf(" in the middle of entry %d", n)
		}
		return journal.Errorf(journal.EInvalid, "The export ends early%s: the file stops at line %d, after %d bytes. It may have been cut short while copying. Export it again. Nothing was imported.",
			in, bytes.Count(data, []byte("\n"))+1, len(data))
	case errors.As(err, &syntax):
		return journal.Errorf(journal.EInvalid, "The export stops being valid JSON at %s: %s. It may have been edited by hand or damaged. Nothing was imported.",
			where(syntax.Offset-1), strings.TrimPrefix(syntax.Error(), "json: "))
	case errors.As(err, &kind):
		return journal.Errorf(journal.EInvalid, "The export has %s where %s belongs, for “%s” at %s. It may have been edited by hand or damaged. Nothing was imported.",
			jsonValueWords(kind.Value), goTypeWords(kind.Type), kind.Field, where(kind.Offset-1))
	}
	var b64 base64.CorruptInputError
	if errors.As(err, &b64) {
		return journal.Errorf(journal.EInvalid, "The export holds an attached file whose bytes are damaged (its \"data\" isn't valid base64). It may have been edited by hand or damaged. Export it again. Nothing was imported.")
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name, _ = strconv.Unquote(name)
		place := "in the file"
		if off := fieldOffset(body, name); off >= 0 {
			place = "at " + where(int64(off))
		}
		return journal.Errorf(journal.EInvalid, "The export has a field this version of Throughline doesn't know, “%s”, %s. It may have been edited by hand, or made by a newer version. Nothing was imported.", name, place)
	}
	return journal.Errorf(journal.EInvalid, "The export can't be read: %v. Nothing was imported.", err)
}

// fieldOffset finds the key name in body, or -1.
func fieldOffset(body []byte, name string) int {
	quoted, _ := json.Marshal(name)
	for from := 0; ; {
		i := bytes.Index(body[from:], quoted)
		if i < 0 {
			return -1
		}
		i += from
		from = i + len(quoted)
		if rest := bytes.TrimLeft(body[from:], " \t\r\n"); len(rest) > 0 && rest[0] == ':' {
			return i
		}
	}
}

// jsonValueWords names a kind of JSON value, as UnmarshalTypeError gives it.
func jsonValueWords(value string) string {
	switch {
	case value == "string":
		return "text"
	case strings.HasPrefix(value, "number"):
		return "a number"
	case value == "bool":
		return "true or false"
	case value == "array":
		return "a list"
	case value == "object":
		return "an object"
	}
	return value
}

// goTypeWords names what a field holds.
func goTypeWords(t reflect.Type) string {
	if t == nil {
		return "something else"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Pointer, reflect.Map:
		return "an object"
	}
	return t.String()
}

// exportPlace names byte offset off of data for a person, with the
// entry it falls in when it falls in one: "line 3, column 7 (byte 120),
// in entry 2".
func exportPlace(data []byte, off, entry int) string {
	off = min(max(off, 0), len(data))
	line := bytes.Count(data[:off], []byte("\n")) + 1
	column := utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
	place := fmt.Sprintf("line %d, column %d (byte %d)", line, column, off+1)
	if entry > 0 {
		place += fmt.Sprintf(", in entry %d", entry)
	}
	return place
}

// exportEntryAt returns the number, from 1, of the entry of the export's
// journal.entries list that byte offset off falls in, or 0 when it falls
// outside the list. data may be broken JSON past off.
func exportEntryAt(data []byte, off int64) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	for _, key := range []string{"journal", "entries"} {
		if !seekExportKey(dec, key, off) {
			return 0
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return 0
	}
	for n := 1; ; n++ {
		if !dec.More() {
			if t, err := dec.Token(); err == nil && t == json.Delim(']') {
				return 0 // the list ended whole, before off
			}
			return n // cut short where entry n would start
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil || dec.InputOffset() > off {
			return n
		}
	}
}

// seekExportKey moves dec into the object it is at, to the value of key,
// unless off comes first.
func seekExportKey(dec *json.Decoder, key string, off int64) bool {
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		if t == key {
			return true
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil || dec.InputOffset() > off {
			return false
		}
	}
	return false
}
