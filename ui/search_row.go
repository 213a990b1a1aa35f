package ui

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	jstore "github.com/throughline/throughline/journal/store"
)

// hitRow is one search result: when, mood and flag, the title and the
// passage that matched, the matched words in bold.
type hitRow struct {
	widget.BaseWidget
	date    *canvas.Text
	meta    *canvas.Text
	title   *widget.RichText
	snippet *widget.RichText
}

func newHitRow() *hitRow {
	r := &hitRow{
		date:    canvas.NewText("", nil),
		meta:    canvas.NewText("", nil),
		title:   widget.NewRichText(),
		snippet: widget.NewRichText(),
	}
	r.restyle()
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.snippet.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// Refresh restyles the small texts, which Fyne leaves as they were made
// when the theme or the text size changes.
func (r *hitRow) Refresh() {
	r.restyle()
	r.BaseWidget.Refresh()
}

func (r *hitRow) restyle() {
	caption := theme.CaptionTextSize()
	r.date.Color, r.date.TextSize = theme.Color(theme.ColorNamePlaceHolder), caption
	r.meta.Color, r.meta.TextSize = theme.Color(theme.ColorNamePrimary), caption
}

func (r *hitRow) CreateRenderer() fyne.WidgetRenderer {
	top := container.NewBorder(nil, nil, nil, r.meta, r.date)
	return widget.NewSimpleRenderer(container.New(&rowLayout{pad: theme.Padding()}, top, r.title, r.snippet))
}

func (r *hitRow) set(h jstore.SearchHit) {
	r.date.Text = h.WrittenAt.Format("Mon 2 Jan 2006 · 15:04")
	var meta []string
	if h.Flagged {
		meta = append(meta, "⚑ for session")
	}
	if h.Mood != 0 {
		meta = append(meta, fmt.Sprintf("mood %d/10", h.Mood))
	}
	if len(h.Patterns) > 0 {
		meta = append(meta, strings.Join(h.Patterns, ", "))
	}
	r.meta.Text = strings.Join(meta, "  ·  ")
	r.title.Segments = highlightedSegments(h.Title, true)
	r.snippet.Segments = highlightedSegments(h.Snippet, false)
	r.Refresh()
}

// highlightedSegments shows text on one line with its matches in bold,
// in the primary colour so they stand out without relying on colour alone.
func highlightedSegments(h jstore.Highlighted, bold bool) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, f := range h {
		style := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: bold}}
		if f.Match {
			style.TextStyle.Bold = true
			style.ColorName = theme.ColorNamePrimary
		}
		out = append(out, &widget.TextSegment{Text: oneLine(f.Text), Style: style})
	}
	if len(out) == 0 {
		out = append(out, &widget.TextSegment{Style: widget.RichTextStyleInline})
	}
	return out
}

// oneLine folds each run of spaces and line breaks into one space,
// keeping one at either end, where a fragment meets the next.
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
