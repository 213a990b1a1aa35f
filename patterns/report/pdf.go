package report

import (
	"fmt"
	"io"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/throughline/throughline/assets"
)

// The PDF report: A4, DejaVu Sans embedded (see pdf_text.go for the
// scripts it can and can't print), sizes in millimetres and points.

const (
	pdfFont   = "DejaVu"
	pdfMargin = 18.0
	pdfBottom = 18.0 // room kept for the footer
	pdfWidth  = 210 - 2*pdfMargin
	pdfLine   = 4.8 // body text's line height at 10 pt
)

type rgb struct{ r, g, b int }

var (
	inkColour    = rgb{31, 35, 40}
	mutedColour  = rgb{90, 98, 112}
	accentColour = rgb{59, 110, 168}
	ruleColour   = rgb{208, 213, 220}
	softColour   = rgb{240, 243, 247}
	markColour   = rgb{217, 130, 43}
	dotColour    = rgb{120, 128, 140}
)

type pdfDoc struct {
	f      *fpdf.Fpdf
	r      Report
	header func() // the open table's header row, drawn again after a page break
}

// PDF writes the report as a PDF document.
func (r Report) PDF(w io.Writer) error {
	f := fpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{f: f, r: r}
	f.SetTitle("Session prep: "+r.Title, true)
	f.SetCreator("Throughline", true)
	f.SetCreationDate(r.Generated)
	f.SetModificationDate(r.Generated)
	f.AddUTF8FontFromBytes(pdfFont, "", assets.ReportFont)
	f.AddUTF8FontFromBytes(pdfFont, "B", assets.ReportFontBold)
	f.AliasNbPages("{nb}") // after the fonts: see end
	f.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	f.SetAutoPageBreak(true, pdfBottom)
	f.SetFooterFunc(d.footer)
	f.AddPage()
	d.title()
	for _, s := range r.Printed() {
		d.section(s)
	}
	d.end()
	if err := f.Error(); err != nil {
		return fmt.Errorf("couldn't lay out the PDF report: %w", err)
	}
	return f.Output(w)
}

func (d *pdfDoc) font(style string, size float64) { d.f.SetFont(pdfFont, style, size) }

func (d *pdfDoc) colour(c rgb) { d.f.SetTextColor(c.r, c.g, c.b) }

// need starts a new page unless h millimetres are left on this one.
func (d *pdfDoc) need(h float64) bool {
	_, pageH := d.f.GetPageSize()
	if d.f.GetY()+h <= pageH-pdfBottom {
		return false
	}
	d.f.AddPage()
	return true
}

// text prints wrapped text at the current font, indent mm from the margin.
func (d *pdfDoc) text(s string, indent, lineH float64) {
	for _, line := range d.wrap(s, pdfWidth-indent) {
		align := "L"
		if rtlLine(line) {
			align = "R"
		}
		d.f.SetX(pdfMargin + indent)
		d.f.CellFormat(pdfWidth-indent, lineH, visual(line), "", 1, align, false, 0, "")
	}
}

func (d *pdfDoc) rule(c rgb, width float64) {
	y := d.f.GetY()
	d.f.SetDrawColor(c.r, c.g, c.b)
	d.f.SetLineWidth(width)
	d.f.Line(pdfMargin, y, pdfMargin+pdfWidth, y)
}

func (d *pdfDoc) footer() {
	d.f.SetY(-12)
	d.font("", 8)
	d.colour(mutedColour)
	d.f.SetX(pdfMargin)
	d.f.CellFormat(pdfWidth/2, 4, "Throughline · session prep · private", "", 0, "L", false, 0, "")
	d.f.CellFormat(pdfWidth/2, 4, "Page "+strconv.Itoa(d.f.PageNo())+" of {nb}", "", 0, "R", false, 0, "")
}

// end closes the report with its page count. Besides telling a reader no
// page is missing, it puts the count's digits in the embedded font: fpdf
// adds only the characters a page uses, and the footers' "{nb}" is filled
// in after that is decided.
func (d *pdfDoc) end() {
	d.f.Ln(6)
	d.need(6)
	d.font("", 8)
	d.colour(mutedColour)
	d.f.CellFormat(0, 4, fmt.Sprintf("End of the report · %s", plural(d.f.PageNo(), "page", "pages")), "", 1, "C", false, 0, "")
}

func (d *pdfDoc) title() {
	d.font("", 10)
	d.colour(accentColour)
	d.f.CellFormat(0, 5, "Session prep", "", 1, "L", false, 0, "")
	d.font("B", 20)
	d.colour(inkColour)
	d.text(d.r.Title, 0, 9)
	d.font("", 8.5)
	d.colour(mutedColour)
	for _, n := range d.r.Notes() {
		d.text(n, 0, 4.2)
	}
	d.f.Ln(2)
}

func (d *pdfDoc) section(s Section) {
	d.need(26)
	d.f.Ln(5)
	d.font("B", 14)
	d.colour(accentColour)
	d.f.CellFormat(0, 8, SectionTitle(s), "", 1, "L", false, 0, "")
	d.rule(accentColour, 0.5)
	d.f.Ln(2.5)
	d.colour(inkColour)
	if d.r.empty(s) {
		d.font("", 10)
		d.colour(mutedColour)
		d.text(d.r.emptyText(s), 0, pdfLine)
		return
	}
	switch s {
	case SectionSummary:
		d.font("B", 10)
		for _, l := range d.r.SafetyLines() {
			d.bullet("•", l, 0)
		}
		d.font("", 10)
		for _, l := range d.r.SummaryLines() {
			d.bullet("•", l, 0)
		}
		d.moodChart()
	case SectionFlagged:
		for i, e := range d.r.Flagged {
			d.entry(e, i > 0)
		}
	case SectionEpisodes:
		for i, ep := range d.r.Episodes {
			d.episode(ep, i > 0)
		}
	case SectionPatterns:
		d.patterns()
	case SectionGoals:
		d.grid(d.r.GoalGrid())
	case SectionMeasures:
		d.measures()
	case SectionQuestions:
		d.font("", 10)
		for _, l := range d.r.LastLines() {
			d.text(l, 0, pdfLine)
			d.f.Ln(1)
		}
		for _, q := range d.r.Questions {
			d.bullet("☐", q.Text, 0)
		}
	case SectionCCRT:
		d.grid(d.r.CCRTGrid())
	}
}

// bullet prints a marker and wrapped text hanging beside it.
func (d *pdfDoc) bullet(marker, text string, indent float64) {
	d.need(pdfLine)
	d.f.SetX(pdfMargin + indent)
	d.f.CellFormat(5, pdfLine, marker, "", 0, "L", false, 0, "")
	d.text(text, indent+5, pdfLine)
	d.f.Ln(0.8)
}

func (d *pdfDoc) separator(between bool) {
	if !between {
		return
	}
	d.f.Ln(2)
	d.rule(ruleColour, 0.2)
	d.f.Ln(2)
}

func (d *pdfDoc) entry(e Entry, between bool) {
	d.need(24)
	d.separator(between)
	d.font("B", 12)
	d.colour(inkColour)
	d.text(e.Title, 0, 6)
	d.font("", 8.5)
	d.colour(mutedColour)
	d.text(e.Details(), 0, 4.2)
	d.f.Ln(1.5)
	for _, b := range blocks(e.Body) {
		d.colour(inkColour)
		switch b.kind {
		case heading:
			d.need(2 * pdfLine)
			d.font("B", 10.5)
			d.text(b.text, 0, 5.2)
		case listItem:
			d.font("", 10)
			d.bullet(b.marker, b.text, 3+5*float64(b.depth))
			continue
		case quote:
			d.font("", 10)
			d.colour(mutedColour)
			d.text("“"+b.text+"”", 6, pdfLine)
		case code:
			d.font("", 9)
			d.colour(mutedColour)
			d.text(b.text, 6, 4.4)
		default:
			d.font("", 10)
			d.text(b.text, 0, pdfLine)
		}
		d.f.Ln(1.6)
	}
	d.images(e)
}

func (d *pdfDoc) episode(ep Episode, between bool) {
	d.need(22)
	d.separator(between)
	d.font("B", 11)
	d.colour(inkColour)
	d.text(ep.Heading(), 0, 5.6)
	d.f.Ln(0.8)
	const label = 40.0
	for _, field := range ep.Fields() {
		d.font("", 9.5)
		lines := d.wrap(field.Text, pdfWidth-label)
		d.need(pdfLine * float64(min(len(lines), 3)))
		d.font("B", 9)
		d.colour(mutedColour)
		d.f.SetX(pdfMargin)
		d.f.CellFormat(label, pdfLine, field.Label, "", 0, "L", false, 0, "")
		d.font("", 9.5)
		d.colour(inkColour)
		for _, line := range lines {
			align := "L"
			if rtlLine(line) {
				align = "R"
			}
			d.f.SetX(pdfMargin + label)
			d.f.CellFormat(pdfWidth-label, pdfLine, visual(line), "", 1, align, false, 0, "")
		}
	}
}
