package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// lastSessionColour marks the last session on a progress chart, apart from
// the line of ratings.
var lastSessionColour = color.NRGBA{0xf2, 0x9d, 0x38, 0xff}

// progressChart draws a goal's check-ins over time: dates along the
// bottom, ratings 0 to MaxRating up the side, a point for each check-in
// joined by lines, and a vertical mark on the day of the last session.
// The check-ins are also listed as text beside it, so nothing is known
// only from the picture.
type progressChart struct {
	widget.BaseWidget
	checkIns []journal.CheckIn // oldest first, as the store gives them
	session  time.Time         // the last session; zero for none
}

func newProgressChart(checkIns []journal.CheckIn, session time.Time) *progressChart {
	c := &progressChart{checkIns: checkIns, session: session}
	c.ExtendBaseWidget(c)
	return c
}

// progressGrid are the ratings with a grid line and a figure.
var progressGrid = []int{0, journal.MaxRating / 2, journal.MaxRating}

func (c *progressChart) CreateRenderer() fyne.WidgetRenderer {
	r := &progressChartRenderer{chart: c,
		xAxis: canvas.NewLine(color.Black),
		yAxis: canvas.NewLine(color.Black),
	}
	for _, rating := range progressGrid {
		r.grid = append(r.grid, canvas.NewLine(color.Black))
		r.yLabels = append(r.yLabels, canvas.NewText(fmt.Sprint(rating), color.Black))
	}
	for i := range c.checkIns {
		if i > 0 {
			r.segments = append(r.segments, canvas.NewLine(color.Black))
		}
		r.points = append(r.points, canvas.NewCircle(color.Black))
	}
	for _, d := range c.dateLabels() {
		r.xLabels = append(r.xLabels, canvas.NewText(d, color.Black))
	}
	if !c.session.IsZero() {
		r.marker = canvas.NewLine(lastSessionColour)
		r.markerLabel = canvas.NewText("last session, "+c.session.Format("2 Jan"), lastSessionColour)
	}
	r.Refresh()
	return r
}

// span is the time the chart covers: the check-ins and the session.
func (c *progressChart) span() (from, to time.Time) {
	var times []time.Time
	for _, ci := range c.checkIns {
		times = append(times, ci.At)
	}
	if !c.session.IsZero() {
		times = append(times, c.session)
	}
	if len(times) == 0 {
		return time.Time{}, time.Time{}
	}
	from, to = times[0], times[0]
	for _, t := range times[1:] {
		if t.Before(from) {
			from = t
		}
		if t.After(to) {
			to = t
		}
	}
	return from, to
}

// dateLabels are the first and last day covered, or the one day.
func (c *progressChart) dateLabels() []string {
	from, to := c.span()
	if from.IsZero() {
		return nil
	}
	layout := "2 Jan"
	if from.Year() != to.Year() {
		layout = "2 Jan 2006"
	}
	if sameCalendarDay(from, to) {
		return []string{from.Format("2 Jan 2006")}
	}
	return []string{from.Format(layout), to.Format(layout)}
}

func sameCalendarDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

type progressChartRenderer struct {
	chart                *progressChart
	xAxis, yAxis         *canvas.Line
	grid                 []*canvas.Line
	yLabels, xLabels     []*canvas.Text
	segments             []*canvas.Line
	points               []*canvas.Circle
	marker               *canvas.Line // nil without a session
	markerLabel          *canvas.Text
	plotLeft, plotBottom float32 // margins for the figures, set in Layout
}

const (
	progressPoint float32 = 10 // a check-in's diameter
	progressInset float32 = 12 // between the axis and the first and last points
)

func (r *progressChartRenderer) Objects() []fyne.CanvasObject {
	var objects []fyne.CanvasObject
	for i := range r.grid {
		objects = append(objects, r.grid[i], r.yLabels[i])
	}
	if r.marker != nil {
		objects = append(objects, r.marker, r.markerLabel)
	}
	objects = append(objects, r.xAxis, r.yAxis)
	for _, t := range r.xLabels {
		objects = append(objects, t)
	}
	for _, s := range r.segments {
		objects = append(objects, s)
	}
	for _, p := range r.points {
		objects = append(objects, p)
	}
	return objects
}

func (r *progressChartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(320, 200)
}

func (r *progressChartRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	figureWidth := fyne.MeasureText(fmt.Sprint(journal.MaxRating), theme.CaptionTextSize(), fyne.TextStyle{}).Width
	textHeight := fyne.MeasureText("0", theme.CaptionTextSize(), fyne.TextStyle{}).Height
	left := figureWidth + 2*pad
	top := textHeight + pad // room for the session's label
	bottom := size.Height - textHeight - pad
	right := size.Width - pad
	height := bottom - top

	yOf := func(rating int) float32 { return bottom - height*float32(rating)/journal.MaxRating }
	from, to := r.chart.span()
	xOf := func(t time.Time) float32 {
		if !to.After(from) {
			return (left + right) / 2
		}
		share := float32(t.Sub(from)) / float32(to.Sub(from))
		return left + progressInset + (right-left-2*progressInset)*share
	}

	r.yAxis.Position1, r.yAxis.Position2 = fyne.NewPos(left, top), fyne.NewPos(left, bottom)
	r.xAxis.Position1, r.xAxis.Position2 = fyne.NewPos(left, bottom), fyne.NewPos(right, bottom)
	for i, rating := range progressGrid {
		y := yOf(rating)
		r.grid[i].Position1, r.grid[i].Position2 = fyne.NewPos(left, y), fyne.NewPos(right, y)
		label := r.yLabels[i]
		m := label.MinSize()
		label.Move(fyne.NewPos(left-pad-m.Width, y-m.Height/2))
		label.Resize(m)
	}
	switch len(r.xLabels) {
	case 1:
		m := r.xLabels[0].MinSize()
		r.xLabels[0].Move(fyne.NewPos((left+right-m.Width)/2, bottom+pad/2))
		r.xLabels[0].Resize(m)
	case 2:
		first, last := r.xLabels[0], r.xLabels[1]
		m := first.MinSize()
		first.Move(fyne.NewPos(left, bottom+pad/2))
		first.Resize(m)
		m = last.MinSize()
		last.Move(fyne.NewPos(right-m.Width, bottom+pad/2))
		last.Resize(m)
	}
	if r.marker != nil {
		x := xOf(r.chart.session)
		r.marker.Position1, r.marker.Position2 = fyne.NewPos(x, top), fyne.NewPos(x, bottom)
		m := r.markerLabel.MinSize()
		lx := min(max(x-m.Width/2, left), right-m.Width)
		r.markerLabel.Move(fyne.NewPos(lx, 0))
		r.markerLabel.Resize(m)
	}
	var prev fyne.Position
	for i, ci := range r.chart.checkIns {
		at := fyne.NewPos(xOf(ci.At), yOf(ci.Rating))
		if i > 0 {
			r.segments[i-1].Position1, r.segments[i-1].Position2 = prev, at
		}
		r.points[i].Position1 = at.SubtractXY(progressPoint/2, progressPoint/2)
		r.points[i].Position2 = at.AddXY(progressPoint/2, progressPoint/2)
		prev = at
	}
}

// Refresh takes the colours from the theme again, so the chart follows
// a switch between light and dark.
func (r *progressChartRenderer) Refresh() {
	fg := theme.Color(theme.ColorNameForeground)
	faint := theme.Color(theme.ColorNameSeparator)
	line := theme.Color(theme.ColorNamePrimary)
	caption := theme.CaptionTextSize()
	for _, l := range []*canvas.Line{r.xAxis, r.yAxis} {
		l.StrokeColor, l.StrokeWidth = fg, 1
	}
	for _, l := range r.grid {
		l.StrokeColor, l.StrokeWidth = faint, 1
	}
	for _, t := range append(append([]*canvas.Text{}, r.yLabels...), r.xLabels...) {
		t.Color, t.TextSize = fg, caption
	}
	for _, s := range r.segments {
		s.StrokeColor, s.StrokeWidth = line, 2
	}
	for _, p := range r.points {
		p.FillColor = line
		p.StrokeColor, p.StrokeWidth = theme.Color(theme.ColorNameBackground), 1.5
	}
	if r.marker != nil {
		r.marker.StrokeWidth = 1.5
		// The marker's orange is too light to read as text on white.
		r.markerLabel.Color = legible(lastSessionColour, theme.Color(theme.ColorNameBackground))
		r.markerLabel.TextSize = caption
	}
	r.Layout(r.chart.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *progressChartRenderer) Destroy() {}

// changeSinceSession says how a goal's rating moved since the last
// session: the latest rating against the latest one at or before the
// session. checkIns are oldest first.
func changeSinceSession(checkIns []journal.CheckIn, last journal.Session, hasSession bool) string {
	if !hasSession {
		return "No session logged yet. Once you log one, you'll see here how this goal has moved since."
	}
	since := "your last session (" + last.At.Format("Mon 2 Jan") + ")"
	if len(checkIns) == 0 || !checkIns[len(checkIns)-1].At.After(last.At) {
		return "No check-in since " + since + ". Check in to see how this goal has moved since."
	}
	latest := checkIns[len(checkIns)-1].Rating
	before := -1
	for _, ci := range checkIns {
		if !ci.At.After(last.At) {
			before = ci.Rating
		}
	}
	switch {
	case before < 0:
		return fmt.Sprintf("Since %s: %d/%d. There's no check-in from before it to compare with.", since, latest, journal.MaxRating)
	case latest == before:
		return fmt.Sprintf("Change since your last session: none (still %d)", latest)
	}
	return fmt.Sprintf("Change since your last session: %+d (from %d to %d)", latest-before, before, latest)
}
