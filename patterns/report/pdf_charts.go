package report

import (
	"strconv"
)

// Charts in the PDF, drawn with fpdf's rectangles and lines on the
// layouts in chart.go.

const (
	plotLeft  = 9.0 // room for the y axis's labels
	plotWidth = pdfWidth - plotLeft
)

func (d *pdfDoc) draw(c rgb, width float64) {
	d.f.SetDrawColor(c.r, c.g, c.b)
	d.f.SetLineWidth(width)
}

func (d *pdfDoc) fill(c rgb) { d.f.SetFillColor(c.r, c.g, c.b) }

func (d *pdfDoc) caption(s string) {
	d.font("", 8)
	d.colour(mutedColour)
	d.text(s, 0, 4)
	d.colour(inkColour)
}

// barChart draws the entries naming each pattern as horizontal bars, with
// a mark for the count in the window before.
func (d *pdfDoc) barChart() {
	const label, barW, rowH = 64.0, 96.0, 6.0
	bars := d.r.Patterns.Bars(barW)
	if len(bars) == 0 {
		return
	}
	d.need(float64(len(bars))*rowH + 14)
	y0 := d.f.GetY() + 2
	for i, b := range bars {
		y := y0 + float64(i)*rowH
		d.font("", 8.5)
		d.colour(inkColour)
		d.f.SetXY(pdfMargin, y)
		d.f.CellFormat(label-2, rowH, visual(d.truncate(b.Name, label-3)), "", 0, "R", false, 0, "")
		d.fill(accentColour)
		d.f.Rect(pdfMargin+label, y+1, max(b.Len, 0.5), rowH-2, "F")
		if b.PrevAt >= 0 {
			d.draw(markColour, 0.7)
			d.f.Line(pdfMargin+label+b.PrevAt, y+0.2, pdfMargin+label+b.PrevAt, y+rowH-0.2)
		}
		d.f.SetXY(pdfMargin+label+b.Len+1.5, y)
		d.f.CellFormat(12, rowH, strconv.Itoa(b.Count), "", 0, "L", false, 0, "")
	}
	d.f.SetXY(pdfMargin, y0+float64(len(bars))*rowH+1.5)
	caption := "Entries naming each pattern"
	if d.r.Patterns.Compared {
		caption += "; the orange mark is the count in the days before"
	}
	d.caption(caption + ".")
}

// axis draws a chart's frame: grid lines with their labels, at the left
// of the plot, or (for bands) in a column at its right, w wide.
func (d *pdfDoc) axis(y0, w, h float64, marks []BandLine, bands bool) {
	d.font("", 7)
	for _, m := range marks {
		d.draw(ruleColour, 0.15)
		d.f.Line(pdfMargin+plotLeft, y0+m.Y, pdfMargin+plotLeft+w, y0+m.Y)
		d.colour(mutedColour)
		if bands {
			d.f.SetXY(pdfMargin+plotLeft+w+2, y0+m.Mid-1.5)
			d.f.CellFormat(pdfWidth-plotLeft-w-2, 3, m.Name, "", 0, "L", false, 0, "")
		} else {
			d.f.SetXY(pdfMargin, y0+m.Y-1.5)
			d.f.CellFormat(plotLeft-1.5, 3, m.Name, "", 0, "R", false, 0, "")
		}
	}
	d.draw(mutedColour, 0.25)
	d.f.Line(pdfMargin+plotLeft, y0, pdfMargin+plotLeft, y0+h)
}

// dates labels a chart's first and last day under it, or its one day.
func (d *pdfDoc) dates(y, w float64, first, last string) {
	d.font("", 7)
	d.colour(mutedColour)
	d.f.SetXY(pdfMargin+plotLeft, y)
	if first == last {
		d.f.CellFormat(w, 3.5, first, "", 0, "C", false, 0, "")
		return
	}
	d.f.CellFormat(w/2, 3.5, first, "", 0, "L", false, 0, "")
	d.f.CellFormat(w/2, 3.5, last, "", 0, "R", false, 0, "")
}

func (d *pdfDoc) polyline(ps []ChartPoint, x0, y0 float64) {
	for i := 1; i < len(ps); i++ {
		d.f.Line(x0+ps[i-1].X, y0+ps[i-1].Y, x0+ps[i].X, y0+ps[i].Y)
	}
}

// moodChart draws each day's mood as a dot and the week's rolling mean as
// a line.
func (d *pdfDoc) moodChart() {
	days := d.r.Mood
	if len(days) == 0 {
		return
	}
	const h = 34.0
	d.need(h + 16)
	d.f.Ln(2)
	y0 := d.f.GetY() + 2
	x0 := pdfMargin + plotLeft
	dots, lines := MoodChart(days, plotWidth, h)
	d.axis(y0, plotWidth, h, []BandLine{{Y: 0, Name: "10"}, {Y: h / 2, Name: "5.5"}, {Y: h, Name: "1"}}, false)
	d.draw(accentColour, 0.6)
	for _, l := range lines {
		d.polyline(l, x0, y0)
	}
	d.fill(dotColour)
	radius := min(1, max(0.35, plotWidth/float64(len(days))/2)) // smaller when days crowd
	for _, p := range dots {
		d.f.Circle(x0+p.X, y0+p.Y, radius, "F")
	}
	d.dates(y0+h+1, plotWidth, day(days[0].Day), day(days[len(days)-1].Day))
	d.f.SetXY(pdfMargin, y0+h+5)
	d.caption("Mood by day, 1 to 10: dots are each day's average, the line the average of the week up to it.")
}

// measureChart draws a questionnaire's scores over time, with its bands.
func (d *pdfDoc) measureChart(m MeasureTrend) {
	const h, w = 30.0, plotWidth - 30 // room at the right for the bands' names
	d.need(h + 10)
	y0 := d.f.GetY() + 3
	x0 := pdfMargin + plotLeft
	points, bands := m.Chart(w, h)
	d.axis(y0, w, h, bands, true)
	d.font("", 7)
	d.colour(mutedColour)
	for _, v := range []struct {
		y     float64
		label string
	}{{0, strconv.Itoa(m.Max)}, {h, "0"}} {
		d.f.SetXY(pdfMargin, y0+v.y-1.5)
		d.f.CellFormat(plotLeft-1.5, 3, v.label, "", 0, "R", false, 0, "")
	}
	d.draw(accentColour, 0.6)
	d.polyline(points, x0, y0)
	d.fill(accentColour)
	for _, p := range points {
		d.f.Circle(x0+p.X, y0+p.Y, 0.9, "F")
	}
	first, last := m.Span()
	d.dates(y0+h+1, w, day(first), day(last))
	d.f.SetXY(pdfMargin, y0+h+5)
}
