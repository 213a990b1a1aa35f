package report

import (
	"slices"
	"strings"
	"unicode"
)

// Text in the PDF: cleaning it for the font, wrapping it, and putting
// right-to-left scripts in the order they are seen.
//
// fpdf lays glyphs left to right as they come. Hebrew and Arabic are
// stored first letter first but read right to left, so each line's runs of
// those scripts are reversed before printing (a simple form of the Unicode
// bidirectional algorithm; PDF readers turn them back for copying and
// searching). Arabic letters are not joined: they print in their
// standalone forms. DejaVu Sans has no Chinese, Japanese or Korean
// glyphs; those characters print as empty boxes, though they stay in the
// text a reader copies or searches.

// pdfClean makes text printable by fpdf: tabs become spaces, other control
// characters go, and characters beyond the Basic Multilingual Plane (such
// as emoji), which fpdf's font tables can't index, become U+FFFD.
func pdfClean(s string) string {
	clean := true
	for _, r := range s {
		if r > 0xFFFF || (r < 0x20 && r != '\n') || r == 0x7F {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r == '\n':
			return r
		case r < 0x20 || r == 0x7F:
			return -1
		case r > 0xFFFF:
			return '\uFFFD'
		}
		return r
	}, s)
}

// wrap splits text into lines no wider than w at the current font,
// breaking between words, and inside a word only when it alone is too
// wide. Each "\n" starts a new line.
func (d *pdfDoc) wrap(text string, w float64) []string {
	var lines []string
	space := d.f.GetStringWidth(" ")
	for _, para := range strings.Split(pdfClean(text), "\n") {
		var line strings.Builder
		lineW := 0.0
		for _, word := range strings.Fields(para) {
			wordW := d.f.GetStringWidth(word)
			if line.Len() > 0 && lineW+space+wordW <= w {
				line.WriteByte(' ')
				line.WriteString(word)
				lineW += space + wordW
				continue
			}
			if line.Len() > 0 {
				lines = append(lines, line.String())
				line.Reset()
			}
			for wordW > w { // a word wider than the line: break it
				cut := d.fit(word, w)
				lines = append(lines, word[:cut])
				word = word[cut:]
				wordW = d.f.GetStringWidth(word)
			}
			line.WriteString(word)
			lineW = wordW
		}
		lines = append(lines, line.String())
	}
	return lines
}

// fit is how many bytes of s fit in w, at least one rune's.
func (d *pdfDoc) fit(s string, w float64) int {
	width, end := 0.0, 0
	for i, r := range s {
		width += d.f.GetStringWidth(string(r))
		if width > w && end > 0 {
			return end
		}
		end = i + len(string(r))
	}
	return end
}

// truncate shortens s with "…" to fit in w.
func (d *pdfDoc) truncate(s string, w float64) string {
	s = pdfClean(s)
	if d.f.GetStringWidth(s) <= w {
		return s
	}
	return strings.TrimSpace(s[:d.fit(s, w-d.f.GetStringWidth("…"))]) + "…"
}

func isRTL(r rune) bool {
	return unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko) &&
		(unicode.IsLetter(r) || unicode.IsMark(r))
}

// rtlLine reports whether a line's first strong character is right to left.
func rtlLine(s string) bool {
	for _, r := range s {
		if isRTL(r) {
			return true
		}
		if unicode.IsLetter(r) {
			return false
		}
	}
	return false
}

// visual puts a line's right-to-left runs in the order they are seen:
// each run (its letters, marks, and the spaces and punctuation between
// them) reversed as a whole, a letter keeping its marks after it.
func visual(s string) string {
	if !strings.ContainsFunc(s, isRTL) {
		return s
	}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isRTL(rs[i]) {
			i++
			continue
		}
		end := i
		for j := i; j < len(rs); j++ {
			if isRTL(rs[j]) {
				end = j + 1
			} else if !(rs[j] == ' ' || unicode.IsPunct(rs[j])) {
				break
			}
		}
		reverseClusters(rs[i:end])
		i = end
	}
	return string(rs)
}

var mirrored = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

// reverseClusters reverses rs in place, keeping each letter's combining
// marks after it and mirroring brackets.
func reverseClusters(rs []rune) {
	var clusters [][]rune
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && unicode.Is(unicode.Mn, rs[j]) {
			j++
		}
		clusters = append(clusters, slices.Clone(rs[i:j]))
		i = j
	}
	slices.Reverse(clusters)
	k := 0
	for _, c := range clusters {
		for _, r := range c {
			if m, ok := mirrored[r]; ok {
				r = m
			}
			rs[k] = r
			k++
		}
	}
}
