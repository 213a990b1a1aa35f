package journal

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// DemoteHeadings moves a body's headings levels down (to six at most), so
// its "#" sits under the heading of the report or export that holds it.
// Underlined headings have no level to move; code is left alone.
func DemoteHeadings(md string, levels int) string {
	// Most bodies have no '#' and so no heading to move: not parsing them
	// keeps an export of 100,000 entries at the speed of the disk.
	if !strings.Contains(md, "#") {
		return md
	}
	source := []byte(md)
	var b strings.Builder
	from := 0
	// The walker returns no error, so neither does Walk.
	_ = ast.Walk(ParseMarkdown(source), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok || h.Pos() < 0 {
			return ast.WalkContinue, nil
		}
		at := h.Pos()
		for at < len(md) && md[at] == ' ' {
			at++
		}
		marks := at
		for marks < len(md) && md[marks] == '#' {
			marks++
		}
		// An underlined heading's text may start with '#' ("#tag\n===").
		if marks-at == h.Level && (marks == len(md) || strings.IndexByte(" \t\r\n", md[marks]) >= 0) {
			b.WriteString(md[from:at])
			b.WriteString(strings.Repeat("#", min(h.Level+levels, 6)-h.Level))
			from = at
		}
		return ast.WalkSkipChildren, nil
	})
	b.WriteString(md[from:])
	return b.String()
}
