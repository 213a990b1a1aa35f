package transfer

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
)

// MarkdownEntries writes entries, oldest first, as one Markdown file in
// the shape jrnl's Markdown export has, so a person moving between them
// finds their journal where they expect it: a heading for each year (#)
// and month (##), one for each entry (###) with its day, time and title,
// a line saying what kind of entry it is and what it was tagged with, then
// its body as written, its own headings moved three levels down to sit
// under the entry's.
type MarkdownEntries struct {
	out   *bufio.Writer
	year  int
	month time.Month
	n     int
}

// NewMarkdownEntries writes to w through a buffer: Close flushes it.
func NewMarkdownEntries(w io.Writer) *MarkdownEntries {
	return &MarkdownEntries{out: bufio.NewWriterSize(w, 1<<16)}
}

// Write adds e, which must be no older than the entry before it. Errors
// from the writer are returned as they are, by Close at the latest.
func (m *MarkdownEntries) Write(e journal.Entry) error {
	out := m.out
	at := e.WrittenAt
	if m.n > 0 {
		out.WriteString("\n")
	}
	if m.n == 0 || at.Year() != m.year {
		m.year, m.month = at.Year(), 0
		out.WriteString("# " + strconv.Itoa(m.year) + "\n\n")
	}
	if at.Month() != m.month {
		m.month = at.Month()
		out.WriteString("## " + m.month.String() + "\n\n")
	}
	m.n++
	out.WriteString("### ")
	out.WriteString(at.Format("2006-01-02 15:04"))
	if title := oneLine(e.Title); title != "" {
		out.WriteString(" · ")
		out.WriteString(title)
	}
	out.WriteString("\n\n_")
	out.WriteString(markdownDetails(e))
	out.WriteString("_\n")
	if body := strings.TrimSpace(journal.DemoteHeadings(e.Body, 3)); body != "" {
		out.WriteString("\n")
		out.WriteString(body)
		out.WriteString("\n")
	}
	_, err := out.WriteString("") // the buffer keeps its first error: this returns it
	return err
}

// Close ends the file, saying so when it holds no entries, and flushes
// it. It returns the first error writing met.
func (m *MarkdownEntries) Close() error {
	if m.n == 0 {
		m.out.WriteString("_No entries in these days._\n")
	}
	return m.out.Flush()
}

// Count is how many entries were written.
func (m *MarkdownEntries) Count() int { return m.n }

// markdownDetails is the line under an entry's heading: its kind, mood,
// emotions, patterns, the people in its episodes, and whether it is
// flagged for the next session.
func markdownDetails(e journal.Entry) string {
	parts := []string{e.Kind.Label()}
	if e.HasMood() {
		parts = append(parts, "mood "+strconv.Itoa(e.Mood)+"/10")
	}
	if len(e.Emotions) > 0 {
		parts = append(parts, "feeling "+strings.Join(e.Emotions, ", "))
	}
	if len(e.Patterns) > 0 {
		parts = append(parts, "patterns: "+strings.Join(e.Patterns, ", "))
	}
	if people := episodePeople(e.Episodes); len(people) > 0 {
		parts = append(parts, "with "+strings.Join(people, ", "))
	}
	if e.Flagged {
		parts = append(parts, "bring to my next session")
	}
	return oneLine(strings.Join(parts, " · "))
}

// oneLine is s with its runs of spaces and line breaks made one space,
// so it stays on its heading's or its details' line.
func oneLine(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' }) < 0 && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}
