package journal

// The block structure of Markdown, as far as finding the text a person
// reads needs it: which lines are code, HTML or headings, and where
// paragraphs begin and end.

import (
	"strings"
)

// eachInlineText calls emit with each stretch of inline text in a
// Markdown body, in order: every paragraph (with its continuation lines)
// and the text of every ATX heading. Code blocks are left out.
func eachInlineText(body string, emit func(text string)) {
	b := markdownBlocks{body: body, emit: emit, para: -1, indented: -1}
	for start := 0; start < len(body); {
		end, next := len(body), len(body)
		if n := strings.IndexByte(body[start:], '\n'); n >= 0 {
			end, next = start+n, start+n+1
		}
		if end > start && body[end-1] == '\r' {
			end--
		}
		b.line(start, end)
		start = next
	}
	b.endParagraph()
}

// markdownBlocks follows the block structure of a body line by line: just
// enough of CommonMark to know which lines are code or HTML and where
// paragraphs begin and end. Lines end with "\n" or "\r\n". Containers
// are tracked approximately: blockquotes by their depth, list items by
// the column their content starts at.
type markdownBlocks struct {
	body string
	emit func(text string)

	para, paraEnd int   // the open paragraph's bytes in body; para < 0 when none
	quotes        int   // blockquote depth of the open paragraph or the last block
	lists         []int // content column of each open list item, innermost last
	raw           rawBlock
	indented      int  // column an open indented code block's lines start at; -1 when none
	indentQuotes  int  // blockquote depth of that code block
	emptyItem     bool // the last line opened a list item with nothing in it
}

// rawBlock is an open block whose lines are not text: fenced code, or
// one of CommonMark's seven kinds of HTML block. It is open until a line
// ends it, or until the blockquote or list item it is in ends.
type rawBlock struct {
	open   bool
	fence  byte // '`' or '~' for fenced code, 0 for HTML
	n      int  // length of the opening fence
	html   int  // CommonMark's HTML block type, 1 to 7
	quotes int  // blockquote depth it opened at
	column int  // content column of the list item it is in
}

// endsHTML reports whether line ends an HTML block of types 1 to 5 (the
// others end at a blank line).
func (r rawBlock) endsHTML(line string) bool {
	switch r.html {
	case 1:
		line = strings.ToLower(line)
		return strings.Contains(line, "</pre>") || strings.Contains(line, "</script>") ||
			strings.Contains(line, "</style>") || strings.Contains(line, "</textarea>")
	case 2:
		return strings.Contains(line, "-->")
	case 3:
		return strings.Contains(line, "?>")
	case 4:
		return strings.Contains(line, ">")
	case 5:
		return strings.Contains(line, "]]>")
	}
	return false
}

// line reads the line body[start:end], its line ending left off: it ends
// or continues the open block, or starts a new one.
func (b *markdownBlocks) line(start, end int) {
	s := b.body[start:end]
	quotes, i := 0, 0
	for {
		j := i
		for j < len(s) && j-i < 3 && s[j] == ' ' {
			j++
		}
		if j == len(s) || s[j] != '>' {
			break
		}
		quotes++
		if i = j + 1; i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
	}
	i, indent := skipIndent(s, i, 0)
	blank := isBlank(s[i:])
	if b.emptyItem && blank {
		b.lists = b.lists[:len(b.lists)-1] // a list item may not start with two blank lines
	}
	b.emptyItem = false

	if r := &b.raw; r.open {
		if quotes >= r.quotes && (blank || indent >= r.column) {
			switch {
			case r.fence != 0:
				r.open = quotes != r.quotes || blank || indent-r.column >= 4 || !closesFence(s[i:], r.fence, r.n)
			case r.html >= 6:
				r.open = quotes != r.quotes || !blank
			default:
				r.open = !r.endsHTML(s)
			}
			return
		}
		r.open = false // its blockquote or list item ended with this line
	}
	if b.indented >= 0 {
		if quotes == b.indentQuotes && (blank || indent >= b.indented) {
			return
		}
		b.indented = -1
	}
	if blank {
		b.endParagraph()
		b.quotes = quotes
		return
	}
	if top := b.listColumn(); b.para >= 0 && quotes == b.quotes && indent >= top && indent-top < 4 && isSetextUnderline(s[i:]) {
		b.endParagraph() // which was a heading's text
		return
	}
	if b.para >= 0 && quotes <= b.quotes && (indent-b.listColumn() >= 4 || !interruptsParagraph(s[i:])) {
		b.paraEnd = end // continues the paragraph, maybe lazily
		return
	}
	b.endParagraph()
	if quotes != b.quotes {
		b.lists = b.lists[:0]
	}
	b.quotes = quotes
	b.block(start+i, end, indent)
}

// maxListsOpened is how many list items one line may open ("- - - x");
// more markers are read as text. It keeps a line like "- - - ... x" from
// being rescanned for a thematic break at every marker.
const maxListsOpened = 32

// block reads the line from pos, at column indent, as the start of a block.
func (b *markdownBlocks) block(pos, end, indent int) {
	for opened := 0; ; opened++ {
		for len(b.lists) > 0 && indent < b.listColumn() {
			b.lists = b.lists[:len(b.lists)-1] // the line is outside this list item
		}
		s := b.body[pos:end]
		top := b.listColumn()
		switch {
		case indent-top >= 4:
			b.indented, b.indentQuotes = top+4, b.quotes
			return
		case isThematicBreak(s):
			return
		}
		if mark, n := fenceOpening(s); n > 0 {
			b.raw = rawBlock{open: true, fence: mark, n: n, quotes: b.quotes, column: top}
			return
		}
		if kind := htmlBlockKind(s, false); kind > 0 {
			b.raw = rawBlock{open: true, html: kind, quotes: b.quotes, column: top}
			b.raw.open = !b.raw.endsHTML(s)
			return
		}
		if n := headingMarks(s); n > 0 {
			b.emit(s[n:])
			return
		}
		n := listMarker(s)
		if n == 0 || opened == maxListsOpened {
			if !isLinkDefinition(s) {
				b.para, b.paraEnd = pos, end
			}
			return
		}
		j, col := skipIndent(s, n, indent+n)
		switch {
		case isBlank(s[j:]):
			b.lists = append(b.lists, indent+n+1)
			b.emptyItem = true
			return
		case col-indent-n > 4: // the item opens with indented code
			b.lists = append(b.lists, indent+n+1)
			return
		}
		b.lists = append(b.lists, col)
		pos, indent = pos+j, col
	}
}

func (b *markdownBlocks) listColumn() int {
	if len(b.lists) == 0 {
		return 0
	}
	return b.lists[len(b.lists)-1]
}

func (b *markdownBlocks) endParagraph() {
	if b.para >= 0 {
		b.emit(b.body[b.para:b.paraEnd])
		b.para = -1
	}
}

// interruptsParagraph reports whether a line starting with s (indentation
// skipped) starts a block rather than continuing a paragraph. A list item
// may do so only if it is not empty and, when numbered, starts at 1.
func interruptsParagraph(s string) bool {
	if _, fence := fenceOpening(s); fence > 0 || headingMarks(s) > 0 || isThematicBreak(s) || htmlBlockKind(s, true) > 0 {
		return true
	}
	n := listMarker(s)
	return n > 0 && !isBlank(s[n:]) && (n == 1 || strings.TrimLeft(s[:n-1], "0") == "1")
}

// isSetextUnderline reports whether s is a line of '=' or of '-', which
// under a paragraph makes it a heading.
func isSetextUnderline(s string) bool {
	if s == "" || s[0] != '=' && s[0] != '-' {
		return false
	}
	return isBlank(s[runLength(s, 0, s[0]):])
}

// htmlBlockTags are the tag names that open an HTML block of type 6, as
// goldmark (the Markdown parser under the preview) lists them.
var htmlBlockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "base": true, "basefont": true,
	"blockquote": true, "body": true, "caption": true, "center": true, "col": true,
	"colgroup": true, "dd": true, "details": true, "dialog": true, "dir": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "frame": true, "frameset": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "head": true, "header": true, "hr": true,
	"html": true, "iframe": true, "legend": true, "li": true, "link": true, "main": true,
	"menu": true, "menuitem": true, "meta": true, "nav": true, "noframes": true, "ol": true,
	"optgroup": true, "option": true, "p": true, "param": true, "search": true,
	"section": true, "summary": true, "table": true, "tbody": true, "td": true,
	"tfoot": true, "th": true, "thead": true, "title": true, "tr": true, "track": true,
	"ul": true,
}

// htmlBlockKind returns the type (1 to 7) of the CommonMark HTML block
// that a line starting with s opens, or 0 when it opens none. Type 7, a
// line holding only a tag, may not interrupt a paragraph.
func htmlBlockKind(s string, interrupting bool) int {
	if s == "" || s[0] != '<' {
		return 0
	}
	j := 1
	if strings.HasPrefix(s, "</") {
		j = 2
	}
	k := j
	for k < len(s) && (isASCIILetter(s[k]) || isASCIIDigit(s[k])) {
		k++
	}
	name := strings.ToLower(s[j:k])
	nameEnds := k == len(s) || s[k] == ' ' || s[k] == '\t' || s[k] == '>' || strings.HasPrefix(s[k:], "/>")
	switch {
	case j == 1 && (name == "pre" || name == "script" || name == "style" || name == "textarea") &&
		(k == len(s) || s[k] == ' ' || s[k] == '\t' || s[k] == '>'):
		return 1
	case strings.HasPrefix(s, "<!--"):
		return 2
	case strings.HasPrefix(s, "<?"):
		return 3
	case len(s) > 2 && s[1] == '!' && isASCIILetter(s[2]):
		return 4
	case strings.HasPrefix(s, "<![CDATA["):
		return 5
	case htmlBlockTags[name] && nameEnds:
		return 6
	case !interrupting && name != "pre" && name != "script" && name != "style" && name != "textarea":
		if end := htmlTagEnd(s, 0); end > 0 && isBlank(s[end:]) {
			return 7
		}
	}
	return 0
}

// fenceOpening returns the character and length of the code fence s
// opens with, or n == 0 when it opens none. A backtick fence's info
// string may not hold a backtick.
func fenceOpening(s string) (mark byte, n int) {
	if s == "" || s[0] != '`' && s[0] != '~' {
		return 0, 0
	}
	mark, n = s[0], runLength(s, 0, s[0])
	if n < 3 || mark == '`' && strings.IndexByte(s[n:], '`') >= 0 {
		return 0, 0
	}
	return mark, n
}

// closesFence reports whether s closes a fence of at least n marks.
func closesFence(s string, mark byte, n int) bool {
	m := runLength(s, 0, mark)
	return m >= n && isBlank(s[m:])
}

// headingMarks returns how many '#'s open the ATX heading s, or 0.
func headingMarks(s string) int {
	n := runLength(s, 0, '#')
	if n == 0 || n > 6 || n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

// listMarker returns the length of the list marker s starts with ("-",
// "*", "+", "1." or "1)" followed by a space or the end), or 0.
func listMarker(s string) int {
	n := 0
	switch {
	case s == "":
		return 0
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		n = 1
	default:
		for n < len(s) && n < 10 && isASCIIDigit(s[n]) {
			n++
		}
		if n == 0 || n == 10 || n == len(s) || s[n] != '.' && s[n] != ')' {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

// isThematicBreak reports whether s is a line like "---", "* * *" or "___".
func isThematicBreak(s string) bool {
	if s == "" || s[0] != '-' && s[0] != '*' && s[0] != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return n >= 3
}

// skipIndent skips spaces and tabs in s from i, at column col, and returns
// where they end and the column there. Tabs stop every four columns.
func skipIndent(s string, i, col int) (int, int) {
	for ; i < len(s); i++ {
		switch s[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return i, col
		}
	}
	return i, col
}

// skipSpace skips ASCII whitespace, line endings included.
func skipSpace(s string, i int) int {
	for i < len(s) && strings.IndexByte(" \t\n\r\f\v", s[i]) >= 0 {
		i++
	}
	return i
}

func isBlank(s string) bool { return skipSpace(s, 0) == len(s) }

func runLength(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIIDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !isASCIILetter(c) && !isASCIIDigit(c)
}
