package journal

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// InlineTags returns the tags written in a Markdown body: "#people-pleasing"
// names the pattern "people-pleasing". They come in the order they first
// appear, each once: tags with the same NameKey (#Shame, #shame,
// #people_pleasing and #people-pleasing) are one, spelled as at their
// first appearance, without the '#'.
//
// A tag is '#' and then tag characters: letters of any script, the marks
// some scripts write letters with (#क्रोध), digits, '-', '_', and the
// zero-width (non-)joiners inside Persian and Indic words.
//   - It starts with a letter or digit and holds at least one letter, so
//     "#1", "#2026" and "#2026-11-25" (list numbers, years, dates) are not
//     tags, and neither are "#-" or "# Heading".
//   - Trailing '-' and '_' are not part of it: "#avoidance-" is avoidance.
//   - The '#' does not follow a letter, digit, '_', '&', '/' or '#', so
//     "C#", "issue#3", "&#39;", "path/#x" and "##x" are not tags. An
//     underscore that opens emphasis may come before it: "_#shame_" is a tag.
//   - That holds in every script, so in text written without spaces
//     (今日は#悲しみ) a tag needs a space or punctuation before it.
//   - "\#word" is a literal '#', as Markdown's backslash escape says.
//
// Only text a person reads counts, as CommonMark parses it:
//   - Headings: the '#'s that open "# Title" or "## Sub" are not tags (a
//     space follows them); tags in a heading's text are. "#tag" at the
//     start of a line is a tag.
//   - Code is not text: code spans (`#x`, or a span opened by two
//     backticks, which one backtick inside does not close); fenced code
//     blocks (``` or ~~~, to the closing fence of the same character and
//     at least the same length, or to the end of the blockquote or list
//     item they are in); indented code blocks (four spaces or a tab more
//     than the list item they are in, where no paragraph is continuing).
//   - Links: the destination and title of [text](url#frag "title"),
//     reference definitions ([ref]: url#frag) and autolinks
//     (<https://example.com/#x>) are not text; link text is.
//   - Bare URLs starting http://, https://, ftp://, mailto: or www. run to
//     whitespace, '<', '`' or a ')' or ']' they did not open, and their
//     fragments (https://example.com/page#section) are not tags.
//   - HTML is not text: tags (<span style="color:#c00">), comments
//     (<!-- #draft -->) and HTML blocks (a line opening with <div>, say,
//     to the next blank line); a preview shows none of them.
//
// Tags inside link text, emphasis, lists and blockquotes are tags:
// "[#anger](url)", "*#shame*", "- #anger", "> #denial". The body is read
// once, line by line, in time linear in its length.
func InlineTags(body string) []string {
	found := tagList{keys: map[string]bool{}, spellings: map[string]bool{}, lastTicks: map[int]int{}}
	eachInlineText(body, found.scan)
	return found.tags
}

// tagList gathers tags in order, each once by NameKey.
type tagList struct {
	tags      []string
	keys      map[string]bool // NameKeys of the tags
	spellings map[string]bool // every spelling met, so a repeat skips NameKey
	lastTicks map[int]int     // lent to each paragraph's inlineText
}

func (l *tagList) add(tag string) {
	if l.spellings[tag] {
		return
	}
	l.spellings[tag] = true
	if k := NameKey(tag); !l.keys[k] {
		l.keys[k] = true
		l.tags = append(l.tags, tag)
	}
}

// Zero-width non-joiner and joiner, which Persian and Indic words carry
// inside them.
const (
	zwnj = '\u200c'
	zwj  = '\u200d'
)

// isWordRune reports whether r is part of a word: a '#' right after it is
// not a tag.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == zwnj || r == zwj
}

// isTagRune reports whether r may be in a tag.
func isTagRune(r rune) bool {
	return isWordRune(r) || r == '-' || r == '_'
}

// blocksTag reports whether a '#' right after r is not a tag.
func blocksTag(r rune) bool {
	return isWordRune(r) || r == '&' || r == '/' || r == '#'
}

// tagEnd returns the end of the tag whose '#' is at s[i], or -1 when
// there is none. s[:i] is the text before it in the same paragraph.
func tagEnd(s string, i int) int {
	if before, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && before == '_' {
		// An underscore run opening emphasis, not one inside a word.
		run := strings.TrimRight(s[:i], "_")
		if r, _ := utf8.DecodeLastRuneInString(run); run != "" && blocksTag(r) {
			return -1
		}
	} else if i > 0 && blocksTag(before) {
		return -1
	}
	j, letter := i+1, false
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !isTagRune(r) || j == i+1 && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		letter = letter || unicode.IsLetter(r)
		j += w
	}
	for j > i+1 {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if r != '-' && r != '_' && r != zwnj && r != zwj {
			break
		}
		j -= w
	}
	if !letter {
		return -1
	}
	return j
}

// scan adds the tags in one stretch of inline Markdown: a paragraph, or
// a heading's text.
func (l *tagList) scan(s string) {
	in := inlineText{s: s, lastTicks: l.lastTicks}
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i += 2 // an escaped character is literal: \# \` \[
		case c == '`':
			n := runLength(s, i, '`')
			i += n
			if end := in.codeSpanEnd(i, n); end >= 0 {
				i = end
			}
		case c == '[':
			in.brackets++
			i++
		case c == ']':
			i++
			if in.brackets > 0 {
				in.brackets--
				if i < len(s) && s[i] == '(' {
					if end := linkTailEnd(s, i+1); end >= 0 {
						i = end
					}
				}
			}
		case c == '<':
			if end := in.angleEnd(i); end >= 0 {
				i = end
			} else {
				i++
			}
		case c == '#':
			if end := tagEnd(s, i); end >= 0 {
				l.add(s[i+1 : end])
				i = end
			} else {
				i++
			}
		case (c|0x20 == 'h' || c|0x20 == 'f' || c|0x20 == 'm' || c|0x20 == 'w') &&
			(i == 0 || !isASCIILetter(s[i-1]) && !isASCIIDigit(s[i-1])): // a word's start
			if end := bareURLEnd(s, i); end >= 0 {
				i = end
			} else {
				i++
			}
		default:
			i++
		}
	}
}

// inlineText is what scanning a paragraph remembers as it goes.
type inlineText struct {
	s         string
	brackets  int         // '[' not yet closed, so "](" may start a link's destination
	lastTicks map[int]int // start of the last backtick run of each length, once noted
	noted     bool        // lastTicks is for s
	noClose   bool        // no "-->" follows: no later "<!--" opens a comment
}

// codeSpanEnd returns the end of the code span whose opening run of n
// backticks ends at i, or -1 when no run of exactly n closes it (then the
// backticks are literal). The last run of each length is noted once, so
// an opener without a closer costs nothing, and the search for a closer
// reads only text the span then skips: linear, as in cmark.
func (in *inlineText) codeSpanEnd(i, n int) int {
	s := in.s
	if !in.noted {
		clear(in.lastTicks)
		for j := strings.IndexByte(s, '`'); j >= 0; {
			m := runLength(s, j, '`')
			in.lastTicks[m] = j
			k := strings.IndexByte(s[j+m:], '`')
			if k < 0 {
				break
			}
			j += m + k
		}
		in.noted = true
	}
	if last, ok := in.lastTicks[n]; !ok || last < i {
		return -1
	}
	for j := i; ; {
		j += strings.IndexByte(s[j:], '`')
		m := runLength(s, j, '`')
		if m == n {
			return j + n
		}
		j += m
	}
}

// angleEnd returns the end of the autolink, HTML comment or HTML tag that
// starts with the '<' at i, or -1 when none does.
func (in *inlineText) angleEnd(i int) int {
	s := in.s
	if end := autolinkEnd(s, i); end >= 0 {
		return end
	}
	if strings.HasPrefix(s[i:], "<!--") {
		if in.noClose {
			return -1
		}
		// "<!-->" and "<!--->" are whole comments too.
		k := strings.Index(s[i+2:], "-->")
		if k < 0 {
			in.noClose = true
			return -1
		}
		return i + 2 + k + len("-->")
	}
	return htmlTagEnd(s, i)
}

// autolinkEnd returns the end of the autolink <scheme:...> at i, or -1.
func autolinkEnd(s string, i int) int {
	j := i + 1
	for j < len(s) && j-i-1 < 32 && (isASCIILetter(s[j]) || j > i+1 && (isASCIIDigit(s[j]) || strings.IndexByte("+.-", s[j]) >= 0)) {
		j++
	}
	if j-i-1 < 2 || j >= len(s) || s[j] != ':' {
		return -1
	}
	for j++; j < len(s); j++ {
		switch c := s[j]; {
		case c == '>':
			return j + 1
		case c <= ' ' || c == '<' || c == 0x7f:
			return -1
		}
	}
	return -1
}

// htmlTagEnd returns the end of the HTML open or closing tag at i, or -1.
// Quoted attribute values may not hold '<' here (CommonMark allows it), so
// a tag that fails never reads past the next '<': each '<' of a long run
// of broken tags is read once, and a paragraph in linear time.
func htmlTagEnd(s string, i int) int {
	j := i + 1
	closing := j < len(s) && s[j] == '/'
	if closing {
		j++
	}
	if j >= len(s) || !isASCIILetter(s[j]) {
		return -1
	}
	for j < len(s) && (isASCIILetter(s[j]) || isASCIIDigit(s[j]) || s[j] == '-') {
		j++
	}
	for {
		k := skipSpace(s, j)
		switch {
		case k < len(s) && s[k] == '>':
			return k + 1
		case !closing && strings.HasPrefix(s[k:], "/>"):
			return k + 2
		case closing || k == j || k == len(s) || !isAttrNameStart(s[k]):
			return -1
		}
		for j = k + 1; j < len(s) && (isAttrNameStart(s[j]) || isASCIIDigit(s[j]) || s[j] == '.' || s[j] == '-'); j++ {
		}
		k = skipSpace(s, j)
		if k == len(s) || s[k] != '=' {
			continue // an attribute without a value
		}
		k = skipSpace(s, k+1)
		if k == len(s) {
			return -1
		}
		if q := s[k]; q == '"' || q == '\'' {
			n := strings.IndexAny(s[k+1:], string(q)+"<")
			if n < 0 || s[k+1+n] == '<' {
				return -1
			}
			j = k + 1 + n + 1
			continue
		}
		for j = k; j < len(s) && strings.IndexByte(" \t\n\r\f\v\"'=<>`", s[j]) < 0; j++ {
		}
		if j == k {
			return -1
		}
	}
}

func isAttrNameStart(c byte) bool { return isASCIILetter(c) || c == '_' || c == ':' }

// linkTailEnd returns the end of a link's "(destination "title")" whose
// '(' is just before p, or -1 when there is none there.
func linkTailEnd(s string, p int) int {
	j := linkDestinationEnd(s, skipSpace(s, p))
	if j < 0 {
		return -1
	}
	k := skipSpace(s, j)
	if k > j {
		if end := linkTitleEnd(s, k); end >= 0 {
			k = skipSpace(s, end)
		}
	}
	if k < len(s) && s[k] == ')' {
		return k + 1
	}
	return -1
}

// linkDestinationEnd returns the end of the link destination at j: <...>,
// or text without spaces whose parentheses balance. It returns -1 when
// there is none. Nested parentheses are limited to 32, as in cmark, which
// also bounds how often a run of failed "](" rereads the same text.
func linkDestinationEnd(s string, j int) int {
	if j < len(s) && s[j] == '<' {
		for j++; j < len(s) && s[j] != '\n' && s[j] != '<'; j++ {
			if s[j] == '\\' && j+1 < len(s) && isASCIIPunct(s[j+1]) {
				j++
			} else if s[j] == '>' {
				return j + 1
			}
		}
		return -1
	}
	depth := 0
	for ; j < len(s); j++ {
		switch c := s[j]; {
		case c == '\\' && j+1 < len(s) && isASCIIPunct(s[j+1]):
			j++
		case c <= ' ' || c == 0x7f:
			return j
		case c == '(':
			if depth++; depth > 32 {
				return -1
			}
		case c == ')':
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	if depth > 0 {
		return -1
	}
	return j
}

// linkTitleEnd returns the end of the link title "...", '...' or (...) at
// k, or -1 when there is none.
func linkTitleEnd(s string, k int) int {
	if k == len(s) || s[k] != '"' && s[k] != '\'' && s[k] != '(' {
		return -1
	}
	closer := s[k]
	if closer == '(' {
		closer = ')'
	}
	for k++; k < len(s); k++ {
		switch {
		case s[k] == '\\' && k+1 < len(s) && isASCIIPunct(s[k+1]):
			k++
		case s[k] == closer:
			return k + 1
		case closer == ')' && s[k] == '(':
			return -1
		}
	}
	return -1
}

// isLinkDefinition reports whether the line s is a whole link reference
// definition, "[label]: destination "title"", which a preview does not
// show. (Definitions spread over several lines are read as text.)
func isLinkDefinition(s string) bool {
	if s == "" || s[0] != '[' {
		return false
	}
	j := 1
	for ; j < len(s) && s[j] != ']'; j++ {
		switch {
		case s[j] == '[' || j > 1000:
			return false
		case s[j] == '\\' && j+1 < len(s) && isASCIIPunct(s[j+1]):
			j++
		}
	}
	if j == len(s) || isBlank(s[1:j]) || j+1 == len(s) || s[j+1] != ':' {
		return false
	}
	k := skipSpace(s, j+2)
	end := linkDestinationEnd(s, k)
	if end <= k {
		return false
	}
	if t := skipSpace(s, end); t > end {
		if titleEnd := linkTitleEnd(s, t); titleEnd >= 0 {
			end = titleEnd
		}
	}
	return isBlank(s[end:])
}

// urlPrefixes start the bare URLs that Markdown previews link (GFM's
// autolink extension), matched ignoring case.
var urlPrefixes = []string{"http://", "https://", "ftp://", "mailto:", "www."}

// bareURLEnd returns the end of the bare URL that starts at i, or -1 when
// none does. It starts a word and runs to whitespace, '<', '`' (a code
// span comes first) or a ')' or ']' it did not open.
func bareURLEnd(s string, i int) int {
	start := -1
	for _, p := range urlPrefixes {
		// Each prefix starts with two letters: compare those cheaply first.
		if len(s)-i >= len(p) && s[i]|0x20 == p[0] && s[i+1]|0x20 == p[1] && strings.EqualFold(s[i:i+len(p)], p) {
			start = i + len(p)
			break
		}
	}
	if start < 0 {
		return -1
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && isWordRune(r) {
		return -1
	}
	parens, brackets := 0, 0
	j := start
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case unicode.IsSpace(r) || r < ' ' || r == '<' || r == '`':
			return j
		case r == '(':
			parens++
		case r == '[':
			brackets++
		case r == ')':
			if parens == 0 {
				return j
			}
			parens--
		case r == ']':
			if brackets == 0 {
				return j
			}
			brackets--
		}
		j += w
	}
	return j
}
