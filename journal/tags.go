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
// Only text a person reads counts, as the preview's Markdown parser
// (ParseMarkdown) reads it:
//   - Headings: the '#'s that open "# Title" or "## Sub" are not tags (a
//     space follows them); tags in a heading's text are. "#tag" at the
//     start of a line is a tag.
//   - Code is not text: code spans, fenced and indented code blocks.
//   - Links: the destination and title of [text](url#frag "title"),
//     reference definitions ([ref]: url#frag) and autolinks
//     (<https://example.com/#x>) are not text; link text is.
//   - Bare URLs starting http://, https://, ftp://, mailto: or www. run to
//     whitespace, '<', '`' or a ')' or ']' they did not open, and their
//     fragments (https://example.com/page#section) are not tags.
//   - HTML is not text: tags (<span style="color:#c00">), comments
//     (<!-- #draft -->) and HTML blocks; a preview shows none of them.
//
// Tags inside link text, emphasis, lists and blockquotes are tags:
// "[#anger](url)", "*#shame*", "- #anger", "> #denial".
func InlineTags(body string) []string {
	if strings.IndexByte(body, '#') < 0 {
		return nil // most bodies: no need to parse them
	}
	found := tagList{keys: map[string]bool{}, spellings: map[string]bool{}}
	source := []byte(body)
	// Pieces of text that touch in the source are read as one, so a word
	// the parser split (at an '_' that opens no emphasis, say) stays whole.
	start, stop := -1, -1
	WalkMarkdownText(ParseMarkdown(source), source, func(s MarkdownSpan) {
		if s.Part == MarkdownText && s.Start == stop {
			stop = s.Stop
			return
		}
		if stop >= 0 {
			found.scan(body[:stop], start)
		}
		start, stop = -1, -1
		if s.Part == MarkdownText {
			start, stop = s.Start, s.Stop
		}
	})
	if stop >= 0 {
		found.scan(body[:stop], start)
	}
	return found.tags
}

// tagList gathers tags in order, each once by NameKey.
type tagList struct {
	tags      []string
	keys      map[string]bool // NameKeys of the tags
	spellings map[string]bool // every spelling met, so a repeat skips NameKey
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

// scan adds the tags in s[i:], a stretch of text; s[:i] is the body
// before it, which decides whether a '#' at i follows a word.
func (l *tagList) scan(s string, i int) {
	for i < len(s) {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i += 2 // an escaped character is literal: \#
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

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIIDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !isASCIILetter(c) && !isASCIIDigit(c)
}
