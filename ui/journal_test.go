package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	_ "github.com/throughline/throughline/ui/plainlocale" // quiet Fyne under C.UTF-8
)

// fixedNow is the clock in UI tests, so dates on screen are stable.
var fixedNow = time.Date(2026, 11, 25, 18, 30, 0, 0, time.UTC)

// mustOpenJournal opens a fresh journal in a temporary folder, closed
// when the test ends.
func mustOpenJournal(t *testing.T) *jstore.Store {
	t.Helper()
	store, err := jstore.Open(filepath.Join(t.TempDir(), "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	// Past the first-run welcome, which has tests of its own.
	if err := store.SetSetting(journal.SettingOnboarded, "1"); err != nil {
		t.Fatal(err)
	}
	return store
}

// newTestWindow opens the window on a fresh journal in a temp folder.
func newTestWindow(t *testing.T) (*Window, *jstore.Store) {
	t.Helper()
	store := mustOpenJournal(t)
	return openTestWindow(t, store), store
}

func openTestWindow(t *testing.T, store *jstore.Store) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	w := newWindow(a, store, testEnv())
	w.search.debounce = func(run func()) { run() }
	w.win.Resize(fyne.NewSize(1100, 720))
	w.win.Show()
	return w
}

// writeEntry types an entry into the editor the way a person would.
func writeEntry(w *Window, title, body string) {
	j := w.journal
	j.onNew()
	j.editor.when.SetText("")
	test.Type(j.editor.when, "2026-11-24 21:15")
	test.Type(j.editor.title, title)
	test.Type(j.editor.body, body)
}

func entries(t *testing.T, store *jstore.Store) []journal.Entry {
	t.Helper()
	list, err := store.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// buttonIn finds a button by its text among the window's overlays
// (dialogs), so a test can answer a dialog as a person would.
func buttonIn(t *testing.T, w *Window, text string) *dialogButton {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open, looking for %q", text)
	}
	var found *dialogButton
	walk(t, top, func(o fyne.CanvasObject) {
		if b, ok := o.(*dialogButton); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("the dialog has no %q button", text)
	}
	return found
}

func dialogText(t *testing.T, w *Window) string {
	top := w.win.Canvas().Overlays().Top()
	var sb strings.Builder
	walk(t, top, func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			sb.WriteString(o.Text + "\n")
		case *widget.Card:
			sb.WriteString(o.Title + "\n" + o.Subtitle + "\n")
		}
	})
	return sb.String()
}

func walk(t *testing.T, o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(t, c, visit)
		}
	case fyne.Widget:
		r := test.TempWidgetRenderer(t, x)
		for _, c := range r.Objects() {
			walk(t, c, visit)
		}
	}
}

func TestJournal_EmptyStateWelcomes(t *testing.T) {
	w, _ := newTestWindow(t)
	if w.journal.right.Objects[0] != w.journal.welcome {
		t.Fatal("a new journal doesn't show the welcome")
	}
	test.AssertRendersToMarkup(t, "journal/welcome.xml", w.win.Canvas())
}

func TestJournal_WriteSaveEditDelete(t *testing.T) {
	w, store := newTestWindow(t)
	j := w.journal

	// Given a new entry typed with a mood and a flag,
	writeEntry(w, "Coffee with Sam", "I said yes again when I meant no.")
	j.editor.mood.SetSelectedIndex(4)
	test.Tap(j.editor.flag)
	// when it is saved,
	test.Tap(j.editor.save)
	// then it is in the journal and in the list.
	saved := entries(t, store)
	if len(saved) != 1 {
		t.Fatalf("journal has %d entries, want 1", len(saved))
	}
	e := saved[0]
	if e.Title != "Coffee with Sam" || e.Body != "I said yes again when I meant no." || e.Mood != 4 || !e.Flagged ||
		e.WrittenAt.Format(journal.DateTimeLayout) != "2026-11-24 21:15" {
		t.Errorf("saved entry = %+v", e)
	}
	if j.list.Length() != 1 || j.entries[0].ID != e.ID {
		t.Fatalf("list shows %d entries, want the saved one", j.list.Length())
	}
	if _, ok, _ := store.Draft(); ok {
		t.Error("a draft was left behind after saving")
	}

	// When the title is changed and the mood cleared,
	j.editor.title.SetText("")
	test.Type(j.editor.title, "Coffee with Sam, again")
	j.editor.mood.SetSelectedIndex(0)
	test.Tap(j.editor.save)
	// then the same entry is updated, zero values included.
	saved = entries(t, store)
	if len(saved) != 1 || saved[0].Title != "Coffee with Sam, again" || saved[0].Mood != 0 {
		t.Fatalf("after edit: %+v", saved)
	}
	if j.entries[0].Title != "Coffee with Sam, again" {
		t.Errorf("list still shows %q", j.entries[0].Title)
	}

	// When it is deleted and the deletion confirmed,
	test.Tap(j.editor.delete)
	if !strings.Contains(dialogText(t, w), "Coffee with Sam, again") {
		t.Errorf("delete confirmation doesn't name the entry: %q", dialogText(t, w))
	}
	test.Tap(buttonIn(t, w, "Delete"))
	// then it is gone from the journal and the list, and the welcome is back.
	if n := len(entries(t, store)); n != 0 {
		t.Fatalf("journal has %d entries after delete", n)
	}
	if j.list.Length() != 0 || j.right.Objects[0] != j.welcome {
		t.Error("the list or editor still shows the deleted entry")
	}
}

func TestJournal_DeleteCanBeCancelled(t *testing.T) {
	w, store := newTestWindow(t)
	writeEntry(w, "keep", "me")
	test.Tap(w.journal.editor.save)
	test.Tap(w.journal.editor.delete)
	test.Tap(buttonIn(t, w, "Keep it"))
	if n := len(entries(t, store)); n != 1 {
		t.Fatalf("journal has %d entries after a cancelled delete, want 1", n)
	}
}

func TestJournal_BadInputSavesNothing(t *testing.T) {
	tests := []struct {
		name  string
		fill  func(e *editor)
		shown string
	}{
		{"unreadable date", func(e *editor) {
			e.when.SetText("")
			test.Type(e.when, "next week")
			test.Type(e.title, "x")
		}, "not a date I can read"},
		{"empty entry", func(e *editor) {}, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, store := newTestWindow(t)
			w.journal.onNew()
			tt.fill(w.journal.editor)
			test.Tap(w.journal.editor.save)
			if !strings.Contains(dialogText(t, w), tt.shown) {
				t.Errorf("dialog says %q, want it to mention %q", dialogText(t, w), tt.shown)
			}
			if n := len(entries(t, store)); n != 0 {
				t.Errorf("journal has %d entries after bad input", n)
			}
		})
	}
}

func TestJournal_QuitKeepsTypedText(t *testing.T) {
	w, store := newTestWindow(t)
	writeEntry(w, "Half a thought", "I started to write about my father and")
	// Quit before the autosave delay has passed.
	w.Quit()
	d, ok, err := store.Draft()
	if err != nil || !ok {
		t.Fatalf("no draft after quitting with unsaved text: %v", err)
	}
	if d.Title != "Half a thought" || d.Body != "I started to write about my father and" {
		t.Errorf("draft = %+v", d)
	}

	// The next start puts the text back in the editor.
	again := openTestWindow(t, store)
	if got := again.journal.editor.body.Text; got != d.Body {
		t.Errorf("restored body = %q, want %q", got, d.Body)
	}
	if !strings.Contains(again.journal.status.Text, "Restored") {
		t.Errorf("status = %q, want it to say the draft was restored", again.journal.status.Text)
	}
	// Saving the restored draft makes it an entry and clears the draft.
	test.Tap(again.journal.editor.save)
	if got := entries(t, store); len(got) != 1 || got[0].Title != "Half a thought" {
		t.Fatalf("entries after saving the restored draft: %+v", got)
	}
	if _, ok, _ := store.Draft(); ok {
		t.Error("draft kept after it was saved")
	}
}

func TestJournal_AutosavesWhileTyping(t *testing.T) {
	w, store := newTestWindow(t)
	w.journal.autosave.delay = 20 * time.Millisecond
	writeEntry(w, "Typing", "still typing")
	deadline := time.Now().Add(2 * time.Second)
	for {
		if d, ok, _ := store.Draft(); ok && d.Body == "still typing" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("no draft was autosaved within 2 s of typing")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestJournal_SwitchingWithUnsavedChangesAsks(t *testing.T) {
	w, store := newTestWindow(t)
	j := w.journal
	writeEntry(w, "first", "one")
	test.Tap(j.editor.save)
	writeEntry(w, "second", "two")
	test.Tap(j.editor.save)
	test.Type(j.editor.body, " and more")

	// Choosing the other entry asks first; keeping on editing changes nothing.
	j.list.Select(1)
	test.Tap(buttonIn(t, w, "Keep editing"))
	if j.editor.body.Text != "two and more" {
		t.Fatalf("editor body = %q after keep editing", j.editor.body.Text)
	}
	// Saving first keeps the change and then opens the other entry.
	j.list.Select(1)
	test.Tap(buttonIn(t, w, "Save"))
	if j.editor.title.Text != "first" {
		t.Errorf("editor shows %q, want the entry chosen", j.editor.title.Text)
	}
	for _, e := range entries(t, store) {
		if e.Title == "second" && e.Body != "two and more" {
			t.Errorf("the change was not saved: %q", e.Body)
		}
	}
}

func TestJournal_PicksEmotionsAndPatterns(t *testing.T) {
	w, store := newTestWindow(t)
	j := w.journal
	writeEntry(w, "Dinner", "Mum asked again.")
	test.Tap(j.editor.patterns.choose)
	test.Tap(checkIn(t, w, "people-pleasing"))
	add := entryIn(t, w)
	test.Type(add, "saying sorry first")
	add.OnSubmitted(add.Text)
	test.Tap(buttonIn(t, w, "Done"))
	test.Tap(j.editor.emotions.choose)
	test.Tap(checkIn(t, w, "guilty"))
	test.Tap(buttonIn(t, w, "Done"))
	test.Tap(j.editor.save)
	got := entries(t, store)[0]
	if strings.Join(got.Patterns, ",") != "people-pleasing,saying sorry first" || strings.Join(got.Emotions, ",") != "guilty" {
		t.Errorf("saved patterns %v, emotions %v", got.Patterns, got.Emotions)
	}
}

func checkIn(t *testing.T, w *Window, label string) *widget.Check {
	t.Helper()
	var found *widget.Check
	walk(t, w.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch c := o.(type) {
		case *widget.Check:
			if c.Text == label {
				found = c
			}
		case *choiceCheck:
			if c.Text == label {
				found = &c.Check
			}
		}
	})
	if found == nil {
		t.Fatalf("no %q check box in the dialog", label)
	}
	return found
}

func entryIn(t *testing.T, w *Window) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	walk(t, w.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && found == nil {
			found = e
		}
	})
	if found == nil {
		t.Fatal("no text field in the dialog")
	}
	return found
}

func TestJournal_MarkdownPreview(t *testing.T) {
	w, _ := newTestWindow(t)
	writeEntry(w, "md", "# Heading\n\nSome **bold** words")
	w.journal.editor.togglePreview()
	if !w.journal.editor.previewing() || len(w.journal.editor.preview.Segments) == 0 {
		t.Fatal("preview shows nothing")
	}
	if got := w.journal.editor.preview.String(); !strings.Contains(got, "Heading") || strings.Contains(got, "**") {
		t.Errorf("preview text = %q, want rendered Markdown", got)
	}
	w.journal.editor.togglePreview()
	if w.journal.editor.previewing() {
		t.Error("toggle didn't return to editing")
	}
}

func TestJournal_ListLoadsInPages(t *testing.T) {
	store := mustOpenJournal(t)
	const total = 2*pageSize + 7
	batch := make([]journal.Entry, total)
	for i := range batch {
		batch[i] = journal.Entry{Title: "entry", WrittenAt: fixedNow.Add(-time.Duration(i) * time.Hour)}
	}
	if _, err := store.CreateEntries(batch); err != nil {
		t.Fatal(err)
	}
	w := openTestWindow(t, store)
	j := w.journal
	if j.list.Length() != pageSize {
		t.Fatalf("first load shows %d entries, want one page of %d", j.list.Length(), pageSize)
	}
	// Scrolling to the end of what is loaded loads the next page, until all are there.
	for range 3 {
		j.list.ScrollToBottom()
		j.updateRow(j.list.Length()-1, newEntryRow())
	}
	if j.list.Length() != total || j.hasMore {
		t.Fatalf("after scrolling the list has %d entries (more: %v), want all %d", j.list.Length(), j.hasMore, total)
	}
	for i := 1; i < total; i++ {
		if !j.entries[i].WrittenAt.Before(j.entries[i-1].WrittenAt) {
			t.Fatalf("entry %d is out of order", i)
		}
	}
}

// fieldIn finds a text field in the open dialog by its placeholder.
func fieldIn(t *testing.T, w *Window, placeholder string) fyne.Focusable {
	t.Helper()
	var found fyne.Focusable
	walk(t, w.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch e := o.(type) {
		case *widget.SelectEntry:
			if e.PlaceHolder == placeholder {
				found = e
			}
		case *writingEntry:
			if e.PlaceHolder == placeholder {
				found = e
			}
		}
	})
	if found == nil {
		t.Fatalf("no field %q in the dialog", placeholder)
	}
	return found
}

func TestJournal_Episodes(t *testing.T) {
	w, store := newTestWindow(t)
	j := w.journal
	writeEntry(w, "The plan", "J. picked it apart.")

	// An episode without a person is refused, and its text is kept.
	test.Tap(j.editor.episodes.add)
	test.Type(fieldIn(t, w, "What did I want from them?"), "To be taken seriously")
	test.Tap(buttonIn(t, w, "Done"))
	if !strings.Contains(dialogText(t, w), "needs the person") {
		t.Fatalf("dialog = %q, want it to ask who the episode was with", dialogText(t, w))
	}
	test.Tap(buttonIn(t, w, "OK"))
	// The episode dialog is back with what was typed.
	test.Type(fieldIn(t, w, "a name or initials"), "J.")
	test.Type(fieldIn(t, w, "How did they respond (or how did I expect them to)?"), "Picked it apart")
	test.Type(fieldIn(t, w, "optional, such as a parent"), "Dad")
	test.Tap(buttonIn(t, w, "Done"))
	test.Tap(j.editor.save)

	e := entries(t, store)[0]
	if len(e.Episodes) != 1 {
		t.Fatalf("saved %d episodes, want 1", len(e.Episodes))
	}
	if ep := e.Episodes[0]; ep.Person != "J." || ep.Wish != "To be taken seriously" || ep.OtherResponse != "Picked it apart" || ep.EarlierPerson != "Dad" {
		t.Errorf("episode = %+v", ep)
	}
	// Removing it and saving leaves none.
	test.Tap(j.editor.episodes.list.Objects[0].(*fyne.Container).Objects[1].(*widget.Button))
	test.Tap(buttonIn(t, w, "Remove"))
	test.Tap(j.editor.save)
	if e := entries(t, store)[0]; len(e.Episodes) != 0 {
		t.Errorf("episodes after removing: %+v", e.Episodes)
	}
}

func TestJournal_InlineTags(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		answer   string // the button pressed when asked about new tags; "" when nothing is asked
		patterns []string
	}{
		{"a known tag links its pattern", "I said yes again. #people-pleasing", "", []string{"people-pleasing"}},
		{"case and spaces don't matter", "Again #People-Pleasing and #Avoidance", "", []string{"people-pleasing", "avoidance"}},
		{"code and links are not tags", "`#denial` and https://example.com/#avoidance", "", nil},
		{"an unknown tag, added", "Up till 2am #doom-scrolling", "Add and save", []string{"doom-scrolling"}},
		{"an unknown tag, declined", "Up till 2am #doom-scrolling", "Save without", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, store := newTestWindow(t)
			writeEntry(w, "tags", tt.body)
			test.Tap(w.journal.editor.save)
			if tt.answer != "" {
				if !strings.Contains(dialogText(t, w), "isn't a pattern yet") {
					t.Fatalf("no question about the new tag: %q", dialogText(t, w))
				}
				test.Tap(buttonIn(t, w, tt.answer))
			}
			got := entries(t, store)
			if len(got) != 1 {
				t.Fatalf("%d entries saved, want 1", len(got))
			}
			slices.Sort(got[0].Patterns)
			want := slices.Clone(tt.patterns)
			slices.Sort(want)
			if !slices.Equal(got[0].Patterns, want) {
				t.Errorf("patterns %v, want %v", got[0].Patterns, want)
			}
		})
	}
}

func TestJournal_LinksEntryToGoal(t *testing.T) {
	w, store := newTestWindow(t)
	goals, err := store.AddGoals([]journal.Goal{{Title: "Express what I need"}, {Title: "Old goal", Status: journal.GoalArchived}})
	if err != nil {
		t.Fatal(err)
	}
	writeEntry(w, "Asked for a night in", "And got it.")
	test.Tap(w.journal.editor.goals.choose)
	walk(t, w.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == "Old goal" {
			t.Error("an archived goal is offered")
		}
	})
	test.Tap(checkIn(t, w, "Express what I need"))
	test.Tap(buttonIn(t, w, "Done"))
	test.Tap(w.journal.editor.save)
	e := entries(t, store)[0]
	if !slices.Equal(e.GoalIDs, []int64{goals[0].ID}) {
		t.Errorf("entry goals = %v, want [%d]", e.GoalIDs, goals[0].ID)
	}
	if ev, _ := store.GoalEvidence(goals[0].ID); len(ev) != 1 {
		t.Errorf("the goal has %d evidence entries, want 1", len(ev))
	}
}

// The newest entry opens at the start, and the list shows it: selecting it
// before the list had a size used to scroll it one row out of sight.
func TestJournal_ListStartsAtTheTop(t *testing.T) {
	store := mustOpenJournal(t)
	for i := range 30 {
		if _, err := store.CreateEntry(journal.Entry{Title: fmt.Sprintf("entry %d", i), WrittenAt: fixedNow.Add(time.Duration(i) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	w := openTestWindow(t, store)
	if got := w.journal.editor.title.Text; got != "entry 29" {
		t.Fatalf("opened %q, want the newest", got)
	}
	if offset := w.journal.list.GetScrollOffset(); offset != 0 {
		t.Errorf("the list starts scrolled %v down, hiding the open entry", offset)
	}
}

// What the command line writes while the window is in the background
// shows when the window comes back, and the entry being typed stays.
func TestJournal_CatchesUpOnReturning(t *testing.T) {
	w, store := newTestWindow(t)
	writeEntry(w, "in the window", "")
	test.Type(w.journal.editor.body, "still typing")
	if _, err := store.CreateEntry(journal.Entry{Title: "from the command line", WrittenAt: fixedNow.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	w.catchUp()
	if got := entries(t, store); len(w.journal.entries) != len(got) || w.journal.entries[0].Title != "from the command line" {
		t.Errorf("the list holds %d entries after catching up, the journal %d", len(w.journal.entries), len(got))
	}
	if w.journal.editor.body.Text != "still typing" {
		t.Errorf("catching up changed the editor: %q", w.journal.editor.body.Text)
	}
}
