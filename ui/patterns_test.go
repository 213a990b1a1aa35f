package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// seedPatterns writes entries a number of days before fixedNow.
func seedPatterns(t *testing.T, store *jstore.Store) {
	t.Helper()
	day := func(daysAgo int) time.Time { return fixedNow.AddDate(0, 0, -daysAgo) }
	entries := []journal.Entry{
		// This month (the last 30 days): people-pleasing 3, avoidance 2, denial 1.
		{Title: "said yes again", WrittenAt: day(1), Mood: 3, Patterns: []string{"people-pleasing", "avoidance"}},
		{Title: "shift swap", WrittenAt: day(5), Mood: 4, Patterns: []string{"people-pleasing", "avoidance"}},
		{Title: "dinner", WrittenAt: day(9), Mood: 5, Patterns: []string{"people-pleasing"}},
		{Title: "the plan", WrittenAt: day(12), Mood: 6, Patterns: []string{"denial"},
			Episodes: []journal.Episode{{Person: "J.", Wish: "to be heard", Patterns: []string{"withdrawing under criticism"}}}},
		{Title: "quiet day", WrittenAt: day(20), Mood: 8},
		// The 30 days before: people-pleasing 1, avoidance 3, rumination 1.
		{Title: "old 1", WrittenAt: day(35), Patterns: []string{"avoidance", "people-pleasing"}},
		{Title: "old 2", WrittenAt: day(40), Patterns: []string{"avoidance"}},
		{Title: "old 3", WrittenAt: day(50), Patterns: []string{"avoidance", "rumination"}},
	}
	if _, err := store.CreateEntries(entries); err != nil {
		t.Fatal(err)
	}
}

func barTexts(v *patternsScreen) []string {
	var out []string
	for _, r := range v.rows {
		out = append(out, r.name+" "+r.figure.Text)
	}
	return out
}

func TestPatterns_BarsCountAndTrend(t *testing.T) {
	w, store := newTestWindow(t)
	seedPatterns(t, store)
	v := w.patterns

	// When the view opens on the last 30 days,
	w.showScreen(w.patterns.content)
	// then each pattern named this month has a bar with its count and its
	// change against the 30 days before, most frequent first.
	want := []string{
		"people-pleasing 3  ▲ +2",
		"avoidance 2  ▼ -1",
		"denial 1  ▲ +1",
		"withdrawing under criticism 1  ▲ +1", // named only in an episode
	}
	if got := barTexts(v); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("bars:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(v.summary.Text, "5 entries from 27 Oct 2026 to 25 Nov 2026: 4 patterns named") {
		t.Errorf("summary = %q", v.summary.Text)
	}
	// Two shared entries are too few to set against chance: the count alone.
	if got := textOf(v.pairs); got != "avoidance + people-pleasing: together in 2 of the 3 entries that name either.\n" {
		t.Errorf("pairs panel:\n%s", got)
	}
	// Moods 3, 4, 5 with it; 6 and 8 without: two is too few to compare.
	if got := textOf(v.mood); !strings.Contains(got, "people-pleasing: not enough data (needs 3 rated entries with it and 3 without; has 3 and 2)") {
		t.Errorf("mood panel:\n%s", got)
	}

	// Only defenses: the bars keep to that category.
	v.category.SetSelected("Defenses")
	if got := barTexts(v); strings.Join(got, "|") != "avoidance 2  ▼ -1|denial 1  ▲ +1" {
		t.Errorf("defenses only: %v", got)
	}
	// With J.: only the entry whose episode was with J. None of the 30
	// days before involved J., so there is nothing to compare with: no
	// arrows, and the summary says why.
	v.category.SetSelected(anyCategory)
	v.person.SetSelected("J.")
	if got := barTexts(v); strings.Join(got, "|") != "denial 1|withdrawing under criticism 1" {
		t.Errorf("with J.: %v", got)
	}
	if !strings.HasSuffix(v.summary.Text, "2 patterns named. There are no entries in the 30 days before to compare with.") {
		t.Errorf("with J.: summary %q", v.summary.Text)
	}
	v.person.SetSelected(anyone)

	// All time: every pattern ever named, no arrows to compare.
	v.period.SetSelected(periodAll)
	if got := barTexts(v); strings.Join(got, "|") != "avoidance 5|people-pleasing 4|denial 1|rumination 1|withdrawing under criticism 1" {
		t.Errorf("all time: %v", got)
	}
	if !strings.HasSuffix(v.summary.Text, "There is no earlier period of the same length to compare with.") {
		t.Errorf("all time: summary %q", v.summary.Text)
	}

	// Choosing a bar lists its entries, on the Entries tab, whichever tab
	// was showing; choosing one opens it in the journal.
	v.details.SelectIndex(0)
	test.Tap(v.rows[1]) // people-pleasing
	if got := v.details.Selected(); got.Text != "Entries" {
		t.Errorf("choosing a bar shows the %q tab", got.Text)
	}
	var buttons []*widget.Button
	for _, o := range v.entries.Objects {
		if b, ok := o.(*widget.Button); ok {
			buttons = append(buttons, b)
		}
	}
	if len(buttons) != 4 || !strings.Contains(buttons[0].Text, "said yes again") {
		t.Fatalf("entries listed for people-pleasing: %d, first %v", len(buttons), buttons)
	}
	test.Tap(buttons[0])
	if w.tabs.Selected().Content != w.journal.content || w.journal.editor.title.Text != "said yes again" {
		t.Errorf("choosing the entry shows %q with %q", w.tabs.Selected().Text, w.journal.editor.title.Text)
	}
}

// Together puts first the pairs that come together most often against
// chance, and sets a pair against chance only from enough shared entries.
func TestPatterns_TogetherRanksAgainstChance(t *testing.T) {
	w, store := newTestWindow(t)
	v := w.patterns
	// 21 entries in the last 30 days. r and s, always together, in 5:
	// lift 5*21 / (5*5) = 4.2. p in 10 and q in 12, together in 6: lift
	// 6*21 / (10*12) = 1.05, chance, though the most shared. p in 16 of
	// the entries naming either: 10 + 12 - 6.
	var entries []journal.Entry
	add := func(n int, patterns ...string) {
		for range n {
			entries = append(entries, journal.Entry{Title: "e", WrittenAt: fixedNow.AddDate(0, 0, -1-len(entries)), Patterns: patterns})
		}
	}
	add(5, "r", "s")
	add(6, "p", "q")
	add(4, "p")
	add(6, "q")
	if _, err := store.CreateEntries(entries); err != nil {
		t.Fatal(err)
	}
	w.showScreen(w.patterns.content)
	want := "r + s: together in 5 of the 5 entries that name either, 4.2× as often as chance would have it.\n" +
		"p + q: together in 6 of the 16 entries that name either, about as often as chance would have it.\n"
	if got := textOf(v.pairs); got != want {
		t.Errorf("Together:\n%s\nwant:\n%s", got, want)
	}
}

func TestPatterns_EmptyAndBadRange(t *testing.T) {
	w, store := newTestWindow(t)
	v := w.patterns
	w.showScreen(w.patterns.content)
	if len(v.rows) != 0 || !strings.Contains(v.summary.Text, "No entries from") {
		t.Errorf("empty journal: %d bars, summary %q", len(v.rows), v.summary.Text)
	}
	if _, err := store.CreateEntry(journal.Entry{Title: "no names", WrittenAt: fixedNow}); err != nil {
		t.Fatal(err)
	}
	v.reload()
	if !strings.Contains(v.summary.Text, "none names any of these patterns yet") {
		t.Errorf("entries without patterns: summary %q", v.summary.Text)
	}
	v.period.SetSelected(periodCustom)
	test.Type(v.from, "2026-11-30")
	test.Type(v.to, "2026-11-01")
	v.onFilter()
	if !strings.Contains(v.summary.Text, "Swap them") {
		t.Errorf("reversed range: summary %q", v.summary.Text)
	}
	v.to.SetText("")
	test.Type(v.to, "2026-12-31")
	v.onFilter()
	// (the one entry is on 25 Nov, before the range)
	if !strings.Contains(v.summary.Text, "No entries from 30 Nov 2026 to 31 Dec 2026") {
		t.Errorf("custom range: summary %q", v.summary.Text)
	}
}

func TestPatterns_SinceLastSessionAndMoodOverTime(t *testing.T) {
	w, store := newTestWindow(t)
	seedPatterns(t, store)
	v := w.patterns
	w.showScreen(w.patterns.content)
	if slices.Contains(v.period.Options, periodSinceSession) {
		t.Error("'Since last session' offered before any session is logged")
	}
	// Sessions 10 and 6 days ago: the window starts at the later one.
	for _, daysAgo := range []int{10, 6} {
		if _, err := store.SaveSession(journal.Session{At: fixedNow.AddDate(0, 0, -daysAgo)}); err != nil {
			t.Fatal(err)
		}
	}
	v.reload()
	v.period.SetSelected(periodSinceSession)
	// Entries 1 and 5 days ago are since the session 6 days ago.
	if got := barTexts(v); strings.Join(got, "|") != "people-pleasing 2  ▲ +1|avoidance 2  ▲ +2" {
		t.Errorf("since last session: %v", got)
	}
	if !strings.Contains(v.summary.Text, "2 entries from 19 Nov 2026") {
		t.Errorf("summary = %q", v.summary.Text)
	}
	// The mood chart shows the window's rated days with the session marks.
	chart, ok := v.moodDays.Objects[0].(*fyne.Container).Objects[0].(*moodChart)
	if !ok {
		t.Fatalf("no mood chart: %#v", v.moodDays.Objects[0])
	}
	if len(chart.days) != 5 || len(chart.sessions) != 2 {
		t.Errorf("chart has %d days and %d sessions, want 5 days (19 to 24 Nov, gaps kept) and 2", len(chart.days), len(chart.sessions))
	}
}

// A mood noted without an entry is a dot on the mood chart, unless the
// chart is about one person.
func TestPatterns_MoodOverTimeCountsCheckIns(t *testing.T) {
	w, store := newTestWindow(t)
	seedPatterns(t, store)
	// Two days ago, a day with no entry.
	if _, err := store.AddMoodCheckIn(journal.MoodCheckIn{At: fixedNow.AddDate(0, 0, -2), Mood: 2}); err != nil {
		t.Fatal(err)
	}
	v := w.patterns
	w.showScreen(w.patterns.content)
	v.reload()
	chart := v.moodDays.Objects[0].(*fyne.Container).Objects[0].(*moodChart)
	day := time.Date(fixedNow.Year(), fixedNow.Month(), fixedNow.Day()-2, 0, 0, 0, 0, fixedNow.Location())
	found := false
	for _, d := range chart.days {
		if d.Day.Equal(day) {
			found = d.Mean == 2 && d.Rated == 1
		}
	}
	if !found {
		t.Errorf("the check-in two days ago isn't on the chart: %+v", chart.days)
	}
}
