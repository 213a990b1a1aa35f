package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The labels every screen builds its text from, so a heading, a note or
// a count reads the same on each.

// note is a quiet remark: wrapped, in the theme's low-importance colour.
func note(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// wrapped is a label whose text wraps at words to the width it is given.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// heading names a part of a screen, in bold.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// labelled is "label: text" with the label in bold, wrapped. The text is
// the person's own, shown as typed, never read as Markdown.
func labelled(label, text string) *widget.RichText {
	r := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: label + ": "},
		&widget.TextSegment{Style: widget.RichTextStyleInline, Text: text})
	r.Wrapping = fyne.TextWrapWord
	return r
}

// plural is a count and the word for it: "1 entry", "3 entries".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
