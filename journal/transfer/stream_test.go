package transfer

import (
	"bytes"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/throughline/throughline/journal"
)

// A jrnl or Day One JSON export is read as a stream, its entries not
// held but read again as they are imported, and it reads exactly as the
// whole-file reader reads it: the same entries, left-out items, notes
// and places.
func TestRead_JSONStreamedReadsAsWhole(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	dayOne, err := os.ReadFile(sample(t, "dayone-fictional-journal.json"))
	if err != nil {
		t.Fatal(err)
	}
	jrnl := "\xef\xbb\xbf" + `{
  "tags": {"@anger": 1, "@people-pleasing": 1},
  "entries": [
    {"title": "Winter.", "body": "\r\nCold @anger, café ☕.\r\n", "date": "2024-01-15", "time": "21:05", "tags": ["@anger", "@people-pleasing"], "starred": true},
    {"title": 5, "body": "a number for a title", "date": "2024-07-15", "time": "09:30"},
    {"title": "Never.", "body": "x", "date": "2024-13-45", "time": "09:30"},
    {"title": "", "body": "", "date": "2024-07-15", "time": "09:30"},
    {"title": "Summer.", "body": "Warm.", "date": "2024-07-15", "time": "09:30 PM", "tags": [], "starred": false}
  ]
}
`
	for _, tt := range []struct {
		name, file, format string
		data               []byte
	}{
		{"jrnl, detected", "jrnl.json", "", []byte(jrnl)},
		{"jrnl, given", "export.txt", FormatJrnl, []byte(jrnl)},
		{"Day One, detected", "Journal.json", "", dayOne},
		{"Day One, given", "Journal.json", FormatDayOne, dayOne},
	} {
		t.Run(tt.name, func(t *testing.T) {
			format := tt.format
			if format == "" {
				format = FormatJrnl
				if strings.HasPrefix(tt.name, "Day One") {
					format = FormatDayOne
				}
			}
			whole, err := readData(format, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if format == FormatJrnl && len(whole.Rejected) != 3 {
				t.Fatalf("the whole-file reader left out %v, want 3 entries", whole.Rejected)
			}
			streamed, err := Read(writeTemp(t, tt.file, tt.data), tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if streamed.Entries != nil || streamed.again == nil {
				t.Fatalf("Read holds %d entries, want none held and the file read again on import", len(streamed.Entries))
			}
			var entries []journal.Entry
			if err := streamed.Each(func(e journal.Entry) error { entries = append(entries, e); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(entries) == 0 || !reflect.DeepEqual(entries, whole.Entries) {
				t.Errorf("streamed\n%+v\nwant\n%+v", entries, whole.Entries)
			}
			for _, c := range []struct {
				what      string
				got, want any
			}{
				{"format", streamed.Format, whole.Format},
				{"left out", streamed.Rejected, whole.Rejected},
				{"notes", streamed.Notes, whole.Notes},
				{"items", streamed.items, whole.items},
				{"places", streamed.where, whole.where},
				{"span", streamed.span, whole.span},
			} {
				if !reflect.DeepEqual(c.got, c.want) {
					t.Errorf("%s %v, want %v", c.what, c.got, c.want)
				}
			}
		})
	}
}

// A file that changes between being read and being imported is not
// imported at all.
func TestImport_FileChangedWhileImporting(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	entry := `{"title": "Day %d", "body": "b", "date": "2024-03-01", "time": "09:30", "tags": ["@a"], "starred": false}`
	export := func(n int) []byte {
		var parts []string
		for i := range n {
			parts = append(parts, strings.Replace(entry, "%d", string(rune('0'+i)), 1))
		}
		return []byte(`{"tags": {"@a": 1}, "entries": [` + strings.Join(parts, ", ") + `]}`)
	}
	for _, tt := range []struct {
		name  string
		later []byte
	}{
		{"an entry more", export(4)},
		{"cut short", export(3)[:150]},
		{"gone", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			path := writeTemp(t, "export.json", export(3))
			b, err := Read(path, "")
			if err != nil {
				t.Fatal(err)
			}
			if tt.later == nil {
				err = os.Remove(path)
			} else {
				err = os.WriteFile(path, tt.later, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, s)
			_, err = b.Import(s)
			wantInvalid(t, err, "export.json changed while it was being imported", "Nothing was imported.")
			assertSame(t, before, snapshot(t, s))
		})
	}
}

// textReader passes UTF-8 text through whatever the size of the reads,
// and stops at what checkText refuses.
func TestTextReader(t *testing.T) {
	text := strings.Repeat("café ☕ 日本語 𝄞 ", 50)
	for _, tt := range []struct {
		name string
		data string
		ok   bool
	}{
		{"text", text, true},
		{"a zero byte", text + "\x00", false},
		{"not UTF-8", text[:7] + "\xe9" + text[7:], false},
		{"cut inside a character", text + "☕"[:2], false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range []io.Reader{strings.NewReader(tt.data), iotest.OneByteReader(strings.NewReader(tt.data)), iotest.HalfReader(strings.NewReader(tt.data))} {
				got, err := io.ReadAll(&textReader{r: r})
				if tt.ok && (err != nil || !bytes.Equal(got, []byte(tt.data))) {
					t.Errorf("read %d bytes (%v), want all %d", len(got), err, len(tt.data))
				}
				if !tt.ok && !errors.Is(err, errNotText) {
					t.Errorf("error %v, want %v", err, errNotText)
				}
			}
		})
	}
}
