package report

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	"github.com/throughline/throughline/patterns"
)

// The journal's store is what the window and the command line hand to
// WriteEntriesMarkdown.
var _ EntryStore = (*jstore.Store)(nil)

// entryHeading is an entry's heading in the Markdown export; its title
// follows the " · ".
var entryHeading = regexp.MustCompile(`(?m)^### [0-9-]+ [0-9:]+ · (.*)$`)

// The export of the entries themselves holds the entries every other
// export would: the same days, the same ones left out, oldest first.
func TestWriteEntriesMarkdown_Chooses(t *testing.T) {
	f := newFixture(t)
	all := []string{"Before 1", "Before 2", "Before 3", flaggedTitle, "Friends", dreamTitle, "Quietly", "Next week"}
	for _, tt := range []struct {
		name string
		opt  Options
		want []string
	}{
		{"everything", Options{}, all},
		{"since the last session", Options{SinceSession: true, Now: fixtureNow}, []string{flaggedTitle, "Friends", dreamTitle, "Quietly"}},
		{"from and to", Options{Window: patterns.Days(at(12, 0), at(14, 0))}, []string{"Before 1", "Before 2"}},
		{"flagged only", Options{SinceSession: true, Now: fixtureNow, FlaggedOnly: true}, []string{flaggedTitle, dreamTitle}},
		{"one left out", Options{SinceSession: true, Now: fixtureNow, Exclude: []int64{f.friends}}, []string{flaggedTitle, dreamTitle, "Quietly"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			n, err := WriteEntriesMarkdown(f.store, tt.opt, &out)
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, m := range entryHeading.FindAllStringSubmatch(out.String(), -1) {
				titles = append(titles, m[1])
			}
			if !slices.Equal(titles, tt.want) || n != len(tt.want) {
				t.Errorf("wrote %d entries: %q, want %q", n, titles, tt.want)
			}
		})
	}
}

// With names hidden, no name is left anywhere an entry's text or its
// people are printed; the bodies are otherwise whole.
func TestWriteEntriesMarkdown_Redacts(t *testing.T) {
	f := newFixture(t)
	var out bytes.Buffer
	if _, err := WriteEntriesMarkdown(f.store, Options{SinceSession: true, Now: fixtureNow, RedactPeople: true, Hide: []string{"PRIVATE-DREAM-TEXT"}}, &out); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	if m := hiddenNames.FindString(md); m != "" || strings.Contains(md, "PRIVATE-DREAM-TEXT") {
		t.Errorf("%q is still in the export:\n%s", m, md)
	}
	for _, want := range []string{"[My manager] asked me to stay late again", "with [my manager], Mum", "#### What happened", "Καλημέρα · Привет · שלום", "[My friend B] and [my friend A] were on a boat. [A]"} {
		if !strings.Contains(md, want) {
			t.Errorf("the export lacks %q:\n%s", want, md)
		}
	}
}

// Since the last session, with none logged, is refused as the report
// refuses it, and nothing is written.
func TestWriteEntriesMarkdown_NoSession(t *testing.T) {
	store := openJournal(t)
	must[journal.Entry](t)(store.CreateEntry(journal.Entry{Title: "Alone", WrittenAt: fixtureNow}))
	var out bytes.Buffer
	if _, err := WriteEntriesMarkdown(store, Options{SinceSession: true, Now: fixtureNow}, &out); !errors.Is(err, ErrNoSession) || out.Len() != 0 {
		t.Errorf("error %v and %d bytes, want ErrNoSession and nothing", err, out.Len())
	}
}
