package ui

import (
	"image/color"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	analysis "github.com/throughline/throughline/patterns"
)

// dayCell is one day of the month grid: its number, how many entries,
// and their mean mood in words and as colour. Tapping it, or Space or
// Return while it has the focus, lists its entries; arrow keys move.
type dayCell struct {
	widget.DisableableWidget // disabled outside the month, so Tab skips it
	date                     analysis.Date
	today, future            bool
	mark                     dayMark
	fill                     color.Color // the mood's band, grey unrated, clear outside the month and to come
	bg, frame, focus         *canvas.Rectangle
	number, count, mood      *canvas.Text
	session                  *canvas.Text // the session mark in words
	onTap                    func(analysis.Date)
	onMove                   func(from *dayCell, by int)
}

func newDayCell(onTap func(analysis.Date), onMove func(*dayCell, int)) *dayCell {
	c := &dayCell{onTap: onTap, onMove: onMove, fill: color.Transparent,
		bg: canvas.NewRectangle(color.Transparent), frame: canvas.NewRectangle(color.Transparent),
		focus:  canvas.NewRectangle(color.Transparent),
		number: canvas.NewText("", nil), count: canvas.NewText("", nil), mood: canvas.NewText("", nil),
		session: canvas.NewText("", nil),
	}
	c.bg.CornerRadius, c.frame.CornerRadius, c.focus.CornerRadius = 4, 4, 4
	c.restyle()
	c.ExtendBaseWidget(c)
	return c
}

func (c *dayCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.frame, c.focus,
		container.NewPadded(container.NewVBox(c.number, c.session, c.count, c.mood))))
}

// set shows date d; a day outside the month shown is left blank. A day
// after today has no fill, only an outline, and a session mark.
func (c *dayCell) set(d analysis.Date, inMonth bool, day analysis.DayStats, mark dayMark, today analysis.Date, selected bool) {
	c.date, c.today, c.future, c.mark = d, d == today, today.Before(d), noMark
	c.number.Text, c.count.Text, c.mood.Text, c.session.Text = "", "", "", ""
	c.fill, c.frame.StrokeWidth, c.bg.StrokeWidth = unratedColour, 0, 0
	if c.future {
		c.fill, c.bg.StrokeWidth = color.Transparent, 1
	}
	if !inMonth {
		c.bg.StrokeWidth = 0
		c.fill = color.Transparent
		c.Disable()
		c.Refresh()
		return
	}
	c.Enable()
	c.number.Text = strconv.Itoa(d.Day)
	c.mark, c.session.Text = mark, mark.label()
	if day.Entries > 0 {
		c.count.Text = plural(day.Entries, "entry", "entries")
	}
	if day.CheckIns > 0 {
		c.count.Text = strings.TrimPrefix(c.count.Text+", "+plural(day.CheckIns, "check-in", "check-ins"), ", ")
	}
	if mood := moodColour(day); mood != nil {
		c.fill = mood
		c.mood.Text = "mood " + strconv.FormatFloat(math.Round(day.Mean*10)/10, 'f', -1, 64)
	}
	if selected {
		c.frame.StrokeWidth = 2
	}
	c.Refresh()
}

// Refresh restyles the cell for the theme and text size in effect.
func (c *dayCell) Refresh() {
	c.restyle()
	c.DisableableWidget.Refresh()
}

// restyle sizes the texts as the person chose and colours them to read
// on the day's fill as the eye sees it, over the theme's background.
// Today stands out by weight, and by the primary colour where that
// reads on its fill; the chosen day by a frame.
func (c *dayCell) restyle() {
	c.bg.FillColor, c.bg.StrokeColor = c.fill, futureDayColour
	c.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
	c.focus.StrokeColor = theme.Color(theme.ColorNameFocus)
	surface := over(c.fill, theme.Color(theme.ColorNameBackground))
	text := legible(theme.Color(theme.ColorNameForeground), surface)
	c.number.Color, c.count.Color, c.mood.Color = text, text, text
	c.session.Color = legible(markColour(c.mark), surface)
	c.session.TextStyle.Bold = true
	if c.future {
		c.number.Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	c.number.TextStyle.Bold = c.today
	if c.today {
		c.number.Color = legible(theme.Color(theme.ColorNamePrimary), surface)
	}
	c.number.TextSize = theme.TextSize()
	c.count.TextSize, c.mood.TextSize, c.session.TextSize = theme.CaptionTextSize(), theme.CaptionTextSize(), theme.CaptionTextSize()
}

func (c *dayCell) Tapped(*fyne.PointEvent) {
	if !c.Disabled() {
		c.onTap(c.date)
	}
}

func (c *dayCell) FocusGained()   { c.focus.StrokeWidth = 2; c.focus.Refresh() }
func (c *dayCell) FocusLost()     { c.focus.StrokeWidth = 0; c.focus.Refresh() }
func (c *dayCell) TypedRune(rune) {}

func (c *dayCell) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		c.Tapped(nil)
	case fyne.KeyLeft:
		c.onMove(c, -1)
	case fyne.KeyRight:
		c.onMove(c, 1)
	case fyne.KeyUp:
		c.onMove(c, -7)
	case fyne.KeyDown:
		c.onMove(c, 7)
	}
}

// yearPixels is a year of mood, a square a day: a row per month, a
// column per day of the month. Tapping a square, or Return on the one
// the arrow keys reached, shows that day in its month. One widget, not
// 366, so that Tab passes the year in one step.
type yearPixels struct {
	widget.BaseWidget
	year    int
	squares [12][31]*canvas.Rectangle
	dots    [12][31]*canvas.Circle // session marks: filled for one had, a ring for the next
	months  [12]*canvas.Text
	numbers [31]*canvas.Text
	cursor  *canvas.Rectangle
	at      analysis.Date // the square the arrow keys are on
	onPick  func(analysis.Date)
}

const yearLeft, yearTop, yearGap = 40, 18, 2

func newYearPixels(onPick func(analysis.Date)) *yearPixels {
	p := &yearPixels{onPick: onPick, cursor: canvas.NewRectangle(color.Transparent)}
	p.cursor.StrokeWidth, p.cursor.Hidden = 2, true
	for m := range p.squares {
		p.months[m] = canvas.NewText(time.Month(m + 1).String()[:3], nil)
		for d := range p.squares[m] {
			p.squares[m][d] = canvas.NewRectangle(color.Transparent)
			p.squares[m][d].CornerRadius = 2
			p.dots[m][d] = canvas.NewCircle(color.Transparent)
			p.dots[m][d].Hidden = true
		}
	}
	for d := range p.numbers {
		p.numbers[d] = canvas.NewText(strconv.Itoa(d+1), nil)
		p.numbers[d].Alignment = fyne.TextAlignCenter
	}
	p.ExtendBaseWidget(p)
	return p
}

// set colours the year's squares: a band for a rated day, grey for a day
// written but not rated, faint for a day without entries, an outline for
// a day still to come, nothing for dates that don't exist; and marks the
// sessions.
func (p *yearPixels) set(year int, days map[analysis.Date]analysis.DayStats, marks map[analysis.Date]dayMark, today analysis.Date) {
	p.year = year
	if p.at.Year != year {
		p.at = analysis.Date{Year: year, Month: time.January, Day: 1}
	}
	for m := range p.squares {
		for d, sq := range p.squares[m] {
			date := analysis.Date{Year: year, Month: time.Month(m + 1), Day: d + 1}
			sq.StrokeWidth = 0
			dot := p.dots[m][d]
			dot.Hidden, dot.StrokeWidth = !date.Exists() || marks[date] == noMark, 0
			dot.FillColor = markColour(marks[date])
			if marks[date] == nextSessionMark {
				dot.FillColor, dot.StrokeColor, dot.StrokeWidth = color.Transparent, markColour(nextSessionMark), 2
			}
			switch stats, written := days[date]; {
			case !date.Exists():
				sq.FillColor = color.Transparent
			case today.Before(date):
				sq.FillColor, sq.StrokeColor, sq.StrokeWidth = color.Transparent, futureDayColour, 1
			case !written:
				sq.FillColor = emptyDayColour
			case stats.Rated == 0:
				sq.FillColor = unratedColour
			default:
				sq.FillColor = moodColour(stats)
			}
		}
	}
	p.Refresh()
}

// side is the width of a square's place, gap included.
func (p *yearPixels) side() float32 {
	size := p.Size()
	return max(6, min((size.Width-yearLeft)/31, (size.Height-yearTop)/12, 28))
}

// centre is where the square for d is, for tapping it.
func (p *yearPixels) centre(d analysis.Date) fyne.Position {
	s := p.side()
	return fyne.NewPos(yearLeft+s*float32(d.Day-1)+s/2, yearTop+s*float32(d.Month-1)+s/2)
}

func (p *yearPixels) Tapped(ev *fyne.PointEvent) {
	s := p.side()
	x, y := ev.Position.X-yearLeft, ev.Position.Y-yearTop
	if x < 0 || y < 0 || x >= 31*s || y >= 12*s {
		return
	}
	d := analysis.Date{Year: p.year, Month: time.Month(int(y/s) + 1), Day: int(x/s) + 1}
	if d.Exists() {
		p.at = d
		p.onPick(d)
	}
}

func (p *yearPixels) FocusGained()   { p.cursor.Hidden = false; p.Refresh() }
func (p *yearPixels) FocusLost()     { p.cursor.Hidden = true; p.Refresh() }
func (p *yearPixels) TypedRune(rune) {}

// TypedKey moves along the days with Left and Right, and between months
// with Up and Down, staying in the year shown.
func (p *yearPixels) TypedKey(ev *fyne.KeyEvent) {
	to := p.at
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		p.onPick(p.at)
		return
	case fyne.KeyLeft:
		to = to.AddDays(-1)
	case fyne.KeyRight:
		to = to.AddDays(1)
	case fyne.KeyUp, fyne.KeyDown:
		month := to.Month - 1
		if ev.Name == fyne.KeyDown {
			month = to.Month + 1
		}
		if month < time.January || month > time.December {
			return
		}
		to = analysis.Date{Year: to.Year, Month: month, Day: min(to.Day, analysis.DaysIn(to.Year, month))}
	}
	if to.Year == p.year {
		p.at = to
		p.Refresh()
	}
}

func (p *yearPixels) CreateRenderer() fyne.WidgetRenderer {
	r := &yearRenderer{p: p}
	r.restyle()
	for m := range p.squares {
		r.objects = append(r.objects, p.months[m])
		for _, sq := range p.squares[m] {
			r.objects = append(r.objects, sq)
		}
		for _, dot := range p.dots[m] {
			r.objects = append(r.objects, dot)
		}
	}
	for _, n := range p.numbers {
		r.objects = append(r.objects, n)
	}
	r.objects = append(r.objects, p.cursor)
	return r
}

type yearRenderer struct {
	p       *yearPixels
	objects []fyne.CanvasObject
}

func (r *yearRenderer) Layout(fyne.Size) {
	p, s := r.p, r.p.side()
	for m := range p.squares {
		h := p.months[m].MinSize().Height
		p.months[m].Move(fyne.NewPos(0, yearTop+s*float32(m)+(s-h)/2))
		for d, sq := range p.squares[m] {
			sq.Move(fyne.NewPos(yearLeft+s*float32(d)+yearGap/2, yearTop+s*float32(m)+yearGap/2))
			sq.Resize(fyne.NewSize(s-yearGap, s-yearGap))
			dot := p.dots[m][d]
			dot.Move(fyne.NewPos(yearLeft+s*float32(d)+s/4, yearTop+s*float32(m)+s/4))
			dot.Resize(fyne.NewSize(s/2, s/2))
		}
	}
	for d, n := range p.numbers {
		// Narrow squares keep every fifth number, so they don't overlap.
		n.Hidden = s < 18 && d > 0 && (d+1)%5 != 0
		n.Move(fyne.NewPos(yearLeft+s*float32(d), 0))
		n.Resize(fyne.NewSize(s, yearTop))
	}
	p.cursor.Move(p.centre(p.at).SubtractXY(s/2, s/2))
	p.cursor.Resize(fyne.NewSize(s, s))
}

func (r *yearRenderer) MinSize() fyne.Size { return fyne.NewSize(yearLeft+31*12, yearTop+12*12) }

func (r *yearRenderer) Refresh() {
	r.restyle()
	r.Layout(r.p.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// restyle follows the theme and text size in effect.
func (r *yearRenderer) restyle() {
	dim, small := theme.Color(theme.ColorNamePlaceHolder), theme.CaptionTextSize()
	r.p.cursor.StrokeColor = theme.Color(theme.ColorNameFocus)
	for _, m := range r.p.months {
		m.Color, m.TextSize = dim, small
	}
	for _, n := range r.p.numbers {
		n.Color, n.TextSize = dim, small-2
	}
}

func (r *yearRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *yearRenderer) Destroy()                     {}
