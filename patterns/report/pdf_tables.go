package report

import (
	"fmt"
	"strconv"
)

// column is one column of a PDF table.
type column struct {
	w     float64
	align string // "L" or "R"
}

const (
	cellPad  = 1.2
	cellLine = 4.4
)

// table starts a table: its header row now, and again on every page it
// runs onto.
func (d *pdfDoc) table(cols []column, titles ...string) {
	d.header = func() { d.row(cols, titles, true) }
	d.need(3 * (cellLine + 2*cellPad))
	d.header()
}

func (d *pdfDoc) endTable() {
	d.header = nil
	d.f.Ln(2)
}

// row prints one table row, its cells wrapped, the row as tall as its
// tallest cell.
func (d *pdfDoc) row(cols []column, cells []string, header bool) {
	style := ""
	if header {
		style = "B"
	}
	d.font(style, 9)
	wrapped := make([][]string, len(cols))
	lines := 1
	for i, c := range cols {
		wrapped[i] = d.wrap(cells[i], c.w-2*cellPad)
		lines = max(lines, len(wrapped[i]))
	}
	h := float64(lines)*cellLine + 2*cellPad
	if d.need(h) && !header && d.header != nil {
		d.header()
		d.font(style, 9)
	}
	y := d.f.GetY()
	if header {
		d.f.SetFillColor(softColour.r, softColour.g, softColour.b)
		d.f.Rect(pdfMargin, y, pdfWidth, h, "F")
	}
	d.colour(inkColour)
	x := pdfMargin
	for i, c := range cols {
		for k, line := range wrapped[i] {
			align := c.align
			if rtlLine(line) && align == "L" {
				align = "R"
			}
			d.f.SetXY(x+cellPad, y+cellPad+float64(k)*cellLine)
			d.f.CellFormat(c.w-2*cellPad, cellLine, visual(line), "", 0, align, false, 0, "")
		}
		x += c.w
	}
	d.f.SetXY(pdfMargin, y+h)
	d.rule(ruleColour, 0.2)
}

func (d *pdfDoc) patterns() {
	t := d.r.Patterns
	d.font("", 10)
	d.text(d.r.PatternsNote(), 0, pdfLine)
	d.f.Ln(1)
	defer d.onceNote()
	if len(t.Rows) == 0 {
		return
	}
	cols := []column{{70, "L"}, {40, "L"}, {16, "R"}, {16, "R"}}
	titles := []string{"Pattern", "Category", "Entries", "Share"}
	if t.Compared {
		cols = []column{{62, "L"}, {40, "L"}, {18, "R"}, {18, "R"}, {18, "R"}, {18, "R"}}
		titles = append(titles, "Before", "Change")
	}
	d.table(cols, titles...)
	for _, row := range t.Rows {
		cells := []string{row.Name, row.Category, strconv.Itoa(row.Count), fmt.Sprintf("%.0f%%", 100*row.Share)}
		if t.Compared {
			cells = append(cells, strconv.Itoa(row.Previous), signed(row.Delta))
		}
		d.row(cols, cells, false)
	}
	d.endTable()
	d.barChart()
}

func (d *pdfDoc) onceNote() {
	if note := d.r.OnceNote(); note != "" {
		d.font("", 10)
		d.colour(inkColour)
		d.text(note, 0, pdfLine)
	}
}

func (d *pdfDoc) ccrt() {
	cols := []column{{44, "L"}, {50, "L"}, {20, "R"}, {60, "L"}}
	d.table(cols, "Part", "Category", "Episodes", "First third to last")
	for _, c := range d.r.CCRT {
		d.row(cols, []string{c.Component, c.Category, strconv.Itoa(c.Count), c.Shift}, false)
	}
	d.endTable()
}

func (d *pdfDoc) goals() {
	cols := []column{{84, "L"}, {90, "L"}}
	d.table(cols, "Goal", "Where it stands")
	for _, g := range d.r.Goals {
		title := g.Title
		if g.Sub {
			title = "↳ " + title
		}
		d.row(cols, []string{title, g.Status()}, false)
	}
	d.endTable()
}

func (d *pdfDoc) measures() {
	for _, m := range d.r.Measures {
		d.need(40)
		d.font("B", 11)
		d.colour(inkColour)
		d.text(m.Title, 0, 6)
		d.f.Ln(1)
		cols := []column{{64, "L"}, {30, "R"}, {80, "L"}}
		d.table(cols, "Date", fmt.Sprintf("Score (0–%d)", m.Max), "Band")
		if b := m.Before; b != nil {
			d.row(cols, []string{day(b.At) + " (before these days)", strconv.Itoa(b.Score), b.Band}, false)
		}
		for _, s := range m.InWindow {
			d.row(cols, []string{day(s.At), strconv.Itoa(s.Score), s.BandCell()}, false)
		}
		d.endTable()
		d.measureChart(m)
		d.f.Ln(3)
	}
	d.font("", 8)
	d.colour(mutedColour)
	for _, n := range d.r.MeasureNotes() {
		d.need(8)
		d.text(n, 0, 4)
		d.f.Ln(1)
	}
	d.colour(inkColour)
}
