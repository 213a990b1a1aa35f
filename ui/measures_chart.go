package ui

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/throughline/throughline/journal"
)

// bandColour shades the severity bands, lightest for the lowest: a
// quiet blue-grey, not an alarm, readable on light and dark themes.
var bandColour = color.NRGBA{0x6a, 0x7f, 0xb5, 0xff}

const (
	bandAlphaLow  = 0x14
	bandAlphaHigh = 0x78
	scoreDotSize  = 9
)

// scoreChart draws a questionnaire's scores over time on its severity
// bands: a stripe per band, its edges labelled on the left and its name
// on the right, clear of the points; the scores as points joined by a line, each labelled
// where there is room; the first and last day below.
type scoreChart struct {
	in journal.Instrument
	ms []journal.Measurement

	stripes   []*canvas.Rectangle
	bandNames []*canvas.Text
	edges     []*canvas.Text // a band's lowest score, and the highest possible
	edgeAt    []int
	lines     []*canvas.Line
	dots      []*canvas.Circle
	scores    []*canvas.Text
	dates     []*canvas.Text // the first day, and the last when it differs
	empty     *canvas.Text
}

// newScoreChart charts ms, oldest first as the store gives them.
func newScoreChart(in journal.Instrument, ms []journal.Measurement) fyne.CanvasObject {
	c := &scoreChart{in: in, ms: ms}
	var objects []fyne.CanvasObject
	for i, b := range in.Bands {
		shade := bandColour
		shade.A = uint8(bandAlphaLow + (bandAlphaHigh-bandAlphaLow)*i/max(len(in.Bands)-1, 1))
		c.stripes = append(c.stripes, canvas.NewRectangle(shade))
		c.bandNames = append(c.bandNames, canvas.NewText(b.Name, nil))
		c.edgeAt = append(c.edgeAt, b.Min)
	}
	c.edgeAt = append(c.edgeAt, c.maxScore())
	for _, e := range c.edgeAt {
		t := canvas.NewText(strconv.Itoa(e), nil)
		t.Alignment = fyne.TextAlignTrailing
		c.edges = append(c.edges, t)
	}
	for i, m := range ms {
		if i > 0 {
			l := canvas.NewLine(nil)
			l.StrokeWidth = 2
			c.lines = append(c.lines, l)
		}
		dot := canvas.NewCircle(nil)
		dot.StrokeWidth = 1.5
		c.dots = append(c.dots, dot)
		s := canvas.NewText(strconv.Itoa(m.Score), nil)
		s.TextStyle.Bold = true
		c.scores = append(c.scores, s)
	}
	if len(ms) > 0 {
		first, last := ms[0].At, ms[len(ms)-1].At
		c.dates = append(c.dates, canvas.NewText(first.Format("2 Jan 2006"), nil))
		if last.Format("2 Jan 2006") != first.Format("2 Jan 2006") {
			c.dates = append(c.dates, canvas.NewText(last.Format("2 Jan 2006"), nil))
		}
	}
	c.empty = canvas.NewText("Your scores will show here.", nil)
	c.empty.Hidden = len(ms) > 0

	for _, s := range c.stripes {
		objects = append(objects, s)
	}
	for _, group := range [][]*canvas.Text{c.bandNames, c.edges, c.dates} {
		for _, t := range group {
			objects = append(objects, t)
		}
	}
	for _, l := range c.lines {
		objects = append(objects, l)
	}
	for _, d := range c.dots {
		objects = append(objects, d)
	}
	for _, s := range c.scores {
		objects = append(objects, s)
	}
	objects = append(objects, c.empty)
	return container.New(c, objects...)
}

// restyle sizes and colours the texts for the theme in effect. It runs
// with each layout, which Fyne does again when the theme or the text
// size changes: a canvas.Text doesn't follow them by itself. Texts on
// the stripes read on the stripe as drawn on the background.
func (c *scoreChart) restyle() {
	bg := theme.Color(theme.ColorNameBackground)
	fg, faint := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePlaceHolder)
	stripes := make([]color.Color, len(c.stripes))
	for i, s := range c.stripes {
		stripes[i] = over(s.FillColor, bg)
		c.bandNames[i].Color = legible(faint, stripes[i])
	}
	onStripes := legible(fg, stripes...)
	for _, t := range c.scores {
		t.Color = onStripes
	}
	c.empty.Color = onStripes
	for _, l := range c.lines {
		l.StrokeColor = fg
	}
	for _, d := range c.dots {
		d.FillColor, d.StrokeColor = fg, bg
	}
	for _, group := range [][]*canvas.Text{c.edges, c.dates} {
		for _, t := range group {
			t.Color = fg
		}
	}
	for _, group := range [][]*canvas.Text{c.bandNames, c.edges, c.dates, c.scores, {c.empty}} {
		for _, t := range group {
			t.TextSize = theme.CaptionTextSize()
		}
	}
}

// maxScore is the highest score the form can give.
func (c *scoreChart) maxScore() int { return c.in.Bands[len(c.in.Bands)-1].Max }

func (c *scoreChart) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(300, 200)
}

// Layout places everything for size. Scores are whole numbers, so each
// band's stripe reaches half a point past its lowest and highest scores,
// and a score on a band's edge sits inside its own band.
func (c *scoreChart) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	c.restyle()
	pad := theme.Padding()
	textH := c.edges[0].MinSize().Height
	edgeW := float32(0)
	for _, e := range c.edges {
		edgeW = max(edgeW, e.MinSize().Width)
	}
	left, right := edgeW+pad, size.Width
	top, bottom := textH/2, size.Height-textH-pad
	if len(c.dates) == 0 {
		bottom = size.Height - textH/2
	}
	span := float32(c.maxScore() + 1)
	y := func(score float32) float32 { return bottom - (score+0.5)/span*(bottom-top) }

	for i, b := range c.in.Bands {
		// Whole pixels, so neighbouring stripes neither gap nor overlap.
		y0, y1 := float32(math.Round(float64(y(float32(b.Max)+0.5)))), float32(math.Round(float64(y(float32(b.Min)-0.5))))
		c.stripes[i].Move(fyne.NewPos(left, y0))
		c.stripes[i].Resize(fyne.NewSize(right-left, y1-y0))
		name := c.bandNames[i]
		m := name.MinSize()
		name.Hidden = y1-y0 < m.Height
		name.Move(fyne.NewPos(right-m.Width-pad, (y0+y1-m.Height)/2))
		name.Resize(m)
	}
	for i, e := range c.edges {
		e.Move(fyne.NewPos(0, y(float32(c.edgeAt[i]))-textH/2))
		e.Resize(fyne.NewSize(edgeW, textH))
	}

	// The points, spread by date between the edge labels and the band
	// names, inset so the first and last show whole.
	namesW := float32(0)
	for _, n := range c.bandNames {
		namesW = max(namesW, n.MinSize().Width)
	}
	inset := float32(scoreDotSize) + pad
	x0, x1 := left+inset, right-namesW-2*pad-inset
	first, last := float32(0), float32(0)
	if len(c.ms) > 0 {
		first, last = float32(c.ms[0].At.Unix()), float32(c.ms[len(c.ms)-1].At.Unix())
	}
	x := func(i int) float32 {
		if last == first {
			return (x0 + x1) / 2
		}
		return x0 + (float32(c.ms[i].At.Unix())-first)/(last-first)*(x1-x0)
	}
	labelRight := float32(-1 << 20) // where the last score label shown ends
	for i, m := range c.ms {
		px, py := x(i), y(float32(m.Score))
		if i > 0 {
			c.lines[i-1].Position1 = fyne.NewPos(x(i-1), y(float32(c.ms[i-1].Score)))
			c.lines[i-1].Position2 = fyne.NewPos(px, py)
		}
		c.dots[i].Move(fyne.NewPos(px-scoreDotSize/2, py-scoreDotSize/2))
		c.dots[i].Resize(fyne.NewSquareSize(scoreDotSize))

		s := c.scores[i]
		sm := s.MinSize()
		ly := py - scoreDotSize/2 - sm.Height
		if ly < 0 {
			ly = py + scoreDotSize/2
		}
		s.Move(fyne.NewPos(px-sm.Width/2, ly))
		s.Resize(sm)
		s.Hidden = px-sm.Width/2 < labelRight+pad
		if !s.Hidden {
			labelRight = px + sm.Width/2
		}
	}

	// The first day under the first point, the last under the last, kept
	// inside the chart.
	for i, d := range c.dates {
		m := d.MinSize()
		at := x(0)
		if i == 1 {
			at = x(len(c.ms) - 1)
		}
		dx := min(max(at-m.Width/2, left), right-m.Width)
		d.Move(fyne.NewPos(dx, size.Height-m.Height))
		d.Resize(m)
	}
	if len(c.dates) == 2 && c.dates[0].Position().X+c.dates[0].Size().Width+pad > c.dates[1].Position().X {
		c.dates[1].Hidden = true
	}

	em := c.empty.MinSize()
	c.empty.Move(fyne.NewPos((left+right-em.Width)/2, (top+bottom-em.Height)/2))
	c.empty.Resize(em)
}
