package store

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/throughline/throughline/journal"
)

func mustSearch(t *testing.T, s *Store, q SearchQuery) SearchResult {
	t.Helper()
	res, err := s.Search(q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

func hitIDs(res SearchResult) []int64 {
	ids := make([]int64, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	slices.Sort(ids)
	return ids
}

func hitTitles(res SearchResult) string {
	var titles []string
	for _, h := range res.Hits {
		titles = append(titles, h.Title.String())
	}
	return strings.Join(titles, ", ")
}

// searchWords is a small vocabulary, so generated entries share words
// often enough for single words, pairs and misses to all be tested.
var searchWords = strings.Fields(`manager voice froze criticism partner mother boundary needs
	quiet anger shame relief work home email weekend dinner phone silence apology distance
	tired careful honest avoided withdrew pleased waited listened asked`)

// tokens splits text the way the index does for plain ASCII words.
func tokens(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}

// For plain word queries the index finds exactly the entries a scan of
// every title, body and episode finds.
func TestSearch_MatchesBruteForce(t *testing.T) {
	s := mustOpen(t)
	r := rand.New(rand.NewPCG(6, 6))
	text := func(n int) string {
		words := make([]string, n)
		for i := range words {
			words[i] = searchWords[r.IntN(len(searchWords))]
			if r.IntN(5) == 0 {
				words[i] = strings.ToUpper(words[i][:1]) + words[i][1:] + "."
			}
		}
		return strings.Join(words, " ")
	}
	var entries []journal.Entry
	start := time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range 400 {
		e := journal.Entry{WrittenAt: start.Add(time.Duration(i) * 7 * time.Hour), Title: text(r.IntN(3)), Body: text(1 + r.IntN(30))}
		if r.IntN(4) == 0 {
			e.Episodes = []journal.Episode{{Person: "Sam", Wish: text(3), OtherResponse: text(2), Reminds: text(2)}}
		}
		entries = append(entries, e)
	}
	saved, err := s.CreateEntries(entries)
	if err != nil {
		t.Fatal(err)
	}
	scan := func(words ...string) []int64 {
		var ids []int64
		for _, e := range saved {
			have := tokens(e.Title + " " + e.Body + " " + episodeText(e.Episodes))
			all := true
			for _, w := range words {
				all = all && have[w]
			}
			if all {
				ids = append(ids, e.ID)
			}
		}
		return ids
	}
	queries := [][]string{{"absent"}}
	for i, w := range searchWords {
		queries = append(queries, []string{w}, []string{w, searchWords[(i+7)%len(searchWords)]})
	}
	for _, words := range queries {
		q := SearchQuery{Text: strings.Join(words, " "), Limit: len(saved)}
		res := mustSearch(t, s, q)
		want := scan(words...)
		if got := hitIDs(res); !slices.Equal(got, want) || res.Total != len(want) {
			t.Errorf("%q: index found %d (total %d), scan found %d\nindex only: %v\nscan only: %v", q.Text, len(got), res.Total, len(want),
				missing(got, want), missing(want, got))
		}
	}
}

// missing lists what a has that b hasn't.
func missing(a, b []int64) []int64 {
	var out []int64
	for _, id := range a {
		if !slices.Contains(b, id) {
			out = append(out, id)
		}
	}
	return out
}

func seedSearch(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	day := func(d int) time.Time { return time.Date(2026, 3, d, 20, 0, 0, 0, time.UTC) }
	entries := []journal.Entry{
		{Title: "The meeting", WrittenAt: day(2), Mood: 3, Flagged: true, Patterns: []string{"withdrawing under criticism"}, Emotions: []string{"afraid"},
			Body:     "I froze when my manager raised her voice in the meeting. Afterwards I said nothing for an hour.",
			Episodes: []journal.Episode{{Person: "Dana", Wish: "to be treated with respect", OtherResponse: "raised her voice", SelfResponse: "went quiet"}}},
		{Title: "Dinner with Mum", WrittenAt: day(5), Mood: 6, Patterns: []string{"people-pleasing"},
			Body:     "Her voice was raised but I stayed. I said what I needed, and the café was quiet.",
			Episodes: []journal.Episode{{Person: "Mum", Wish: "to be heard", Reminds: "being told off at school"}}},
		{Title: "", WrittenAt: day(9), Mood: 8, Emotions: []string{"calm"},
			Body: "A walk by the river. Nothing about work at all.\n\nManagers everywhere, though."},
		{Title: "Froze again", WrittenAt: day(14), Patterns: []string{"withdrawing under criticism", "people-pleasing"}, Flagged: true,
			Body:     "Same freeze, different room.",
			Episodes: []journal.Episode{{Person: "Dana", Wish: "to disagree", SelfResponse: "apologised"}}},
	}
	saved, err := s.CreateEntries(entries)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, e := range saved {
		ids[e.DisplayTitle()] = e.ID
	}
	return ids
}

func TestSearch_QueriesAndFilters(t *testing.T) {
	s := mustOpen(t)
	seedSearch(t, s)
	march := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name string
		q    SearchQuery
		want string // titles, best match first (or newest first)
	}{
		{"word in a body", SearchQuery{Text: "river"}, "A walk by the river. Nothing about work at all."},
		{"title weighs most", SearchQuery{Text: "froze"}, "Froze again, The meeting"},
		{"any case, any accent", SearchQuery{Text: "CAFE"}, "Dinner with Mum"},
		{"words anywhere", SearchQuery{Text: "voice raised", Newest: true}, "Dinner with Mum, The meeting"},
		{"phrase in order", SearchQuery{Text: `"raised her voice"`}, "The meeting"},
		{"prefix", SearchQuery{Text: "manag*", Newest: true}, "A walk by the river. Nothing about work at all., The meeting"},
		{"whole word only", SearchQuery{Text: "manager"}, "The meeting"},
		{"or", SearchQuery{Text: "river OR apologised", Newest: true}, "Froze again, A walk by the river. Nothing about work at all."},
		{"not", SearchQuery{Text: "voice NOT froze"}, "Dinner with Mum"},
		{"minus", SearchQuery{Text: "voice -froze"}, "Dinner with Mum"},
		{"episode text", SearchQuery{Text: "school"}, "Dinner with Mum"},
		{"newest first", SearchQuery{Text: "voice", Newest: true}, "Dinner with Mum, The meeting"},
		{"filters alone, newest first", SearchQuery{Flagged: true}, "Froze again, The meeting"},
		{"pattern on the entry", SearchQuery{Patterns: []string{"People pleasing"}}, "Froze again, Dinner with Mum"},
		{"two patterns: both", SearchQuery{Patterns: []string{"people-pleasing", "withdrawing under criticism"}}, "Froze again"},
		{"emotion", SearchQuery{Emotions: []string{"afraid"}}, "The meeting"},
		{"person in an episode", SearchQuery{People: []string{"dana"}}, "Froze again, The meeting"},
		{"mood range", SearchQuery{MinMood: 5, MaxMood: 8}, "A walk by the river. Nothing about work at all., Dinner with Mum"},
		{"mood floor leaves out unrated", SearchQuery{MinMood: 1}, "A walk by the river. Nothing about work at all., Dinner with Mum, The meeting"},
		{"date range", SearchQuery{From: march(3), Before: march(10)}, "A walk by the river. Nothing about work at all., Dinner with Mum"},
		{"text and filters", SearchQuery{Text: "voice", People: []string{"Dana"}, Flagged: true, MaxMood: 4, From: march(1), Before: march(3)}, "The meeting"},
		{"text and filters, none left", SearchQuery{Text: "voice", People: []string{"Mum"}, Flagged: true}, ""},
		{"no such word", SearchQuery{Text: "zebra"}, ""},
		{"limit", SearchQuery{Flagged: true, Limit: 1}, "Froze again"},
		{"unclosed quote searches the words", SearchQuery{Text: `"manager raised`}, "The meeting"},
		{"lone operator searches the word", SearchQuery{Text: `river OR`}, "A walk by the river. Nothing about work at all."},
		{"punctuation alone finds nothing", SearchQuery{Text: `— …`}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustSearch(t, s, tc.q)
			if got := hitTitles(res); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSearch_ReportsLooseQueriesAndTotals(t *testing.T) {
	s := mustOpen(t)
	seedSearch(t, s)
	res := mustSearch(t, s, SearchQuery{Text: `"voice`, Limit: 1})
	if !res.Loose || res.Total != 2 || len(res.Hits) != 1 {
		t.Errorf(`"voice: loose %v, total %d, %d hits; want loose, 2, 1`, res.Loose, res.Total, len(res.Hits))
	}
	if res := mustSearch(t, s, SearchQuery{Text: `"raised her voice"`}); res.Loose {
		t.Error("a well-formed phrase was reported loose")
	}
}

func TestSearch_Highlights(t *testing.T) {
	s := mustOpen(t)
	seedSearch(t, s)
	for _, tc := range []struct {
		query, title, snippet string
	}{
		{"froze", "**Froze** again", "Same freeze, different room."},
		{"manager", "The meeting", "I froze when my **manager** raised her voice in the meeting. Afterwards I said nothing for an hour."},
		{`"raised her voice"`, "The meeting", "I froze when my manager **raised her voice** in the meeting. Afterwards I said nothing for an hour."},
		// A match only in an episode shows the episode's text.
		{"school", "Dinner with Mum", "to be heard\nbeing told off at **school**"},
		// Untitled: the body's first line stands in.
		{"river", "A walk by the river. Nothing about work at all.", "A walk by the **river**. Nothing about work at all.\n\nManagers everywhere, though."},
	} {
		res := mustSearch(t, s, SearchQuery{Text: tc.query})
		if len(res.Hits) == 0 {
			t.Fatalf("%q found nothing", tc.query)
		}
		hit := res.Hits[0]
		if got := hit.Title.Markdown(); got != tc.title {
			t.Errorf("%q: title %q, want %q", tc.query, got, tc.title)
		}
		if got := hit.Snippet.Markdown(); got != tc.snippet {
			t.Errorf("%q: snippet %q, want %q", tc.query, got, tc.snippet)
		}
	}
}

func TestSearch_LongBodySnippetIsAPassage(t *testing.T) {
	s := mustOpen(t)
	body := strings.Repeat("ordinary words fill the page ", 100) + "then the word lighthouse appears " + strings.Repeat("and more words ", 100)
	if _, err := s.CreateEntry(journal.Entry{Title: "long", Body: body, WrittenAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	snippet := mustSearch(t, s, SearchQuery{Text: "lighthouse"}).Hits[0].Snippet
	if words := len(strings.Fields(snippet.String())); words > snippetWords+2 {
		t.Errorf("snippet has %d words: %q", words, snippet.String())
	}
	if !strings.Contains(snippet.Markdown(), "**lighthouse**") || !strings.HasPrefix(snippet.String(), "…") {
		t.Errorf("snippet %q should be an elided passage around the match", snippet.Markdown())
	}
}

// The index follows every change: edits, deletes, and restores.
func TestSearch_FollowsChanges(t *testing.T) {
	s := mustOpen(t)
	ids := seedSearch(t, s)
	e, err := s.Entry(ids["Dinner with Mum"])
	if err != nil {
		t.Fatal(err)
	}
	e.Body, e.Episodes = "Rewritten: a lighthouse.", []journal.Episode{{Person: "Mum", Wish: "harbour"}}
	if _, err := s.UpdateEntry(e); err != nil {
		t.Fatal(err)
	}
	for query, want := range map[string]string{"café": "", "lighthouse": "Dinner with Mum", "harbour": "Dinner with Mum", "school": ""} {
		if got := hitTitles(mustSearch(t, s, SearchQuery{Text: query})); got != want {
			t.Errorf("after the edit, %q found %q, want %q", query, got, want)
		}
	}
	if err := s.DeleteEntry(e.ID); err != nil {
		t.Fatal(err)
	}
	if got := hitTitles(mustSearch(t, s, SearchQuery{Text: "lighthouse"})); got != "" {
		t.Errorf("a deleted entry was found: %q", got)
	}

	snap := mustSnapshot(t, s)
	restored := mustOpen(t)
	if err := restored.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if got := hitTitles(mustSearch(t, restored, SearchQuery{Text: "froze"})); got != "Froze again, The meeting" {
		t.Errorf("after a restore, froze found %q", got)
	}
}

func TestSearch_RefusesBadFilters(t *testing.T) {
	s := mustOpen(t)
	seedSearch(t, s)
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		q    SearchQuery
		code string
		says string
	}{
		{SearchQuery{Patterns: []string{"nonsense"}}, journal.ENotFound, "no pattern called “nonsense”"},
		{SearchQuery{Emotions: []string{"nonsense"}}, journal.ENotFound, "no emotion called “nonsense”"},
		{SearchQuery{People: []string{"Nobody"}}, journal.ENotFound, "no one called “Nobody”"},
		{SearchQuery{MinMood: 11}, journal.EInvalid, "moods run from 1 to 10"},
		{SearchQuery{MinMood: 7, MaxMood: 3}, journal.EInvalid, "above the highest"},
		{SearchQuery{From: day, Before: day}, journal.EInvalid, "after it ends"},
		{SearchQuery{Limit: -1}, journal.EInvalid, "limit of 1 or more"},
	} {
		_, err := s.Search(tc.q)
		var je *journal.Error
		if !errors.As(err, &je) || je.Code != tc.code || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("Search(%+v) = %v; want %v saying %q", tc.q, err, tc.code, tc.says)
		}
	}
}

func TestHighlighted_Parse(t *testing.T) {
	for _, tc := range []struct{ in, markdown string }{
		{"", ""},
		{"plain", "plain"},
		{markOpen + "all" + markClose, "**all**"},
		{"a " + markOpen + "b" + markClose + " c " + markOpen + "d" + markClose, "a **b** c **d**"},
		{"cut " + markOpen + "off", "cut **off**"},
	} {
		if got := parseHighlighted(tc.in).Markdown(); got != tc.markdown {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.markdown)
		}
	}
}

func ExampleHighlighted_Markdown() {
	h := Highlighted{{Text: "I "}, {Text: "froze", Match: true}, {Text: " again"}}
	fmt.Println(h.Markdown())
	// Output: I **froze** again
}

// Past rankWindow matches, only the newest are ranked, and the result
// says so; the total still counts them all.
func TestSearch_RanksTheNewestWhenThereAreMany(t *testing.T) {
	s := mustOpen(t)
	start := time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC)
	many := make([]journal.Entry, rankWindow+100)
	for i := range many {
		many[i] = journal.Entry{WrittenAt: start.Add(time.Duration(i) * time.Hour), Body: "an ordinary day"}
	}
	// The oldest entry is the best match, but outside the ranked window.
	many[0].Title = "ordinary ordinary ordinary"
	saved, err := s.CreateEntries(many)
	if err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, s, SearchQuery{Text: "ordinary"})
	if res.Total != len(many) || res.RankedNewest != rankWindow {
		t.Fatalf("total %d, ranked newest %d; want %d, %d", res.Total, res.RankedNewest, len(many), rankWindow)
	}
	for _, h := range res.Hits {
		if h.ID < saved[100].ID {
			t.Fatalf("hit %d is older than the newest %d matches", h.ID, rankWindow)
		}
	}
	// Newest first needs no window, and a narrower search ranks everything.
	if res := mustSearch(t, s, SearchQuery{Text: "ordinary", Newest: true}); res.RankedNewest != 0 || res.Hits[0].ID != saved[len(saved)-1].ID {
		t.Errorf("newest first: ranked newest %d, first hit %d", res.RankedNewest, res.Hits[0].ID)
	}
	if res := mustSearch(t, s, SearchQuery{Text: "ordinary", Before: start.Add(10 * time.Hour)}); res.RankedNewest != 0 || res.Hits[0].ID != saved[0].ID {
		t.Errorf("narrowed: ranked newest %d, first hit %d, want the titled entry %d", res.RankedNewest, res.Hits[0].ID, saved[0].ID)
	}
}
