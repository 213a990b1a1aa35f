package ui

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

func seedSearchScreen(t *testing.T, store *jstore.Store) {
	t.Helper()
	day := func(daysAgo int) time.Time { return fixedNow.AddDate(0, 0, -daysAgo) }
	entries := []journal.Entry{
		{Title: "The meeting", WrittenAt: day(3), Mood: 3, Flagged: true, Patterns: []string{"withdrawing under criticism"},
			Body:     "I froze when my manager raised her voice. Afterwards I said nothing for an hour.",
			Episodes: []journal.Episode{{Person: "Dana", Wish: "to be treated with respect", SelfResponse: "went quiet"}}},
		{Title: "Dinner with Mum", WrittenAt: day(10), Mood: 6, Patterns: []string{"people-pleasing"},
			Body: "Her voice was raised but I stayed and said what I needed."},
		{Title: "Froze again", WrittenAt: day(20), Mood: 4, Body: "Same freeze, different room."},
	}
	if _, err := store.CreateEntries(entries); err != nil {
		t.Fatal(err)
	}
}

// openSearch opens the window on the search screen, as Ctrl+F does.
func openSearch(t *testing.T) (*Window, *jstore.Store) {
	t.Helper()
	store := mustOpenJournal(t)
	seedSearchScreen(t, store)
	w := openTestWindow(t, store)
	menuItem(t, w, "Find…").Action()
	return w, store
}

func menuItem(t *testing.T, w *Window, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		for _, item := range m.Items {
			if item.Label == label {
				return item
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

func shownHits(w *Window) string {
	var out []string
	for _, h := range w.search.hits {
		out = append(out, h.Title.String())
	}
	return strings.Join(out, ", ")
}

// renderedRows are the result rows as drawn: title, then snippet, with
// the bold runs in **.
func renderedRows(t *testing.T, w *Window) []string {
	t.Helper()
	var rows []string
	walk(t, w.search.list, func(o fyne.CanvasObject) {
		r, ok := o.(*hitRow)
		if !ok || !r.Visible() || r.title.String() == "" {
			return
		}
		rows = append(rows, boldMarked(r.title)+" | "+boldMarked(r.snippet))
	})
	return rows
}

func boldMarked(rt *widget.RichText) string {
	var b strings.Builder
	for _, seg := range rt.Segments {
		text := seg.(*widget.TextSegment)
		if text.Style.ColorName != "" {
			b.WriteString("**" + text.Text + "**")
		} else {
			b.WriteString(text.Text)
		}
	}
	return b.String()
}

func TestSearch_CtrlFFocusesTheQuery(t *testing.T) {
	w, _ := openSearch(t)
	if w.tabs.Selected().Content != w.search.content || w.win.Canvas().Focused() != w.search.query {
		t.Fatalf("Find… shows %q with %T focused", w.tabs.Selected().Text, w.win.Canvas().Focused())
	}
	if !strings.HasPrefix(w.search.status.Text, "Type to search") {
		t.Errorf("before typing, the status says %q", w.search.status.Text)
	}
}

func TestSearch_TypingAQueryShowsHighlightedHits(t *testing.T) {
	w, _ := openSearch(t)
	test.Type(w.search.query, "manager")
	if got := shownHits(w); got != "The meeting" {
		t.Fatalf("manager found %q", got)
	}
	if w.search.status.Text != "1 entry matches." {
		t.Errorf("status %q", w.search.status.Text)
	}
	rows := renderedRows(t, w)
	want := "The meeting | I froze when my **manager** raised her voice. Afterwards I said nothing for an hour."
	if len(rows) != 1 || rows[0] != want {
		t.Errorf("rows drawn:\n%q\nwant\n%q", rows, want)
	}

	w.search.query.SetText("")
	test.Type(w.search.query, "froze")
	if got := shownHits(w); got != "Froze again, The meeting" {
		t.Errorf("froze found %q, want the titled match first", got)
	}
	if rows := renderedRows(t, w); len(rows) != 2 || !strings.HasPrefix(rows[0], "**Froze** again |") {
		t.Errorf("rows drawn: %q", rows)
	}
}

func TestSearch_FiltersNarrowTheResults(t *testing.T) {
	w, _ := openSearch(t)
	s := w.search
	test.Type(s.query, "voice")
	if got := shownHits(w); got != "The meeting, Dinner with Mum" && got != "Dinner with Mum, The meeting" {
		t.Fatalf("voice found %q", got)
	}
	s.order.SetSelected(newestFirst)
	if got := shownHits(w); got != "The meeting, Dinner with Mum" {
		t.Errorf("newest first: %q", got)
	}
	test.Tap(s.flagged)
	if got := shownHits(w); got != "The meeting" {
		t.Errorf("flagged: %q", got)
	}
	test.Tap(s.flagged)
	s.person.toggle("Dana")
	if got := shownHits(w); got != "The meeting" {
		t.Errorf("with Dana: %q", got)
	}
	s.person.toggle("Dana")
	s.pattern.toggle("people-pleasing")
	if got := shownHits(w); got != "Dinner with Mum" {
		t.Errorf("people-pleasing: %q", got)
	}
	s.pattern.toggle("people-pleasing")
	s.moodMin.SetSelected("5")
	if got := shownHits(w); got != "Dinner with Mum" {
		t.Errorf("mood 5 and up: %q", got)
	}
	s.moodMin.SetSelected(anyMood)
	test.Type(s.from, fixedNow.AddDate(0, 0, -5).Format(time.DateOnly))
	if got := shownHits(w); got != "The meeting" {
		t.Errorf("from 5 days ago: %q", got)
	}
	// Filters alone, without words, list what they allow, newest first.
	s.query.SetText("")
	s.run()
	if got := shownHits(w); got != "The meeting" {
		t.Errorf("filters alone: %q", got)
	}
}

func TestSearch_ProblemsAreSaidNotThrown(t *testing.T) {
	w, _ := openSearch(t)
	s := w.search
	test.Type(s.query, `"manager raised`)
	if got := shownHits(w); got != "The meeting" {
		t.Errorf("an unclosed quote found %q", got)
	}
	if !strings.Contains(s.status.Text, "unfinished quote") {
		t.Errorf("status %q should say the quote was unfinished", s.status.Text)
	}
	s.query.SetText("")
	test.Type(s.query, "zebra")
	if shownHits(w) != "" || s.status.Text != "No entries match." {
		t.Errorf("zebra: %q, %q", shownHits(w), s.status.Text)
	}
	test.Type(s.from, "2026-13-45")
	if err := s.from.Validate(); err == nil || !strings.Contains(err.Error(), "2026-13-45") {
		t.Errorf("a bad date is not marked at its field: %v", err)
	}
	s.from.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if shownHits(w) != "" || !strings.Contains(s.status.Text, "2026-13-45") {
		t.Errorf("a bad date: %q, %q", shownHits(w), s.status.Text)
	}
}

func TestSearch_ChoosingAHitOpensIt(t *testing.T) {
	w, _ := openSearch(t)
	test.Type(w.search.query, "dinner")
	w.search.list.Select(0)
	test.Tap(w.search.reading.edit)
	if w.tabs.Selected().Content != w.journal.content || w.journal.editor.title.Text != "Dinner with Mum" {
		t.Errorf("choosing the hit shows %q with %q open", w.tabs.Selected().Text, w.journal.editor.title.Text)
	}
}

// Typing a word quickly searches once, after the typing pauses.
func TestSearch_WaitsForTypingToPause(t *testing.T) {
	test.NewTempApp(t)
	s := newSearchScreen(liveEnv(), test.NewWindow(nil), mustOpenJournal(t))
	changes := 0
	var searches atomic.Int32
	s.debounce = func(func()) {
		changes++
		s.afterPause(func() { searches.Add(1) })
	}
	test.Type(s.query, "froze")
	deadline := time.Now().Add(5 * time.Second)
	for searches.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(2 * searchDelay)
	if n := searches.Load(); changes != 5 || n != 1 {
		t.Errorf("typing five letters made %d changes and %d searches, want 5 and 1", changes, n)
	}
}
