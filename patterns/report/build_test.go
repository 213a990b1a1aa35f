package report

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns"
)

func titles(entries []Entry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Title)
	}
	return out
}

func tableRows(t Table) []string {
	var out []string
	for _, r := range t.Rows {
		out = append(out, fmt.Sprintf("%s|%s|%d|%.2f|%d|%+d", r.Name, r.Category, r.Count, r.Share, r.Previous, r.Delta))
	}
	return out
}

func questionTexts(r Report) []string {
	var out []string
	for _, q := range r.Questions {
		out = append(out, q.Text)
	}
	return out
}

func TestBuild_SinceLastSession(t *testing.T) {
	f := newFixture(t)
	r := f.build(t, Options{})

	if r.Title != "Since your session on Tue 18 Nov" {
		t.Errorf("title = %q", r.Title)
	}
	if !r.Window.From.Equal(at(18, 17)) || !r.Window.To.Equal(at(27, 0)) {
		t.Errorf("window = %v to %v, want the session to the end of today", r.Window.From, r.Window.To)
	}
	if !slices.Equal(r.Sections, AllSections) {
		t.Errorf("sections = %v, want all", r.Sections)
	}
	s := r.Summary
	if s.Entries != 4 || !s.Compared || s.PreviousEntries != 3 {
		t.Errorf("entries %d (compared %v) against %d before, want 4 against 3", s.Entries, s.Compared, s.PreviousEntries)
	}
	if s.Mood != (Mean{Value: 5.5, Rated: 4}) || s.PreviousMood != (Mean{Value: 6, Rated: 3}) {
		t.Errorf("mood %+v, before %+v; want 5.5 of 4 against 6 of 3", s.Mood, s.PreviousMood)
	}
	var top []string
	for _, tr := range s.Top {
		top = append(top, fmt.Sprintf("%s %d %+d", tr.Name, tr.Count, tr.Delta))
	}
	// rumination, in one entry, is too few to be a top pattern.
	if want := "avoidance 2 +0|people-pleasing 2 +1"; strings.Join(top, "|") != want || s.NamedOnce != 1 {
		t.Errorf("top patterns = %q, want %q", strings.Join(top, "|"), want)
	}
	if got := titles(r.Flagged); !slices.Equal(got, []string{flaggedTitle, dreamTitle}) {
		t.Errorf("flagged = %q, want the two flagged since the session (not next week's)", got)
	}
	if e := r.Flagged[0]; e.Body != flaggedBody || e.Mood != 4 || !slices.Equal(e.Emotions, []string{"anxious"}) || e.Kind != "Reflection" {
		t.Errorf("flagged entry not in full: %+v", e)
	}
	if len(r.Episodes) != 3 || r.Episodes[0].Person != "Sam" || r.Episodes[0].EarlierPerson != "Mum" || r.Episodes[0].Wish != "to be asked, not told" {
		t.Errorf("episodes = %+v", r.Episodes)
	}
	want := []string{
		"avoidance|Defenses|2|0.50|2|+0",
		"people-pleasing|Relationship patterns|2|0.50|1|+1",
	}
	if got := tableRows(r.Patterns); !slices.Equal(got, want) || r.Patterns.Entries != 4 || !r.Patterns.Compared || !slices.Equal(r.Patterns.Once, []string{"rumination"}) {
		t.Errorf("pattern table:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.Goals) != 2 {
		t.Fatalf("goals = %+v, want the two active ones", r.Goals)
	}
	if g := r.Goals[0]; !g.Rated || g.Latest != 6 || !g.Compared || g.Change != 3 || g.CheckIns != 2 || g.LatestNote != "told Alex" {
		t.Errorf("goal progress = %+v, want 6, +3 from the 3 before the window, 2 check-ins", g)
	}
	if g := r.Goals[1]; g.Rated || g.Status() != "no check-in yet" {
		t.Errorf("unrated goal = %+v (%s)", g, g.Status())
	}
	if len(r.Measures) != 2 {
		t.Fatalf("measures = %+v, want PHQ-9 and GAD-7", r.Measures)
	}
	phq := r.Measures[0]
	if phq.Name != "PHQ-9" || phq.Max != 27 || phq.Before == nil || phq.Before.Score != 11 || phq.Before.Band != "moderate" ||
		len(phq.InWindow) != 1 || phq.InWindow[0].Score != 8 || phq.InWindow[0].Band != "mild" {
		t.Errorf("PHQ-9 = %+v", phq)
	}
	if gad := r.Measures[1]; gad.Before != nil || len(gad.InWindow) != 1 || gad.InWindow[0].Score != 6 {
		t.Errorf("GAD-7 = %+v", gad)
	}
	// The person's own questions only: the flagged entries have their own section.
	wantQ := []string{"Ask why I freeze when Sam is around"}
	if got := questionTexts(r); !slices.Equal(got, wantQ) {
		t.Errorf("questions = %q, want %q", got, wantQ)
	}
	if len(r.Mood) != 6 || r.Mood[0].Mean != 4 || r.Mood[1].Mean != 0 {
		t.Errorf("mood by day = %+v, want 19 to 24 Nov with gaps", r.Mood)
	}
}

func TestBuild_NoSession(t *testing.T) {
	store := openJournal(t)
	_, err := Build(store, Options{SinceSession: true, Now: fixtureNow})
	if !errors.Is(err, ErrNoSession) {
		t.Errorf("err = %v, want ErrNoSession", err)
	}
}

func TestBuild_Range(t *testing.T) {
	f := newFixture(t)
	w, err := patterns.ParseDays("2025-11-20", "2025-11-25", time.Now().In(zone))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(f.store, Options{Window: w, Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Thu 20 Nov to Tue 25 Nov 2025" || r.Summary.Entries != 3 || r.Summary.PreviousEntries != 3 {
		t.Errorf("title %q, %d entries against %d", r.Title, r.Summary.Entries, r.Summary.PreviousEntries)
	}
	// The last session before the range's end is still the 18th's.
	if len(r.Questions) == 0 || r.Questions[0].Text != "Ask why I freeze when Sam is around" {
		t.Errorf("questions = %q", questionTexts(r))
	}
	if g := r.Goals[0]; g.Latest != 6 || g.Change != 3 || g.CheckIns != 2 {
		t.Errorf("goal over 20 to 25 Nov = %+v, want 6, +3 from the 3 it stood at when the range began", g)
	}
	all, err := Build(f.store, Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	if all.Title != "All your entries" || all.Summary.Entries != 8 || all.Summary.Compared || all.Patterns.Compared {
		t.Errorf("all time: %q, %d entries, compared %v", all.Title, all.Summary.Entries, all.Summary.Compared)
	}
}

func TestBuild_Sections(t *testing.T) {
	f := newFixture(t)
	r := f.build(t, Options{Sections: []Section{SectionQuestions, SectionFlagged}})
	if !slices.Equal(r.Sections, []Section{SectionQuestions, SectionFlagged}) {
		t.Errorf("sections = %v, want questions then flagged, the usual order", r.Sections)
	}
	if r.Summary.Entries != 0 || len(r.Patterns.Rows) != 0 || len(r.Episodes) != 0 || len(r.Goals) != 0 || len(r.Measures) != 0 {
		t.Errorf("sections not chosen were filled: %+v", r)
	}
	if len(r.Flagged) != 2 || len(r.Questions) != 1 {
		t.Errorf("flagged %d, questions %d", len(r.Flagged), len(r.Questions))
	}
	md := r.Markdown()
	if strings.Contains(md, "## Summary") || strings.Contains(md, "## Patterns") || !strings.Contains(md, "## From your last session") {
		t.Errorf("Markdown has the wrong sections:\n%s", md)
	}
}

func TestBuild_Exclude(t *testing.T) {
	f := newFixture(t)
	r := f.build(t, Options{Exclude: []int64{f.talking, f.friends}})
	if got := titles(r.Flagged); !slices.Equal(got, []string{dreamTitle}) {
		t.Errorf("flagged = %q", got)
	}
	if len(r.Episodes) != 0 {
		t.Errorf("episodes of excluded entries: %+v", r.Episodes)
	}
	if r.Summary.Entries != 2 || r.Summary.Mood != (Mean{Value: 6, Rated: 2}) {
		t.Errorf("summary counts excluded entries: %+v", r.Summary)
	}
	// avoidance stopped coming up: news. The two named once each are listed by name.
	want := []string{"avoidance|Defenses|0|0.00|2|-2"}
	if got := tableRows(r.Patterns); !slices.Equal(got, want) || !slices.Equal(r.Patterns.Once, []string{"people-pleasing", "rumination"}) {
		t.Errorf("pattern table:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, q := range r.Questions {
		if strings.Contains(q.Text, flaggedTitle) {
			t.Errorf("an excluded entry is still a question: %q", q.Text)
		}
	}
	for _, out := range []string{r.Markdown(), r.HTML()} {
		if strings.Contains(out, "stay late") || strings.Contains(out, "Jo to call me back") {
			t.Errorf("excluded text is in the report:\n%s", out)
		}
	}
}

func TestBuild_FlaggedOnly(t *testing.T) {
	f := newFixture(t)
	r := f.build(t, Options{FlaggedOnly: true})
	if r.Summary.Entries != 2 || r.Summary.PreviousEntries != 0 || r.Summary.Mood != (Mean{Value: 4.5, Rated: 2}) {
		t.Errorf("summary = %+v, want the 2 flagged entries only", r.Summary)
	}
	if len(r.Episodes) != 1 || r.Episodes[0].Person != "Sam" {
		t.Errorf("episodes = %+v, want only the flagged entry's", r.Episodes)
	}
	if len(r.Flagged) != 2 || r.Patterns.Entries != 2 {
		t.Errorf("flagged %d, table out of %d", len(r.Flagged), r.Patterns.Entries)
	}
	if md := r.Markdown(); !strings.Contains(md, "Only the entries you flagged") || strings.Contains(md, "Jo to call me back") {
		t.Errorf("flagged-only Markdown:\n%s", md)
	}
}

func TestParseSections(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []Section
		err  string
	}{
		{"", AllSections, ""},
		{"all", AllSections, ""},
		{"summary,flagged", []Section{SectionSummary, SectionFlagged}, ""},
		{" Patterns , goals,patterns ", []Section{SectionPatterns, SectionGoals}, ""},
		{"summary,moods", nil, `"moods" is not a section of the report. Choose from: summary, questions, patterns, ccrt, goals, measures, flagged, episodes.`},
		{",", nil, "No sections were named"},
	} {
		got, err := ParseSections(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseSections(%q) error = %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("ParseSections(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestGoalStatus(t *testing.T) {
	on := time.Date(2025, 11, 25, 9, 0, 0, 0, zone)
	for _, c := range []struct {
		g    GoalProgress
		want string
	}{
		{GoalProgress{}, "no check-in yet"},
		{GoalProgress{Rated: true, Latest: 6, LatestAt: on, Compared: true, Change: 3, CheckIns: 2}, "6/10 on Tue 25 Nov 2025, +3 since these days began"},
		{GoalProgress{Rated: true, Latest: 6, LatestAt: on, Compared: true, CheckIns: 1}, "6/10 on Tue 25 Nov 2025, the same as when these days began"},
		{GoalProgress{Rated: true, Latest: 4, LatestAt: on}, "4/10 on Tue 25 Nov 2025, no check-in in these days"},
	} {
		if got := c.g.Status(); got != c.want {
			t.Errorf("Status() = %q, want %q", got, c.want)
		}
	}
}

// readsCounted is the journal, keeping which entries were read in full.
type readsCounted struct {
	Store
	read map[int64]bool
}

func (c *readsCounted) Entries(q journal.EntryQuery) ([]journal.Entry, error) {
	entries, err := c.Store.Entries(q)
	for _, e := range entries {
		c.read[e.ID] = true
	}
	return entries, err
}

// A report over years must not read every entry in full to print a few:
// only the flagged ones and those with episodes, whatever the options.
func TestBuild_ReadsOnlyWhatItPrints(t *testing.T) {
	f := newFixture(t)
	for _, opt := range []Options{{}, {FlaggedOnly: true}, {Exclude: []int64{f.dream}}, {Sections: []Section{SectionEpisodes}}} {
		c := &readsCounted{Store: f.store, read: map[int64]bool{}}
		opt.Now, opt.SinceSession = fixtureNow, true
		r, err := Build(c, opt)
		if err != nil {
			t.Fatal(err)
		}
		// Since the session: two flagged entries, one of them with the
		// one episode, and one more entry with two.
		if len(c.read) > 3 {
			t.Errorf("%+v: read %d entries in full, want at most the 3 flagged or with episodes", opt, len(c.read))
		}
		if opt.Sections == nil && len(r.Flagged)+len(r.Episodes) == 0 {
			t.Errorf("%+v: the report lost what it prints", opt)
		}
	}
}
