package journal

// The one Markdown reader: tags, reports and the window's preview read an
// entry as the same parser does, so what counts as code, a link or text
// is the same everywhere.

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// MarkdownExtensions are the goldmark extensions bodies are read with:
// those Fyne's RichText preview adds to CommonMark from v2.8 (before it,
// none), less tables, which the preview of v2.7 shows as text. None of
// them changes what is code, a link or text.
var MarkdownExtensions = []goldmark.Extender{extension.Strikethrough, extension.TaskList}

// markdownParser is built once: a goldmark parser is safe to share, and
// building one per body would cost more than reading most bodies.
var markdownParser = goldmark.New(goldmark.WithExtensions(MarkdownExtensions...)).Parser()

// ParseMarkdown reads a body as CommonMark. The nodes' segments are
// offsets into source, which the caller must not change while it uses
// them.
func ParseMarkdown(source []byte) ast.Node {
	return markdownParser.Parse(text.NewReader(source))
}

// MarkdownPart says what a MarkdownSpan is.
type MarkdownPart int

const (
	// MarkdownText is text a reader sees: in paragraphs and headings, in
	// emphasis, and the text of links and images.
	MarkdownText MarkdownPart = iota
	// MarkdownCode is the text of a code span.
	MarkdownCode
	// MarkdownAddress is where a link goes: after a link's text, its
	// destination; for an autolink (<https://…>), the address as written.
	MarkdownAddress
)

// MarkdownSpan is one piece of a body's inline text.
type MarkdownSpan struct {
	Part MarkdownPart
	// Start and Stop are its bytes in the source, as written (escapes and
	// entities kept); both are -1 for a link's destination.
	Start, Stop int
	// Value is source[Start:Stop], or a link's destination.
	Value []byte
	// Break is what ends the line after it: ' ' for a soft line break,
	// '\n' for a hard one, 0 when the line goes on.
	Break byte
}

// WalkMarkdownText calls visit with each piece of inline text under n in
// the order a reader meets it. Code blocks, HTML blocks, inline HTML and
// reference definitions are left out: a preview shows them as code or not
// at all.
func WalkMarkdownText(n ast.Node, source []byte, visit func(MarkdownSpan)) {
	// The walker returns no error, so neither does Walk.
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				visit(textSpan(n, source))
			}
		case *ast.AutoLink:
			if entering {
				label := n.Label(source)
				visit(MarkdownSpan{Part: MarkdownAddress, Start: -1, Stop: -1, Value: label})
			}
		case *ast.Link:
			if !entering {
				visit(MarkdownSpan{Part: MarkdownAddress, Start: -1, Stop: -1, Value: n.Destination})
			}
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

func textSpan(t *ast.Text, source []byte) MarkdownSpan {
	s := MarkdownSpan{Part: MarkdownText, Start: t.Segment.Start, Stop: t.Segment.Stop, Value: t.Segment.Value(source)}
	if _, code := t.Parent().(*ast.CodeSpan); code {
		s.Part = MarkdownCode
	}
	switch {
	case t.HardLineBreak():
		s.Break = '\n'
	case t.SoftLineBreak():
		s.Break = ' '
	}
	return s
}
