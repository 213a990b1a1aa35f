package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// windowSizes are the sizes the editor is checked at: the smallest
// supported, a small laptop, the default and a full HD screen.
var windowSizes = []fyne.Size{{Width: 640, Height: 480}, {Width: 800, Height: 600}, {Width: 1100, Height: 720}, {Width: 1920, Height: 1080}}

// windowWithEntries opens a window on a journal holding a few entries,
// the newest with emotions, patterns and a flag.
func windowWithEntries(t *testing.T) (*Window, *jstore.Store) {
	t.Helper()
	store := mustOpenJournal(t)
	at := time.Date(2026, 11, 20, 21, 15, 0, 0, time.Local)
	for i, e := range []journal.Entry{
		{Title: "", Body: "Couldn't sleep.\nKept going over what she said at lunch."},
		{Title: "Session notes", Body: "We talked about my father again.", Kind: journal.KindAfterSession, Mood: 5},
		{Title: "The long corridor", Body: "A dream about a long corridor and a door I couldn't open.", Kind: journal.KindDream, Mood: 4, Flagged: true,
			Emotions: []string{"Anxious", "Ashamed"}, Patterns: []string{"People-pleasing"}},
	} {
		e.WrittenAt = at.Add(time.Duration(i) * time.Hour)
		if e.Kind == "" {
			e.Kind = journal.KindReflection
		}
		if _, err := store.CreateEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	return openTestWindow(t, store), store
}

// The text area takes the room the window has: at least two thirds of
// the editor's height from 800×600 up, never a single line below it,
// and on a wide window a column of comfortable lines in the middle.
func TestEditor_TextTakesTheRoom(t *testing.T) {
	for _, size := range windowSizes {
		t.Run(fmtSize(size), func(t *testing.T) {
			w, _ := windowWithEntries(t)
			w.win.Resize(size)
			e := w.journal.editor
			editor, text := e.content.Size(), e.bodyArea.Size()
			share := text.Height / editor.Height
			lines := 3 * e.body.MinSize().Height // a one-line entry's height, thrice
			switch {
			case size.Width >= 800 && share < 2.0/3:
				t.Errorf("the text has %.0f of the editor's %.0f px (%.0f%%), under two thirds", text.Height, editor.Height, 100*share)
			case text.Height < lines:
				t.Errorf("the text is %.0f px tall, under three lines (%.0f px)", text.Height, lines)
			}
			if text.Width > columnWidth()+1 {
				t.Errorf("the text is %.0f px wide, past the %.0f px column", text.Width, columnWidth())
			}
			left := e.bodyArea.Position().X
			if right := editor.Width - left - text.Width; left-right > 1 || right-left > 1 {
				t.Errorf("the text column isn't centred: %.0f px to its left, %.0f to its right", left, right)
			}
			if size.Width == 1920 && text.Width >= editor.Width-100 {
				t.Errorf("at 1920 px the text runs %.0f px wide, the editor's whole width", text.Width)
			}
		})
	}
}

// The details open and close from the keyboard (Ctrl+J's menu item),
// their state outlives the window, and the text keeps most of the room.
func TestEditor_DetailsOpenAndCloseRemembered(t *testing.T) {
	w, _ := windowWithEntries(t)
	e := w.journal.editor
	if e.details.Visible() {
		t.Fatal("the details start open on a first run; the text should have the room")
	}
	if !strings.Contains(e.summary.Text, "mood 4/10") || !strings.Contains(e.summary.Text, "2 emotions") ||
		!strings.Contains(e.summary.Text, "⚑ for session") {
		t.Errorf("the closed strip says %q, not the mood and emotions", e.summary.Text)
	}
	menuItem(t, w, "Entry details").Action()
	if !e.details.Visible() {
		t.Fatal("Ctrl+J didn't open the details")
	}
	if share := e.bodyArea.Size().Height / e.content.Size().Height; share < 0.5 {
		t.Errorf("with the details open the text keeps %.0f%% of the height", 100*share)
	}
	w.win.Canvas().Focus(e.mood)
	menuItem(t, w, "Entry details").Action()
	if e.details.Visible() {
		t.Fatal("Ctrl+J didn't close the details")
	}
	if w.win.Canvas().Focused() == e.mood {
		t.Error("the focus stayed on the mood, out of sight")
	}
	menuItem(t, w, "Entry details").Action()
	if again := newEditor(testEnv(), w.win, w.store); !again.details.Visible() {
		t.Error("left open, the details start closed next time")
	}
}

// Each row shows date, kind, title, mood, chips and the first line of
// the text, and none of its parts overlap at 640 px wide.
func TestEntryRow_ReadableWithoutOverlap(t *testing.T) {
	for _, size := range windowSizes {
		t.Run(fmtSize(size), func(t *testing.T) {
			w, _ := windowWithEntries(t)
			w.win.Resize(size)
			rows := entryRows(t, w)
			if len(rows) < 3 {
				t.Fatalf("%d rows shown", len(rows))
			}
			dream := rows[0]
			if !strings.Contains(dream.date.Text, "Dream") || !strings.Contains(dream.meta.Text, "mood 4/10") ||
				!strings.HasPrefix("A dream about a long corridor and a door I couldn't open.", strings.TrimSuffix(dream.excerpt.Text, "…")) || len(dream.excerpt.Text) < 5 ||
				dream.more.Text == "" && !dream.chips[2].Visible() {
				t.Errorf("the dream's row shows %q | %q | %q | chips %v", dream.date.Text, dream.meta.Text, dream.excerpt.Text, visibleChips(dream))
			}
			if !dream.chips[0].Visible() || !strings.EqualFold(dream.chips[0].text.Text, "Anxious") {
				t.Errorf("the first chip isn't the first emotion: %v", visibleChips(dream))
			}
			if untitled := rows[2]; untitled.title.Text != "Couldn't sleep." || !strings.HasPrefix(untitled.excerpt.Text, "Kept going") {
				t.Errorf("the untitled row shows %q then %q", untitled.title.Text, untitled.excerpt.Text)
			}
			if rows[1].Size().Height != dream.Size().Height {
				t.Errorf("a row without chips is %.0f px tall, one with them %.0f", rows[1].Size().Height, dream.Size().Height)
			}
			for _, r := range rows {
				assertApart(t, "date", r.date, "mood", r.meta, r.Size().Width)
				assertApart(t, "excerpt", r.excerpt, "“+N”", r.more, r.Size().Width)
				for _, c := range r.chips {
					if c.Visible() {
						assertApart(t, "chip "+c.text.Text, c, "excerpt", r.excerpt, r.Size().Width)
					}
				}
			}
		})
	}
}

func fmtSize(s fyne.Size) string { return fmt.Sprintf("%.0fx%.0f", s.Width, s.Height) }

// entryRows are the rows the journal's list shows, top first.
func entryRows(t *testing.T, w *Window) []*entryRow {
	t.Helper()
	var rows []*entryRow
	walk(t, w.journal.list, func(o fyne.CanvasObject) {
		if r, ok := o.(*entryRow); ok && r.Visible() && r.title.Text != "" {
			rows = append(rows, r)
		}
	})
	// The list reuses rows: order them as shown.
	for i := range rows {
		for j := i + 1; j < len(rows); j++ {
			if abs(rows[j]) < abs(rows[i]) {
				rows[i], rows[j] = rows[j], rows[i]
			}
		}
	}
	return rows
}

func abs(o fyne.CanvasObject) float32 {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y
}

func visibleChips(r *entryRow) []string {
	var names []string
	for _, c := range r.chips {
		if c.Visible() {
			names = append(names, c.text.Text)
		}
	}
	return names
}

// assertApart fails if a and b, both drawn, share any pixels, or if
// either runs past the row's width.
func assertApart(t *testing.T, an string, a fyne.CanvasObject, bn string, b fyne.CanvasObject, width float32) {
	t.Helper()
	ap, bp := fyne.CurrentApp().Driver().AbsolutePositionForObject(a), fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	aw, bw := drawnWidth(a), drawnWidth(b)
	if aw == 0 || bw == 0 {
		return
	}
	as, bs := a.Size(), b.Size()
	if ap.X < bp.X+bw && bp.X < ap.X+aw && ap.Y < bp.Y+bs.Height && bp.Y < ap.Y+as.Height {
		t.Errorf("%s (x %.0f–%.0f) overlaps %s (x %.0f–%.0f)", an, ap.X, ap.X+aw, bn, bp.X, bp.X+bw)
	}
}

// drawnWidth is how wide an object is drawn, 0 when it isn't.
func drawnWidth(o fyne.CanvasObject) float32 {
	if t, ok := o.(*canvas.Text); ok && t.Text == "" || !o.Visible() {
		return 0
	}
	return o.Size().Width
}

// The preview keeps a single line break as a line break.
func TestPreview_KeepsSingleLineBreaks(t *testing.T) {
	w, _ := newTestWindow(t)
	writeEntry(w, "Monday", "First line\nSecond line")
	e := w.journal.editor
	e.togglePreview()
	first, second := -1, -1
	for i, s := range e.preview.Segments {
		if txt, ok := s.(*widget.TextSegment); ok {
			if strings.Contains(txt.Text, "First line") {
				first = i
			}
			if strings.Contains(txt.Text, "Second line") {
				second = i
			}
		}
	}
	if first < 0 || second <= first {
		t.Fatalf("the preview lost a line: segments %d and %d", first, second)
	}
	broken := false
	for _, s := range e.preview.Segments[first+1 : second] {
		broken = broken || !s.Inline()
	}
	if !broken {
		t.Error("the preview runs the two lines together")
	}
}

// Launch opens on the list, with the focus on it, not in the newest
// entry's title, where the first key would change it.
func TestFocus_LaunchFocusesTheList(t *testing.T) {
	w, store := windowWithEntries(t)
	w.journal.focusOnLaunch()
	if w.win.Canvas().Focused() != w.journal.list {
		t.Fatalf("on launch the focus is on %T, not the list", w.win.Canvas().Focused())
	}
	typeAnywhere(w.win, canary)
	assertNothingKept(t, w, store)
}
