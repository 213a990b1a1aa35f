package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns/report"
)

// previewReport is a report over a hand-made journal with something in
// every table and chart: question 9 answered above 0, a DIT course, patterns named twice and once, a
// goal that moved, PHQ-9 scores and a flagged entry with an episode.
func previewReport(t *testing.T) report.Report {
	t.Helper()
	store := mustOpenJournal(t)
	day := func(d, h int) time.Time { return time.Date(2025, time.November, d, h, 0, 0, 0, time.UTC) }
	for _, d := range []int{4, 11, 18} {
		s := journal.Session{At: day(d, 17), Format: "individual", Approach: journal.ApproachDIT}
		if d == 18 {
			s.Takeaways = "I go quiet when I expect to be let down."
			s.Questions = []journal.Question{{Text: "Ask about my father's silences"}}
		}
		if _, err := store.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	entries := []journal.Entry{
		{Title: "Before", Body: "quiet", WrittenAt: day(14, 9), Mood: 6, Patterns: []string{"avoidance"}},
		{Title: "Work", Body: "quiet", WrittenAt: day(19, 9), Mood: 5, Patterns: []string{"avoidance", "rumination"}},
		{Title: "Why did I freeze?", Body: "I said **yes** again.", WrittenAt: day(20, 9), Mood: 4, Flagged: true,
			Patterns: []string{"avoidance", "people-pleasing"}, Episodes: []journal.Episode{{Person: "my manager", Wish: "to be asked", OtherResponse: "assumed I would stay", SelfResponse: "agreed and sulked"}}},
		{Title: "Home", Body: "quiet", WrittenAt: day(22, 9), Mood: 7, Patterns: []string{"people-pleasing", "perfectionism"}},
	}
	if _, err := store.CreateEntries(entries); err != nil {
		t.Fatal(err)
	}
	goal, err := store.AddGoal(journal.Goal{Title: "Sleep before midnight"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []journal.CheckIn{{At: day(19, 9), Rating: 3}, {At: day(24, 9), Rating: 5}} {
		c.GoalID = goal.ID
		if _, err := store.AddCheckIn(c); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []struct {
		answers []int
		at      time.Time
	}{{[]int{2, 2, 1, 1, 1, 1, 1, 1, 0}, day(4, 12)}, {[]int{1, 1, 1, 1, 1, 1, 0, 0, 1}, day(21, 12)}} {
		if _, err := store.SaveMeasurement(journal.PHQ9, m.answers, journal.NoDifficulty, m.at); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.SetCrisisLines("uk-ie", ""); err != nil {
		t.Fatal(err)
	}
	r, err := report.Build(store, report.Options{SinceSession: true, Now: day(26, 10)})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The preview shows the report as it prints: the sections in the printed
// order, the tables as grids of the printed cells, the charts drawn, and
// no table turned into a list of bullets.
func TestReportPreview_TablesAndChartsAsPrinted(t *testing.T) {
	test.NewTempApp(t)
	r := previewReport(t)
	content := container.NewVBox(reportPreview(r)...)

	var headings, labels, bold []string
	var grids [][]string // each grid's cells, row by row
	bars := 0
	walk(t, content, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.RichText:
			if len(x.Segments) == 1 {
				if s, ok := x.Segments[0].(*widget.TextSegment); ok && s.Style == widget.RichTextStyleSubHeading {
					headings = append(headings, s.Text)
				}
			}
		case *widget.Label:
			labels = append(labels, x.Text)
			if x.TextStyle.Bold && strings.HasPrefix(x.Text, "On ") {
				bold = append(bold, x.Text)
			}
		case *canvas.Rectangle:
			if x.FillColor == previewAccent {
				bars++
			}
		case *fyne.Container:
			if _, ok := x.Layout.(*tableLayout); ok {
				var cells []string
				for _, c := range x.Objects {
					if l, ok := c.(*widget.Label); ok {
						cells = append(cells, l.Text)
					}
				}
				grids = append(grids, cells)
			}
		}
	})

	wantHeadings := []string{"Summary", "From your last session", "Patterns", "Goals", "PHQ-9 and GAD-7", "Entries flagged for the session", "Relationship episodes"}
	if !slices.Equal(headings, wantHeadings) {
		t.Errorf("sections = %q, want %q", headings, wantHeadings)
	}
	patternGrid := r.PatternGrid()
	want := [][]string{
		append(append([]string{}, patternGrid.Header...), slices.Concat(patternGrid.Rows...)...),
		append(append([]string{}, r.GoalGrid().Header...), slices.Concat(r.GoalGrid().Rows...)...),
		append(append([]string{}, r.Measures[0].Grid().Header...), slices.Concat(r.Measures[0].Grid().Rows...)...),
	}
	if len(grids) != len(want) {
		t.Fatalf("%d grids, want %d (patterns, goals, PHQ-9): %q", len(grids), len(want), grids)
	}
	for i := range want {
		if !slices.Equal(grids[i], want[i]) {
			t.Errorf("grid %d = %q, want the printed cells %q", i, grids[i], want[i])
		}
	}
	if n := len(r.Patterns.Rows); bars != n || n == 0 {
		t.Errorf("%d bars drawn, want one for each of the %d patterns in the table", bars, n)
	}
	if len(bold) != 1 || !strings.Contains(bold[0], "question 9 of the PHQ-9") || !strings.HasPrefix(labels[1], bold[0]) && labels[1] != bold[0] {
		t.Errorf("question 9 doesn't open the preview in bold: %q, first labels %q", bold, labels[:min(3, len(labels))])
	}
	for _, l := range labels {
		if strings.HasPrefix(l, "- ") || strings.Contains(l, " · 50%") {
			t.Errorf("a table row shown as a bullet: %q", l)
		}
	}
	for _, want := range []string{"• Dynamic interpersonal therapy: session 3 of 16, 13 left · beginning phase: engagement and the interpersonal focus.", "What you took away: I go quiet when I expect to be let down.", "☐ Ask about my father's silences"} {
		if !slices.Contains(labels, want) {
			t.Errorf("the preview lacks %q:\n%s", want, strings.Join(labels, "\n"))
		}
	}

	w := test.NewTempWindow(t, container.NewVScroll(container.NewPadded(content)))
	w.Resize(fyne.NewSize(640, 1800))
	test.AssertRendersToMarkup(t, "export/preview.xml", w.Canvas())
	// THROUGHLINE_SCREENSHOTS=dir keeps a picture of the preview to look at.
	if dir := os.Getenv("THROUGHLINE_SCREENSHOTS"); dir != "" {
		f, err := os.Create(filepath.Join(dir, "report-preview.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, w.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
}
