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
	analysis "github.com/throughline/throughline/patterns"
)

// categoryColours tell the categories apart on charts; chosen to stay
// readable on light and dark themes alike.
var categoryColours = map[string]color.NRGBA{
	journal.CategoryRelationship: {0x4c, 0x8b, 0xf5, 0xff},
	journal.CategoryEmotional:    {0xb0, 0x5c, 0xe0, 0xff},
	journal.CategoryDefense:      {0x26, 0xa6, 0x9a, 0xff},
	journal.CategoryOwn:          {0xf2, 0x9d, 0x38, 0xff},
	journal.CategoryImported:     {0x9e, 0x9e, 0x9e, 0xff},
	emotionsCategory:             {0xe0, 0x60, 0x7e, 0xff},
}

// colourOf is a pattern's own colour, or its category's.
func colourOf(p journal.Pattern) color.NRGBA {
	if len(p.Colour) == 7 {
		var c color.NRGBA
		if _, err := fmt.Sscanf(p.Colour, "#%02x%02x%02x", &c.R, &c.G, &c.B); err == nil {
			c.A = 0xff
			return c
		}
	}
	if c, ok := categoryColours[p.Category]; ok {
		return c
	}
	return categoryColours[journal.CategoryOwn]
}

// legend names the category colours, so a bar's colour can be read.
func legend() fyne.CanvasObject {
	row := container.NewHBox()
	for _, c := range journal.Categories {
		swatch := canvas.NewRectangle(categoryColours[c])
		swatch.CornerRadius = 3
		swatch.SetMinSize(fyne.NewSize(14, 14))
		row.Add(container.NewCenter(swatch))
		row.Add(widget.NewLabel(journal.CategoryTitle(c)))
	}
	return row
}

// trendText is a bar's count and how it moved against the window before.
func trendText(t analysis.Trend, compared bool) string {
	text := fmt.Sprint(t.Count)
	if !compared {
		return text
	}
	switch t.Direction {
	case analysis.Up:
		return fmt.Sprintf("%s  ▲ +%d", text, t.Delta)
	case analysis.Down:
		return fmt.Sprintf("%s  ▼ %d", text, t.Delta)
	default:
		return text + "  ● same"
	}
}

// barRow is one pattern in the bar chart: its name, a bar as long as its
// count, and the count with its trend. Tapping it (or Space or Return
// when it has the focus) lists the entries that name the pattern.
type barRow struct {
	widget.BaseWidget
	name     string
	label    *widget.Label
	bar      *canvas.Rectangle
	figure   *canvas.Text
	focus    *canvas.Rectangle
	share    float32 // bar length, 0 to 1 of the longest
	onSelect func(name string)
}

func newBarRow(name string, colour color.Color, share float32, figure string, onSelect func(string)) *barRow {
	r := &barRow{name: name, share: share, onSelect: onSelect,
		label:  widget.NewLabel(name),
		bar:    canvas.NewRectangle(colour),
		figure: canvas.NewText(figure, nil),
		focus:  canvas.NewRectangle(color.Transparent),
	}
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.bar.CornerRadius = 3
	r.restyle()
	r.ExtendBaseWidget(r)
	return r
}

// Refresh follows the theme and text size in effect, which Fyne doesn't
// do for a canvas.Text by itself.
func (r *barRow) Refresh() {
	r.restyle()
	r.BaseWidget.Refresh()
}

func (r *barRow) restyle() {
	r.figure.Color, r.figure.TextSize = theme.Color(theme.ColorNameForeground), theme.TextSize()
	r.focus.StrokeColor = theme.Color(theme.ColorNameFocus)
}

func (r *barRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(&barLayout{row: r}, r.focus, r.label, r.bar, r.figure))
}

func (r *barRow) Tapped(*fyne.PointEvent) { r.onSelect(r.name) }

func (r *barRow) FocusGained() {
	r.focus.StrokeWidth = 2
	r.focus.Refresh()
}

func (r *barRow) FocusLost() {
	r.focus.StrokeWidth = 0
	r.focus.Refresh()
}

func (r *barRow) TypedRune(rune) {}

func (r *barRow) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace || ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		r.onSelect(r.name)
	}
}

// barLayout puts the name in a fixed column, the figure at the right,
// and lets the bar take its share of the width between them.
type barLayout struct{ row *barRow }

const (
	barLabelWidth  = 250
	barFigureWidth = 90
)

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(barLabelWidth+barFigureWidth+120, l.row.label.MinSize().Height)
}

func (l *barLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	r := l.row
	r.focus.Resize(size)
	r.label.Move(fyne.NewPos(0, 0))
	r.label.Resize(fyne.NewSize(barLabelWidth, size.Height))
	track := size.Width - barLabelWidth - barFigureWidth
	h := size.Height * 0.55
	r.bar.Move(fyne.NewPos(barLabelWidth, (size.Height-h)/2))
	r.bar.Resize(fyne.NewSize(max(track*r.share, 2), h))
	m := r.figure.MinSize()
	r.figure.Move(fyne.NewPos(barLabelWidth+track*r.share+theme.Padding(), (size.Height-m.Height)/2))
	r.figure.Resize(m)
}

// heatMap shows, week by week, how often the most frequent patterns came
// up: one row per pattern, one square per week, darker for more. Each
// series has one count per week shown.
func heatMap(series []analysis.WeeklySeries, colourFor func(name string) color.NRGBA) fyne.CanvasObject {
	most := 1
	for _, s := range series {
		for _, n := range s.Counts {
			most = max(most, n)
		}
	}
	rows := container.NewVBox()
	for _, s := range series {
		counts := s.Counts
		cells := make([]fyne.CanvasObject, len(counts))
		base := colourFor(s.Name)
		for i, n := range counts {
			c := base
			c.A = uint8(20 + 235*n/most)
			if n == 0 {
				c = color.NRGBA{0x80, 0x80, 0x80, 0x22}
			}
			cell := canvas.NewRectangle(c)
			cell.CornerRadius = 2
			cell.SetMinSize(fyne.NewSize(14, 14))
			cells[i] = cell
		}
		label := widget.NewLabel(s.Name)
		label.Truncation = fyne.TextTruncateEllipsis
		// As tall as the label, which grows with the text size.
		rows.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(190, label.MinSize().Height), label), nil,
			container.NewGridWithColumns(max(len(cells), 1), cells...)))
	}
	return rows
}
