package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/internal/testenv"
)

// pdfText reads a PDF back with poppler's pdftotext, as a reader would
// copy it, with runs of white space made one space.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool := testenv.Tool(t, "pdftotext", "install poppler-utils (scripts/deps.sh test does) to check the PDF report")
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(tool, "-layout", "-enc", "UTF-8", path, "-")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftotext couldn't read the report: %v\n%s", err, stderr.String())
	}
	// pdftotext marks right-to-left runs with Unicode's embedding controls.
	text := strings.Map(func(r rune) rune {
		if r == '\u200e' || r == '\u200f' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
			return -1
		}
		return r
	}, string(out))
	return strings.Join(strings.Fields(text), " ")
}

func renderPDF(t *testing.T, r Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.PDF(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", b.Bytes())
	}
	return b.Bytes()
}

func TestPDF(t *testing.T) {
	text := pdfText(t, renderPDF(t, newFixture(t).build(t, Options{})))
	for _, want := range []string{
		"Session prep Since your session on Tue 18 Nov",
		"Entries: 4 entries written (3 in the 8 days before).",
		"Entries flagged for the session",
		flaggedTitle,
		"What happened",
		"Sam asked me to stay late again and I said yes before thinking.", // markup taken out
		"• I felt my chest tighten",
		"“Why can't I say no?”",
		"Καλημέρα · Привет · שלום",
		"<script>alert('x')</script> & <b>friends</b>", // text, as written
		"What I wanted to be asked, not told",
		"It reminds me of being the reliable child (with Mum)",
		"Pattern Category Entries Share Before Change",
		"avoidance Defenses 2 50% 2 0",
		"people-pleasing Relationship patterns 2 50% 1 +1",
		"Named in one entry only, too few yet to call a pattern: rumination.",
		"Say what I need to Alex 6/10 on Tue 25 Nov 2025, +3 since these days began",
		"Tue 4 Nov 2025 (before these days) 11 moderate",
		"☐ Ask why I freeze when Sam is around",
		"Page 1 of ",
		"End of the report",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "**") {
		t.Errorf("Markdown markup printed in the PDF:\n%s", text)
	}
}

func TestPDF_Redacted(t *testing.T) {
	text := pdfText(t, renderPDF(t, newFixture(t).build(t, Options{RedactPeople: true, Sections: []Section{SectionFlagged, SectionEpisodes, SectionGoals}})))
	if m := hiddenNames.FindString(text); m != "" {
		t.Errorf("the redacted PDF names %q:\n%s", m, text)
	}
	for _, want := range []string{"With [my manager]", "[My manager] asked me", "[My friend B] and [my friend A] were on a boat"} {
		if !strings.Contains(text, want) {
			t.Errorf("the redacted PDF lacks %q:\n%s", want, text)
		}
	}
}

// TestPDF_Unprintable checks that what the font can't show (Chinese, emoji)
// and very long words still make a PDF, and that its pages are numbered.
func TestPDF_Unprintable(t *testing.T) {
	long := strings.Repeat("word", 80)
	body := strings.Repeat("A paragraph that goes on for a while, so that the entry runs over several pages. ", 400)
	r := Report{Title: "A test", Generated: fixtureNow, Sections: []Section{SectionFlagged}, Flagged: []Entry{{
		Title: "中文 and 😀", WrittenAt: fixtureNow, Kind: "Reflection", Body: "你好 😀 " + long + "\n\n" + body}}}
	text := pdfText(t, renderPDF(t, r))
	pages := regexp.MustCompile(`Page (\d+) of (\d+)`).FindAllStringSubmatch(text, -1)
	if len(pages) < 3 || pages[0][1] != "1" || pages[len(pages)-1][1] != pages[0][2] {
		t.Errorf("page numbers = %q", pages)
	}
	if !strings.Contains(text, "你好") || !strings.Contains(text, "wordword") {
		t.Errorf("text lost:\n%.300s", text)
	}
}

func TestPDF_EmptySections(t *testing.T) {
	r := Report{Title: "Nothing yet", Generated: time.Date(2025, 11, 26, 9, 0, 0, 0, time.UTC), Sections: AllSections}
	text := pdfText(t, renderPDF(t, r))
	for _, want := range []string{"No entries were flagged for the session", "No patterns were named", "No session logged yet.", "Mood: not rated"} {
		if !strings.Contains(text, want) {
			t.Errorf("the empty report lacks %q:\n%s", want, text)
		}
	}
}
