package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

func TestExport_PreviewChooseAndSave(t *testing.T) {
	w, store := newTestWindow(t)
	v := w.export
	day := func(daysAgo int) time.Time { return fixedNow.AddDate(0, 0, -daysAgo) }
	if _, err := store.SaveSession(journal.Session{At: day(7)}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.CreateEntries([]journal.Entry{
		{Title: "Before the session", WrittenAt: day(9), Flagged: true},
		{Title: "Said yes again", Body: "Sam asked and I said yes.", WrittenAt: day(3), Flagged: true, Patterns: []string{"people-pleasing"},
			Episodes: []journal.Episode{{Person: "Sam", Wish: "a night in"}}},
		{Title: "Private thought", WrittenAt: day(2), Patterns: []string{"denial"}},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddPerson(journal.Person{Name: "Sam", Role: "partner"}); err == nil {
		t.Fatal("Sam should already be in the people list from the episode")
	}

	// Given the Session prep screen, since the last session,
	w.showScreen(w.export.content)
	// then the preview holds the entries since the session, not before.
	preview := textOf(v.preview)
	if !strings.Contains(preview, "Said yes again") || strings.Contains(preview, "Before the session") {
		t.Errorf("preview:\n%s", preview)
	}
	if len(v.listed) != 2 {
		t.Fatalf("%d entries offered for leaving out, want the 2 since the session", len(v.listed))
	}

	// When one entry is left out and names are hidden,
	for id, c := range v.included {
		if e, _ := store.Entry(id); e.Title == "Private thought" {
			test.Tap(c)
		}
	}
	test.Tap(v.redact)
	preview = textOf(v.preview)
	if strings.Contains(preview, "denial") || strings.Contains(preview, "Sam") {
		t.Errorf("the left-out entry or a name is still in the preview:\n%s", preview)
	}

	// and the report is saved as Markdown,
	v.format.SetSelected("Markdown report")
	path := filepath.Join(t.TempDir(), "prep.md")
	v.path.SetText(path)
	test.Tap(v.save)
	// then the file holds what the preview showed, readable only by its owner.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "Said yes again") || strings.Contains(string(data), "Sam") {
		t.Errorf("saved report:\n%s", data)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("report mode %o, want 600", info.Mode().Perm())
	}

	// CSV can't hide names, so it says so instead of saving.
	v.format.SetSelected("CSV (one row per entry)")
	test.Tap(v.save)
	if !strings.Contains(dialogText(t, w), "To hide names") {
		t.Errorf("CSV with hidden names: %q", dialogText(t, w))
	}
}

// With names hidden, the screen shows what will be hidden and the words
// left that look like names, and hides one at a tap, remembering it.
func TestExport_ShowsAndHidesNameLikeWords(t *testing.T) {
	w, store := newTestWindow(t)
	v := w.export
	if _, err := store.AddPerson(journal.Person{Name: "Jo Reyes", Role: "boss", Aliases: []string{"Joanna"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.CreateEntry(journal.Entry{Title: "Review", Body: "Then Joanna and Priya laughed; Jo's face fell.",
		WrittenAt: fixedNow.AddDate(0, 0, -1), Flagged: true}); err != nil {
		t.Fatal(err)
	}
	v.period.SetSelected(periodAll)
	w.showScreen(v.content)
	test.Tap(v.redact)
	preview := textOf(v.preview)
	if strings.Contains(preview, "Jo") || !strings.Contains(preview, "my manager]") || !strings.Contains(preview, "Priya") {
		t.Errorf("preview:\n%s", preview)
	}
	hiding := labelsIn(v.hiding)
	if !strings.Contains(hiding, "Joanna → [my manager]") || !strings.Contains(hiding, "look like names") {
		t.Errorf("what will be hidden: %q", hiding)
	}
	hide, ok := v.hideWord["Priya"]
	if !ok {
		t.Fatalf("no Hide button for Priya: %q", hiding)
	}
	test.Tap(hide)
	if preview := textOf(v.preview); strings.Contains(preview, "Priya") || !strings.Contains(preview, "A] laughed") {
		t.Errorf("Priya still shows:\n%s", preview)
	}
	if words, _ := store.HiddenWords(); len(words) != 1 || words[0] != "Priya" {
		t.Errorf("hidden words remembered: %q", words)
	}
	// The choice to hide names is remembered for next time.
	if again := newExportScreen(w.env, w.win, store); !again.redact.Checked {
		t.Error("hiding names was not remembered")
	}
}

// labelsIn is the text of every label in c, in order.
func labelsIn(c *fyne.Container) string {
	var out []string
	for _, o := range c.Objects {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

// The entries themselves, in full, are a choice beside the report's
// formats, and follow the screen's days, ticks and hidden names.
func TestExport_SavesEveryEntryAsMarkdown(t *testing.T) {
	w, store := newTestWindow(t)
	v := w.export
	day := func(daysAgo int) time.Time { return fixedNow.AddDate(0, 0, -daysAgo) }
	if _, err := store.CreateEntries([]journal.Entry{
		{Title: "Long ago", Body: "Not in these days.", WrittenAt: day(400)},
		{Title: "Said yes again", Body: "# What happened\nSam asked and I said yes.", WrittenAt: day(3), Mood: 4,
			Episodes: []journal.Episode{{Person: "Sam", Wish: "a night in"}}},
		{Title: "Private thought", Body: "Only for me.", WrittenAt: day(2)},
		{Title: "Quiet day", Body: "Nothing much.", WrittenAt: day(1), Flagged: true},
	}); err != nil {
		t.Fatal(err)
	}
	w.showScreen(v.content)
	if !slices.Contains(v.format.Options, "Markdown, every entry in full") {
		t.Fatalf("formats offered: %v", v.format.Options)
	}
	v.period.SetSelected(periodMonth)
	for id, c := range v.included {
		if e, _ := store.Entry(id); e.Title == "Private thought" {
			test.Tap(c)
		}
	}
	test.Tap(v.redact)
	v.format.SetSelected("Markdown, every entry in full")
	if !strings.HasSuffix(v.path.Text, ".md") {
		t.Errorf("file name %q, want one ending .md", v.path.Text)
	}
	path := filepath.Join(t.TempDir(), "journal.md")
	v.path.SetText(path)
	test.Tap(v.save)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	md := string(data)
	for _, want := range []string{"Said yes again", "#### What happened", "[A] asked and I said yes.", "with [A]", "Quiet day", "Nothing much.", "bring to my next session"} {
		if !strings.Contains(md, want) {
			t.Errorf("saved entries lack %q:\n%s", want, md)
		}
	}
	for _, unwanted := range []string{"Sam", "Private thought", "Long ago"} {
		if strings.Contains(md, unwanted) {
			t.Errorf("saved entries hold %q:\n%s", unwanted, md)
		}
	}
}
