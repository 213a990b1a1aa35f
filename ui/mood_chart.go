package ui

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	analysis "github.com/throughline/throughline/patterns"
)

var (
	moodDotColour     = color.NRGBA{0x4c, 0x8b, 0xf5, 0xb0}
	moodLineColour    = color.NRGBA{0xf2, 0x9d, 0x38, 0xff}
	sessionMarkColour = color.NRGBA{0x26, 0xa6, 0x9a, 0xc0}
)

// moodChart draws daily mean mood as dots, the 7-day rolling mean as a
// line, and each therapy session as a vertical mark, on one time axis.
type moodChart struct {
	widget.BaseWidget
	days     []analysis.DayMood
	sessions []time.Time
}

func newMoodChart(days []analysis.DayMood, sessions []time.Time) *moodChart {
	c := &moodChart{days: days, sessions: sessions}
	c.ExtendBaseWidget(c)
	return c
}

func (c *moodChart) CreateRenderer() fyne.WidgetRenderer {
	r := &moodChartRenderer{chart: c}
	for _, mood := range []int{1, 5, 10} {
		line := canvas.NewLine(nil)
		label := canvas.NewText(strconv.Itoa(mood), nil)
		r.grid = append(r.grid, line)
		r.gridLabels = append(r.gridLabels, label)
	}
	for range c.sessions {
		r.marks = append(r.marks, canvas.NewLine(sessionMarkColour))
	}
	for _, d := range c.days {
		if d.Rated > 0 {
			dot := canvas.NewCircle(moodDotColour)
			r.dots = append(r.dots, dot)
		}
	}
	for i := 1; i < len(c.days); i++ {
		r.rolling = append(r.rolling, canvas.NewLine(moodLineColour))
	}
	r.first, r.last = canvas.NewText("", nil), canvas.NewText("", nil)
	r.restyle()
	if len(c.days) > 0 {
		r.first.Text = c.days[0].Day.Format("2 Jan 2006")
		r.last.Text = c.days[len(c.days)-1].Day.Format("2 Jan 2006")
	}
	return r
}

type moodChartRenderer struct {
	chart      *moodChart
	grid       []*canvas.Line
	gridLabels []*canvas.Text
	marks      []*canvas.Line
	dots       []*canvas.Circle
	rolling    []*canvas.Line
	first      *canvas.Text
	last       *canvas.Text
}

const moodChartLeft, moodChartBottom = 24, 18

func (r *moodChartRenderer) Layout(size fyne.Size) {
	c := r.chart
	bottom := max(moodChartBottom, r.first.MinSize().Height+2) // room for the dates, at any text size
	w, h := size.Width-moodChartLeft-4, size.Height-bottom-4
	y := func(mood float64) float32 { return 4 + h - h*float32(mood-1)/9 }
	var start, end time.Time
	if len(c.days) > 0 {
		start, end = c.days[0].Day, c.days[len(c.days)-1].Day.AddDate(0, 0, 1)
	}
	span := end.Sub(start).Seconds()
	x := func(t time.Time) float32 {
		if span <= 0 {
			return moodChartLeft
		}
		return moodChartLeft + w*float32(t.Sub(start).Seconds()/span)
	}
	for i, mood := range []float64{1, 5, 10} {
		r.grid[i].Position1 = fyne.NewPos(moodChartLeft, y(mood))
		r.grid[i].Position2 = fyne.NewPos(moodChartLeft+w, y(mood))
		r.gridLabels[i].Move(fyne.NewPos(2, y(mood)-r.gridLabels[i].MinSize().Height/2))
	}
	for i, at := range c.sessions {
		r.marks[i].Position1, r.marks[i].Position2 = fyne.NewPos(x(at), 4), fyne.NewPos(x(at), 4+h)
		r.marks[i].Hidden = at.Before(start) || !at.Before(end)
	}
	dot := 0
	noon := 12 * time.Hour
	for _, d := range c.days {
		if d.Rated > 0 {
			r.dots[dot].Move(fyne.NewPos(x(d.Day.Add(noon))-3, y(d.Mean)-3))
			r.dots[dot].Resize(fyne.NewSize(6, 6))
			dot++
		}
	}
	for i := 1; i < len(c.days); i++ {
		a, b := c.days[i-1], c.days[i]
		line := r.rolling[i-1]
		line.StrokeWidth = 2
		line.Hidden = a.Rolling == 0 || b.Rolling == 0
		line.Position1 = fyne.NewPos(x(a.Day.Add(noon)), y(a.Rolling))
		line.Position2 = fyne.NewPos(x(b.Day.Add(noon)), y(b.Rolling))
	}
	r.first.Move(fyne.NewPos(moodChartLeft, size.Height-bottom))
	r.last.Move(fyne.NewPos(moodChartLeft+w-r.last.MinSize().Width, size.Height-bottom))
}

func (r *moodChartRenderer) MinSize() fyne.Size { return fyne.NewSize(300, 180) }

// Refresh follows the theme and text size in effect.
func (r *moodChartRenderer) Refresh() {
	r.restyle()
	r.Layout(r.chart.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *moodChartRenderer) restyle() {
	for _, l := range r.grid {
		l.StrokeColor = theme.Color(theme.ColorNameSeparator)
	}
	for _, t := range append(append([]*canvas.Text{}, r.gridLabels...), r.first, r.last) {
		t.Color, t.TextSize = theme.Color(theme.ColorNamePlaceHolder), theme.CaptionTextSize()
	}
}

func (r *moodChartRenderer) Objects() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, l := range r.grid {
		out = append(out, l)
	}
	for _, t := range r.gridLabels {
		out = append(out, t)
	}
	for _, l := range r.marks {
		out = append(out, l)
	}
	for _, l := range r.rolling {
		out = append(out, l)
	}
	for _, d := range r.dots {
		out = append(out, d)
	}
	return append(out, r.first, r.last)
}

func (r *moodChartRenderer) Destroy() {}
