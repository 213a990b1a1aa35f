package transfer

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// Mood check-ins go out in the JSON export and come back on import,
// with their feelings and the clock they were made on.
func TestThroughline_CarriesMoodCheckIns(t *testing.T) {
	src := newThroughlineJournal(t)
	fillForExport(t, src)
	tokyo := time.FixedZone("JST", 9*3600)
	for _, c := range []journal.MoodCheckIn{{At: time.Date(2026, 11, 21, 7, 30, 0, 0, tokyo), Mood: 2, Emotions: []string{"anxious", "wistful"}},
		{At: time.Date(2026, 11, 22, 20, 0, 0, 0, time.UTC), Mood: 9}} {
		if _, err := src.AddMoodCheckIn(c); err != nil {
			t.Fatal(err)
		}
	}
	first := exportOf(t, src)
	if !bytes.Contains(first, []byte(`"mood_checkins"`)) {
		t.Fatal("the export has no mood check-ins")
	}
	dst := newThroughlineJournal(t)
	if _, err := ImportThroughline(dst, bytes.NewReader(first)); err != nil {
		t.Fatal(err)
	}
	want, _ := src.MoodCheckIns(time.Time{}, time.Time{})
	got, err := dst.MoodCheckIns(time.Time{}, time.Time{})
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("imported %+v, %v; want %+v", got, err, want)
	}
	if second := exportOf(t, dst); !bytes.Equal(first, second) {
		t.Error("export → import → export changed the file")
	}
	// A check-in naming a feeling the export doesn't have is refused,
	// and nothing is imported.
	at := bytes.Index(first, []byte(`"mood_checkins"`))
	bad := append(bytes.Clone(first[:at]), bytes.Replace(first[at:], []byte(`"wistful"`), []byte(`"glorpy"`), 1)...)
	if bytes.Equal(bad, first) {
		t.Fatal("the check-in's feeling isn't in the export")
	}
	empty := newThroughlineJournal(t)
	if _, err := ImportThroughline(empty, bytes.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "glorpy") {
		t.Errorf("a bad feeling: %v", err)
	}
	if n, _ := empty.CountEntries(); n != 0 {
		t.Errorf("a refused import added %d entries", n)
	}
}
