package journal

// The one Markdown reader. Tags and reports read an entry with goldmark,
// the parser under the window's preview (Fyne's RichText builds its own
// instance and takes no options), configured to read as it reads, so what
// counts as code, a link or text is the same everywhere. The ui package's
// TestPreviewAgreesWithTags holds the two together.

import (
	"bytes"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdownExtensions add struck-through text and task boxes to
// CommonMark, for reports to print. They change how some text is drawn,
// never whether it is text: the preview (Fyne v2.7, plain CommonMark) and
// these agree on code, links and text. Tables are left out, as the
// preview leaves them out: a table's lines are a paragraph to both.
var markdownExtensions = []goldmark.Extender{extension.Strikethrough, extension.TaskList}

// markdownParser is built once, on first use: a goldmark parser is safe
// to share, building one per body would cost more than reading most
// bodies, and a command that reads no body shouldn't build one at all.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(markdownExtensions...)).Parser()
})

// ParseMarkdown reads a body as CommonMark. The nodes' segments are
// offsets into source, which the caller must not change while it uses
// them.
func ParseMarkdown(source []byte) ast.Node {
	return markdownParser().Parse(text.NewReader(lineFeedsOnly(source)))
}

// lineFeedsOnly gives source with the CR of each CRLF made a space, so a
// body written on Windows reads as the same body written elsewhere:
// goldmark takes "*\n" for an empty list item but not "*\r\n", which
// turned text after it into code on one system and not the other. The
// copy is the same length, so segments still index source; a trailing
// space changes nothing a reader sees but may make a soft line break hard.
func lineFeedsOnly(source []byte) []byte {
	if !bytes.Contains(source, []byte("\r\n")) {
		return source
	}
	out := bytes.Clone(source)
	for i := 0; i+1 < len(out); i++ {
		if out[i] == '\r' && out[i+1] == '\n' {
			out[i] = ' '
		}
	}
	return out
}

// MarkdownPart says what a MarkdownSpan is.
type MarkdownPart int

const (
	// MarkdownText is text a reader sees: in paragraphs and headings, in
	// emphasis, and the text of links and images.
	MarkdownText MarkdownPart = iota
	// MarkdownCode is the text of a code span.
	MarkdownCode
	// MarkdownLink is where a link goes, after the link's text.
	MarkdownLink
	// MarkdownAutolink is an autolink's address (<https://…>): text, but
	// not words.
	MarkdownAutolink
	// MarkdownHTML is inline HTML (<b>, <!-- … -->), which a preview does
	// not show.
	MarkdownHTML
)

// MarkdownSpan is one piece of a body's inline text.
type MarkdownSpan struct {
	Part MarkdownPart
	// Start and Stop are its bytes in the source, as written (escapes and
	// entities kept); both are -1 for an address.
	Start, Stop int
	// Value is source[Start:Stop], or the address.
	Value []byte
	// Break is what ends the line after it: ' ' for a soft line break,
	// '\n' for a hard one, 0 when the line goes on.
	Break byte
}

// WalkMarkdownText calls visit with each piece of inline text under n in
// the order it is written in. Code blocks, HTML blocks and reference
// definitions are left out: they hold no inline text.
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
				visit(MarkdownSpan{Part: MarkdownAutolink, Start: -1, Stop: -1, Value: n.Label(source)})
			}
		case *ast.Link:
			if !entering {
				visit(MarkdownSpan{Part: MarkdownLink, Start: -1, Stop: -1, Value: n.Destination})
			}
		case *ast.RawHTML:
			if entering {
				for i := 0; i < n.Segments.Len(); i++ {
					at := n.Segments.At(i)
					visit(MarkdownSpan{Part: MarkdownHTML, Start: at.Start, Stop: at.Stop, Value: at.Value(source)})
				}
			}
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
