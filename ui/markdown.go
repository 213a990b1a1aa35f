package ui

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/throughline/throughline/journal"
)

// markdownImage is ![alt](address "title").
var markdownImage = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)

// previewMarkdown is what the preview parses: a body as written, with
// its single line breaks kept and its images described.
func previewMarkdown(md string) string {
	return withoutImages(keepLineBreaks(md))
}

// withoutImages shows Markdown images as their description. Fyne's
// preview would fetch a web address (which Throughline refuses: it never
// uses the network), then draw the next line over the gap.
func withoutImages(md string) string {
	return markdownImage.ReplaceAllString(md, "[image: $1]")
}

// keepLineBreaks keeps a paragraph's single line breaks, as a journal
// writer means them: CommonMark joins the lines, and Fyne's preview
// (which takes no goldmark options, so no hard wraps) draws even a hard
// break as a space. Each line of a top-level paragraph becomes a
// paragraph of its own, which Fyne draws on its own line; lists, quotes
// and code are left as they are.
func keepLineBreaks(md string) string {
	source := []byte(md)
	var breaks []int // where a line of a paragraph ends, before its newline
	for n := journal.ParseMarkdown(source).FirstChild(); n != nil; n = n.NextSibling() {
		p, ok := n.(*ast.Paragraph)
		if !ok {
			continue
		}
		lines := p.Lines()
		for i := 0; i < lines.Len()-1; i++ {
			breaks = append(breaks, lines.At(i).Stop)
		}
	}
	if len(breaks) == 0 {
		return md
	}
	var b strings.Builder
	last := 0
	for _, at := range breaks {
		// The line's segment ends after its newline; the next line loses
		// its indent, which after a blank line would make it code.
		end := at - 1
		if at == 0 || md[end] != '\n' {
			end = at + strings.IndexByte(md[at:], '\n')
		}
		if end < last || end < at-1 {
			continue
		}
		b.WriteString(strings.TrimRight(md[last:end], " \t\\"))
		b.WriteString("\n\n")
		last = end + 1
		for last < len(md) && (md[last] == ' ' || md[last] == '\t') {
			last++
		}
	}
	b.WriteString(md[last:])
	return b.String()
}
