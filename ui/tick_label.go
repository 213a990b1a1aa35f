package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tickLabel is a question's text beside its check, wrapped so a long
// question never widens the page; tapping it ticks, as on the check.
type tickLabel struct {
	widget.Label
	check *widget.Check
}

func newTickLabel(text string, check *widget.Check) *tickLabel {
	l := &tickLabel{check: check}
	l.Text, l.Wrapping = text, fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

func (l *tickLabel) Tapped(*fyne.PointEvent) { l.check.SetChecked(!l.check.Checked) }
