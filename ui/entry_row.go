package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// maxChips is how many pattern chips a row shows before "+N".
const maxChips = 3

// entryRow is one entry in the list: when, mood and flag, title, and the
// patterns named in it.
type entryRow struct {
	widget.BaseWidget
	date  *canvas.Text
	meta  *canvas.Text
	title *widget.Label
	chips []*chip
	more  *canvas.Text
	named int // patterns the entry names
}

func newEntryRow() *entryRow {
	r := &entryRow{
		date:  canvas.NewText("", nil),
		meta:  canvas.NewText("", nil),
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		more:  canvas.NewText("", nil),
	}
	r.restyle()
	r.title.Truncation = fyne.TextTruncateEllipsis
	for range maxChips {
		r.chips = append(r.chips, newChip())
	}
	r.ExtendBaseWidget(r)
	return r
}

// Refresh restyles the small texts before drawing them: Fyne leaves a
// canvas.Text's size and colour alone when the theme or text size changes.
func (r *entryRow) Refresh() {
	r.restyle()
	r.BaseWidget.Refresh()
}

func (r *entryRow) restyle() {
	caption := theme.CaptionTextSize()
	r.date.Color, r.date.TextSize = theme.Color(theme.ColorNamePlaceHolder), caption
	r.meta.Color, r.meta.TextSize = theme.Color(theme.ColorNamePrimary), caption
	r.more.Color, r.more.TextSize = theme.Color(theme.ColorNamePlaceHolder), caption
}

func (r *entryRow) CreateRenderer() fyne.WidgetRenderer {
	chips := container.New(chipsLayout{r})
	for _, c := range r.chips {
		chips.Add(c)
	}
	chips.Add(r.more)
	pad := theme.Padding()
	top := container.NewBorder(nil, nil, nil, r.meta, r.date)
	return widget.NewSimpleRenderer(container.New(&rowLayout{pad: pad}, top, r.title, chips))
}

// set shows e, its chips in the colours colourOf gives its patterns.
func (r *entryRow) set(e journal.Entry, colourOf func(pattern string) color.NRGBA) {
	r.date.Text = e.WrittenAt.Format("Mon 2 Jan 2006 · 15:04")
	meta := ""
	if e.Flagged {
		meta = "⚑ for session  "
	}
	if e.HasMood() {
		meta += fmt.Sprintf("mood %d/10", e.Mood)
	}
	r.meta.Text = meta
	r.title.SetText(e.DisplayTitle())
	r.named = len(e.Patterns)
	for i, c := range r.chips {
		if i < len(e.Patterns) {
			c.set(e.Patterns[i], colourOf(e.Patterns[i]))
		}
	}
	r.Refresh() // a row kept aside since the theme changed catches up here
}

// rowLayout stacks the row's lines tightly: labels carry their own
// padding, the small text lines don't need it.
type rowLayout struct{ pad float32 }

func (l *rowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), l.pad
	for _, o := range objects {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
	}
	return fyne.NewSize(w+2*l.pad, h)
}

func (l *rowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := l.pad / 2
	for i, o := range objects {
		h := o.MinSize().Height
		x, w := l.pad, size.Width-2*l.pad
		if i == 1 { // the title label pads itself
			x, w = 0, size.Width
			y -= l.pad
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
		y += h
		if i == 1 {
			y -= l.pad
		}
	}
}

// chipsLayout puts the chips in a line and "+N" after them for the
// patterns left out: past maxChips, and any chip that doesn't fit the
// row's width, as long names at a large text size may not.
type chipsLayout struct{ row *entryRow }

func (l chipsLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(0, max(l.row.chips[0].MinSize().Height, l.row.more.MinSize().Height))
}

func (l chipsLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	r, gap := l.row, theme.Padding()
	more := fyne.MeasureText("+99", r.more.TextSize, r.more.TextStyle).Width
	x, shown := float32(0), 0
	for i, c := range r.chips {
		m := c.MinSize()
		need := x + m.Width
		if r.named > i+1 {
			need += gap + more // room left for "+N"
		}
		if i >= r.named || shown < i || need > size.Width {
			if c.Visible() {
				c.Hide()
			}
			continue
		}
		c.Move(fyne.NewPos(x, (size.Height-m.Height)/2))
		c.Resize(m)
		if !c.Visible() {
			c.Show()
		}
		x += m.Width + gap
		shown++
	}
	r.more.Text = ""
	if left := r.named - shown; left > 0 {
		r.more.Text = fmt.Sprintf("+%d", left)
	}
	m := r.more.MinSize()
	r.more.Move(fyne.NewPos(x, (size.Height-m.Height)/2))
	r.more.Resize(m)
	r.more.Refresh()
}

// chip is a small rounded label for a pattern name, tinted with the
// pattern's colour. Its fill is opaque, so its text is chosen against one
// colour, whatever the row behind and whatever colour the person chose.
type chip struct {
	widget.BaseWidget
	colour color.NRGBA // the pattern's
	bg     *canvas.Rectangle
	text   *canvas.Text
}

func newChip() *chip {
	c := &chip{bg: canvas.NewRectangle(nil), text: canvas.NewText("", nil)}
	c.restyle()
	c.ExtendBaseWidget(c)
	return c
}

// Refresh restyles the chip for the theme and text size in effect.
func (c *chip) Refresh() {
	c.restyle()
	c.BaseWidget.Refresh()
}

func (c *chip) restyle() {
	fill := chipFill(c.colour)
	c.bg.FillColor, c.bg.CornerRadius = fill, theme.CaptionTextSize()
	c.text.TextSize = theme.CaptionTextSize()
	c.text.Color = legible(theme.Color(theme.ColorNameForeground), fill)
}

// chipFill is a pale (on a dark theme, deep) tint of a pattern's
// colour, made opaque on the background.
func chipFill(colour color.NRGBA) color.NRGBA {
	colour.A = 0x48
	return over(colour, theme.Color(theme.ColorNameBackground))
}

func (c *chip) set(name string, colour color.NRGBA) {
	c.text.Text, c.colour = name, colour
	c.Refresh()
}

func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.New(&chipPadding{}, c.text)))
}

// chipPadding gives the chip text a little room on each side.
type chipPadding struct{}

func (chipPadding) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := objects[0].MinSize()
	return fyne.NewSize(m.Width+2*theme.Padding()+2, m.Height+2)
}

func (chipPadding) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(theme.Padding()+1, 1))
	objects[0].Resize(objects[0].MinSize())
}
