package report

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

// grid prints one of the report's tables.
func (d *pdfDoc) grid(g Grid) {
	cols := make([]column, len(g.Widths))
	for i, w := range g.Widths {
		cols[i] = column{w, "L"}
		if g.Right[i] {
			cols[i].align = "R"
		}
	}
	d.table(cols, g.Header...)
	for _, row := range g.Rows {
		d.row(cols, row, false)
	}
	d.endTable()
}

func (d *pdfDoc) patterns() {
	d.font("", 10)
	d.text(d.r.PatternsNote(), 0, pdfLine)
	d.f.Ln(1)
	if len(d.r.Patterns.Rows) > 0 {
		d.grid(d.r.PatternGrid())
		d.barChart()
	}
	if note := d.r.OnceNote(); note != "" {
		d.f.Ln(2)
		d.font("", 10)
		d.colour(inkColour)
		d.text(note, 0, pdfLine)
	}
}

func (d *pdfDoc) measures() {
	for _, m := range d.r.Measures {
		d.need(40)
		d.font("B", 11)
		d.colour(inkColour)
		d.text(m.Title, 0, 6)
		d.f.Ln(1)
		d.grid(m.Grid())
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
