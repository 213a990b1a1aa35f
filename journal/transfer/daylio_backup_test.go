package transfer

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// Hand-written Daylio files: a CSV with the five standard moods, one of
// the person's own, feelings among the activities, CJK, Arabic and
// emoji; and a backup whose own moods carry their level.
const (
	daylioCSVFixture    = "testdata/daylio/moods-feelings-rtl-cjk.csv"
	daylioBackupFixture = "testdata/daylio/moods-by-level.daylio"
)

func TestReadDaylio_Backup(t *testing.T) {
	useLocalZone(t, "America/New_York") // each entry's own offset wins over it
	b, err := Read(daylioBackupFixture, "")
	if err != nil {
		t.Fatal(err)
	}
	if b.Format != FormatDaylio {
		t.Fatalf("told as %q, want daylio", b.Format)
	}
	type read struct {
		At       string
		Mood     int
		Title    string
		Body     string
		Patterns []string
		SourceID string
	}
	var got []read
	for _, e := range b.Entries {
		got = append(got, read{e.WrittenAt.Format("2006-01-02 15:04 -0700"), e.Mood, e.Title, e.Body, e.Patterns, e.SourceID})
	}
	want := []read{
		{"2025-11-03 08:30 +0900", 10, "静かな朝", "朝の散歩。空がきれいだった 🌅\n今日は大丈夫。\n\nDaylio mood: Serene\nActivities: 散步", []string{"散步"}, "101"},
		{"2025-11-03 19:00 -0500", 3, "", "Said yes to everything at work again.\n\nDaylio mood: Drained\nActivities: work, anxious, people pleasing, Guilt",
			[]string{"work", "anxious", "people pleasing", "Guilt"}, "102"},
		{"2025-11-04 23:00 +0200", 3, "مساء", "ذهبت إلى المكتبة ودرست. شعرت بالوحدة قليلاً.\n\nDaylio mood: bad\nActivities: دراسة, loneliness\n(1 photo left behind in Daylio)",
			[]string{"دراسة", "loneliness"}, "103"},
		{"2025-11-05 12:00 +0000", 5, "", "Daylio mood: ok but sleepy\nActivities: family 👨‍👩‍👧", []string{"family 👨‍👩‍👧"}, "104"},
		{"2025-11-07 13:00 +0100", 1, "", "Daylio mood: awful", nil, "106"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read\n%+v\nwant\n%+v", got, want)
	}
	if want := []Rejected{{"entry 5", "its mood (number 99) is not one of the moods the backup lists"}}; !reflect.DeepEqual(b.Rejected, want) {
		t.Errorf("left out %q, want %q", b.Rejected, want)
	}
	if want := []string{"Left behind 1 photo: Throughline keeps only the text. Each entry that had them says so."}; !reflect.DeepEqual(b.Notes, want) {
		t.Errorf("notes %q, want %q", b.Notes, want)
	}
}

// Activities that name feelings become emotions, as tags do; the five
// standard moods get their numbers.
func TestImport_DaylioActivitiesAndMoods(t *testing.T) {
	useLocalZone(t, "Europe/London")
	for _, tc := range []struct {
		file               string
		emotions, patterns int
		moods              []int // newest first
		feelings           map[string][]string
	}{
		{daylioCSVFixture, 5, 7, []int{10, 8, 5, 3, 1, 0}, map[string][]string{
			"Sunday with friends": {"grateful"}, "Review day": {"anxious"}, "اليوم كان صعباً، لكنني كتبت.": {"sad", "lonely"}, "Daylio mood: awful": {"ashamed"},
		}},
		{daylioBackupFixture, 3, 5, []int{1, 5, 3, 3, 10}, map[string][]string{
			"Said yes to everything at work again.": {"anxious", "guilty"}, "مساء": {"lonely"},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			s := mustOpen(t)
			sum, err := Import(s, tc.file, "")
			if err != nil {
				t.Fatal(err)
			}
			if sum.TagsAsEmotions != tc.emotions || sum.TagsAsPatterns != tc.patterns {
				t.Errorf("tags as emotions %d, as patterns %d; want %d, %d (%s)", sum.TagsAsEmotions, sum.TagsAsPatterns, tc.emotions, tc.patterns, sum.TagNote())
			}
			entries, err := s.Entries(journal.EntryQuery{})
			if err != nil {
				t.Fatal(err)
			}
			var moods []int
			for _, e := range entries {
				moods = append(moods, e.Mood)
				if want, ok := tc.feelings[e.DisplayTitle()]; ok && !reflect.DeepEqual(e.Emotions, want) {
					t.Errorf("%q has emotions %q, want %q", e.DisplayTitle(), e.Emotions, want)
				}
				for _, p := range e.Patterns {
					if _, feeling := journal.FeelingFor(p, []string{"anxious", "sad", "lonely", "ashamed", "guilty", "grateful"}); feeling {
						t.Errorf("%q names the feeling %q as a pattern", e.DisplayTitle(), p)
					}
				}
			}
			if !reflect.DeepEqual(moods, tc.moods) {
				t.Errorf("moods %v, want %v", moods, tc.moods)
			}
		})
	}
}

// A damaged backup is refused whole, with what is wrong, and nothing is
// saved.
func TestImport_DaylioBackupDamaged(t *testing.T) {
	s := mustOpen(t)
	before := snapshot(t, s)
	for name, data := range map[string][]byte{
		"cut.daylio":       cutShort(t, daylioBackupFixture, 200),
		"notbase64.daylio": zipOf(t, [2]string{"backup.daylio", "%%% not base64 %%%"}),
		"notjson.daylio":   zipOf(t, [2]string{"backup.daylio", "bm90IGpzb24="}),
	} {
		_, err := Import(s, writeTemp(t, name, data), "daylio")
		if err == nil || !strings.Contains(err.Error(), "Nothing was imported.") || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
	assertSame(t, before, snapshot(t, s))
}

func cutShort(t *testing.T, path string, n int) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data[:n]
}

// The CSV can't say how good a person's own mood is: the summary says so
// in the singular for one, and points to the backup.
func TestReadDaylio_OwnMoodInTheCSV(t *testing.T) {
	useLocalZone(t, "Europe/London")
	b, err := Read(daylioCSVFixture, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Your own Daylio mood “Drained” has no number here: the CSV export doesn't say how good or bad it is. Each entry keeps the word in its text; a Daylio backup (its .daylio file) says, so importing that instead gives it a number."}
	if !reflect.DeepEqual(b.Notes, want) {
		t.Errorf("notes %q, want %q", b.Notes, want)
	}
	if want := []Rejected{{"line 8", "its date and time \"2025-09-29 25:00\" is not one I can read (Daylio writes 2024-03-01 and 9:30 pm)"}}; !reflect.DeepEqual(b.Rejected, want) {
		t.Errorf("left out %q, want %q", b.Rejected, want)
	}
}
