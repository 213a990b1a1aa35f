package transfer

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/journal/journaltest"
	jstore "github.com/throughline/throughline/journal/store"
)

// brief is the part of an entry these tests check.
type brief struct {
	At       string // in the entry's own zone, with its offset
	Title    string
	Patterns []string
	Flagged  bool
}

func briefOf(e journal.Entry) brief {
	return brief{e.WrittenAt.Format("2006-01-02 15:04 -0700"), e.Title, e.Patterns, e.Flagged}
}

func readSample(t *testing.T, name string, read func(io.Reader) ([]journal.Entry, []Rejected, error)) []journal.Entry {
	t.Helper()
	f, err := os.Open(sample(t, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, rejected, err := read(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(rejected) > 0 {
		t.Errorf("left out %v", rejected)
	}
	return entries
}

func TestReadJrnl_Samples(t *testing.T) {
	useLocalZone(t, "America/New_York")
	tests := []struct {
		file string
		want []brief
	}{
		{"jrnl-basic_onefile.journal", []brief{
			{"2020-08-29 11:11 -0400", "Entry the first.", []string{"ipsum", "tagone", "tagtwo"}, false},
			{"2020-08-31 14:32 -0400", "A second entry in what I hope to be a long series.", []string{"tagtwo"}, true},
			{"2020-09-24 09:14 -0400", "The third entry finally after weeks without writing.", []string{"tagthree", "tagone"}, false},
		}},
		{"jrnl-multiline.journal", []brief{{"2013-06-09 15:39 -0400", "Multiple line entry.", nil, false}}},
		{"jrnl-simple_jrnl-1-9-5.journal", []brief{
			{"2010-06-10 15:00 -0400", "A life without chocolate is like a bad analogy.", nil, false},
			{"2013-06-10 15:40 -0400", `He said "[this] is the best time to be alive".`, nil, false},
			{"2019-08-03 12:55 -0400", "Some chat log or something", nil, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			entries := readSample(t, tt.file, ReadJrnl)
			var got []brief
			for _, e := range entries {
				got = append(got, briefOf(e))
				if e.Source != FormatJrnl || e.SourceID != "" {
					t.Errorf("source %q/%q, want jrnl without an id", e.Source, e.SourceID)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("read\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
	entries := readSample(t, "jrnl-multiline.journal", ReadJrnl)
	if want := "This is the first line.\nThis line doesn't have any ending punctuation\n\nThere is a blank line above this."; entries[0].Body != want {
		t.Errorf("body %q, want %q", entries[0].Body, want)
	}
}

func TestReadJrnl_JSON(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	data := `{
  "tags": {"@anger": 1, "@people-pleasing": 1},
  "entries": [
    {"title": "Winter.", "body": "\nCold @anger.\n", "date": "2024-01-15", "time": "21:05", "tags": ["@anger", "@people-pleasing"], "starred": true},
    {"title": "Summer.", "body": "Warm.", "date": "2024-07-15", "time": "09:30 PM", "tags": [], "starred": false},
    {"title": "Undated time", "body": "", "date": "2024-07-16", "tags": ["#shame"]}
  ]
}`
	entries, rejected, err := ReadJrnl(strings.NewReader(data))
	if err != nil || len(rejected) > 0 {
		t.Fatal(err, rejected)
	}
	want := []brief{
		{"2024-01-15 21:05 +0100", "Winter.", []string{"anger", "people-pleasing"}, true},
		{"2024-07-15 21:30 +0200", "Summer.", nil, false},
		{"2024-07-16 00:00 +0200", "Undated time", []string{"shame"}, false},
	}
	var got []brief
	for _, e := range entries {
		got = append(got, briefOf(e))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read\n%v\nwant\n%v", got, want)
	}
	if entries[0].Body != "Cold @anger." {
		t.Errorf("body %q, want the text without blank lines around it", entries[0].Body)
	}
}

func TestReadJrnl_Text(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	text := "Notes before any entry.\n\n" +
		"[2024-03-01 09:30] Title here. And the rest of the line.\nBody #shame and @work-stress.\n\n" +
		"[2024-03-01 09:30 PM] * Starred first.\n\n" +
		"[2024-13-01 10:00] Not a month.\nlost body\n" +
		"[2024-03-02 10:00]\nOnly a body @x.\n"
	entries, rejected, err := ReadJrnl(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	wantRejected := []Rejected{
		{"line 1", "text before the first dated entry, so it has no date"},
		{"line 8", `its date "2024-13-01 10:00" is not a real date and time`},
	}
	if !reflect.DeepEqual(rejected, wantRejected) {
		t.Errorf("left out %v, want %v", rejected, wantRejected)
	}
	want := []brief{
		{"2024-03-01 09:30 +0100", "Title here.", []string{"work-stress", "shame"}, false},
		{"2024-03-01 21:30 +0100", "Starred first.", nil, true},
		{"2024-03-02 10:00 +0100", "", []string{"x"}, false},
	}
	var got []brief
	for _, e := range entries {
		got = append(got, briefOf(e))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read\n%v\nwant\n%v", got, want)
	}
	if want := "And the rest of the line.\nBody #shame and @work-stress."; entries[0].Body != want {
		t.Errorf("body %q, want %q", entries[0].Body, want)
	}
}

// FuzzReadJrnl: any bytes are read without a panic; a refusal is a
// person's message; what is read goes into a journal whole, and a failed
// import leaves the journal as it was.
func FuzzReadJrnl(f *testing.F) {
	f.Add([]byte(`{"tags": {"@a": 1}, "entries": [{"title": "One.", "body": "café\r\n#shame", "date": "2024-03-01", "time": "09:30 PM", "tags": ["@a"], "starred": true}, {"title": 5}, {"date": "2024-02-30"}]}`))
	fuzzReader(f, FormatJrnl, ReadJrnl, "jrnl-basic_onefile.journal", "jrnl-multiline.journal", "jrnl-simple_jrnl-1-9-5.journal")
}

// BenchmarkImportJrnl_100k imports the corpus's 100,000-entry jrnl
// JSON export into a fresh journal, as `throughline import` does: Read
// before the journal is open, then Import. The target, whole process, is
// jrnl's own import of the same corpus (5.8 s) in under 300 MB; it reports
// entries/s and MB/s of the file.
func BenchmarkImportJrnl_100k(b *testing.B) {
	corpus := journaltest.Corpus(b)
	info, err := os.Stat(corpus)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(info.Size())
	var read, store time.Duration
	added := 0
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s, err := jstore.Open(filepath.Join(b.TempDir(), "journal.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		batch, err := Read(corpus, "")
		if err != nil {
			b.Fatal(err)
		}
		read += time.Since(start)
		start = time.Now()
		sum, err := batch.Import(s)
		if err != nil {
			b.Fatal(err)
		}
		store += time.Since(start)
		added += sum.Added
		b.StopTimer()
		if sum.Added != 100_000 && os.Getenv("THROUGHLINE_CORPUS") == "" {
			b.Errorf("added %d entries, want 100,000", sum.Added)
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(read.Seconds()/float64(b.N), "read-s/op")
	b.ReportMetric(store.Seconds()/float64(b.N), "import-s/op")
	b.ReportMetric(float64(added)/(read+store).Seconds(), "entries/s")
}

// Tags that name feelings become emotions, by journal.FeelingFor; the
// others become patterns, and the summary counts each.
func TestImport_JrnlTagsThatNameFeelingsBecomeEmotions(t *testing.T) {
	useLocalZone(t, "Europe/London")
	s := mustOpen(t)
	sum, err := Import(s, "testdata/tags/feelings-and-patterns.journal", "")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 3 || sum.TagsAsEmotions != 9 || sum.TagsAsPatterns != 5 {
		t.Errorf("added %d, tags as emotions %d, as patterns %d; want 3, 9, 5", sum.Added, sum.TagsAsEmotions, sum.TagsAsPatterns)
	}
	entries, err := s.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2][]string{}
	for _, e := range entries {
		got[e.Title] = [2][]string{e.Emotions, e.Patterns}
	}
	want := map[string][2][]string{
		"After the call with Mum.": {{"anxious", "ashamed"}, {"people-pleasing", "withdrawing under criticism"}},
		"Work review.":             {{"sad", "angry", "guilty"}, {"avoidance", "ruminating"}},
		"A better day":             {{"hopeful", "relieved", "lonely", "jealous"}, {"fear of abandonment"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("emotions and patterns by entry:\n got %q\nwant %q", got, want)
	}
	patterns, err := s.Patterns()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range patterns {
		if _, feeling := journal.FeelingFor(p.Name, []string{"anxious", "ashamed", "angry", "sad", "guilty", "relieved", "lonely", "hopeful", "jealous"}); feeling {
			t.Errorf("the feeling %q became a pattern", p.Name)
		}
	}
	printed := sum.TagNote()
	for _, part := range []string{"Tags that name a feeling became emotions: 9", "anxiety → anxious", "Tags that became patterns: 5"} {
		if !strings.Contains(printed, part) {
			t.Errorf("the summary doesn't say %q:\n%s", part, printed)
		}
	}
	again, err := Import(s, "testdata/tags/feelings-and-patterns.journal", "")
	if err != nil {
		t.Fatal(err)
	}
	if again.Skipped != 3 || again.TagsAsEmotions+again.TagsAsPatterns != 0 || again.TagNote() != "" {
		t.Errorf("importing again counted the skipped entries' tags: %+v", again)
	}
}

// A tag that is already one of the journal's patterns stays a pattern:
// a person who made "anxiety" a pattern keeps it one through imports.
func TestImport_TagAlreadyAPatternStaysOne(t *testing.T) {
	useLocalZone(t, "Europe/London")
	s := mustOpen(t)
	if _, err := s.AddPattern(journal.Pattern{Name: "Anxiety"}); err != nil {
		t.Fatal(err)
	}
	sum, err := Import(s, "testdata/tags/feelings-and-patterns.journal", "")
	if err != nil {
		t.Fatal(err)
	}
	if sum.TagsAsEmotions != 8 || sum.TagsAsPatterns != 6 {
		t.Errorf("tags as emotions %d, as patterns %d; want 8, 6", sum.TagsAsEmotions, sum.TagsAsPatterns)
	}
	entries, err := s.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Title == "After the call with Mum." && (!reflect.DeepEqual(e.Emotions, []string{"ashamed"}) || !slices.Contains(e.Patterns, "Anxiety")) {
			t.Errorf("emotions %q, patterns %q; want anxiety kept as the pattern", e.Emotions, e.Patterns)
		}
	}
}
