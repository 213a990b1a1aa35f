package ui

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	"github.com/throughline/throughline/patterns/prompts"
)

// seedPrompts makes the window's prompt choices repeatable.
func seedPrompts(w *Window) {
	w.journal.editor.prompt.rand = rand.New(rand.NewPCG(3, 11))
}

func TestPrompts_NewEntryOffersOne(t *testing.T) {
	w, _ := newTestWindow(t)
	seedPrompts(w)
	j := w.journal
	j.onNew()
	r := j.editor.prompt
	if !r.shown() || r.text.Text == "" {
		t.Fatal("a new entry shows no prompt")
	}
	p, ok := prompts.Find(r.text.Text)
	if !ok || !p.Suits(journal.KindReflection) {
		t.Errorf("prompt %q isn't a reflection prompt from the library", r.text.Text)
	}
	// The prompt doesn't take the focus from the title...
	if w.win.Canvas().Focused() != j.editor.title {
		t.Errorf("focus is on %T, want the title", w.win.Canvas().Focused())
	}
	// ...and Tab reaches its buttons on the way to the body.
	for _, want := range []any{r.another, r.use, j.editor.body} {
		w.win.Canvas().FocusNext()
		if got := w.win.Canvas().Focused(); got != want {
			t.Fatalf("Tab went to %T, want %T", got, want)
		}
	}
}

func TestPrompts_SavedEntryShowsNone(t *testing.T) {
	w, _ := newTestWindow(t)
	writeEntry(w, "Saved", "text")
	test.Tap(w.journal.editor.save)
	if w.journal.editor.prompt.content.Visible() {
		t.Error("a saved entry shows a prompt")
	}
}

func TestPrompts_AnotherPromptChangesIt(t *testing.T) {
	w, _ := newTestWindow(t)
	seedPrompts(w)
	w.journal.onNew()
	r := w.journal.editor.prompt
	for range 20 {
		before := r.text.Text
		test.Tap(r.another)
		if r.text.Text == before || r.text.Text == "" {
			t.Fatalf("Another prompt went from %q to %q", before, r.text.Text)
		}
	}
}

func TestPrompts_UseAsHeading(t *testing.T) {
	w, store := newTestWindow(t)
	seedPrompts(w)
	j := w.journal
	j.onNew()
	prompt := j.editor.prompt.text.Text
	heading := "## " + prompt + "\n\n"

	test.Tap(j.editor.prompt.use)
	if got := j.editor.body.Text; got != heading {
		t.Fatalf("body = %q, want %q", got, heading)
	}
	if j.editor.prompt.content.Visible() {
		t.Error("the prompt still shows after it was used")
	}
	if w.win.Canvas().Focused() != j.editor.body {
		t.Errorf("focus is on %T, want the body", w.win.Canvas().Focused())
	}
	if at, want := j.editor.body.CursorTextOffset(), len([]rune(heading)); at != want {
		t.Errorf("cursor at %d, want %d, just under the heading", at, want)
	}

	// Typing goes under the heading, and saving keeps both.
	test.Type(j.editor.body, "I asked for an evening to myself.")
	j.onSave()
	saved := entries(t, store)
	if len(saved) != 1 {
		t.Fatalf("%d entries saved, want 1", len(saved))
	}
	if first, _, _ := strings.Cut(saved[0].Body, "\n"); first != "## "+prompt {
		t.Errorf("saved body starts %q, want the prompt as a heading", first)
	}
	if want := heading + "I asked for an evening to myself."; saved[0].Body != want {
		t.Errorf("saved body = %q, want %q", saved[0].Body, want)
	}
}

func TestPrompts_TypingHidesIt(t *testing.T) {
	for _, field := range []string{"title", "body"} {
		t.Run(field, func(t *testing.T) {
			w, _ := newTestWindow(t)
			j := w.journal
			j.onNew()
			if !j.editor.prompt.shown() {
				t.Fatal("no prompt to begin with")
			}
			typed := fyne.Focusable(j.editor.title)
			if field == "body" {
				typed = j.editor.body
			}
			test.Type(typed, "A")
			if j.editor.prompt.content.Visible() {
				t.Error("the prompt still shows after typing")
			}
			// Taking the letter out again doesn't bring it back mid-entry...
			w.win.Canvas().Focus(typed)
			typed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
			if j.editor.title.Text != "" || j.editor.body.Text != "" {
				t.Fatalf("backspace left title %q, body %q", j.editor.title.Text, j.editor.body.Text)
			}
			if j.editor.prompt.content.Visible() {
				t.Error("the prompt came back mid-entry")
			}
			// ...but the next new entry has one.
			j.onNew()
			if !j.editor.prompt.shown() {
				t.Error("the next new entry shows no prompt")
			}
		})
	}
}

func TestPrompts_FollowTheKind(t *testing.T) {
	w, _ := newTestWindow(t)
	seedPrompts(w)
	j := w.journal
	j.onNew()
	j.editor.kind.SetSelected(journal.KindDream.Label())
	p, ok := prompts.Find(j.editor.prompt.text.Text)
	if !j.editor.prompt.shown() || !ok || !p.Suits(journal.KindDream) {
		t.Errorf("after choosing Dream the prompt is %q, want a dream prompt", j.editor.prompt.text.Text)
	}
}

func TestPrompts_ChosenForGoalsAndPatterns(t *testing.T) {
	w, store := newTestWindow(t)
	seedPrompts(w)
	if _, err := store.AddGoals([]journal.Goal{
		{Title: "Set healthy boundaries"},
		{Title: "Feel my emotions fully", Status: journal.GoalArchived}, // not active: doesn't count
	}); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		e := journal.Entry{Title: "again", Patterns: []string{"people-pleasing"}, WrittenAt: fixedNow.AddDate(0, 0, -i-1)}
		if _, err := store.CreateEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	// Long ago: outside the last 30 days, so not "lately".
	if _, err := store.CreateEntry(journal.Entry{Title: "old", Patterns: []string{"humour"}, WrittenAt: fixedNow.AddDate(0, -3, 0)}); err != nil {
		t.Fatal(err)
	}
	ctx, err := promptContext(store, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ctx.Goals, []string{"Set healthy boundaries"}) || !slices.Equal(ctx.Patterns, []string{"people-pleasing"}) ||
		!slices.Equal(ctx.Categories, []string{journal.CategoryRelationship}) {
		t.Errorf("context = %+v", ctx)
	}

	w.journal.onNew()
	p, ok := prompts.Find(w.journal.editor.prompt.text.Text)
	if !ok {
		t.Fatalf("no prompt from the library: %q", w.journal.editor.prompt.text.Text)
	}
	if !slices.Contains(p.Goals, "Set healthy boundaries") && !slices.Contains(p.Patterns, "people-pleasing") {
		t.Errorf("offered %q (goals %v, patterns %v), want one for boundaries or people-pleasing", p.Text, p.Goals, p.Patterns)
	}
}

// A prompt must not appear over text the person started while their
// goals were being read.
func TestPrompts_LateAnswerIsDropped(t *testing.T) {
	w, _ := newTestWindow(t)
	j := w.journal
	var later func()
	j.background = func(work func() func()) { later = work() }
	j.onNew()
	test.Type(j.editor.body, "Already writing")
	later()
	if j.editor.prompt.content.Visible() {
		t.Error("a prompt appeared after the person started writing")
	}
}

// The library's tags name patterns a new journal really has: prompts'
// own test checks a copy of the starter names, this the journal itself.
func TestPrompts_TagsNameTheSeededVocabulary(t *testing.T) {
	store := mustOpenJournal(t)
	vocabulary, err := store.Patterns()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, p := range vocabulary {
		known[journal.NameKey(p.Name)] = true
		known[journal.NameKey(p.Category)] = true
	}
	for _, p := range prompts.All() {
		for _, name := range p.Patterns {
			if !known[journal.NameKey(name)] {
				t.Errorf("%q is tagged %q, which a new journal has no pattern or category for", p.Text, name)
			}
		}
	}
}

func BenchmarkPromptContext(b *testing.B) {
	store, err := jstore.Open(b.TempDir() + "/journal.db")
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	batch := make([]journal.Entry, 2000)
	for i := range batch {
		batch[i] = journal.Entry{Title: "e", Patterns: []string{"avoidance", "denial"}, WrittenAt: fixedNow.Add(-time.Duration(i) * time.Hour)}
	}
	if _, err := store.CreateEntries(batch); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := promptContext(store, fixedNow); err != nil {
			b.Fatal(err)
		}
	}
}

// The row takes its own room between the title and the body, however
// many lines the prompt wraps to.
func TestPrompts_RowSitsBetweenTitleAndBody(t *testing.T) {
	w, _ := newTestWindow(t)
	j := w.journal
	j.onNew()
	r := j.editor.prompt
	long, _ := prompts.Find("Where did I reach for someone who kept their distance, and what was I hoping for?")
	for _, p := range []prompts.Prompt{long, prompts.All()[0]} {
		r.show(p)
		d := fyne.CurrentApp().Driver()
		top := func(o fyne.CanvasObject) float32 { return d.AbsolutePositionForObject(o).Y }
		bottom := func(o fyne.CanvasObject) float32 { return top(o) + o.Size().Height }
		if bottom(j.editor.title) > top(r.content) || bottom(r.content) > top(j.editor.body) {
			t.Errorf("%q: title ends at %v, row spans %v to %v, body starts at %v",
				p.Text, bottom(j.editor.title), top(r.content), bottom(r.content), top(j.editor.body))
		}
		if r.text.Size().Height < r.text.MinSize().Height {
			t.Errorf("%q: the prompt has %v of the %v it needs", p.Text, r.text.Size().Height, r.text.MinSize().Height)
		}
	}
}
