package report

import (
	"html"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// renderings are a report in each format, as text to search: the PDF as
// a reader would copy it, the others with white space made one space.
func renderings(t *testing.T, r Report) map[string]string {
	t.Helper()
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	return map[string]string{
		"Markdown": flat(r.Markdown()),
		"HTML":     flat(html.UnescapeString(r.HTML())),
		"PDF":      pdfText(t, renderPDF(t, r)),
	}
}

// A PHQ-9 with question 9 above 0 in the window opens the summary, with
// the crisis lines chosen, whatever the total; the questionnaires come
// with what they are not and whose they are.
func TestReport_Question9OpensTheSummary(t *testing.T) {
	f := newFixture(t)
	must[journal.Measurement](t)(f.store.SaveMeasurement(journal.PHQ9, []int{0, 0, 0, 0, 0, 0, 0, 0, 2}, journal.DifficultyAnswer(1), at(25, 9)))
	if err := f.store.SetCrisisLines("uk-ie", ""); err != nil {
		t.Fatal(err)
	}
	r := f.build(t, Options{})
	for format, text := range renderings(t, r) {
		t.Run(format, func(t *testing.T) {
			summary := strings.Index(text, "Summary")
			item9 := strings.Index(text, "question 9 of the PHQ-9, about thoughts of being better off dead or of hurting yourself, was answered “More than half the days”")
			entries := strings.Index(text, "Entries:")
			if summary < 0 || item9 < summary || entries < item9 {
				t.Errorf("question 9 isn't at the top of the summary (summary %d, question 9 %d, entries %d):\n%s", summary, item9, entries, text)
			}
			for _, want := range []string{
				"If things feel too much before then: If you are in immediate danger, call 999 or 112 now.",
				"Samaritans on 116 123",
				"question 9: More than half the days · somewhat difficult", // the score's row
				journal.ScreeningNotice,
				journal.MeasureCopyright,
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the report doesn't say %q:\n%s", want, text)
				}
			}
			if strings.Contains(text, "988") {
				t.Errorf("the report gives the US's line to someone in the UK:\n%s", text)
			}
		})
	}
}

func TestReport_MeasureNotesOnlyWithMeasures(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name     string
		sections []Section
		notes    bool
	}{
		{"every section", nil, true},
		{"the questionnaires alone", []Section{SectionMeasures}, true},
		{"without the questionnaires", []Section{SectionSummary, SectionGoals}, false},
	}
	for _, tt := range tests {
		r := f.build(t, Options{Sections: tt.sections})
		for format, text := range renderings(t, r) {
			for _, line := range []string{journal.ScreeningNotice, journal.MeasureCopyright} {
				if strings.Contains(text, line) != tt.notes {
					t.Errorf("%s, %s: has %q: %v, want %v", tt.name, format, line, !tt.notes, tt.notes)
				}
			}
			// The fixture's question 9 above 0 is before the window: no alarm.
			if strings.Contains(text, "If things feel too much") || strings.Contains(text, "question 9 of the") {
				t.Errorf("%s, %s: speaks of question 9 from before these days:\n%s", tt.name, format, text)
			}
		}
	}
}
