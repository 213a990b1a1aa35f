package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	jstore "github.com/throughline/throughline/journal/store"
)

// hitReader shows an opened search result read-only, the words the
// search matched in bold, scrolled so the first of them is in view.
type hitReader struct {
	widget.BaseWidget
	screen *searchScreen
	back   *widget.Button
	edit   *widget.Button
	when   *widget.Label
	lines  *fyne.Container // one RichText a line, so a match's line can be found
	scroll *container.Scroll

	id       int64
	firstHit fyne.CanvasObject // the line holding the first match, nil if none
}

func newHitReader(s *searchScreen) *hitReader {
	r := &hitReader{screen: s, when: widget.NewLabel(""), lines: container.New(layout.NewCustomPaddedVBoxLayout(0))}
	r.back = widget.NewButtonWithIcon("Back to results", theme.NavigateBackIcon(), r.close)
	r.edit = widget.NewButtonWithIcon("Edit this entry", theme.DocumentCreateIcon(), func() {
		r.close()
		s.openEntry(r.id)
	})
	r.scroll = container.NewVScroll(container.NewPadded(r.lines))
	r.ExtendBaseWidget(r)
	return r
}

func (r *hitReader) CreateRenderer() fyne.WidgetRenderer {
	bar := container.NewBorder(nil, nil, container.NewHBox(r.back, r.edit), nil, r.when)
	return widget.NewSimpleRenderer(container.NewBorder(container.NewPadded(bar), nil, nil, nil, r.scroll))
}

// read opens hit, marking where the search's words match it.
func (s *searchScreen) read(hit jstore.SearchHit) {
	text := s.last.Text
	s.background(func() func() {
		m, err := s.store.HighlightEntry(hit.ID, text)
		return func() {
			if err != nil {
				s.status.SetText(err.Error())
				return
			}
			s.reading.show(hit, m)
		}
	})
}

func (r *hitReader) show(hit jstore.SearchHit, m jstore.EntryMatches) {
	r.id, r.firstHit = hit.ID, nil
	r.when.SetText(hit.WrittenAt.Format("Mon 2 Jan 2006 · 15:04"))
	r.lines.RemoveAll()
	title := m.Title
	if strings.TrimSpace(title.String()) == "" {
		title = hit.Title
	}
	r.addLines(title, widget.RichTextStyleHeading)
	r.addLines(m.Body, widget.RichTextStyleParagraph)
	if strings.TrimSpace(m.Episodes.String()) != "" {
		r.lines.Add(widget.NewRichText(&widget.TextSegment{Text: "Episodes", Style: widget.RichTextStyleSubHeading}))
		r.addLines(m.Episodes, widget.RichTextStyleParagraph)
	}
	r.screen.results.Hide()
	r.Show()
	r.screen.content.Refresh()
	r.scrollToMatch()
	r.screen.win.Canvas().Focus(r.back)
}

// scrollToMatch lays the lines out at the reader's width, then scrolls
// so the first match sits near the top, a line of context above it.
func (r *hitReader) scrollToMatch() {
	r.lines.Refresh()
	r.scroll.Refresh()
	r.scroll.ScrollToTop()
	if r.firstHit == nil {
		return
	}
	y := r.firstHit.Position().Y - theme.TextSize()*2
	r.scroll.ScrollToOffset(fyne.NewPos(0, max(y, 0)))
}

// addLines adds h a line at a time, keeping the writer's line breaks,
// matches bold in the primary colour as in the results.
func (r *hitReader) addLines(h jstore.Highlighted, base widget.RichTextStyle) {
	var line []widget.RichTextSegment
	matched := false
	flush := func() {
		if len(line) == 0 {
			line = append(line, &widget.TextSegment{Style: widget.RichTextStyleInline})
		}
		rt := widget.NewRichText(line...)
		rt.Wrapping = fyne.TextWrapWord
		r.lines.Add(rt)
		if matched && r.firstHit == nil {
			r.firstHit = rt
		}
		line, matched = nil, false
	}
	for _, f := range h {
		parts := strings.Split(f.Text, "\n")
		for i, part := range parts {
			if i > 0 {
				flush()
			}
			if part == "" {
				continue
			}
			style := base
			style.Inline = true
			if f.Match {
				style.TextStyle.Bold = true
				style.ColorName = theme.ColorNamePrimary
				matched = true
			}
			line = append(line, &widget.TextSegment{Text: part, Style: style})
		}
	}
	flush()
}

// close goes back to the results where they were left.
func (r *hitReader) close() {
	r.Hide()
	r.screen.results.Show()
	r.screen.content.Refresh()
	r.screen.win.Canvas().Focus(r.screen.list)
}
