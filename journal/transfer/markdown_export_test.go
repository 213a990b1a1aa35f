package transfer

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

var update = flag.Bool("update", false, "write the golden files in testdata/ from what the code makes")

// errWriter fails every write.
type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, errors.New("the disk is full") }

func TestMarkdownEntries(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, london) }
	journalEntries := []journal.Entry{
		{Kind: journal.KindReflection, Title: "Said yes again", Body: "Sam asked and I said yes.\n\n# What I wanted\nA night in.\n\n```\n# not a heading\n```",
			WrittenAt: at(2025, time.December, 30, 21, 14), Mood: 4, Emotions: []string{"guilty", "tired"}, Patterns: []string{"people-pleasing"},
			Flagged: true, Episodes: []journal.Episode{{Person: "Sam", EarlierPerson: "Mum"}, {Person: "sam"}}},
		{Kind: journal.KindDream, Title: "A title\nover two lines", Body: "", WrittenAt: at(2026, time.January, 2, 7, 5)},
		{Kind: journal.KindFreeAssociation, Body: "  No title, and a line break\nkept as written.  \n", WrittenAt: at(2026, time.January, 20, 23, 59)},
		{Kind: journal.KindAfterSession, Title: "After the session", Body: "Setext heading\n===\n\n###### Six stays six", WrittenAt: at(2026, time.March, 3, 12, 0)},
	}
	for _, tt := range []struct {
		name    string
		entries []journal.Entry
	}{
		{"none", nil},
		{"journal", journalEntries},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			md := NewMarkdownEntries(&out)
			for _, e := range tt.entries {
				if err := md.Write(e); err != nil {
					t.Fatal(err)
				}
			}
			if err := md.Close(); err != nil {
				t.Fatal(err)
			}
			if md.Count() != len(tt.entries) {
				t.Errorf("Count() = %d, want %d", md.Count(), len(tt.entries))
			}
			golden := filepath.Join("testdata", "markdown", tt.name+".md")
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != string(want) {
				t.Errorf("got\n%s\nwant (%s)\n%s", got, golden, want)
			}
		})
	}
}

// A write that fails is reported, by Close at the latest.
func TestMarkdownEntries_WriteError(t *testing.T) {
	md := NewMarkdownEntries(errWriter{})
	err := md.Write(journal.Entry{Title: "x", WrittenAt: time.Now()})
	if err == nil {
		err = md.Close()
	}
	if err == nil || err.Error() != "the disk is full" {
		t.Errorf("error %v, want the writer's", err)
	}
}
