package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"strings"
	"sync"
)

// HTML prints the report as one self-contained page: inline styles, charts
// as inline SVG, nothing fetched from anywhere, laid out to print well.
// Every piece of text goes through html/template, so what a person wrote
// is shown, never run.
func (r Report) HTML() string {
	var b strings.Builder
	if err := htmlPage().Execute(&b, htmlView{r}); err != nil {
		// The template is fixed and the data plain, so this is a bug.
		panic(fmt.Sprintf("report: HTML template: %v", err))
	}
	return b.String()
}

// htmlView adds to a report what the template needs worked out.
type htmlView struct{ Report }

type htmlSection struct {
	ID, Title, Empty string
}

func (v htmlView) SectionList() []htmlSection {
	var out []htmlSection
	for _, s := range v.Printed() {
		hs := htmlSection{ID: string(s), Title: SectionTitle(s)}
		if v.empty(s) {
			hs.Empty = v.emptyText(s)
		}
		out = append(out, hs)
	}
	return out
}

// SVG chart sizes, in the SVG's own units.
const (
	svgWidth  = 700.0
	svgLabel  = 270.0 // the bar chart's label column
	svgBarW   = 370.0
	svgRow    = 22.0
	svgPlotX  = 34.0
	svgPlotW  = svgWidth - svgPlotX - 10
	svgMoodH  = 120.0
	svgScoreH = 110.0
	svgBands  = 120.0 // the column right of a measure chart for its bands' names
)

type svgBar struct {
	ChartBar
	Y float64
}

func (v htmlView) Bars() []svgBar {
	var out []svgBar
	for i, b := range v.Patterns.Bars(svgBarW) {
		out = append(out, svgBar{b, float64(i) * svgRow})
	}
	return out
}

func (v htmlView) BarsHeight() float64 { return float64(len(chartRows(v.Patterns.Rows)))*svgRow + 4 }

type svgLine struct{ Points string }

func svgPoints(ps []ChartPoint, dx, dy float64) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%.1f,%.1f", p.X+dx, p.Y+dy)
	}
	return b.String()
}

type svgMood struct {
	Dots        []ChartPoint
	Lines       []svgLine
	First, Last string
}

func (v htmlView) MoodChart() *svgMood {
	if len(v.Mood) == 0 {
		return nil
	}
	dots, lines := MoodChart(v.Mood, svgPlotW, svgMoodH)
	m := &svgMood{First: day(v.Mood[0].Day), Last: day(v.Mood[len(v.Mood)-1].Day)}
	for i := range dots {
		dots[i].X += svgPlotX
		dots[i].Y += 10
	}
	m.Dots = dots
	for _, l := range lines {
		m.Lines = append(m.Lines, svgLine{svgPoints(l, svgPlotX, 10)})
	}
	return m
}

type svgMeasure struct {
	MeasureTrend
	Line        string
	Dots        []ChartPoint
	Bands       []BandLine
	First, Last string
}

func (v htmlView) MeasureCharts() []svgMeasure {
	var out []svgMeasure
	for _, m := range v.Measures {
		points, bands := m.Chart(svgPlotW-svgBands, svgScoreH)
		for i := range points {
			points[i].X += svgPlotX
			points[i].Y += 10
		}
		for i := range bands {
			bands[i].Y += 10
			bands[i].Mid += 10
		}
		first, last := m.Span()
		out = append(out, svgMeasure{MeasureTrend: m, Line: svgPoints(points, 0, 0), Dots: points, Bands: bands, First: day(first), Last: day(last)})
	}
	return out
}

// BodyBlocks is an entry's text as blocks, for the template.
func (v htmlView) BodyBlocks(md string) []block { return blocks(md) }

var htmlFuncs = template.FuncMap{
	"signed":     signed,
	"pct":        func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
	"day":        day,
	"indent":     func(depth int) string { return fmt.Sprintf("%.1fem", 1.2*float64(depth)) },
	"isHeading":  func(b block) bool { return b.kind == heading },
	"isItem":     func(b block) bool { return b.kind == listItem },
	"isQuote":    func(b block) bool { return b.kind == quote },
	"isCode":     func(b block) bool { return b.kind == code },
	"text":       func(b block) string { return b.text },
	"marker":     func(b block) string { return b.marker },
	"depth":      func(b block) int { return b.depth },
	"sub":        func(a, b float64) float64 { return a - b },
	"add":        func(a, b float64) float64 { return a + b },
	"svgWidth":   func() float64 { return svgWidth },
	"plotX":      func() float64 { return svgPlotX },
	"plotRight":  func() float64 { return svgPlotX + svgPlotW },
	"labelX":     func() float64 { return svgLabel - 8 },
	"scoreRight": func() float64 { return svgPlotX + svgPlotW - svgBands },
	"scoreMid":   func() float64 { return svgPlotX + (svgPlotW-svgBands)/2 },
	"barX":       func() float64 { return svgLabel },
}

//go:embed report.html.tmpl
var htmlTemplate string

// htmlPage is parsed on first use, not when the program starts: most
// commands make no report, and parsing it is most of this package's
// start-up cost.
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(htmlFuncs).Parse(htmlTemplate))
})
