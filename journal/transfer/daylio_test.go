package transfer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// daylioBrief is the part of a Daylio entry these tests check.
type daylioBrief struct {
	At       string
	Mood     int
	Body     string
	Patterns []string
}

func daylioBriefs(entries []journal.Entry) []daylioBrief {
	var out []daylioBrief
	for _, e := range entries {
		out = append(out, daylioBrief{e.WrittenAt.Format("2006-01-02 15:04 -0700"), e.Mood, e.Body, e.Patterns})
	}
	return out
}

func TestReadDaylio_Samples(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	got := daylioBriefs(readSample(t, "daylio-sample.csv", ReadDaylio))
	want := []daylioBrief{
		{"2021-09-28 22:00 +0200", 0, "Daylio mood: sad\nActivities: clean, music, movies / tv, bad sleep, tired, sleep early, stomachache",
			[]string{"clean", "music", "movies / tv", "bad sleep", "tired", "sleep early", "stomachache"}},
		{"2021-09-27 23:00 +0200", 0, "Daylio mood: average\nActivities: stressed / frustrated, eat out, cook, vegetarian day, relax, nature / walk, music, movies / tv, bad sleep, tired, sleep early, stomachache",
			[]string{"stressed / frustrated", "eat out", "cook", "vegetarian day", "relax", "nature / walk", "music", "movies / tv", "bad sleep", "tired", "sleep early", "stomachache"}},
		{"2021-09-26 23:00 +0200", 0, "Daylio mood: average\nActivities: alcohol, vegetarian day, clean, movies / tv, bad sleep",
			[]string{"alcohol", "vegetarian day", "clean", "movies / tv", "bad sleep"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read\n%v\nwant\n%v", got, want)
	}

	got = daylioBriefs(readSample(t, "daylio-sample-multiple-moods.csv", ReadDaylio))
	var moods []int
	var times []string
	for _, e := range got {
		moods, times = append(moods, e.Mood), append(times, e.At)
	}
	// OK, Refreshed, ok but sleepy and Anxious are the person's own moods.
	if want := []int{0, 0, 0, 8, 0, 3, 0}; !reflect.DeepEqual(moods, want) {
		t.Errorf("moods %v, want %v", moods, want)
	}
	if want := []string{"2021-05-12 18:52 +0200", "2021-05-12 15:40 +0200", "2020-08-31 08:13 +0200", "2020-08-28 20:01 +0200",
		"2020-08-25 17:08 +0200", "2020-07-21 10:31 +0200", "2020-07-21 07:31 +0200"}; !reflect.DeepEqual(times, want) {
		t.Errorf("times %v, want %v", times, want)
	}
	if got[5].Body != "Daylio mood: bad" || got[5].Patterns != nil {
		t.Errorf("an entry with only a mood: body %q, patterns %v", got[5].Body, got[5].Patterns)
	}

	sum, err := Import(mustOpen(t), sample(t, "daylio-sample-multiple-moods.csv"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Notes) != 1 || !strings.Contains(sum.Notes[0], "“Anxious”, “OK”, “Refreshed”, “ok but sleepy”") {
		t.Errorf("notes %q, want the moods without a number named", sum.Notes)
	}
}

func TestReadDaylio_Rows(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	csv := "full_date,date,weekday,time,mood,activities,note_title,note\n" +
		`2024-03-05,5 March,Tuesday,7:05 AM,Rad,"",A title,"Line one<br>Line two &amp; <b>bold</b>"` + "\n" +
		`2024-03-04,4 March,Monday,12:00 am,good,"work | friends","","A note that
goes over two lines"` + "\n" +
		`2024-03-03,3 March,Sunday,21:15,meh,"","",""` + "\n" +
		`2024-02-30,30 February,Friday,21:15,bad,"","",""` + "\n" +
		`2024-03-02,2 March,Saturday,21:15,awful` + "\n" +
		`2024-03-01,1 March,Friday,21:15,awful,"","",""` + "\n"
	b, err := readDaylio([]byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	want := []daylioBrief{
		{"2024-03-05 07:05 +0100", 10, "Line one\nLine two & **bold**\n\nDaylio mood: Rad", nil},
		{"2024-03-04 00:00 +0100", 8, "A note that\ngoes over two lines\n\nDaylio mood: good\nActivities: work, friends", []string{"work", "friends"}},
		{"2024-03-03 21:15 +0100", 5, "Daylio mood: meh", nil},
		{"2024-03-01 21:15 +0100", 1, "Daylio mood: awful", nil},
	}
	if got := daylioBriefs(b.Entries); !reflect.DeepEqual(got, want) {
		t.Errorf("read\n%v\nwant\n%v", got, want)
	}
	if b.Entries[0].Title != "A title" {
		t.Errorf("title %q, want the note's title", b.Entries[0].Title)
	}
	wantRejected := []Rejected{
		{"line 6", `its date and time "2024-02-30 21:15" is not one I can read (Daylio writes 2024-03-01 and 9:30 pm)`},
		{"line 7", "it has 5 columns, not the 8 the first line names"},
	}
	if !reflect.DeepEqual(b.Rejected, wantRejected) {
		t.Errorf("left out %v, want %v", b.Rejected, wantRejected)
	}
	if b.items[3] != 8 {
		t.Errorf("the last entry is numbered %d, want its line, 8", b.items[3])
	}
}

// TestReadDaylio_OldExport: exports from before note titles have no
// note_title column, and columns are found by name.
func TestReadDaylio_OldExport(t *testing.T) {
	useLocalZone(t, "UTC")
	csv := "\ufefffull_date,date,weekday,time,mood,activities,note\r\n2019-06-01,1 June,Saturday,8:00 pm,good,\"reading\",\"quiet evening\"\r\n"
	entries, rejected, err := ReadDaylio(strings.NewReader(csv))
	if err != nil || len(rejected) > 0 {
		t.Fatal(err, rejected)
	}
	if len(entries) != 1 || entries[0].Body != "quiet evening\n\nDaylio mood: good\nActivities: reading" || entries[0].Mood != 8 {
		t.Errorf("entries %+v", entries)
	}
}

func FuzzReadDaylio(f *testing.F) {
	fuzzReader(f, FormatDaylio, ReadDaylio, "daylio-sample.csv", "daylio-sample-multiple-moods.csv")
}
