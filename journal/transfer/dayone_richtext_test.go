package transfer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// A hand-written Day One export: entries whose text is only in richText
// (with headings), CJK, right-to-left text and emoji, zones, a starred
// entry, media, and a richText that can't be read.
const dayOneRich = "testdata/dayone/rich-rtl-cjk-emoji.json"

func TestReadDayOne_RichText(t *testing.T) {
	useLocalZone(t, "Europe/Berlin") // each entry's own zone wins over it
	b, err := Read(dayOneRich, "")
	if err != nil {
		t.Fatal(err)
	}
	if b.Format != FormatDayOne {
		t.Errorf("told as %q, want dayone", b.Format)
	}
	type read struct {
		At, Title, Body string
		Flagged         bool
	}
	want := []read{
		{"2025-11-03 17:15 +0900", "Before the session",
			"I kept rehearsing what to say. Again.\n## What I noticed\nThe knot in my stomach, then relief 😮‍💨 when she smiled.\n### Small things\n- tea\n- the walk home", true},
		{"2025-11-04 20:00 +0800", "今日のこと", "朝から胸が重かった。母に電話して、また何も言えなかった。\n我今天很难过，但是写下来好一点。🌧️", false},
		{"2025-11-05 20:30 +0200", "יומן ערב", "היום דיברתי עם אבא שלי על הילדות. הרגשתי בושה, ואחר כך הקלה.\n\nوكتبت بالعربية أيضاً: شعرت بالوحدة اليوم 🌙", false},
		{"2025-11-05 23:00 -0800", "Morning pages ✍️", "Woke at 5. 😴 → ☕ → 🙂. Drew the dream before it faded.", false},
		{"2025-11-08 21:00 +0000", "", "No title today, just this. \n## A heading inside a run\nand text after it.", false},
	}
	var got []read
	err = b.Each(func(e journal.Entry) error {
		got = append(got, read{e.WrittenAt.Format("2006-01-02 15:04 -0700"), e.Title, e.Body, e.Flagged})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read\n%+v\nwant\n%+v", got, want)
	}
	wantRejected := []Rejected{
		{"entry 5", "it holds only photos or other media, and no text"},
		{"entry 6", "its text is empty and its richText is not the JSON Day One writes, so I can't read it"},
	}
	if !reflect.DeepEqual(b.Rejected, wantRejected) {
		t.Errorf("left out %q, want %q", b.Rejected, wantRejected)
	}
	if want := []string{"Left behind 2 photos, 1 audio recording: a journal's .json file doesn't hold them; import the whole export zip to keep photos, audio and PDFs."}; !reflect.DeepEqual(b.Notes, want) {
		t.Errorf("notes %q, want %q", b.Notes, want)
	}
}

// Imported, the tags that name feelings (in any script the vocabulary
// has them) are emotions, the rest patterns.
func TestImport_DayOneRichText(t *testing.T) {
	useLocalZone(t, "Europe/Berlin")
	s := mustOpen(t)
	sum, err := Import(s, dayOneRich, "")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 5 || len(sum.Rejected) != 2 || sum.TagsAsEmotions != 5 || sum.TagsAsPatterns != 5 {
		t.Errorf("summary %+v: want 5 added, 2 left out, 5 tags as emotions, 5 as patterns", sum)
	}
	entries, err := s.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2][]string{}
	for _, e := range entries {
		got[e.DisplayTitle()] = [2][]string{e.Emotions, e.Patterns}
	}
	want := map[string][2][]string{
		"Before the session":         {{"anxious"}, {"people-pleasing"}},
		"今日のこと":                      {{"sad"}, {"悲しみ", "😶 numb"}},
		"יומן ערב":                   {{"lonely", "ashamed"}, {"avoiding conflict"}},
		"Morning pages ✍️":           {{"guilty"}, {"🎨 drawing"}},
		"No title today, just this.": {nil, nil},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("emotions and patterns:\n got %q\nwant %q", got, want)
	}
	if note := sum.TagNote(); !strings.Contains(note, "Anxiety → anxious") || !strings.Contains(note, "Lonely → lonely") {
		t.Errorf("tag note %q", note)
	}
}
