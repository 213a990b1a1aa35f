package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/throughline/throughline/journal"
)

// Markdown prints the report as Markdown. Entry bodies go in as written,
// their headings moved down a few levels to sit under the entry's title.
func (r Report) Markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# Session prep: %s\n\n", mdLine(r.Title))
	for _, n := range r.Notes() {
		p("_%s_  \n", n)
	}
	for _, s := range r.Printed() {
		p("\n## %s\n\n", SectionTitle(s))
		if r.empty(s) {
			p("%s\n", r.emptyText(s))
			continue
		}
		switch s {
		case SectionSummary:
			for _, l := range r.SafetyLines() {
				p("- **%s**\n", mdLine(l))
			}
			for _, l := range r.SummaryLines() {
				p("- %s\n", mdLine(l))
			}
			if line := sparkline(r.Mood); line != "" {
				p("\nMood by day, 1 to 10 (· for a day without a rating): `%s`\n", line)
			}
		case SectionFlagged:
			for _, e := range r.Flagged {
				p("### %s\n\n_%s_\n\n%s\n\n", mdLine(e.Title), mdLine(e.Details()), strings.TrimSpace(journal.DemoteHeadings(e.Body, 3)))
			}
		case SectionEpisodes:
			for _, ep := range r.Episodes {
				p("### %s\n\n", mdLine(ep.Heading()))
				for _, f := range ep.Fields() {
					p("- **%s:** %s\n", f.Label, mdLine(f.Text))
				}
				p("\n")
			}
		case SectionPatterns:
			r.markdownPatterns(&b)
		case SectionGoals:
			mdTable(&b, r.GoalGrid())
		case SectionMeasures:
			for _, m := range r.Measures {
				p("### %s\n\n", m.Title)
				mdTable(&b, m.Grid())
				p("\n")
			}
			for _, n := range r.MeasureNotes() {
				p("_%s_\n\n", mdLine(n))
			}
		case SectionQuestions:
			for _, l := range r.LastLines() {
				p("%s\n\n", mdLine(l))
			}
			for _, q := range r.Questions {
				p("- [ ] %s\n", mdLine(q.Text))
			}
		case SectionCCRT:
			mdTable(&b, r.CCRTGrid())
		}
	}
	return b.String()
}

func (r Report) markdownPatterns(b *strings.Builder) {
	t := r.Patterns
	fmt.Fprintf(b, "%s\n\n", mdLine(r.PatternsNote()))
	if once := r.OnceNote(); once != "" {
		defer fmt.Fprintf(b, "\n%s\n", mdLine(once))
	}
	if len(t.Rows) == 0 {
		return
	}
	mdTable(b, r.PatternGrid())
	bars := chartRows(t.Rows)
	if len(bars) == 0 {
		return
	}
	most, width := bars[0].Count, 0
	for _, row := range bars {
		width = max(width, utf8.RuneCountInString(row.Name))
	}
	b.WriteString("\n```text\n")
	for _, row := range bars {
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(row.Name))
		fmt.Fprintf(b, "%s%s %s %d\n", row.Name, pad, strings.Repeat("█", max(1, row.Count*30/most)), row.Count)
	}
	b.WriteString("```\n")
}

// ChartPatterns is how many patterns the bar charts show.
const ChartPatterns = 12

// chartRows are the patterns the charts show: the most frequent, named
// at least once in the window.
func chartRows(rows []PatternRow) []PatternRow {
	var out []PatternRow
	for _, row := range rows {
		if row.Count > 0 && len(out) < ChartPatterns {
			out = append(out, row)
		}
	}
	return out
}

// sparkline draws each day's mood as a block from ▁ to █.
func sparkline(days []MoodDay) string {
	const levels = "▁▂▃▄▅▆▇█"
	blocks := []rune(levels)
	var b strings.Builder
	for _, d := range days {
		if d.Mean == 0 {
			b.WriteRune('·')
			continue
		}
		i := int((d.Mean - 1) / 9 * float64(len(blocks)-1))
		b.WriteRune(blocks[min(max(i, 0), len(blocks)-1)])
	}
	return b.String()
}

// mdTable prints a grid as a Markdown table, its figures aligned right.
func mdTable(b *strings.Builder, g Grid) {
	rule := make([]string, len(g.Header))
	for i, right := range g.Right {
		rule[i] = "---"
		if right {
			rule[i] = "---:"
		}
	}
	mdRow(b, g.Header)
	b.WriteString("|" + strings.Join(rule, "|") + "|\n")
	for _, row := range g.Rows {
		mdRow(b, row)
	}
}

func mdRow(b *strings.Builder, cells []string) {
	for _, c := range cells {
		b.WriteString("| " + mdCell(c) + " ")
	}
	b.WriteString("|\n")
}

// mdLine is text on one Markdown line.
func mdLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// mdCell is text in a Markdown table cell.
func mdCell(s string) string {
	return strings.ReplaceAll(mdLine(s), "|", `\|`)
}
