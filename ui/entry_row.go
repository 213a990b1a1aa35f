package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// maxChips is how many chips (emotions, then patterns) a row shows
// before "+N".
const maxChips = 4

// excerptRunes is as much of the text as a row could show on a wide list.
const excerptRunes = 160

// entryRow is one entry in the list: when and what kind, mood and flag;
// the title; the first emotions and patterns named, then the first line
// of the text, on one line, so a row without chips wastes none.
type entryRow struct {
	widget.BaseWidget
	date    *canvas.Text
	meta    *canvas.Text
	title   *widget.Label
	excerpt *canvas.Text
	chips   []*chip
	more    *canvas.Text
	named   int      // emotions and patterns the entry names
	dates   []string // the date line, longest first, for narrower rows
	text    string   // the excerpt in full, cut to the width left
}

func newEntryRow() *entryRow {
	r := &entryRow{
		date:    canvas.NewText("", nil),
		meta:    canvas.NewText("", nil),
		title:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		excerpt: canvas.NewText("", nil),
		more:    canvas.NewText("", nil),
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
	r.excerpt.Color, r.excerpt.TextSize = theme.Color(theme.ColorNameForeground), caption
}

func (r *entryRow) CreateRenderer() fyne.WidgetRenderer {
	line := container.New(chipsLayout{r})
	for _, c := range r.chips {
		line.Add(c)
	}
	line.Add(r.more)
	line.Add(r.excerpt)
	top := container.New(topLayout{r}, r.date, r.meta)
	return widget.NewSimpleRenderer(container.New(&rowLayout{pad: theme.Padding()}, top, r.title, line))
}

// set shows e, its pattern chips in the colours colourOf gives.
func (r *entryRow) set(e journal.Entry, colourOf func(pattern string) color.NRGBA) {
	kind := e.Kind.Label()
	r.dates = []string{
		e.WrittenAt.Format("Mon 2 Jan 2006 · 15:04") + " · " + kind,
		e.WrittenAt.Format("2 Jan 2006 15:04") + " · " + kind,
		e.WrittenAt.Format("2 Jan 06") + " · " + kind,
	}
	meta := ""
	if e.Conflicted { // changed on two computers at once: the editor says more
		meta = "⚠ two texts  "
	}
	if e.Flagged {
		meta += "⚑ "
	}
	if e.HasMood() {
		meta += fmt.Sprintf("mood %d/10", e.Mood)
	}
	r.meta.Text = strings.TrimSpace(meta)
	r.title.SetText(e.DisplayTitle())
	r.text = rowExcerpt(e)
	named := slices.Concat(e.Emotions, e.Patterns)
	r.named = len(named)
	for i, c := range r.chips {
		switch {
		case i < len(e.Emotions):
			c.set(named[i], emotionChipColour)
		case i < len(named):
			c.set(named[i], colourOf(named[i]))
		}
	}
	r.Refresh() // a row kept aside since the theme changed catches up here
}

// emotionChipColour tints the emotions' chips apart from the patterns'.
var emotionChipColour = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}

// rowExcerpt is the first line of the text that the title doesn't
// already show: an untitled entry's title is its first line.
func rowExcerpt(e journal.Entry) string {
	body := e.Body
	if strings.TrimSpace(e.Title) == "" {
		for line := range strings.Lines(body) {
			body = body[len(line):]
			if strings.TrimSpace(line) != "" {
				break
			}
		}
	}
	if strings.TrimSpace(body) == "" {
		return "" // not Excerpt's "Untitled": the title says it already
	}
	return journal.Excerpt(body, excerptRunes)
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

// topLayout puts the date and kind at the start of the line and the
// flag and mood at its end; when both don't fit, the date is written
// shorter, so the two never overlap.
type topLayout struct{ row *entryRow }

func (l topLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(0, max(l.row.date.MinSize().Height, l.row.meta.MinSize().Height))
}

func (l topLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	r := l.row
	meta := r.meta.MinSize()
	room := size.Width - meta.Width - theme.Padding()
	for i, d := range r.dates {
		r.date.Text = d
		if r.date.MinSize().Width <= room {
			break
		}
		if i == len(r.dates)-1 {
			r.date.Text = fitText(d, room, r.date.TextSize)
		}
	}
	r.date.Move(fyne.NewPos(0, 0))
	r.date.Resize(r.date.MinSize())
	r.meta.Move(fyne.NewPos(size.Width-meta.Width, 0))
	r.meta.Resize(meta)
	r.date.Refresh()
}

// chipsLayout puts the chips in a line, "+N" after them for the names
// left out (past maxChips, and any chip that doesn't fit in half the
// row's width, as long names at a large text size may not), then as much
// of the excerpt as fits in what is left.
type chipsLayout struct{ row *entryRow }

func (l chipsLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(0, max(l.row.chips[0].MinSize().Height, l.row.more.MinSize().Height, l.row.excerpt.MinSize().Height))
}

func (l chipsLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	r, gap := l.row, theme.Padding()
	more := fyne.MeasureText("+99", r.more.TextSize, r.more.TextStyle).Width
	x, shown := float32(0), 0
	room := size.Width
	if r.text != "" {
		room /= 2 // the excerpt keeps half the line
	}
	for i, c := range r.chips {
		m := c.MinSize()
		need := x + m.Width
		if r.named > i+1 {
			need += gap + more // room left for "+N"
		}
		if i >= r.named || shown < i || need > room {
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
	if r.more.Text != "" {
		x += m.Width + gap
	}
	r.excerpt.Text = fitText(r.text, size.Width-x, r.excerpt.TextSize)
	e := r.excerpt.MinSize()
	r.excerpt.Move(fyne.NewPos(x, (size.Height-e.Height)/2))
	r.excerpt.Resize(fyne.NewSize(max(size.Width-x, 0), e.Height))
	r.excerpt.Refresh()
}

// fitText is as much of s as fits in width, ending "…" when cut.
func fitText(s string, width, size float32) string {
	style := fyne.TextStyle{}
	if s == "" || fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // the most runes that fit, found by halving
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimSpace(string(runes[:lo])) + "…"
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
