package transfer

import (
	"os"

	"github.com/throughline/throughline/journal"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestReadDayOne_Samples(t *testing.T) {
	useLocalZone(t, "America/New_York") // the samples' Etc/UTC wins over it
	want := []brief{
		{"2031-04-05 14:30 +0000", "Lantern Garden Notes", []string{"fictional", "sample", "garden"}, true},
		{"2031-04-06 09:15 +0000", "Library Robot Rehearsal", []string{"fictional", "library", "safety-test"}, false},
		{"2031-04-07 20:05 +0000", "", []string{"fictional", "sample", "text-only"}, false},
	}
	for _, file := range []string{"dayone-fictional-journal.json", "dayone-fictional.zip"} {
		t.Run(file, func(t *testing.T) {
			entries := readSample(t, file, ReadDayOne)
			var got []brief
			for i, e := range entries {
				got = append(got, briefOf(e))
				if id := "FICTIONAL-SAMPLE-ENTRY-000" + string(rune('1'+i)); e.Source != FormatDayOne || e.SourceID != id {
					t.Errorf("entry %d: source %q/%q, want dayone/%s", i+1, e.Source, e.SourceID, id)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("read\n%v\nwant\n%v", got, want)
			}
			if !strings.HasPrefix(entries[0].Body, "The fictional greenhouse committee") {
				t.Errorf("body %q should start after the title line", entries[0].Body)
			}
			if !strings.HasPrefix(entries[2].Body, "Quiet text-only entry") {
				t.Errorf("an entry without a heading keeps its whole text, got %q", entries[2].Body)
			}
		})
	}
	s := mustOpen(t)
	sum, err := Import(s, sample(t, "dayone-fictional.zip"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Notes) != 0 {
		t.Errorf("notes %q, want none: the zip's one photo is kept", sum.Notes)
	}
	// The photo is the first entry's attachment.
	entries, err := s.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	first := entries[len(entries)-1]
	if files, err := s.Attachments(first.ID); err != nil || len(files) != 1 || files[0].Name != "fictional-color-tile.png" || files[0].Size != 76 {
		t.Errorf("the first entry's attachments: %+v, %v", files, err)
	}
}

func TestReadDayOne_Zones(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	data := `{"metadata": {}, "entries": [
	{"uuid": "A", "creationDate": "2024-07-04T13:00:00Z", "timeZone": "America/New_York", "text": "# July\n\nFireworks."},
	{"uuid": "B", "creationDate": "2024-01-10T23:30:00Z", "timeZone": "Asia/Tokyo", "text": "Next morning there."},
	{"uuid": "C", "creationDate": "2024-01-10T23:30:00Z", "timeZone": "Mars/Olympus", "text": "An unknown zone is read as local."},
	{"uuid": "D", "creationDate": "2024-01-10T23:30:00.123Z", "text": "No zone at all."}
]}`
	entries, rejected, err := ReadDayOne(strings.NewReader(data))
	if err != nil || len(rejected) > 0 {
		t.Fatal(err, rejected)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.WrittenAt.Format("2006-01-02 15:04 -0700 MST"))
	}
	want := []string{"2024-07-04 09:00 -0400 EDT", "2024-01-11 08:30 +0900 JST", "2024-01-11 00:30 +0100 CET", "2024-01-11 00:30 +0100 CET"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("times %q, want %q", got, want)
	}
}

func TestReadDayOne_Text(t *testing.T) {
	useLocalZone(t, "UTC")
	data := `{"entries": [
	{"uuid": "A", "creationDate": "2024-03-01T09:00:00Z", "text": "# Title #\n\n![](dayone-moment://PHOTO1)\n\nText with ![](dayone-moment://PHOTO2) inside.", "photos": [{}, {}]},
	{"uuid": "B", "creationDate": "2024-03-01T10:00:00Z", "text": "![](dayone-moment://PHOTO3)", "photos": [{}]},
	{"uuid": "C", "creationDate": "yesterday", "text": "words"},
	{"uuid": "D", "text": "words"},
	{"uuid": "E", "creationDate": "2024-03-01T11:00:00Z", "text": "x", "tags": "not a list"},
	{"uuid": "A", "creationDate": "2024-03-01T09:00:00Z", "text": "the same uuid again"}
]}`
	b, err := readDayOne([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	wantRejected := []Rejected{
		{"entry 2", "it holds only photos or other media, and no text"},
		{"entry 3", `its creationDate "yesterday" is not a date and time I can read (Day One writes 2024-03-01T09:30:00Z)`},
		{"entry 4", "it has no creationDate"},
		{"entry 5", `its "tags" is text, which doesn't belong there`},
	}
	if !reflect.DeepEqual(b.Rejected, wantRejected) {
		t.Errorf("left out\n%v\nwant\n%v", b.Rejected, wantRejected)
	}
	if len(b.Entries) != 2 || b.Entries[0].Title != "Title" || b.Entries[0].Body != "Text with  inside." {
		t.Fatalf("entries %+v, want the first titled \"Title\" with its photos taken out", b.Entries)
	}
	if want := []string{"Left behind 3 photos: a journal's .json file doesn't hold them; import the whole export zip to keep photos, audio and PDFs."}; !reflect.DeepEqual(b.Notes, want) {
		t.Errorf("notes %q, want %q", b.Notes, want)
	}
	sum, err := b.Import(mustOpen(t))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 || sum.Skipped != 1 || sum.SkippedWhere[0] != "entry 6" {
		t.Errorf("added %d, skipped %d %v; want the repeated uuid (entry 6) skipped", sum.Added, sum.Skipped, sum.SkippedWhere)
	}
}

// TestReadDayOne_ZipOfJournals: an export of several journals imports
// them all, and names the journal in the places of left-out entries.
func TestReadDayOne_ZipOfJournals(t *testing.T) {
	data := zipOf(t,
		[2]string{"Work.json", `{"entries": [{"uuid": "W1", "creationDate": "2024-03-01T09:00:00Z", "text": "work"}, {"uuid": "W2", "text": "no date"}]}`},
		[2]string{"Journal.json", `{"entries": [{"uuid": "J1", "creationDate": "2024-03-01T09:00:00Z", "text": "home"}]}`},
		[2]string{"photos/abc.jpeg", "jpeg"},
		[2]string{"photos/def.jpeg", "jpeg"},
		[2]string{"__MACOSX/._Journal.json", "junk"},
	)
	b, err := readDayOne(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 2 || b.Entries[0].SourceID != "J1" || b.Entries[1].SourceID != "W1" {
		t.Errorf("entries %+v, want J1 then W1", b.Entries)
	}
	if want := []Rejected{{"entry 2 of Work.json", "it has no creationDate"}}; !reflect.DeepEqual(b.Rejected, want) {
		t.Errorf("left out %v, want %v", b.Rejected, want)
	}
	if len(b.Notes) != 1 || !strings.Contains(b.Notes[0], "Left behind 2 files besides the journals") {
		t.Errorf("notes %q, want the 2 photos mentioned", b.Notes)
	}
	// The same zip from disk, under any name, reads the same.
	p := filepath.Join(t.TempDir(), "export")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	fromDisk, err := Read(p, "")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromDisk.Entries, b.Entries) {
		t.Errorf("from disk %+v, want %+v", fromDisk.Entries, b.Entries)
	}
}

func FuzzReadDayOne(f *testing.F) {
	fuzzReader(f, FormatDayOne, ReadDayOne, "dayone-fictional-journal.json", "dayone-fictional.zip")
}
