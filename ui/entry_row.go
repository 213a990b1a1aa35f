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
}

func newEntryRow() *entryRow {
	r := &entryRow{
		date:  canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
		meta:  canvas.NewText("", theme.Color(theme.ColorNamePrimary)),
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		more:  canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
	}
	r.date.TextSize = theme.CaptionTextSize()
	r.meta.TextSize = theme.CaptionTextSize()
	r.more.TextSize = theme.CaptionTextSize()
	r.title.Truncation = fyne.TextTruncateEllipsis
	for range maxChips {
		r.chips = append(r.chips, newChip())
	}
	r.ExtendBaseWidget(r)
	return r
}

func (r *entryRow) CreateRenderer() fyne.WidgetRenderer {
	chips := container.NewHBox()
	for _, c := range r.chips {
		chips.Add(c)
	}
	chips.Add(r.more)
	pad := theme.Padding()
	top := container.NewBorder(nil, nil, nil, r.meta, r.date)
	return widget.NewSimpleRenderer(container.New(&rowLayout{pad: pad}, top, r.title, chips))
}

func (r *entryRow) set(e journal.Entry) {
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
	for i, c := range r.chips {
		if i < len(e.Patterns) {
			c.set(e.Patterns[i])
			c.Show()
		} else {
			c.Hide()
		}
	}
	r.more.Text = ""
	if extra := len(e.Patterns) - maxChips; extra > 0 {
		r.more.Text = fmt.Sprintf("+%d", extra)
	}
	r.date.Refresh()
	r.meta.Refresh()
	r.more.Refresh()
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

// chip is a small rounded label for a pattern name.
type chip struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newChip() *chip {
	c := &chip{
		bg:   canvas.NewRectangle(chipColour()),
		text: canvas.NewText("", theme.Color(theme.ColorNameForeground)),
	}
	c.bg.CornerRadius = theme.CaptionTextSize()
	c.text.TextSize = theme.CaptionTextSize()
	c.ExtendBaseWidget(c)
	return c
}

func chipColour() color.Color {
	r, g, b, _ := theme.Color(theme.ColorNamePrimary).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40}
}

func (c *chip) set(name string) {
	c.text.Text = name
	c.text.Refresh()
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
