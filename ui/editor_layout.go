package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// lineMeasure is a line of ordinary prose about 85 characters long: the
// text column is capped at its width, as lines much longer than that
// are hard to follow back to their start on a wide window.
var lineMeasure = strings.Repeat("the quick brown fox jumps ", 3) + "over the"

// detailsShare is the most of the editor's height the open details
// panel takes, so the text keeps the rest even on a small window.
const detailsShare = 1.0 / 3

// editorLayout gives the text what the header, the footer strip and the
// open details leave, in a column no wider than a comfortable line,
// centred on a wide window. Objects: header, text, footer, details.
type editorLayout struct {
	form fyne.CanvasObject // the details, inside their scroller
}

// columnWidth is the widest the column gets at the text size in effect.
func columnWidth() float32 {
	line := fyne.MeasureText(lineMeasure, theme.TextSize(), fyne.TextStyle{}).Width
	return line + 4*theme.InnerPadding() // the entry's own border and padding
}

func (*editorLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	header, text, footer := objects[0].MinSize(), objects[1].MinSize(), objects[2].MinSize()
	pad := theme.Padding()
	w := max(header.Width, text.Width, footer.Width)
	// The text never drops below a few lines, whatever the rest needs.
	lines := 4 * fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(w, header.Height+max(text.Height, lines)+footer.Height+2*pad)
}

func (l *editorLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	header, text, footer, details := objects[0], objects[1], objects[2], objects[3]
	pad := theme.Padding()
	w := min(size.Width, max(columnWidth(), header.MinSize().Width, footer.MinSize().Width))
	x := (size.Width - w) / 2
	hh, fh := header.MinSize().Height, footer.MinSize().Height
	header.Move(fyne.NewPos(x, 0))
	header.Resize(fyne.NewSize(w, hh))
	rest := size.Height - hh - fh - 2*pad
	dh := float32(0)
	if details.Visible() {
		dh = min(l.form.MinSize().Height, rest*detailsShare)
		rest -= dh + pad
	}
	text.Move(fyne.NewPos(x, hh+pad))
	text.Resize(fyne.NewSize(w, max(rest, 0)))
	y := hh + pad + max(rest, 0) + pad
	footer.Move(fyne.NewPos(x, y))
	footer.Resize(fyne.NewSize(w, fh))
	if details.Visible() {
		details.Move(fyne.NewPos(x, y+fh+pad))
		details.Resize(fyne.NewSize(w, dh))
	}
}
