package cli

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	analysis "github.com/throughline/throughline/patterns"
)

// ccrtJournal has three episodes added through episode add: two with
// Sam in early October, one with Mum at the end of it.
func ccrtJournal(t *testing.T) string {
	t.Helper()
	useLocalZone(t, "UTC")
	db := newJournal(t)
	for _, ep := range [][]string{
		{"2026-10-01 09:00", "--person", "Sam", "--wish", "to be close", "--other", "rejecting", "--self", "withdrawn", "--wish-text", "a quiet evening together", "--other-valence", "negative"},
		{"2026-10-03 09:00", "--person", "sam", "--wish", "To Be Close", "--wish", "to be understood", "--other", "rejecting", "--other-expected", "--self", "anxious"},
		{"2026-10-30 09:00", "--person", "Mum", "--wish", "to be independent", "--other", "controlling", "--self", "assertive", "--self-valence", "positive"},
	} {
		id := addEntry(t, db, "", "--title", "day", "--body", "", "--at", ep[0])
		mustCLI(t, db, "", append([]string{"episode", "add", strconv.FormatInt(id, 10)}, ep[1:]...)...)
	}
	return db
}

func TestCLI_EpisodeAddAndList(t *testing.T) {
	db := ccrtJournal(t)
	var listed []listedEpisodeJSON
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "episode", "list", "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	if len(listed) != 3 {
		t.Fatalf("%d episodes listed, want 3", len(listed))
	}
	want := ccrtJSON{Wish: []string{"to be understood", "to be close"}, Other: []string{"rejecting"}, Self: []string{"anxious"}, OtherExpected: true}
	if got := listed[1]; got.Person != "Sam" || got.EntryID != 2 || !reflect.DeepEqual(got.CCRT, want) {
		t.Errorf("second episode: %+v\nwant CCRT %+v", got, want)
	}
	if got := listed[0]; got.Wish != "a quiet evening together" || got.CCRT.OtherValence != "negative" {
		t.Errorf("first episode: %+v", got)
	}
	text := mustCLI(t, db, "", "episode", "list")
	for _, line := range []string{"with Sam", "  Wish: to be close — a quiet evening together", "  Response of the other: rejecting (expected)", "  My response: assertive (positive)"} {
		if !strings.Contains(text, line) {
			t.Errorf("episode list does not say %q:\n%s", line, text)
		}
	}
}

func TestCLI_EpisodeAddRefusesUnknownCategory(t *testing.T) {
	db := ccrtJournal(t)
	before := snapshot(t, db)
	for _, tt := range []struct {
		args    []string
		wantErr string
	}{
		{[]string{"--wish", "to be adored"}, "“to be adored” is not a category for wish. Use one of: to be understood, to be close, to be respected, to be independent, to be in control, to be helped."},
		{[]string{"--other", "withdrawn"}, "Use one of: rejecting, controlling, understanding, supportive, upset, dismissive."},
		{[]string{"--self", "rejecting"}, "Use one of: withdrawn, angry, disappointed, anxious, self-blaming, assertive."},
		{[]string{"--other-valence", "meh"}, "“meh” is not positive or negative"},
	} {
		out, errOut, code := runCLI(t, db, "", append([]string{"episode", "add", "1", "--person", "Sam"}, tt.args...)...)
		assertFailure(t, out, errOut, code, exitUsage, tt.wantErr)
	}
	out, errOut, code := runCLI(t, db, "", "episode", "add", "1")
	assertFailure(t, out, errOut, code, exitUsage, "An episode needs the person it was with")
	out, errOut, code = runCLI(t, db, "", "episode", "add", "99", "--person", "Sam")
	assertFailure(t, out, errOut, code, exitError, "")
	assertSameState(t, before, snapshot(t, db))
}

func TestCLI_CCRT(t *testing.T) {
	db := ccrtJournal(t)
	cc := func(pairs ...any) []analysis.CategoryCount {
		out := []analysis.CategoryCount{}
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, analysis.CategoryCount{Category: pairs[i].(string), Count: pairs[i+1].(int)})
		}
		return out
	}
	tests := []struct {
		name string
		args []string
		want ccrtCountsJSON
	}{
		{"all time", nil, ccrtCountsJSON{Episodes: 3, Wish: cc("to be close", 2, "to be understood", 1, "to be independent", 1),
			Other: cc("rejecting", 2, "controlling", 1), Self: cc("withdrawn", 1, "anxious", 1, "assertive", 1)}},
		// A tie keeps journal's order: rejecting before controlling.
		{"days", []string{"--from", "2026-10-02", "--to", "2026-10-31"}, ccrtCountsJSON{Episodes: 2, Wish: cc("to be understood", 1, "to be close", 1, "to be independent", 1),
			Other: cc("rejecting", 1, "controlling", 1), Self: cc("anxious", 1, "assertive", 1)}},
		{"one person", []string{"--person", "SAM"}, ccrtCountsJSON{Episodes: 2, Wish: cc("to be close", 2, "to be understood", 1),
			Other: cc("rejecting", 2), Self: cc("withdrawn", 1, "anxious", 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got ccrtJSONReport
			out := mustCLI(t, db, "", append([]string{"ccrt", "--json"}, tt.args...)...)
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.ccrtCountsJSON, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got.ccrtCountsJSON, tt.want)
			}
			var raw map[string]any
			json.Unmarshal([]byte(out), &raw)
			for _, key := range []string{"wish", "other", "self"} {
				if list, ok := raw[key].([]any); !ok || len(list) == 0 || list[0].(map[string]any)["category"] == nil || list[0].(map[string]any)["count"] == nil {
					t.Errorf("%q in the JSON is not a list of {category, count}: %v", key, raw[key])
				}
			}
		})
	}
	// 1 October to 30 October: thirds of just under ten days.
	text := mustCLI(t, db, "", "ccrt")
	for _, line := range []string{"3 episodes from all time.", "Wish:\n    2  to be close\n", "Most frequent: to be close (2) in the first third, to be independent (1) in the last."} {
		if !strings.Contains(text, line) {
			t.Errorf("ccrt does not say %q:\n%s", line, text)
		}
	}
	out, errOut, code := runCLI(t, db, "", "ccrt", "--person", "Nobody")
	assertFailure(t, out, errOut, code, exitError, "There is no one called “Nobody”")
	out, errOut, code = runCLI(t, db, "", "ccrt", "--period", "fortnight")
	assertFailure(t, out, errOut, code, exitUsage, "is not a period")
}
