package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns/report"
)

// The Session prep screen's preview: the report as it prints, section by
// section in the printed order, its tables as grids of the same cells
// (report.Grid) and its charts drawn from the same layouts the PDF and
// HTML draw (report's Bars, MoodChart and MeasureTrend.Chart).

// The chart colours are the printed report's.
var (
	previewAccent = color.NRGBA{59, 110, 168, 255}
	previewMark   = color.NRGBA{217, 130, 43, 255}
	previewRule   = color.NRGBA{160, 166, 175, 255}
	previewDot    = color.NRGBA{120, 128, 140, 255}
)

// Preview chart sizes, in Fyne units.
const (
	previewChartW = 420
	previewLabelW = 150 // the bar chart's label column
	previewBarW   = 220
	previewRowH   = 20
	previewMoodH  = 100
	previewScoreH = 90
	previewBandsW = 110 // right of a score chart, for its bands' names
	previewAxisW  = 30  // left of a plot, for its scale
)

// reportPreview shows r as it prints.
func reportPreview(r report.Report) []fyne.CanvasObject {
	out := []fyne.CanvasObject{previewTitle("Session prep: " + r.Title)}
	for _, n := range r.Notes() {
		out = append(out, note(n))
	}
	for _, s := range r.Printed() {
		out = append(out, widget.NewSeparator(), previewHeading(report.SectionTitle(s)))
		if text := r.EmptyText(s); text != "" {
			out = append(out, wrapped(text))
			continue
		}
		out = append(out, previewSection(r, s)...)
	}
	return out
}

func previewSection(r report.Report, s report.Section) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	switch s {
	case report.SectionSummary:
		for _, l := range r.SafetyLines() {
			out = append(out, strong(l))
		}
		for _, l := range r.SummaryLines() {
			out = append(out, wrapped("• "+l))
		}
		if len(r.Mood) > 0 {
			out = append(out, previewMoodChart(r.Mood), note("Mood by day, 1 to 10: dots are each day's average, the line the average of the week up to it."))
		}
	case report.SectionQuestions:
		for _, l := range r.LastLines() {
			out = append(out, wrapped(l))
		}
		for _, q := range r.Questions {
			out = append(out, wrapped("☐ "+q.Text))
		}
	case report.SectionPatterns:
		out = append(out, wrapped(r.PatternsNote()))
		if len(r.Patterns.Rows) > 0 {
			caption := "Entries naming each pattern."
			if r.Patterns.Compared {
				caption = "Entries naming each pattern; the orange mark is the count in the days before."
			}
			out = append(out, previewGrid(r.PatternGrid()), previewBarChart(r.Patterns), note(caption))
		}
		if once := r.OnceNote(); once != "" {
			out = append(out, wrapped(once))
		}
	case report.SectionCCRT:
		out = append(out, previewGrid(r.CCRTGrid()))
	case report.SectionGoals:
		out = append(out, previewGrid(r.GoalGrid()))
	case report.SectionMeasures:
		for _, m := range r.Measures {
			out = append(out, heading(m.Title), previewGrid(m.Grid()), previewScoreChart(m))
		}
		for _, n := range r.MeasureNotes() {
			out = append(out, note(n))
		}
	case report.SectionFlagged:
		for _, e := range r.Flagged {
			body := widget.NewRichTextFromMarkdown(withoutImages(journal.DemoteHeadings(e.Body, 3)))
			body.Wrapping = fyne.TextWrapWord
			out = append(out, heading(e.Title), note(e.Details()), body)
		}
	case report.SectionEpisodes:
		for _, ep := range r.Episodes {
			fields := container.New(layout.NewFormLayout())
			for _, f := range ep.Fields() {
				fields.Add(widget.NewLabelWithStyle(f.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
				fields.Add(wrapped(f.Text))
			}
			out = append(out, heading(ep.Heading()), fields)
		}
	}
	return out
}

func previewTitle(text string) fyne.CanvasObject {
	t := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleHeading, Text: text})
	t.Wrapping = fyne.TextWrapWord
	return t
}

func previewHeading(text string) fyne.CanvasObject {
	t := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: text})
	t.Wrapping = fyne.TextWrapWord
	return t
}

// strong is a wrapped line in bold: what the report prints in bold, the
// answers to question 9 first of all.
func strong(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// previewGrid shows a report table as the PDF prints it: columns in the
// printed proportions, the header in bold on a shaded row, the figures
// aligned right, a rule under each row.
func previewGrid(g report.Grid) fyne.CanvasObject {
	widths := columnWidths(g)
	// The header's shade and a rule under each row come first, to be drawn beneath the cells.
	shade := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	objects := []fyne.CanvasObject{shade}
	for range len(g.Rows) + 1 {
		objects = append(objects, canvas.NewRectangle(previewRule))
	}
	decor := len(objects)
	row := func(texts []string, bold bool) {
		for i, text := range texts {
			l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
			l.Wrapping = fyne.TextWrapWord
			if g.Right[i] {
				l.Alignment = fyne.TextAlignTrailing
			}
			objects = append(objects, l)
		}
	}
	row(g.Header, true)
	for _, r := range g.Rows {
		row(r, false)
	}
	return container.NewHBox(container.New(&tableLayout{widths: widths, decor: decor}, objects...))
}

// columnWidths shares previewTableW among g's columns in the printed
// proportions, but never so narrow that a word breaks: a column too
// narrow for its longest word takes the room from those with room to spare.
func columnWidths(g report.Grid) []float32 {
	var total float64
	for _, w := range g.Widths {
		total += w
	}
	pad := 2*theme.InnerPadding() + 2
	widths, least := make([]float32, len(g.Widths)), make([]float32, len(g.Widths))
	var short, spare float32
	for i, w := range g.Widths {
		widths[i] = float32(w / total * previewTableW)
		texts := []string{g.Header[i]}
		for _, row := range g.Rows {
			texts = append(texts, row[i])
		}
		for _, t := range texts {
			for _, word := range strings.Fields(t) {
				least[i] = max(least[i], fyne.MeasureText(word, theme.TextSize(), fyne.TextStyle{Bold: true}).Width+pad)
			}
		}
		if widths[i] < least[i] {
			short += least[i] - widths[i]
			widths[i] = least[i]
		} else {
			spare += widths[i] - least[i]
		}
	}
	for i := range widths {
		if spare > 0 && widths[i] > least[i] {
			widths[i] -= min(short, spare) * (widths[i] - least[i]) / spare
		}
	}
	return widths
}

// previewTableW is a table's width in the preview: fixed, like the
// printed page's, so its rows wrap where the PDF's do.
const previewTableW = 560

// tableLayout lays cells out in rows of len(widths) columns, each row as
// tall as its tallest wrapped cell. Before the cells come decor objects:
// the header's shade, then a rule under each row.
type tableLayout struct {
	widths []float32
	decor  int
}

// rows are the cells' heights row by row, each cell wrapped to its column.
func (l *tableLayout) rows(cells []fyne.CanvasObject) []float32 {
	var heights []float32
	n := len(l.widths)
	for start := 0; start < len(cells); start += n {
		var h float32
		for i, c := range cells[start:min(start+n, len(cells))] {
			c.Resize(fyne.NewSize(l.widths[i], c.Size().Height))
			h = max(h, c.MinSize().Height)
		}
		heights = append(heights, h)
	}
	return heights
}

func (l *tableLayout) width() float32 {
	var w float32
	for _, c := range l.widths {
		w += c
	}
	return w
}

func (l *tableLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, rh := range l.rows(objects[l.decor:]) {
		h += rh
	}
	return fyne.NewSize(l.width(), h)
}

func (l *tableLayout) Layout(objects []fyne.CanvasObject, _ fyne.Size) {
	decor, cells := objects[:l.decor], objects[l.decor:]
	var y float32
	for r, h := range l.rows(cells) {
		var x float32
		for i, c := range cells[r*len(l.widths) : min((r+1)*len(l.widths), len(cells))] {
			c.Move(fyne.NewPos(x, y))
			c.Resize(fyne.NewSize(l.widths[i], h))
			x += l.widths[i]
		}
		if r == 0 {
			decor[0].Resize(fyne.NewSize(l.width(), h))
		}
		y += h
		decor[r+1].Move(fyne.NewPos(0, y-1))
		decor[r+1].Resize(fyne.NewSize(l.width(), 1))
	}
}

// drawing is a chart of a fixed size: its objects placed by hand, the
// size kept as its minimum so the preview's scroll gives it room.
func drawing(w, h float32, objects ...fyne.CanvasObject) fyne.CanvasObject {
	size := canvas.NewRectangle(color.Transparent)
	size.SetMinSize(fyne.NewSize(w, h))
	return container.NewHBox(container.NewStack(size, container.NewWithoutLayout(objects...)))
}

func chartText(text string, x, y float32, align fyne.TextAlign, c color.Color) *canvas.Text {
	t := canvas.NewText(text, c)
	t.TextSize = theme.CaptionTextSize()
	t.Alignment = align
	size := t.MinSize()
	switch align {
	case fyne.TextAlignTrailing:
		x -= size.Width
	case fyne.TextAlignCenter:
		x -= size.Width / 2
	}
	t.Move(fyne.NewPos(x, y-size.Height/2))
	t.Resize(size)
	return t
}

func chartLine(x1, y1, x2, y2 float32, c color.Color, width float32) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = width
	l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	return l
}

func chartDot(x, y, r float32, c color.Color) *canvas.Circle {
	d := canvas.NewCircle(c)
	d.Move(fyne.NewPos(x-r, y-r))
	d.Resize(fyne.NewSize(2*r, 2*r))
	return d
}

func polyline(points []report.ChartPoint, x0, y0 float32, c color.Color) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i := 1; i < len(points); i++ {
		a, b := points[i-1], points[i]
		out = append(out, chartLine(x0+float32(a.X), y0+float32(a.Y), x0+float32(b.X), y0+float32(b.Y), c, 2))
	}
	return out
}

// previewBarChart is the pattern chart: a bar for each pattern, and an
// orange mark for the count in the days before.
func previewBarChart(t report.Table) fyne.CanvasObject {
	ink := theme.Color(theme.ColorNameForeground)
	var objects []fyne.CanvasObject
	bars := t.Bars(previewBarW)
	for i, b := range bars {
		y := float32(i) * previewRowH
		objects = append(objects, chartText(truncated(b.Name, 22), previewLabelW-6, y+previewRowH/2, fyne.TextAlignTrailing, ink))
		bar := canvas.NewRectangle(previewAccent)
		bar.Move(fyne.NewPos(previewLabelW, y+3))
		bar.Resize(fyne.NewSize(max(float32(b.Len), 1), previewRowH-6))
		objects = append(objects, bar)
		if b.PrevAt >= 0 {
			x := previewLabelW + float32(b.PrevAt)
			objects = append(objects, chartLine(x, y+1, x, y+previewRowH-1, previewMark, 2))
		}
		objects = append(objects, chartText(strconv.Itoa(b.Count), previewLabelW+float32(b.Len)+5, y+previewRowH/2, fyne.TextAlignLeading, ink))
	}
	return drawing(previewLabelW+previewBarW+30, float32(len(bars))*previewRowH+4, objects...)
}

// previewMoodChart is daily mood, 10 at the top and 1 at the bottom.
func previewMoodChart(days []report.MoodDay) fyne.CanvasObject {
	const top, plotW = 8, previewChartW - previewAxisW
	muted := theme.Color(theme.ColorNamePlaceHolder)
	objects := []fyne.CanvasObject{}
	for _, m := range []struct {
		y     float32
		label string
	}{{0, "10"}, {previewMoodH / 2, "5.5"}, {previewMoodH, "1"}} {
		objects = append(objects, chartLine(previewAxisW, top+m.y, previewAxisW+plotW, top+m.y, previewRule, 1),
			chartText(m.label, previewAxisW-4, top+m.y, fyne.TextAlignTrailing, muted))
	}
	dots, lines := report.MoodChart(days, plotW, previewMoodH)
	for _, l := range lines {
		objects = append(objects, polyline(l, previewAxisW, top, previewAccent)...)
	}
	for _, d := range dots {
		objects = append(objects, chartDot(previewAxisW+float32(d.X), top+float32(d.Y), 2.5, previewDot))
	}
	bottom := float32(top + previewMoodH + 10)
	objects = append(objects, chartText(days[0].Day.Format("Mon 2 Jan"), previewAxisW, bottom, fyne.TextAlignLeading, muted),
		chartText(days[len(days)-1].Day.Format("Mon 2 Jan"), previewAxisW+plotW, bottom, fyne.TextAlignTrailing, muted))
	return drawing(previewChartW, bottom+10, objects...)
}

// previewScoreChart is a questionnaire's scores over time against its
// severity bands.
func previewScoreChart(m report.MeasureTrend) fyne.CanvasObject {
	const top, plotW = 8, previewChartW - previewAxisW - previewBandsW
	muted := theme.Color(theme.ColorNamePlaceHolder)
	points, bands := m.Chart(plotW, previewScoreH)
	var objects []fyne.CanvasObject
	for _, b := range bands {
		objects = append(objects, chartLine(previewAxisW, top+float32(b.Y), previewAxisW+plotW, top+float32(b.Y), previewRule, 1),
			chartText(b.Name, previewAxisW+plotW+6, top+float32(b.Mid), fyne.TextAlignLeading, muted))
	}
	objects = append(objects, chartText(strconv.Itoa(m.Max), previewAxisW-4, top, fyne.TextAlignTrailing, muted),
		chartText("0", previewAxisW-4, top+previewScoreH, fyne.TextAlignTrailing, muted))
	objects = append(objects, polyline(points, previewAxisW, top, previewAccent)...)
	for _, p := range points {
		objects = append(objects, chartDot(previewAxisW+float32(p.X), top+float32(p.Y), 3, previewAccent))
	}
	first, last := m.Span()
	bottom := float32(top + previewScoreH + 10)
	if first.Equal(last) {
		objects = append(objects, chartText(first.Format("Mon 2 Jan"), previewAxisW+plotW/2, bottom, fyne.TextAlignCenter, muted))
	} else {
		objects = append(objects, chartText(first.Format("Mon 2 Jan"), previewAxisW, bottom, fyne.TextAlignLeading, muted),
			chartText(last.Format("Mon 2 Jan"), previewAxisW+plotW, bottom, fyne.TextAlignTrailing, muted))
	}
	return drawing(previewChartW, bottom+10, objects...)
}

// truncated shortens a chart label to n characters, with an ellipsis.
func truncated(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
