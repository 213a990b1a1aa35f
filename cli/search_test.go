package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// searchJournal is a journal of four entries in March 2026, two of them
// with episodes, for the search tests. ids are by display title.
func searchJournal(t *testing.T) (db string, ids map[string]int64) {
	t.Helper()
	db = newJournal(t)
	ids = map[string]int64{
		"The meeting": addEntry(t, db, "", "--title", "The meeting", "--at", "2026-03-02 20:00", "--mood", "3", "--flag",
			"--pattern", "withdrawing under criticism", "--emotion", "afraid",
			"--body", "I froze when my manager raised her voice in the meeting. Afterwards I said nothing for an hour."),
		"Dinner with Mum": addEntry(t, db, "", "--title", "Dinner with Mum", "--at", "2026-03-05 20:00", "--mood", "6",
			"--pattern", "people-pleasing", "--body", "Her voice was raised but I stayed. I said what I needed, and the café was quiet."),
		"A walk": addEntry(t, db, "", "--at", "2026-03-09 20:00", "--mood", "8", "--emotion", "calm",
			"--body", "A walk by the river. Nothing about work at all.\n\nManagers everywhere, though."),
		"Froze again": addEntry(t, db, "", "--title", "Froze again", "--at", "2026-03-14 20:00", "--flag",
			"--pattern", "withdrawing under criticism", "--pattern", "people-pleasing", "--body", "Same freeze, different room."),
	}
	// The command line can't write episodes, so add them through the store.
	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for title, eps := range map[string][]journal.Episode{
		"The meeting":     {{Person: "Dana", Wish: "to be treated with respect", OtherResponse: "raised her voice", SelfResponse: "went quiet"}},
		"Dinner with Mum": {{Person: "Mum", Wish: "to be heard", Reminds: "being told off at school"}},
		"Froze again":     {{Person: "Dana", Wish: "to disagree", SelfResponse: "apologised"}},
	} {
		e, err := store.Entry(ids[title])
		if err != nil {
			t.Fatal(err)
		}
		e.Episodes = eps
		if _, err := store.UpdateEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	return db, ids
}

// searchJSONOut runs search --json, which must succeed with nothing on
// stderr, and parses what it printed.
func searchJSONOut(t *testing.T, db string, args ...string) searchJSON {
	t.Helper()
	out := mustCLI(t, db, "", append([]string{"search", "--json"}, args...)...)
	return parseSearchJSON(t, out)
}

func parseSearchJSON(t *testing.T, out string) searchJSON {
	t.Helper()
	var res searchJSON
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&res); err != nil {
		t.Fatalf("search --json printed something that is not its JSON object: %v\n%s", err, out)
	}
	if rest := strings.TrimSpace(out[dec.InputOffset():]); rest != "" {
		t.Fatalf("search --json printed more than its JSON object: %q", rest)
	}
	return res
}

var hitLineRE = regexp.MustCompile(`(?m)^#([0-9]+)  `)

// textIDs are the entry numbers search's text output shows, in order.
func textIDs(out string) []int64 {
	var ids []int64
	for _, m := range hitLineRE.FindAllStringSubmatch(out, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		ids = append(ids, id)
	}
	return ids
}

func TestCLI_Search(t *testing.T) {
	isolateJournalLocation(t)
	db, ids := searchJournal(t)
	tests := []struct {
		name string
		args []string
		want []string // display titles, best match (or newest) first
	}{
		{"a word", []string{"manager"}, []string{"The meeting"}},
		{"the title weighs most", []string{"froze"}, []string{"Froze again", "The meeting"}},
		{"any case, any accent", []string{"CAFE"}, []string{"Dinner with Mum"}},
		{"words anywhere, as separate arguments", []string{"voice", "raised", "--newest"}, []string{"Dinner with Mum", "The meeting"}},
		{"words in one argument", []string{"voice raised", "--newest"}, []string{"Dinner with Mum", "The meeting"}},
		{"a phrase", []string{`"raised her voice"`}, []string{"The meeting"}},
		{"a phrase over arguments", []string{`"raised`, `her`, `voice"`}, []string{"The meeting"}},
		{"a prefix", []string{"manag*", "--newest"}, []string{"A walk", "The meeting"}},
		{"a whole word only", []string{"manage"}, nil},
		{"OR", []string{"river", "OR", "apologised", "--newest"}, []string{"Froze again", "A walk"}},
		{"NOT", []string{"voice", "NOT", "froze"}, []string{"Dinner with Mum"}},
		{"-word after --", []string{"--", "voice", "-froze"}, []string{"Dinner with Mum"}},
		{"flags before, words and -word after --", []string{"--newest", "--", "voice", "-froze"}, []string{"Dinner with Mum"}},
		{"brackets", []string{"(river OR school) -walk"}, []string{"Dinner with Mum"}},
		{"episode text", []string{"school"}, []string{"Dinner with Mum"}},
		{"no such word", []string{"zebra"}, nil},
		{"newest first", []string{"voice", "--newest"}, []string{"Dinner with Mum", "The meeting"}},
		{"flags before the words", []string{"--newest", "voice"}, []string{"Dinner with Mum", "The meeting"}},
		{"--flagged alone, newest first", []string{"--flagged"}, []string{"Froze again", "The meeting"}},
		{"--pattern, on the entry, any spelling", []string{"--pattern", "People pleasing"}, []string{"Froze again", "Dinner with Mum"}},
		{"two --pattern: both", []string{"--pattern", "people-pleasing", "--pattern", "withdrawing under criticism"}, []string{"Froze again"}},
		{"--emotion", []string{"--emotion", "afraid"}, []string{"The meeting"}},
		{"--person in an episode", []string{"--person", "dana"}, []string{"Froze again", "The meeting"}},
		{"two --person: both", []string{"--person", "Dana", "--person", "Mum"}, nil},
		{"--mood one value", []string{"--mood", "3"}, []string{"The meeting"}},
		{"--mood a range", []string{"--mood", "5-8"}, []string{"A walk", "Dinner with Mum"}},
		{"--mood leaves out unrated", []string{"--mood", "1-10"}, []string{"A walk", "Dinner with Mum", "The meeting"}},
		{"--from includes its day", []string{"--from", "2026-03-09"}, []string{"Froze again", "A walk"}},
		{"--to includes all its day", []string{"--to", "2026-03-09"}, []string{"A walk", "Dinner with Mum", "The meeting"}},
		{"--from and --to", []string{"--from", "2026-03-03", "--to", "2026-03-09"}, []string{"A walk", "Dinner with Mum"}},
		{"--from and --to one day", []string{"--from=2026-03-05", "--to=2026-03-05"}, []string{"Dinner with Mum"}},
		{"--to a time includes that minute", []string{"--to", "2026-03-05 20:00"}, []string{"Dinner with Mum", "The meeting"}},
		{"words and a filter", []string{"voice", "--pattern", "people-pleasing"}, []string{"Dinner with Mum"}},
		{"words and every filter", []string{"voice", "--person", "Dana", "--flagged", "--mood", "1-4", "--emotion", "afraid",
			"--pattern", "withdrawing under criticism", "--from", "2026-03-01", "--to", "2026-03-02"}, []string{"The meeting"}},
		{"filters together, none left", []string{"voice", "--person", "Mum", "--flagged"}, nil},
		{"filters together, no words", []string{"--flagged", "--pattern", "people-pleasing", "--person", "Dana"}, []string{"Froze again"}},
		{"--limit", []string{"--flagged", "--limit", "1"}, []string{"Froze again"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []int64
			for _, title := range tt.want {
				want = append(want, ids[title])
			}
			res := searchJSONOut(t, db, tt.args...)
			var got []int64
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("search --json %q found %v, want %v (%q)", tt.args, got, want, tt.want)
			}
			if res.Loose {
				t.Errorf("search --json %q is loose, but its syntax is complete", tt.args)
			}
			out := mustCLI(t, db, "", append([]string{"search"}, tt.args...)...)
			if got := textIDs(out); !slices.Equal(got, want) {
				t.Errorf("search %q showed %v, want %v:\n%s", tt.args, got, want, out)
			}
		})
	}
}

// TestCLI_SearchText pins the text output: a block a hit, the snippet on
// one line with the matches in ** when not on a terminal, then the count.
func TestCLI_SearchText(t *testing.T) {
	isolateJournalLocation(t)
	db, ids := searchJournal(t)
	meeting, walk := strconv.FormatInt(ids["The meeting"], 10), strconv.FormatInt(ids["A walk"], 10)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"one hit", []string{"manager"}, "" +
			"#" + meeting + "  Mon 2 Mar 2026 20:00  The meeting\n" +
			"    I froze when my **manager** raised her voice in the meeting. Afterwards I said nothing for an hour.\n" +
			"\n" +
			"1 entry matches.\n"},
		{"an untitled entry's lines folded", []string{"manag*", "--newest"}, "" +
			"#" + walk + "  Mon 9 Mar 2026 20:00  A walk by the river. Nothing about work at all.\n" +
			"    A walk by the river. Nothing about work at all. **Managers** everywhere, though.\n" +
			"\n" +
			"#" + meeting + "  Mon 2 Mar 2026 20:00  The meeting\n" +
			"    I froze when my **manager** raised her voice in the meeting. Afterwards I said nothing for an hour.\n" +
			"\n" +
			"2 entries match.\n"},
		{"a phrase marked", []string{`"raised her voice"`}, "" +
			"#" + meeting + "  Mon 2 Mar 2026 20:00  The meeting\n" +
			"    I froze when my manager **raised her voice** in the meeting. Afterwards I said nothing for an hour.\n" +
			"\n" +
			"1 entry matches.\n"},
		{"--limit says how many matched", []string{"--flagged", "--limit", "1"}, "" +
			"#" + strconv.FormatInt(ids["Froze again"], 10) + "  Sat 14 Mar 2026 20:00  Froze again\n" +
			"    Same freeze, different room.\n" +
			"\n" +
			"1 of 2 matching entries shown. --limit 2 shows them all.\n"},
		{"--limit above the total", []string{"--flagged", "--limit", "2", "--pattern", "withdrawing under criticism"}, "" +
			"#" + strconv.FormatInt(ids["Froze again"], 10) + "  Sat 14 Mar 2026 20:00  Froze again\n" +
			"    Same freeze, different room.\n" +
			"\n" +
			"#" + meeting + "  Mon 2 Mar 2026 20:00  The meeting\n" +
			"    I froze when my manager raised her voice in the meeting. Afterwards I said nothing for an hour.\n" +
			"\n" +
			"2 entries match.\n"},
		{"nothing", []string{"zebra"}, "No entries match.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mustCLI(t, db, "", append([]string{"search"}, tt.args...)...); got != tt.want {
				t.Errorf("search %q printed:\n%s\nwant:\n%s", tt.args, got, tt.want)
			}
		})
	}
}

// TestCLI_SearchLimitAndTotal: --limit bounds the hits, never the total.
func TestCLI_SearchLimitAndTotal(t *testing.T) {
	isolateJournalLocation(t)
	db, _ := searchJournal(t)
	for _, tt := range []struct {
		limit       string
		hits, total int
	}{{"1", 1, 3}, {"2", 2, 3}, {"3", 3, 3}, {"50", 3, 3}} {
		res := searchJSONOut(t, db, "--mood", "1-10", "--limit", tt.limit)
		if len(res.Hits) != tt.hits || res.Total != tt.total {
			t.Errorf("--limit %s: %d hits of %d, want %d of %d", tt.limit, len(res.Hits), res.Total, tt.hits, tt.total)
		}
	}
	// The default is journal.DefaultSearchLimit.
	db = newJournal(t)
	for i := range jstore.DefaultSearchLimit + 2 {
		addEntry(t, db, "", "--title", "Day "+strconv.Itoa(i), "--body", "an ordinary day")
	}
	res := searchJSONOut(t, db, "ordinary")
	if len(res.Hits) != jstore.DefaultSearchLimit || res.Total != jstore.DefaultSearchLimit+2 {
		t.Errorf("no --limit: %d hits of %d, want %d of %d", len(res.Hits), res.Total, jstore.DefaultSearchLimit, jstore.DefaultSearchLimit+2)
	}
	out := mustCLI(t, db, "", "search", "ordinary")
	if want := "50 of 52 matching entries shown. --limit 52 shows them all.\n"; !strings.HasSuffix(out, want) {
		t.Errorf("search ordinary ends %q, want %q", out[max(0, len(out)-80):], want)
	}
	// --offset pages on past the limit, to the last match.
	seen := map[int64]bool{}
	for _, h := range append(res.Hits, searchJSONOut(t, db, "ordinary", "--offset", "50").Hits...) {
		seen[h.ID] = true
	}
	if len(seen) != jstore.DefaultSearchLimit+2 {
		t.Errorf("the first page and --offset 50 show %d entries, want all %d", len(seen), jstore.DefaultSearchLimit+2)
	}
	for _, tt := range []struct{ offset, want string }{
		{"20", "Entries 21 to 52 of 52"},
		{"50", "Entries 51 to 52 of 52 matching shown.\n"},
		{"52", "52 entries match, none after the first 52."},
	} {
		if out := mustCLI(t, db, "", "search", "ordinary", "--offset", tt.offset); !strings.Contains(out, tt.want) {
			t.Errorf("--offset %s ends %q, want %q", tt.offset, out[max(0, len(out)-80):], tt.want)
		}
	}
}

func TestCLI_SearchJSON(t *testing.T) {
	isolateJournalLocation(t)
	db, ids := searchJournal(t)
	out := mustCLI(t, db, "", "search", "froze", "--json")

	// The names of the fields are the contract with scripts.
	var raw struct {
		Fields map[string]json.RawMessage
		Hits   []map[string]json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &raw.Fields); err != nil {
		t.Fatalf("search --json: %v\n%s", err, out)
	}
	if err := json.Unmarshal(raw.Fields["hits"], &raw.Hits); err != nil {
		t.Fatalf("search --json hits: %v\n%s", err, out)
	}
	keys := func(m map[string]json.RawMessage) []string {
		var k []string
		for name := range m {
			k = append(k, name)
		}
		slices.Sort(k)
		return k
	}
	if got, want := keys(raw.Fields), []string{"hits", "loose", "query", "total"}; !slices.Equal(got, want) {
		t.Errorf("search --json fields %q, want %q (ranked_newest only when some weren't ranked)", got, want)
	}
	for _, h := range raw.Hits {
		if got, want := keys(h), []string{"emotions", "flagged", "id", "kind", "mood", "patterns", "snippet", "snippet_marked", "title", "title_marked", "written_at"}; !slices.Equal(got, want) {
			t.Errorf("search --json hit fields %q, want %q", got, want)
		}
	}

	res := parseSearchJSON(t, out)
	if res.Query != "froze" || res.Total != 2 || res.Loose || len(res.Hits) != 2 {
		t.Fatalf("search --json froze = %+v", res)
	}
	again, meeting := res.Hits[0], res.Hits[1]
	byID := map[int64]cliEntry{}
	for _, e := range listJSON(t, db) {
		byID[e.ID] = e
	}
	want := searchHitJSON{
		ID: ids["Froze again"], WrittenAt: byID[ids["Froze again"]].WrittenAt, Kind: "reflection",
		Title: "Froze again", TitleMarked: "**Froze** again",
		Snippet: "Same freeze, different room.", SnippetMarked: "Same freeze, different room.",
		Mood: nil, Flagged: true, Emotions: []string{}, Patterns: []string{"people-pleasing", "withdrawing under criticism"},
	}
	slices.Sort(again.Patterns)
	if !reflect.DeepEqual(again, want) {
		t.Errorf("first hit\n%+v\nwant\n%+v", again, want)
	}
	if string(raw.Hits[0]["mood"]) != "null" || string(raw.Hits[0]["emotions"]) != "[]" {
		t.Errorf("an unrated entry without emotions: mood %s, emotions %s; want null and []", raw.Hits[0]["mood"], raw.Hits[0]["emotions"])
	}
	if meeting.ID != ids["The meeting"] || meeting.Mood == nil || *meeting.Mood != 3 ||
		meeting.Title != "The meeting" || meeting.TitleMarked != "The meeting" ||
		!strings.Contains(meeting.SnippetMarked, "I **froze** when my manager") ||
		!strings.HasPrefix(meeting.Snippet, "I froze when my manager") || strings.Contains(meeting.Snippet, "**") ||
		!reflect.DeepEqual(meeting.Emotions, []string{"afraid"}) || !meeting.Flagged {
		t.Errorf("second hit = %+v", meeting)
	}
	// written_at is written as list --json writes it, with its zone.
	if _, err := time.Parse(time.RFC3339, meeting.WrittenAt); err != nil || meeting.WrittenAt != byID[meeting.ID].WrittenAt {
		t.Errorf("written_at %q, want %q as list --json has it (%v)", meeting.WrittenAt, byID[meeting.ID].WrittenAt, err)
	}

	// An untitled entry is titled by the start of its body; nothing
	// matching prints an empty list, not null.
	if res := searchJSONOut(t, db, "river"); len(res.Hits) != 1 || res.Hits[0].Title != "A walk by the river. Nothing about work at all." {
		t.Errorf("untitled hit: %+v", res.Hits)
	}
	if out := mustCLI(t, db, "", "search", "--json", "zebra"); !strings.Contains(out, `"hits": []`) || !strings.Contains(out, `"total": 0`) {
		t.Errorf("search --json with no hits printed:\n%s", out)
	}
	if res := searchJSONOut(t, db, "--flagged"); res.Query != "" || res.Total != 2 {
		t.Errorf("search --json --flagged: query %q, total %d; want \"\" and 2", res.Query, res.Total)
	}
}

// TestCLI_SearchLooseQuery: a query whose syntax isn't complete still
// searches its words, and says so on stderr, leaving stdout as it was.
func TestCLI_SearchLooseQuery(t *testing.T) {
	isolateJournalLocation(t)
	db, ids := searchJournal(t)
	tests := []struct {
		query   string
		want    []int64
		wantErr string
	}{
		{`"manager raised`, []int64{ids["The meeting"]}, "Searched for the words of “\"manager raised” on their own"},
		{`river OR`, []int64{ids["A walk"]}, "Searched for the words of “river OR” on their own"},
		{`(school`, []int64{ids["Dinner with Mum"]}, "Searched for the words of “(school” on their own"},
		{`— …`, nil, "“— …” has no words to search for"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			out, errOut, code := runCLI(t, db, "", "search", tt.query)
			if code != exitOK || !strings.Contains(errOut, tt.wantErr) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("search %q: exit %d, stderr %q; want exit 0 and one line saying %q", tt.query, code, errOut, tt.wantErr)
			}
			if got := textIDs(out); !slices.Equal(got, tt.want) {
				t.Errorf("search %q showed %v, want %v:\n%s", tt.query, got, tt.want, out)
			}
			if strings.Contains(out, tt.wantErr) {
				t.Errorf("search %q printed its note on stdout:\n%s", tt.query, out)
			}

			out, errOut, code = runCLI(t, db, "", "search", "--json", tt.query)
			if code != exitOK || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("search --json %q: exit %d, stderr %q", tt.query, code, errOut)
			}
			res := parseSearchJSON(t, out)
			var got []int64
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			if !res.Loose || res.Query != tt.query || !slices.Equal(got, tt.want) {
				t.Errorf("search --json %q: loose %v, query %q, hits %v; want loose, %v", tt.query, res.Loose, res.Query, got, tt.want)
			}
		})
	}
}

// TestCLI_SearchRankedNewest: when too many entries match to rank them
// all, stderr says so and how to narrow the search.
func TestCLI_SearchRankedNewest(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 4,100 entries")
	}
	isolateJournalLocation(t)
	db := newJournal(t)
	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2020, 1, 1, 9, 0, 0, 0, time.Local)
	many := make([]journal.Entry, 4100)
	for i := range many {
		many[i] = journal.Entry{WrittenAt: start.Add(time.Duration(i) * time.Hour), Body: "an ordinary day"}
	}
	if _, err := store.CreateEntries(many); err != nil {
		t.Fatal(err)
	}
	store.Close()

	out, errOut, code := runCLI(t, db, "", "search", "ordinary", "--json")
	res := parseSearchJSON(t, out)
	if code != exitOK || res.RankedNewest == 0 || res.Total != len(many) || !strings.Contains(out, `"ranked_newest": `) {
		t.Fatalf("search --json ordinary: exit %d, ranked_newest %d, total %d", code, res.RankedNewest, res.Total)
	}
	wantNote := "only the newest " + strconv.Itoa(res.RankedNewest) + " were ranked"
	if !strings.Contains(errOut, wantNote) || !strings.Contains(errOut, "--newest") {
		t.Errorf("stderr %q does not say %q and how to narrow the search", errOut, wantNote)
	}
	out, errOut, _ = runCLI(t, db, "", "search", "ordinary")
	if !strings.Contains(errOut, wantNote) || !strings.HasSuffix(out, "50 of 4100 matching entries shown. --limit 4100 shows them all.\n") {
		t.Errorf("search ordinary: stderr %q, stdout ends %q", errOut, out[max(0, len(out)-80):])
	}
	if _, errOut, _ := runCLI(t, db, "", "search", "ordinary", "--newest"); errOut != "" {
		t.Errorf("search --newest ranks nothing, but said %q", errOut)
	}
}

var searchBadInputCases = []struct {
	name     string
	args     []string
	wantCode int
	wantErr  string
}{
	{"nothing to search for", []string{"search"}, exitUsage, "search needs words to look for or a filter"},
	{"blank words", []string{"search", "  "}, exitUsage, "search needs words to look for or a filter"},
	{"only --newest", []string{"search", "--newest", "--json"}, exitUsage, "search needs words to look for or a filter"},
	{"only --limit", []string{"search", "--limit", "5"}, exitUsage, "search needs words to look for or a filter"},
	{"nothing after --", []string{"search", "--"}, exitUsage, "search needs words to look for or a filter"},
	{"unknown pattern", []string{"search", "voice", "--pattern", "catastrophising"}, exitError, "There is no pattern called “catastrophising”"},
	{"unknown emotion", []string{"search", "--emotion", "elated", "--json"}, exitError, "There is no emotion called “elated”"},
	{"unknown person", []string{"search", "--person", "Zed"}, exitError, "There is no one called “Zed”"},
	{"blank pattern", []string{"search", "--pattern", " "}, exitUsage, "A --pattern is blank"},
	{"blank person", []string{"search", "x", "--person", ""}, exitUsage, "A --person is blank"},
	{"mood 0", []string{"search", "--mood", "0"}, exitUsage, `--mood "0" is not a mood or a range of moods`},
	{"mood 11", []string{"search", "--mood", "11"}, exitUsage, `--mood "11"`},
	{"mood range past 10", []string{"search", "--mood", "3-11"}, exitUsage, `--mood "3-11"`},
	{"mood words", []string{"search", "--mood", "low"}, exitUsage, `--mood "low"`},
	{"mood open range", []string{"search", "--mood", "5-"}, exitUsage, `--mood "5-"`},
	{"mood backwards", []string{"search", "--mood", "6-3"}, exitUsage, "Put the lower mood first: --mood 3-6"},
	{"mood without a value", []string{"search", "--mood"}, exitUsage, "flag needs an argument"},
	{"bad --from", []string{"search", "x", "--from", "soon"}, exitUsage, `"soon" is not a date`},
	{"bad --to", []string{"search", "x", "--to", "2026-13-01"}, exitUsage, `"2026-13-01" is not a date`},
	{"--from after --to", []string{"search", "x", "--from", "2026-03-05", "--to", "2026-03-04"}, exitUsage, "--from 2026-03-05 is after --to 2026-03-04. Swap them."},
	{"--limit 0", []string{"search", "x", "--limit", "0"}, exitUsage, "--limit 0 shows nothing"},
	{"--limit words", []string{"search", "x", "--limit", "all"}, exitUsage, "invalid value"},
	{"unknown flag", []string{"search", "x", "--colour", "red"}, exitUsage, "-colour"},
	{"-word before --", []string{"search", "voice", "-froze"}, exitUsage, "-froze is not a flag. To leave out entries with “froze”, write NOT froze, or put the words after --"},
}

// TestCLI_SearchBadInput: refused searches say why, with the right exit
// code, and leave the journal as it was.
func TestCLI_SearchBadInput(t *testing.T) {
	isolateJournalLocation(t)
	for _, tt := range searchBadInputCases {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := searchJournal(t)
			before := snapshot(t, db)
			out, errOut, code := runCLI(t, db, "", tt.args...)
			assertFailure(t, out, errOut, code, tt.wantCode, tt.wantErr)
			assertSameState(t, before, snapshot(t, db))
		})
	}
}

// TestCLI_SearchMissingJournal: search, like list, reads a journal but
// never creates one, and input it refuses is refused first.
func TestCLI_SearchMissingJournal(t *testing.T) {
	isolateJournalLocation(t)
	dir := filepath.Join(t.TempDir(), "journal folder")
	db := filepath.Join(dir, "journal.db")
	_, listErr, listCode := runCLI(t, db, "", "list")
	for _, args := range [][]string{{"search", "manager"}, {"search", "--json", "--flagged"}} {
		out, errOut, code := runCLI(t, db, "", args...)
		assertFailure(t, out, errOut, code, exitError, "There is no journal at")
		if code != listCode || errOut != listErr {
			t.Errorf("%q: exit %d, stderr %q; want what list says: exit %d, %q", args, code, errOut, listCode, listErr)
		}
	}
	for _, tt := range searchBadInputCases {
		if tt.wantCode != exitUsage {
			continue // unknown names are only known once the journal is open
		}
		out, errOut, code := runCLI(t, db, "", tt.args...)
		assertFailure(t, out, errOut, code, tt.wantCode, tt.wantErr)
	}
	assertMissing(t, dir)
}

func TestCLI_SearchHelp(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	help := mustCLI(t, db, "", "help")
	for _, w := range []string{"  search   find entries by their words", "throughline search [WORDS...]", "--mood N|N-M", "--person NAME", "--newest", "--limit N"} {
		if !strings.Contains(help, w) {
			t.Errorf("help does not show %q:\n%s", w, help)
		}
	}
	for _, flag := range []string{"--help", "-h"} {
		out := mustCLI(t, db, "", "search", flag)
		if !strings.HasPrefix(out, "Usage: throughline search [WORDS...] [--from DATE] [--to DATE]") || !strings.Contains(out, "best match first") {
			t.Errorf("search %s printed %q", flag, out)
		}
	}
	assertMissing(t, db)
}

// TestSearch_MarkedForATerminal: on a terminal, matches are bold, not **.
func TestSearch_MarkedForATerminal(t *testing.T) {
	h := jstore.Highlighted{{Text: "I froze when my "}, {Text: "manager", Match: true}, {Text: " "}, {Text: " ", Match: true}, {Text: "left"}}
	if got, want := marked(h, boldOn, boldOff), "I froze when my \x1b[1mmanager\x1b[0m  left"; got != want {
		t.Errorf("marked = %q, want %q", got, want)
	}
	if got, want := marked(h, "**", "**"), h.Markdown(); got != want {
		t.Errorf("marked with ** = %q, want Markdown() %q", got, want)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&strings.Builder{}) {
		t.Error("a file or a buffer was taken for a terminal")
	}
}
