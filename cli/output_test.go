package cli

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	analysis "github.com/throughline/throughline/patterns"
)

// writesCounted counts the writes made to it: each is a system call on
// a terminal or a pipe.
type writesCounted struct {
	strings.Builder
	writes int
}

func (w *writesCounted) Write(p []byte) (int, error) {
	w.writes++
	return w.Builder.Write(p)
}

// Fifty hits or a hundred patterns are printed with one write, not one a
// line: a search's whole answer is a few milliseconds of system calls
// otherwise.
func TestPrinting_OneWrite(t *testing.T) {
	var res jstore.SearchResult
	for i := range 50 {
		res.Hits = append(res.Hits, jstore.SearchHit{ID: int64(i + 1), WrittenAt: time.Date(2026, 3, 2, 20, 0, 0, 0, time.UTC),
			Title: jstore.Highlighted{{Text: "The lighthouse"}}, Snippet: jstore.Highlighted{{Text: "the "}, {Text: "lighthouse", Match: true}}})
	}
	res.Total = 50
	var search writesCounted
	printSearch(&search, res, 0, false)
	var taggings []journal.Tagging
	for i := range 100 {
		taggings = append(taggings, journal.Tagging{EntryID: int64(i + 1), WrittenAt: time.Date(2026, 3, 2, 20, 0, 0, 0, time.UTC),
			Patterns: []string{"pattern " + strconv.Itoa(i), "avoidance"}})
	}
	var patterns writesCounted
	printReport(&patterns, analysis.Summarise(taggings, analysis.Window{}), map[string]string{}, "")
	for _, tc := range []struct {
		name string
		out  *writesCounted
		want string
	}{{"search", &search, "50 entries match."}, {"patterns", &patterns, "100 entries from all time."}} {
		if !strings.Contains(tc.out.String(), tc.want) {
			t.Errorf("%s printed %q, want it to say %q", tc.name, tc.out.String(), tc.want)
		}
		if tc.out.writes > 1 {
			t.Errorf("%s printed with %d writes, want 1", tc.name, tc.out.writes)
		}
	}
}
