package report

import (
	"regexp"
	"strings"
)

// An entry's Markdown, as the PDF and HTML reports print it: plain text in
// blocks, the markup taken away but what it meant kept (a heading stays a
// heading, a list item gets its bullet, a link keeps its address). It
// follows CommonMark loosely: a journal entry is not a technical document.

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

var (
	atxHeading    = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	thematicBreak = regexp.MustCompile(`^ {0,3}([-*_])(?:[ \t]*[-*_]){2,}[ \t]*$`)
	setext        = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	listMarker    = regexp.MustCompile(`^([ \t]*)([-*+]|[0-9]{1,9}[.)])[ \t]+(.*)$`)
	taskBox       = regexp.MustCompile(`^\[([ xX])\][ \t]+`)
	quoteMarker   = regexp.MustCompile(`^ {0,3}>[ ]?`)
	fence         = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
)

// blocks splits a Markdown body into plain-text blocks.
func blocks(md string) []block {
	var out []block
	var open *block // the paragraph, quote or list item that lines continue
	var fenceMark string
	flush := func() { open = nil }
	add := func(b block) {
		out = append(out, b)
		open = &out[len(out)-1]
	}
	for _, line := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n") {
		if fenceMark != "" {
			if strings.HasPrefix(strings.TrimSpace(line), fenceMark) {
				fenceMark = ""
				flush()
				continue
			}
			if open.text != "" {
				open.text += "\n"
			}
			open.text += strings.TrimRight(line, " \t")
			continue
		}
		if m := fence.FindStringSubmatch(line); m != nil {
			fenceMark = m[1][:3]
			add(block{kind: code})
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if m := setext.FindStringSubmatch(line); m != nil && open != nil && open.kind == paragraph {
			open.kind = heading // the paragraph above was a heading
			flush()
			continue
		}
		if thematicBreak.MatchString(line) {
			flush()
			continue
		}
		if m := atxHeading.FindStringSubmatch(line); m != nil {
			add(block{kind: heading, text: inline(m[1])})
			flush()
			continue
		}
		if q := quoteMarker.FindString(line); q != "" {
			text := strings.TrimPrefix(line, q)
			if open != nil && open.kind == quote && strings.TrimSpace(text) != "" {
				open.text = joinLine(open.text, text)
			} else if strings.TrimSpace(text) == "" {
				flush()
			} else {
				add(block{kind: quote, text: joinLine("", text)})
			}
			continue
		}
		if m := listMarker.FindStringSubmatch(line); m != nil {
			marker, text := "•", m[3]
			if c := m[2][0]; c >= '0' && c <= '9' {
				marker = m[2][:len(m[2])-1] + "."
			}
			if t := taskBox.FindStringSubmatch(text); t != nil {
				marker, text = "☐", text[len(t[0]):]
				if t[1] != " " {
					marker = "☑"
				}
			}
			depth := len(strings.ReplaceAll(m[1], "\t", "    ")) / 2
			add(block{kind: listItem, marker: marker, depth: min(depth, 4), text: joinLine("", text)})
			continue
		}
		if open != nil {
			open.text = joinLine(open.text, line)
			continue
		}
		add(block{kind: paragraph, text: joinLine("", line)})
	}
	for i := range out {
		if out[i].kind != code {
			out[i].text = inline(strings.TrimRight(out[i].text, " \t"))
		}
	}
	return out
}

// joinLine adds a line to a block's text: joined by a space, or by a line
// break when the line before ended with two spaces or a backslash.
func joinLine(text, line string) string {
	line = strings.TrimLeft(line, " \t")
	if text == "" {
		return line
	}
	hard := strings.HasSuffix(text, "  ") || strings.HasSuffix(text, "\\")
	text = strings.TrimRight(strings.TrimSuffix(strings.TrimRight(text, " \t"), "\\"), " \t")
	if hard {
		return text + "\n" + line
	}
	return text + " " + line
}

var inlineRules = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`), "$1"},                                   // an image: its description
	{regexp.MustCompile(`\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`), "$1 ($2)"}, // a link: its text and address
	{regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`), "$1"},                            // an autolink
	{regexp.MustCompile("`+([^`]+?)`+"), "$1"},                                             // code
	{regexp.MustCompile(`\*\*([^*]+?)\*\*`), "$1"},                                         // strong
	{regexp.MustCompile(`(^|[^\p{L}\p{N}_])__([^_]+?)__`), "$1$2"},                         // strong
	{regexp.MustCompile(`\*([^*\s](?:[^*]*[^*\s])?)\*`), "$1"},                             // emphasis
	{regexp.MustCompile(`(^|[^\p{L}\p{N}_])_([^_\s](?:[^_]*[^_\s])?)_`), "$1$2"},           // emphasis
	{regexp.MustCompile(`~~([^~]+?)~~`), "$1"},                                             // strikethrough
}

// escaped is a backslash escape: punctuation meant as itself.
var escaped = regexp.MustCompile(`\\[!-/:-@\[-` + "`" + `{-~]`)

// escapeBase is where the private-use characters that stand for escaped
// punctuation begin, while the rules run: so "\*" is never emphasis.
const escapeBase = 0xE000

// inline takes the inline markup out of text.
func inline(text string) string {
	protected := false
	text = escaped.ReplaceAllStringFunc(text, func(e string) string {
		protected = true
		return string(rune(escapeBase + int(e[1])))
	})
	for _, r := range inlineRules {
		text = r.re.ReplaceAllString(text, r.with)
	}
	if !protected {
		return text
	}
	return strings.Map(func(r rune) rune {
		if r >= escapeBase && r < escapeBase+0x80 {
			return r - escapeBase
		}
		return r
	}, text)
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
