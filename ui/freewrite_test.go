package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns/prompts"
)

// manualTicks stands in for the free-association timer's ticker: the
// test ticks by calling the returned function, after moving the clock.
func manualTicks(j *journalScreen) (tick func()) {
	j.free.ticker = func(_ time.Duration, f func()) func() {
		tick = f
		return func() { tick = func() {} }
	}
	return func() { tick() }
}

// finishKey is Ctrl+Enter, as the window sends it to the focused page.
var finishKey = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}

func TestFreeAssociation_TimerIsGentle(t *testing.T) {
	w, store := newTestWindow(t)
	j := w.journal
	tick := manualTicks(j)

	// Given five minutes on the timer,
	j.startFreeAssociation(5)
	f := j.free.session
	if f == nil || w.win.Content() != f.view {
		t.Fatal("the window doesn't show the free-association page")
	}
	if w.win.Canvas().Focused() != f.page {
		t.Errorf("focus is on %T, want the page", w.win.Canvas().Focused())
	}
	if !strings.HasPrefix(f.status.Text, "5 min left") || !strings.Contains(f.status.Text, "Ctrl+Enter or Esc to finish") {
		t.Errorf("status = %q", f.status.Text)
	}
	test.Type(f.page, "the train, the station, my grandmother's coat")

	// after a minute and a half the time left goes down,
	j.now = func() time.Time { return fixedNow.Add(90 * time.Second) }
	tick()
	if !strings.HasPrefix(f.status.Text, "4 min left") {
		t.Errorf("after 1m30s status = %q, want 4 min left", f.status.Text)
	}
	// and when the time is past, it says so and keeps the text.
	j.now = func() time.Time { return fixedNow.Add(5*time.Minute + time.Second) }
	tick()
	if f.status.Text != freeTimeUp {
		t.Errorf("status = %q, want %q", f.status.Text, freeTimeUp)
	}
	if f.page.Text != "the train, the station, my grandmother's coat" || w.win.Content() != f.view {
		t.Fatal("the timer ending interrupted the writing")
	}
	test.Type(f.page, ", the smell of rain")

	// Finishing saves it as a free-association entry and opens it.
	f.page.TypedShortcut(finishKey)
	saved := entries(t, store)
	if len(saved) != 1 {
		t.Fatalf("%d entries saved, want 1", len(saved))
	}
	e := saved[0]
	if e.Kind != journal.KindFreeAssociation || e.Body != "the train, the station, my grandmother's coat, the smell of rain" ||
		e.Title != "Free association, Wed 25 Nov 2026 18:30" || e.WrittenAt.Format(journal.DateTimeLayout) != "2026-11-25 18:30" {
		t.Errorf("saved %+v", e)
	}
	if w.win.Content() != w.main || j.freeWriting() {
		t.Error("the normal view isn't back")
	}
	if j.right.Objects[0] != j.editor.content || j.editor.entryID != e.ID || len(j.entries) == 0 || j.entries[0].ID != e.ID {
		t.Error("the new entry isn't open and in the list")
	}
	if _, ok, _ := store.Draft(); ok {
		t.Error("a draft was left behind")
	}
}

func TestFreeAssociation_EscapeFinishes(t *testing.T) {
	w, store := newTestWindow(t)
	j := w.journal
	j.startFreeAssociation(0)
	f := j.free.session
	if f.status.Text != freeFinishHint {
		t.Errorf("without a timer the status is %q, want %q", f.status.Text, freeFinishHint)
	}
	test.Type(f.page, "no clock")
	f.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := entries(t, store); len(got) != 1 || got[0].Body != "no clock" {
		t.Fatalf("entries after Escape: %+v", got)
	}
}

func TestFreeAssociation_NothingWrittenSavesNothing(t *testing.T) {
	for _, text := range []string{"", "  \n\t"} {
		w, store := newTestWindow(t)
		j := w.journal
		manualTicks(j)
		j.startFreeAssociation(10)
		test.Type(j.free.session.page, text)
		j.free.session.page.TypedShortcut(finishKey)
		if n := len(entries(t, store)); n != 0 {
			t.Errorf("finishing with %q saved %d entries", text, n)
		}
		if w.win.Content() != w.main || j.freeWriting() {
			t.Errorf("finishing with %q didn't bring the normal view back", text)
		}
		if _, ok, _ := store.Draft(); ok {
			t.Errorf("finishing with %q left a draft", text)
		}
	}
}

func TestFreeAssociation_DraftKeepsTheText(t *testing.T) {
	w, store := newTestWindow(t)
	j := w.journal
	j.startFreeAssociation(0)
	test.Type(j.free.session.page, "half a thought about")
	// As if the app were closed or crashed before finishing.
	if err := j.autosave.Flush(); err != nil {
		t.Fatal(err)
	}
	d, ok, err := store.Draft()
	if err != nil || !ok {
		t.Fatalf("no draft while writing: %v", err)
	}
	if d.Kind != journal.KindFreeAssociation || d.Body != "half a thought about" || d.WrittenAt != "2026-11-25 18:30" {
		t.Errorf("draft = %+v", d)
	}
	// The next start puts it in the editor, ready to save.
	again := openTestWindow(t, store)
	if again.journal.editor.body.Text != "half a thought about" || again.journal.editor.kindValue() != journal.KindFreeAssociation {
		t.Errorf("restored body %q, kind %q", again.journal.editor.body.Text, again.journal.editor.kindValue())
	}
}

func TestFreeAssociation_UnsavedChangesAskFirst(t *testing.T) {
	w, store := newTestWindow(t)
	j := w.journal
	writeEntry(w, "Unsaved", "not yet saved")
	j.startFreeAssociation(0)
	if j.freeWriting() {
		t.Fatal("started over unsaved changes without asking")
	}
	test.Tap(buttonIn(t, w, "Save"))
	if !j.freeWriting() {
		t.Fatal("saving didn't go on to free association")
	}
	if got := entries(t, store); len(got) != 1 || got[0].Title != "Unsaved" {
		t.Errorf("entries = %+v", got)
	}
}

func TestFreeAssociation_AskForTheTimer(t *testing.T) {
	w, _ := newTestWindow(t)
	j := w.journal
	manualTicks(j)
	j.askFreeAssociation()
	if w.win.Canvas().Focused() != buttonIn(t, w, "No timer") {
		t.Error("No timer doesn't have the focus")
	}
	test.Tap(buttonIn(t, w, "10 minutes"))
	if !j.freeWriting() || !strings.HasPrefix(j.free.session.status.Text, "10 min left") {
		t.Fatal("choosing 10 minutes didn't start a 10-minute session")
	}
}

func TestFreeAssociation_BackAfterUnlocking(t *testing.T) {
	w, _ := newTestWindow(t)
	j := w.journal
	j.startFreeAssociation(0)
	test.Type(j.free.session.page, "still here")
	// Unlocking shows the tabs, then asks the journal where to focus.
	w.win.SetContent(w.main)
	j.focusStart()
	if w.win.Content() != j.free.session.view || j.free.session.page.Text != "still here" {
		t.Error("the page didn't come back after unlocking")
	}
}

func TestQuickDream(t *testing.T) {
	w, store := newTestWindow(t)
	seedPrompts(w)
	j := w.journal
	j.quickDream()
	e := j.editor
	if e.kindValue() != journal.KindDream || e.kind.Selected != "Dream" {
		t.Errorf("kind = %q, want Dream", e.kind.Selected)
	}
	if e.title.Text != "Dream, Wed 25 Nov 2026" {
		t.Errorf("title = %q", e.title.Text)
	}
	if w.win.Canvas().Focused() != e.body {
		t.Errorf("focus is on %T, want the body", w.win.Canvas().Focused())
	}
	if !e.prompt.shown() || e.prompt.text.Text != prompts.DreamOpener {
		t.Errorf("prompt = %q, want %q", e.prompt.text.Text, prompts.DreamOpener)
	}
	test.Tap(e.prompt.another)
	if p, ok := prompts.Find(e.prompt.text.Text); !ok || !p.Suits(journal.KindDream) {
		t.Errorf("another prompt for a dream is %q", e.prompt.text.Text)
	}
	test.Type(e.body, "A house with too many doors.")
	if e.prompt.content.Visible() {
		t.Error("the prompt still shows after writing")
	}
	j.onSave()
	if got := entries(t, store); len(got) != 1 || got[0].Kind != journal.KindDream || got[0].Title != "Dream, Wed 25 Nov 2026" {
		t.Errorf("saved %+v", got)
	}
}
