package transfer

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

func TestWriteCSV(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	entries := []journal.Entry{
		{ID: 7, WrittenAt: time.Date(2026, 11, 25, 18, 30, 0, 0, berlin), Kind: journal.KindReflection, Title: "Quiet, again",
			Body: "He said \"fine\".\nI went quiet.", Mood: 4, Flagged: true,
			Emotions: []string{"anxious", "hurt"}, Patterns: []string{"withdrawing under criticism"},
			Episodes: []journal.Episode{{Person: "Mum", EarlierPerson: "Dad"}, {Person: "mum"}, {Person: "Sam", EarlierPerson: "Dad"}}},
		{ID: 8, WrittenAt: time.Date(2026, 11, 26, 7, 0, 0, 0, time.UTC), Kind: journal.KindDream, Body: "doors"},
	}
	var buf bytes.Buffer
	if err := WriteCSV(entries, &buf); err != nil {
		t.Fatal(err)
	}
	const want = "id,written_at,kind,title,body,mood,emotions,patterns,flagged,people\r\n" +
		"7,2026-11-25T18:30:00+01:00,reflection,\"Quiet, again\",\"He said \"\"fine\"\".\r\nI went quiet.\",4,anxious; hurt,withdrawing under criticism,true,Mum; Dad; Sam\r\n" +
		"8,2026-11-26T07:00:00Z,dream,,doors,,,,false,\r\n"
	if got := buf.String(); got != want {
		t.Errorf("CSV:\n%q\nwant\n%q", got, want)
	}

	// A spreadsheet, or encoding/csv, reads back what was written.
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || len(rows[0]) != 10 {
		t.Fatalf("read back %d rows of %d cells", len(rows), len(rows[0]))
	}
	if rows[1][4] != entries[0].Body || rows[1][3] != entries[0].Title {
		t.Errorf("read back title %q body %q", rows[1][3], rows[1][4])
	}
	if rows[2][5] != "" {
		t.Errorf("an unrated mood reads back as %q, want an empty cell", rows[2][5])
	}
}

func TestWriteCSV_NoEntries(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(nil, &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows, [][]string{csvColumns}) {
		t.Errorf("no entries gives %q, want the header alone", rows)
	}
}
