package store

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// pageAll reads q's results a page at a time, as the window does when
// the person scrolls, until a page comes back short.
func pageAll(t *testing.T, s *Store, q SearchQuery, size int) (ids []int64, total int) {
	t.Helper()
	q.Limit = size
	for {
		q.Offset = len(ids)
		res := mustSearch(t, s, q)
		total = res.Total
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < size {
			return ids, total
		}
	}
}

// Paging reaches every match, past the default 50, once each, in every
// order and past the ranked window.
func TestSearch_PagesReachEveryMatch(t *testing.T) {
	s := mustOpen(t)
	start := time.Date(2021, 1, 1, 9, 0, 0, 0, time.UTC)
	many := make([]journal.Entry, rankWindow+130)
	for i := range many {
		many[i] = journal.Entry{WrittenAt: start.Add(time.Duration(i) * time.Hour), Body: fmt.Sprintf("entry %d on an ordinary day", i), Flagged: i%10 == 0}
	}
	many[0].Title = "ordinary ordinary ordinary"
	if _, err := s.CreateEntries(many); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		q    SearchQuery
		want int
	}{
		{"filters alone", SearchQuery{Flagged: true}, (len(many) + 9) / 10},
		{"best first", SearchQuery{Text: "ordinary", Flagged: true}, (len(many) + 9) / 10},
		{"newest first", SearchQuery{Text: "ordinary", Flagged: true, Newest: true}, (len(many) + 9) / 10},
		{"past the ranked window", SearchQuery{Text: "ordinary"}, len(many)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ids, total := pageAll(t, s, tc.q, 300)
			if total != tc.want || len(ids) != tc.want {
				t.Fatalf("%d hits of %d, want %d", len(ids), total, tc.want)
			}
			sorted := slices.Clone(ids)
			slices.Sort(sorted)
			if len(slices.Compact(sorted)) != len(ids) {
				t.Errorf("a page repeated a hit")
			}
		})
	}
	// The best match, the oldest, is outside the ranked window: it comes
	// last, after the ranked newest, rather than never.
	ids, _ := pageAll(t, s, SearchQuery{Text: "ordinary"}, 1000)
	first := mustSearch(t, s, SearchQuery{Text: "ordinary", Limit: 1, Offset: len(many) - 1})
	if len(first.Hits) != 1 || first.Hits[0].ID != ids[len(ids)-1] || first.Hits[0].Title.String() != "ordinary ordinary ordinary" {
		t.Errorf("the last match is %+v, want the oldest entry", first.Hits)
	}
	if res := mustSearch(t, s, SearchQuery{Text: "ordinary", Offset: len(many)}); len(res.Hits) != 0 || res.Total != len(many) {
		t.Errorf("past the end: %d hits of %d", len(res.Hits), res.Total)
	}
	if _, err := s.Search(SearchQuery{Text: "ordinary", Offset: -1}); journal.ErrorCode(err) != journal.EInvalid {
		t.Errorf("a negative offset: %v", err)
	}
}

func TestHighlightEntry_MarksTheWordsSearchMatched(t *testing.T) {
	s := mustOpen(t)
	saved, err := s.CreateEntries([]journal.Entry{{Title: "Froze at work", WrittenAt: time.Now(),
		Body:     "A calm morning.\nThen my manager raised her voice and I froze.",
		Episodes: []journal.Episode{{Person: "Dana", Wish: "to be heard", SelfResponse: "froze again"}}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ query, title, body, episodes string }{
		{"froz*", "**Froze** at work", "A calm morning.\nThen my manager raised her voice and I **froze**.", "to be heard\n**froze** again"},
		{`"manager raised"`, "Froze at work", "A calm morning.\nThen my **manager raised** her voice and I froze.", "to be heard\nfroze again"},
		{`manager "raised`, "Froze at work", "A calm morning.\nThen my **manager** **raised** her voice and I froze.", "to be heard\nfroze again"},
		{"zebra", "Froze at work", "A calm morning.\nThen my manager raised her voice and I froze.", "to be heard\nfroze again"},
		{"", "Froze at work", "A calm morning.\nThen my manager raised her voice and I froze.", "to be heard\nfroze again"},
	} {
		m, err := s.HighlightEntry(saved[0].ID, tc.query)
		if err != nil {
			t.Fatalf("%q: %v", tc.query, err)
		}
		if got := [3]string{m.Title.Markdown(), m.Body.Markdown(), m.Episodes.Markdown()}; got != [3]string{tc.title, tc.body, tc.episodes} {
			t.Errorf("%q marked %q", tc.query, got)
		}
	}
	if _, err := s.HighlightEntry(saved[0].ID+99, "froze"); journal.ErrorCode(err) != journal.ENotFound {
		t.Errorf("a missing entry: %v", err)
	}
}
