package report

import (
	"strconv"
	"strings"

	"github.com/throughline/throughline/journal"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// An entry's Markdown, as the PDF and HTML reports print it: plain text in
// blocks, the markup taken away but what it meant kept (a heading stays a
// heading, a list item gets its bullet, a link keeps its address). It is
// read by journal.ParseMarkdown, as the window's preview and tags read it.

type blockKind int

const (
	paragraph blockKind = iota
	heading
	listItem
	quote
	code
)

// block is one block of an entry's text. Lines within a block are
// separated by "\n" only where the writer forced a line break.
type block struct {
	kind   blockKind
	text   string
	marker string // a list item's "•", "1." or "☐"
	depth  int    // a list item's nesting, 0 for the outermost
}

// maxDepth is the deepest a list item is indented in a report.
const maxDepth = 4

// blocks splits a Markdown body into plain-text blocks. HTML, which the
// preview leaves out, is printed as written: it is what the person wrote.
func blocks(md string) []block {
	source := []byte(md)
	r := blockReader{source: source}
	r.children(journal.ParseMarkdown(source), 0, false)
	return r.out
}

type blockReader struct {
	source []byte
	out    []block
}

// children adds the blocks under n.
func (r *blockReader) children(n ast.Node, depth int, quoted bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.node(c, depth, quoted)
	}
}

// node adds the blocks of n: list items at depth, and every text block as
// a quote when n is inside a blockquote.
func (r *blockReader) node(n ast.Node, depth int, quoted bool) {
	switch n := n.(type) {
	case *ast.Heading:
		r.add(block{kind: heading, text: r.inline(n)}, quoted)
	case *ast.Paragraph, *ast.TextBlock:
		r.add(block{kind: paragraph, text: r.inline(n)}, quoted)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		r.out = append(r.out, block{kind: code, text: r.lines(n, "\n")})
	case *ast.HTMLBlock:
		text := r.lines(n, " ")
		if n.HasClosure() {
			text += " " + strings.TrimSpace(string(n.ClosureLine.Value(r.source)))
		}
		r.add(block{kind: paragraph, text: strings.TrimSpace(text)}, quoted)
	case *ast.Blockquote:
		r.children(n, depth, true)
	case *ast.List:
		r.list(n, depth, quoted)
	}
}

// list adds a list's items, each with its marker and the text of its
// first block; what follows in the item comes after it.
func (r *blockReader) list(l *ast.List, depth int, quoted bool) {
	number := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		b := block{kind: listItem, marker: "•", depth: min(depth, maxDepth)}
		if l.IsOrdered() {
			b.marker = strconv.Itoa(number) + "."
			number++
		}
		first := item.FirstChild()
		switch first.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if box, ok := first.FirstChild().(*east.TaskCheckBox); ok {
				b.marker = "☐"
				if box.IsChecked {
					b.marker = "☑"
				}
			}
			b.text = r.inline(first)
			first = first.NextSibling()
		}
		r.out = append(r.out, b)
		for c := first; c != nil; c = c.NextSibling() {
			r.node(c, depth+1, quoted)
		}
	}
}

func (r *blockReader) add(b block, quoted bool) {
	if quoted {
		b.kind = quote
	}
	r.out = append(r.out, b)
}

// inline is the text of a block's inline content: markup taken away, a
// link followed by its address, soft line breaks as spaces and hard ones
// kept.
func (r *blockReader) inline(n ast.Node) string {
	var b strings.Builder
	journal.WalkMarkdownText(n, r.source, func(s journal.MarkdownSpan) {
		switch s.Part {
		case journal.MarkdownHTML:
			b.Write(s.Value) // as written: a report prints what the person wrote
		case journal.MarkdownText:
			b.Write(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(s.Value))))
		case journal.MarkdownCode:
			b.WriteString(strings.NewReplacer("\r\n", " ", "\n", " ").Replace(string(s.Value)))
		case journal.MarkdownLink:
			b.WriteString(" (" + string(s.Value) + ")")
		case journal.MarkdownAutolink:
			b.Write(s.Value)
		}
		if s.Break != 0 {
			b.WriteByte(s.Break)
		}
	})
	return strings.TrimRight(b.String(), " \n")
}

// lines are a block's lines as written, without trailing spaces, joined
// by sep.
func (r *blockReader) lines(n ast.Node, sep string) string {
	lines := n.Lines()
	text := make([]string, lines.Len())
	for i := range text {
		at := lines.At(i)
		text[i] = strings.TrimRight(string(at.Value(r.source)), " \t\r\n")
	}
	return strings.Join(text, sep)
}

// PlainText is an entry's Markdown as plain text: blocks separated by a
// blank line, list items with their bullets.
func PlainText(md string) string {
	var b strings.Builder
	for i, bl := range blocks(md) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if bl.kind == listItem {
			b.WriteString(strings.Repeat("  ", bl.depth) + bl.marker + " ")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}
