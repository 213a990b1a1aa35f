package transfer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/internal/testenv"
	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// samples is the folder of files exported by other journals (copied
// from the project's shared samples, so a plain clone imports them).
const samples = "testdata/samples"

func sample(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(samples, name)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("no sample %s: %v", p, err)
	}
	return p
}

// mustOpen opens a fresh journal in a temporary folder.
func mustOpen(tb testing.TB) *jstore.Store {
	tb.Helper()
	s, err := jstore.Open(filepath.Join(tb.TempDir(), "journal.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// useLocalZone makes name the local zone for the test.
var useLocalZone = testenv.LocalZone

// state is what an import could change in a journal.
type state struct {
	Entries  []journal.Entry
	Patterns []journal.Pattern
}

func snapshot(t testing.TB, s *jstore.Store) state {
	t.Helper()
	entries, err := s.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	patterns, err := s.Patterns()
	if err != nil {
		t.Fatal(err)
	}
	return state{entries, patterns}
}

func assertSame(t testing.TB, before, after state) {
	t.Helper()
	if len(after.Entries) != len(before.Entries) || !reflect.DeepEqual(after, before) {
		t.Errorf("the journal changed: %d entries and %d patterns before, %d and %d after",
			len(before.Entries), len(before.Patterns), len(after.Entries), len(after.Patterns))
	}
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// zipOf makes a zip archive of files, in the given order.
func zipOf(t testing.TB, files ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wantInvalid checks that err is a person's EInvalid message saying
// each of says.
func wantInvalid(t testing.TB, err error, says ...string) {
	t.Helper()
	var je *journal.Error
	if !errors.As(err, &je) || je.Code != journal.EInvalid {
		t.Fatalf("error %v (%T), want a *journal.Error with code %s", err, err, journal.EInvalid)
	}
	for _, s := range says {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("message %q does not say %q", err, s)
		}
	}
}

func TestImport_SamplesTwice(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	tests := []struct {
		file, format string
		entries      int
	}{
		{"jrnl-basic_onefile.journal", FormatJrnl, 3},
		{"jrnl-multiline.journal", FormatJrnl, 1},
		{"jrnl-simple_jrnl-1-9-5.journal", FormatJrnl, 3},
		{"dayone-fictional-journal.json", FormatDayOne, 3},
		{"dayone-fictional.zip", FormatDayOne, 3},
		{"dayone-attachments.zip", FormatDayOne, 3},
		{"daylio-sample.csv", FormatDaylio, 3},
		{"daylio-sample-multiple-moods.csv", FormatDaylio, 7},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.file] = true
		t.Run(tt.file, func(t *testing.T) {
			s := mustOpen(t)
			for _, format := range []string{"", tt.format} { // detected, then given
				sum, err := Import(s, sample(t, tt.file), format)
				if err != nil {
					t.Fatal(err)
				}
				if sum.Format != tt.format {
					t.Errorf("format %q, want %q", sum.Format, tt.format)
				}
				if len(sum.Rejected) != 0 {
					t.Errorf("left out %v", sum.Rejected)
				}
				wantAdded, wantSkipped := tt.entries, 0
				if format != "" {
					wantAdded, wantSkipped = 0, tt.entries // the second time adds nothing
				}
				if sum.Added != wantAdded || sum.Skipped != wantSkipped || len(sum.SkippedWhy) != wantSkipped || len(sum.SkippedWhere) != wantSkipped {
					t.Errorf("added %d, skipped %d (%v), want %d and %d", sum.Added, sum.Skipped, sum.SkippedWhy, wantAdded, wantSkipped)
				}
			}
			if n, err := s.CountEntries(); err != nil || n != int64(tt.entries) {
				t.Errorf("the journal holds %d entries (%v), want %d", n, err, tt.entries)
			}
		})
	}
	all, _ := os.ReadDir(samples)
	for _, f := range all {
		if !seen[f.Name()] {
			t.Errorf("sample %s has no test", f.Name())
		}
	}
}

// emptyExport is the Throughline export of a new journal.
func emptyExport(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteThroughline(mustOpen(t), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestImport_Detect(t *testing.T) {
	dayOne := `{"metadata":{"version":"1.0"},"entries":[{"uuid":"A","creationDate":"2024-03-01T09:30:00Z","text":"hi"}]}`
	tests := []struct {
		name, file, data, want string
	}{
		{"jrnl JSON", "export.json", `{"tags":{},"entries":[{"title":"t","body":"","date":"2024-03-01","time":"09:30","tags":[],"starred":false}]}`, FormatJrnl},
		{"jrnl JSON, no entries", "x.json", `{"tags": {}, "entries": []}`, FormatJrnl},
		{"Day One JSON", "Journal.json", dayOne, FormatDayOne},
		{"Day One JSON, entries first", "Journal.json", `{"entries":[{"creationDate":"2024-03-01T09:30:00Z","text":"hi"}]}`, FormatDayOne},
		{"Day One zip, any name", "export", string(zipOf(t, [2]string{"Journal.json", dayOne})), FormatDayOne},
		{"Daylio with a byte-order mark", "daylio_export.csv", "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\n2024-03-01,1 March,Friday,9:30 am,good,\"\",\"\",\"x\"\n", FormatDaylio},
		{"jrnl text, any name", "journal", "[2024-03-01 09:30] Hello.\n", FormatJrnl},
		{"Markdown file", "note.md", "# Hello\n\ntext", FormatMarkdown},
		{"Throughline export", "backup.json", emptyExport(t), FormatThroughline},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Read(writeTemp(t, tt.file, []byte(tt.data)), "")
			if err != nil {
				t.Fatal(err)
			}
			if b.Format != tt.want {
				t.Errorf("read as %q, want %q", b.Format, tt.want)
			}
		})
	}
	t.Run("unknown", func(t *testing.T) {
		_, err := Read(writeTemp(t, "notes.txt", []byte("shopping: milk, eggs\n")), "")
		wantInvalid(t, err, "Couldn't tell which app notes.txt comes from", "--format")
	})
	t.Run("unknown JSON", func(t *testing.T) {
		_, err := Read(writeTemp(t, "data.json", []byte(`{"items": [1, 2]}`)), "")
		wantInvalid(t, err, "not an export I know")
	})
	t.Run("unknown format name", func(t *testing.T) {
		_, err := Read(writeTemp(t, "x.json", []byte(`{}`)), "evernote")
		wantInvalid(t, err, `"evernote" is not a format`, "jrnl, dayone, daylio, markdown, throughline")
	})
	t.Run("missing file", func(t *testing.T) {
		_, err := Read(filepath.Join(t.TempDir(), "nope.json"), "")
		if journal.ErrorCode(err) != journal.ENotFound || !strings.Contains(err.Error(), "nope.json") {
			t.Errorf("error %v, want ENotFound naming the file", err)
		}
	})
	t.Run("folder with another format", func(t *testing.T) {
		_, err := Read(t.TempDir(), FormatJrnl)
		wantInvalid(t, err, "is a folder", "--format markdown")
	})
}

// TestImport_BadFilesChangeNothing: a file that can't be read as a whole
// is refused with a message that says where, and the journal is as it was.
func TestImport_BadFilesChangeNothing(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	jrnl := `{"tags": {"@a": 1}, "entries": [{"title": "One", "body": "b", "date": "2024-03-01", "time": "09:30", "tags": ["@a"], "starred": false}, {"title": "Two", "body": "b", "date": "2024-03-02", "time": "09:30", "tags": [], "starred": true}]}`
	dayOne, err := os.ReadFile(sample(t, "dayone-fictional-journal.json"))
	if err != nil {
		t.Fatal(err)
	}
	zipped, err := os.ReadFile(sample(t, "dayone-fictional.zip"))
	if err != nil {
		t.Fatal(err)
	}
	daylio, err := os.ReadFile(sample(t, "daylio-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, format string
		data               []byte
		says               []string
	}{
		{"jrnl JSON cut short", "x.json", "", []byte(jrnl[:len(jrnl)-40]), []string{"ends in the middle of entry 2", "cut short", "Nothing was imported"}},
		{"jrnl JSON cut between entries", "x.json", FormatJrnl, []byte(jrnl[:strings.Index(jrnl, `, {"title": "Two"`)+1]), []string{"cut short"}},
		{"jrnl JSON with a stray character", "x.json", FormatJrnl, []byte(strings.Replace(jrnl, `"b", "date": "2024-03-02"`, `"b" x, "date": "2024-03-02"`, 1)), []string{"line 1, column", "of entry 2", "'x'"}},
		{"jrnl JSON, a list", "x.json", FormatJrnl, []byte(`[1, 2]`), []string{"not a jrnl export", "it is a list"}},
		{"jrnl JSON, entries not a list", "x.json", FormatJrnl, []byte(`{"entries": {"a": 1}}`), []string{`"entries" is an object, not a list`}},
		{"jrnl JSON, no entries", "x.json", FormatJrnl, []byte(`{"tags": {}}`), []string{`no "entries" list`}},
		{"jrnl JSON, text after the end", "x.json", FormatJrnl, []byte(jrnl + "\n}"), []string{"line 2, column 1"}},
		{"jrnl text, none", "x.journal", FormatJrnl, []byte("just some words\n"), []string{"holds no jrnl entries"}},
		{"binary", "x.json", FormatJrnl, []byte("{\"entries\": []}\n\x00\x01\x02"), []string{"binary data", "line 2, column 1 (byte 17)"}},
		{"binary, detected", "photo.jpg", "", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), []string{"binary data", "byte 5"}},
		{"not UTF-8", "x.journal", FormatJrnl, []byte("[2024-03-01 09:30] Caf\xe9\n"), []string{"x.journal is not UTF-8", "line 1, column 23 (byte 23)", "0xe9"}},
		{"UTF-16", "x.csv", FormatDaylio, []byte("\xff\xfef\x00u\x00"), []string{"UTF-16"}},
		{"Day One JSON cut short", "Journal.json", "", dayOne[:1000], []string{"ends in the middle of entry 1", "cut short"}},
		{"Day One, wrong shape", "Journal.json", FormatDayOne, []byte(`{"entries": "none"}`), []string{"not a Day One export", `"entries" is text, not a list`}},
		{"Day One zip cut short", "export.zip", "", zipped[:len(zipped)/2], []string{"can't be opened as a zip archive", "cut short"}},
		{"Day One zip without a journal", "export.zip", "", zipOf(t, [2]string{"photos/a.png", "png"}), []string{"export.zip is a zip archive without a Day One journal"}},
		{"Day One zip with a broken journal", "export.zip", "", zipOf(t, [2]string{"Journal.json", string(dayOne[:900])}), []string{"In the zip, Journal.json ends in the middle of entry 1"}},
		{"Daylio cut inside a note", "x.csv", "", []byte("full_date,date,weekday,time,mood,activities,note_title,note\n2024-03-01,1 March,Friday,9:30 am,good,\"\",\"\",\"half a no"), []string{"ends inside the quoted text that starts on line 2", "cut short"}},
		{"Daylio cut mid-row", "x.csv", "", daylio[:bytes.Index(daylio, []byte(`average,"alcohol`))+len("average,")], []string{"ends in the middle of the entry on line 4", "cut short"}},
		{"Daylio stray quote", "x.csv", FormatDaylio, []byte("full_date,date,weekday,time,mood,activities,note_title,note\n2024-03-01,1 March,Friday,9:30 am,go\"od,\"\",\"\",\"\"\n2024-03-02,2 March,Saturday,9:30 am,good,\"\",\"\",\"\"\n"), []string{"line 2, column", "quote mark"}},
		{"Daylio wrong columns", "x.csv", FormatDaylio, []byte("date,mood,tags,title,body\n2024-03-01 09:30,3,,t,b\n"), []string{"not a Daylio export", `no "full_date" column`}},
		{"Markdown, empty", "x.md", "", []byte(" \n"), []string{"x.md is empty. Nothing was imported."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			if _, err := Import(s, sample(t, "jrnl-basic_onefile.journal"), ""); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, s)
			_, err := Import(s, writeTemp(t, tt.file, tt.data), tt.format)
			t.Log(err)
			wantInvalid(t, err, tt.says...)
			assertSame(t, before, snapshot(t, s))
		})
	}
}

// TestImport_TooBig: a file over 1 GB is refused before it is read.
func TestImport_TooBig(t *testing.T) {
	s := mustOpen(t)
	for _, name := range []string{"huge.json", "huge.zip"} {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(`{"entries": [`), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(p, 1<<30+1); err != nil {
			testenv.Missing(t, "the file system won't make a sparse 1 GB file (%v): run the tests on one that does, like ext4 or tmpfs", err)
		}
		start := time.Now()
		_, err := Import(s, p, "")
		if strings.HasSuffix(name, ".zip") {
			wantInvalid(t, err, "can't be opened as a zip archive") // no journal inside to read
			continue
		}
		wantInvalid(t, err, name+" is 1,073,741,825 bytes, more than 1 GB (1,073,741,824 bytes), the most an import reads")
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("refusing took %v: the file was read", d)
		}
	}
	// Readers given a stream stop at the limit too.
	saved := maxImportSize
	maxImportSize = 10
	t.Cleanup(func() { maxImportSize = saved })
	_, _, err := ReadJrnl(strings.NewReader(`{"entries": []}`))
	wantInvalid(t, err, "more than 10 bytes")
	zipped := zipOf(t, [2]string{"Journal.json", `{"entries": []}`})
	_, err = readDayOneZip(bytes.NewReader(zipped), int64(len(zipped)))
	wantInvalid(t, err, "Journal.json is 15 bytes, more than 10 bytes")
}

// TestImport_RejectedItemsLeaveTheRest: entries that can't be read are
// listed with where and why; the others are imported.
func TestImport_RejectedItemsLeaveTheRest(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	s := mustOpen(t)
	data := `{"tags": {}, "entries": [
	{"title": "Fine", "body": "b", "date": "2024-03-01", "time": "09:30"},
	{"title": "No date", "body": "b"},
	{"title": "Bad date", "body": "b", "date": "2024-02-30", "time": "09:30"},
	{"title": "", "body": "  ", "date": "2024-03-01", "time": "10:30"},
	{"title": 7, "body": "b", "date": "2024-03-01", "time": "11:30"},
	"just text",
	{"title": "Also fine", "body": "b", "date": "2024-03-01", "time": "12:30", "tags": ["@a,b", "#", "@Work"]},
	{"title": "Fine", "body": "b", "date": "2024-03-01", "time": "09:30"}
]}`
	sum, err := Import(s, writeTemp(t, "jrnl.json", []byte(data)), "")
	if err != nil {
		t.Fatal(err)
	}
	want := []Rejected{
		{"entry 2", "it has no date"},
		{"entry 3", `its date and time "2024-02-30 09:30" is not one I can read (jrnl writes 2024-03-01 and 09:30)`},
		{"entry 4", "it has no title and no text"},
		{"entry 5", `its "title" is a number, which doesn't belong there`},
		{"entry 6", "it is text, not an entry"},
	}
	if !reflect.DeepEqual(sum.Rejected, want) {
		t.Errorf("left out\n%v\nwant\n%v", sum.Rejected, want)
	}
	if sum.Added != 2 || sum.Skipped != 1 || sum.SkippedWhere[0] != "entry 8" || sum.SkippedWhy[0].Item != 8 {
		t.Errorf("added %d, skipped %d at %v %v; want 2, and entry 8 skipped as a repeat", sum.Added, sum.Skipped, sum.SkippedWhere, sum.SkippedWhy)
	}
	p, err := s.PatternNamed("a b")
	if err != nil || p.Category != journal.CategoryImported {
		t.Errorf("tag @a,b: pattern %+v (%v), want \"a b\" in the imported category", p, err)
	}
}

// TestImport_Throughline: a Throughline export is told from its
// "throughline" key and goes to ImportThroughline.
func TestImport_Throughline(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	from := mustOpen(t)
	if _, err := Import(from, sample(t, "jrnl-basic_onefile.journal"), ""); err != nil {
		t.Fatal(err)
	}
	var export bytes.Buffer
	if err := WriteThroughline(from, &export); err != nil {
		t.Fatal(err)
	}
	p := writeTemp(t, "backup.json", export.Bytes())
	sum, err := Import(mustOpen(t), p, "")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Format != FormatThroughline || sum.Added != 3 {
		t.Errorf("summary %+v, want 3 entries from a Throughline export", sum)
	}
	_, err = Import(mustOpen(t), writeTemp(t, "cut.json", export.Bytes()[:export.Len()/2]), FormatThroughline)
	wantInvalid(t, err, "cut.json", "Nothing was imported.")
}

func TestNumber(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 5220114: "5,220,114", -1234: "-1,234"} {
		if got := number(n); got != want {
			t.Errorf("number(%d) = %q, want %q", n, got, want)
		}
	}
}

// fuzzReader is a reader's fuzz target: the named samples are seeds, with
// those in testdata/fuzz, and every input goes through checkRead on one
// journal.
func fuzzReader(f *testing.F, format string, read func(io.Reader) ([]journal.Entry, []Rejected, error), sampleNames ...string) {
	for _, name := range sampleNames {
		if data, err := os.ReadFile(filepath.Join(samples, name)); err == nil {
			f.Add(data)
		}
	}
	s := mustOpen(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, rejected, err := read(bytes.NewReader(data))
		checkStreamed(t, format, data, entries, rejected, err)
		checkRead(t, s, format, entries, rejected, err)
	})
}

// checkStreamed: when a file reads as a stream, it reads as the
// whole-file reader reads it.
func checkStreamed(t *testing.T, format string, data []byte, entries []journal.Entry, rejected []Rejected, err error) {
	t.Helper()
	b, ok := readJSONStream(writeTemp(t, "export", data), format)
	if !ok {
		return
	}
	if err != nil {
		t.Fatalf("read as a stream, but the whole-file reader refused it: %v", err)
	}
	var streamed []journal.Entry
	if err := b.Each(func(e journal.Entry) error { streamed = append(streamed, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(streamed, entries) || !reflect.DeepEqual(b.Rejected, rejected) {
		t.Fatalf("as a stream read %+v, leaving out %v; the whole file %+v, leaving out %v", streamed, b.Rejected, entries, rejected)
	}
}

// checkRead is what every reader's fuzz target checks.
func checkRead(t *testing.T, s *jstore.Store, format string, entries []journal.Entry, rejected []Rejected, err error) {
	t.Helper()
	if err != nil {
		if journal.ErrorCode(err) != journal.EInvalid || !strings.HasSuffix(err.Error(), "Nothing was imported.") {
			t.Fatalf("refused with %v (code %s), want a person's EInvalid message", err, journal.ErrorCode(err))
		}
		return
	}
	for _, r := range rejected {
		if r.Where == "" || r.Reason == "" {
			t.Errorf("a left-out item without where or why: %+v", r)
		}
	}
	before, err := s.CountEntries()
	if err != nil {
		t.Fatal(err)
	}
	b := &Batch{Format: format}
	for i, e := range entries {
		b.add(e, i+1, "entry")
	}
	if len(b.Rejected) > 0 {
		t.Fatalf("the reader returned entries the journal can't take: %v", b.Rejected)
	}
	sum, err := b.Import(s)
	after, cerr := s.CountEntries()
	if cerr != nil {
		t.Fatal(cerr)
	}
	if err != nil {
		if after != before {
			t.Fatalf("a failed import changed the journal from %d to %d entries: %v", before, after, err)
		}
		t.Fatalf("the journal refused what the reader read: %v", err)
	}
	if sum.Added+sum.Skipped != len(entries) || after != before+int64(sum.Added) {
		t.Fatalf("added %d and skipped %d of %d entries; the journal went from %d to %d", sum.Added, sum.Skipped, len(entries), before, after)
	}
	// Empty the journal again, so it stays small and each run is quick.
	all, err := s.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		if err := s.DeleteEntry(e.ID); err != nil {
			t.Fatal(err)
		}
	}
}
