package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// searchJournal is a generated journal of n entries that all say
// "ordinary", the oldest first.
func searchJournal(t *testing.T, n int) (*Window, []journal.Entry) {
	t.Helper()
	store := mustOpenJournal(t)
	many := make([]journal.Entry, n)
	for i := range many {
		many[i] = journal.Entry{Title: fmt.Sprintf("Day %d", i+1), WrittenAt: fixedNow.Add(-time.Duration(n-i) * time.Hour),
			Body: fmt.Sprintf("An ordinary day, number %d.", i+1)}
	}
	saved, err := store.CreateEntries(many)
	if err != nil {
		t.Fatal(err)
	}
	w := openTestWindow(t, store)
	menuItem(t, w, "Find…").Action()
	return w, saved
}

// Scrolling the results down reads page after page, past the first 50,
// to the last match.
func TestSearch_ScrollingLoadsEveryPage(t *testing.T) {
	w, saved := searchJournal(t, 130)
	s := w.search
	s.order.SetSelected(newestFirst)
	test.Type(s.query, "ordinary")
	if len(s.hits) != jstore.DefaultSearchLimit || s.status.Text != "Showing 50 of 130 matching entries; scroll down for more." {
		t.Fatalf("first page: %d hits, status %q", len(s.hits), s.status.Text)
	}
	s.list.ScrollToBottom()
	saveScreenshot(t, w.win, "search-results.png")
	for range 10 {
		s.list.ScrollToBottom()
	}
	if len(s.hits) != len(saved) {
		t.Fatalf("after scrolling down %d of %d hits are shown", len(s.hits), len(saved))
	}
	if last := s.hits[len(s.hits)-1]; last.ID != saved[0].ID {
		t.Errorf("the last hit is %q, want the oldest entry", last.Title.String())
	}
	if s.status.Text != "130 entries match." {
		t.Errorf("status %q once all are shown", s.status.Text)
	}
	seen := map[int64]bool{}
	for _, h := range s.hits {
		seen[h.ID] = true
	}
	if len(seen) != len(saved) {
		t.Errorf("%d different entries among %d hits", len(seen), len(s.hits))
	}
	// Hit 51, from the second page, opens like any other.
	s.list.Select(50)
	if !s.reading.Visible() || s.reading.id != s.hits[50].ID {
		t.Errorf("choosing hit 51 opened %d, want %d", s.reading.id, s.hits[50].ID)
	}
	// A new search starts at the top, with its own first page.
	s.reading.close()
	s.query.SetText("number 7")
	if len(s.hits) == 0 || len(s.hits) > jstore.DefaultSearchLimit {
		t.Errorf("a new search shows %d hits", len(s.hits))
	}
}

// Opening a result shows the whole entry, its matched words marked, the
// first of them scrolled into view.
func TestSearch_OpeningAHitMarksAndShowsTheMatch(t *testing.T) {
	store := mustOpenJournal(t)
	var body strings.Builder
	for i := range 60 {
		fmt.Fprintf(&body, "Line %d of an ordinary week.\n", i+1)
	}
	body.WriteString("Then my manager raised her voice and I froze.\nI froze again at home.")
	if _, err := store.CreateEntries([]journal.Entry{{Title: "A long week", WrittenAt: fixedNow.Add(-time.Hour), Body: body.String()}}); err != nil {
		t.Fatal(err)
	}
	w := openTestWindow(t, store)
	menuItem(t, w, "Find…").Action()
	s := w.search
	test.Type(s.query, "froze")
	s.list.Select(0)
	r := s.reading
	if !r.Visible() || s.results.Visible() {
		t.Fatal("choosing the hit didn't open it")
	}
	var marked []string
	for _, o := range r.lines.Objects {
		if rt, ok := o.(*widget.RichText); ok && strings.Contains(matchMarked(rt), "**") {
			marked = append(marked, matchMarked(rt))
		}
	}
	want := []string{"Then my manager raised her voice and I **froze**.", "I **froze** again at home."}
	if strings.Join(marked, "\n") != strings.Join(want, "\n") {
		t.Errorf("marked lines %q, want %q", marked, want)
	}
	top, view := r.scroll.Offset.Y, r.scroll.Size().Height
	y := r.firstHit.Position().Y
	if top == 0 || y < top || y+r.firstHit.Size().Height > top+view {
		t.Errorf("the first match at %v..%v is not in view %v..%v", y, y+r.firstHit.Size().Height, top, top+view)
	}
	if w.win.Canvas().Focused() != r.back {
		t.Errorf("focus is on %T, want the way back", w.win.Canvas().Focused())
	}
	saveScreenshot(t, w.win, "search-opened.png")
	test.Tap(r.back)
	if r.Visible() || !s.results.Visible() || len(s.hits) != 1 {
		t.Errorf("back shows the reader %v, results %v with %d hits", r.Visible(), s.results.Visible(), len(s.hits))
	}
}

// Several patterns, emotions and people narrow together, each picked
// from a list found by typing.
func TestSearch_SeveralFiltersFoundByTyping(t *testing.T) {
	w, _ := openSearch(t)
	s := w.search
	p := s.pattern
	test.Tap(p.button)
	if !p.popup.Visible() || w.win.Canvas().Focused() != p.find {
		t.Fatal("the pattern button didn't open its list with the cursor in the find box")
	}
	if len(p.shown) < 20 {
		t.Fatalf("the list offers only %d patterns", len(p.shown))
	}
	if got := p.popup.Content.Size(); got.Height > pickerSize.Height || p.popup.Content.Position().Y < p.button.Position().Y {
		t.Errorf("the list is %v at %v, over the window's top", got, p.popup.Content.Position())
	}
	test.Type(p.find, "PLEAS")
	if strings.Join(p.shown, ",") != "people-pleasing" {
		t.Errorf("PLEAS finds %q", p.shown)
	}
	p.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.find.Text != "" || p.button.Text != "Patterns: people-pleasing" || shownHits(w) != "Dinner with Mum" {
		t.Errorf("Enter picked: box %q, button %q, hits %q", p.find.Text, p.button.Text, shownHits(w))
	}
	test.Type(p.find, "withdrawing")
	p.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.button.Text != "Patterns: people-pleasing +1" || shownHits(w) != "" {
		t.Errorf("two patterns: button %q, hits %q; no entry has both", p.button.Text, shownHits(w))
	}
	p.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p.popup.Visible() || w.win.Canvas().Focused() != p.button {
		t.Errorf("Escape left the list open %v, focus on %T", p.popup.Visible(), w.win.Canvas().Focused())
	}
	p.toggle("people-pleasing")
	if shownHits(w) != "The meeting" {
		t.Errorf("withdrawing alone: %q", shownHits(w))
	}
	s.person.toggle("Dana")
	s.emotion.setNames([]string{"afraid", "angry"})
	test.Tap(s.emotion.button)
	test.Type(s.emotion.find, "ang")
	if strings.Join(s.emotion.shown, ",") != "angry" {
		t.Errorf("ang finds %q", s.emotion.shown)
	}
	if q, _ := s.searchQuery(); strings.Join(q.Patterns, ",") != "withdrawing under criticism" || strings.Join(q.People, ",") != "Dana" {
		t.Errorf("the query asks for patterns %q and people %q", q.Patterns, q.People)
	}
	if s.pattern.button.Text != "Patterns: withdrawing und…" {
		t.Errorf("a long name on the button: %q", s.pattern.button.Text)
	}
	saveScreenshot(t, w.win, "search-filters.png")
}

// matchMarked is rt's text with the matches, bold in the primary colour,
// in **.
func matchMarked(rt *widget.RichText) string {
	var b strings.Builder
	for _, seg := range rt.Segments {
		text := seg.(*widget.TextSegment)
		if text.Style.ColorName == theme.ColorNamePrimary && text.Style.TextStyle.Bold {
			b.WriteString("**" + text.Text + "**")
		} else {
			b.WriteString(text.Text)
		}
	}
	return b.String()
}

// saveScreenshot keeps a picture of the window when
// THROUGHLINE_SCREENSHOTS names a folder, to look at.
func saveScreenshot(t *testing.T, win fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("THROUGHLINE_SCREENSHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
