package report

import (
	"time"
)

// Chart layouts shared by the HTML (SVG) and PDF reports and the window's
// preview. All draw with the origin at the top left and y growing
// downwards, so a layout in a box of w by h serves each; each adds its
// own offset and units.

// ChartPoint is a point in a chart's box.
type ChartPoint struct{ X, Y float64 }

// ChartBar is one pattern's bar: its length now and a mark for the window before.
type ChartBar struct {
	Name     string
	Count    int
	Previous int
	Len      float64 // the bar's length, up to the chart's width
	PrevAt   float64 // where the window before's count falls; -1 when not compared
}

// Bars lays out the pattern chart's bars, the longest w long.
func (t Table) Bars(w float64) []ChartBar {
	rows := chartRows(t.Rows)
	most := 0
	for _, row := range rows {
		most = max(most, row.Count)
		if t.Compared {
			most = max(most, row.Previous)
		}
	}
	out := make([]ChartBar, len(rows))
	for i, row := range rows {
		out[i] = ChartBar{Name: row.Name, Count: row.Count, Previous: row.Previous, Len: w * float64(row.Count) / float64(most), PrevAt: -1}
		if t.Compared {
			out[i].PrevAt = w * float64(row.Previous) / float64(most)
		}
	}
	return out
}

// MoodChart lays out daily mood in a w by h box, 10 at the top and 1 at
// the bottom: a dot for each rated day, and the rolling week's mean as
// lines, broken where a week went without a rating.
func MoodChart(days []MoodDay, w, h float64) (dots []ChartPoint, lines [][]ChartPoint) {
	x := func(i int) float64 {
		if len(days) == 1 {
			return w / 2
		}
		return w * float64(i) / float64(len(days)-1)
	}
	y := func(v float64) float64 { return h * (10 - v) / 9 }
	var line []ChartPoint
	for i, d := range days {
		if d.Mean > 0 {
			dots = append(dots, ChartPoint{x(i), y(d.Mean)})
		}
		if d.Rolling > 0 {
			line = append(line, ChartPoint{x(i), y(d.Rolling)})
			continue
		}
		if len(line) > 1 {
			lines = append(lines, line)
		}
		line = nil
	}
	if len(line) > 1 {
		lines = append(lines, line)
	}
	return dots, lines
}

// BandLine is where a severity band starts on a measure chart (Y), and
// the middle of the band, where its name goes (Mid).
type BandLine struct {
	Y, Mid float64
	Name   string
}

// Chart lays out a questionnaire's scores in a w by h box, the
// highest possible score at the top, in time order along the width.
func (m MeasureTrend) Chart(w, h float64) (points []ChartPoint, bands []BandLine) {
	scores := m.InWindow
	if m.Before != nil {
		scores = append([]Score{*m.Before}, scores...)
	}
	first, last := scores[0].At, scores[len(scores)-1].At
	span := last.Sub(first)
	y := func(score int) float64 { return h * float64(m.Max-score) / float64(m.Max) }
	for _, s := range scores {
		x := w / 2
		if span > 0 {
			x = w * float64(s.At.Sub(first)) / float64(span)
		}
		points = append(points, ChartPoint{x, y(s.Score)})
	}
	for _, b := range m.Bands {
		bands = append(bands, BandLine{Y: y(b.Min), Mid: (y(b.Min) + y(b.Max+1)) / 2, Name: b.Name})
	}
	return points, bands
}

// Span is the first and last day a measure chart covers.
func (m MeasureTrend) Span() (first, last time.Time) {
	if m.Before != nil {
		first = m.Before.At
	} else {
		first = m.InWindow[0].At
	}
	last = first
	if n := len(m.InWindow); n > 0 {
		last = m.InWindow[n-1].At
	}
	return first, last
}
