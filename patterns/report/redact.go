package report

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/throughline/throughline/journal"
)

// roleLabels are how a redacted person is named: by who they are.
var roleLabels = map[journal.Role]string{
	"partner": "your partner", "parent": "your parent", "sibling": "your sibling", "child": "your child",
	"friend": "your friend", "boss": "your boss", "colleague": "your colleague", "therapist": "your therapist",
	"other": "someone",
}

// redactor replaces people's names by their roles.
type redactor struct {
	byKey  map[string]string // journal.NameKey(name) to label
	re     *regexp.Regexp    // every name, longest first, each its own group
	labels []string          // the label for each group of re
}

// newRedactor labels everyone by role; two people with the same role are
// told apart by number, in the order they were added: "your friend (1)".
func newRedactor(people []journal.Person) *redactor {
	x := &redactor{byKey: map[string]string{}}
	perRole := map[journal.Role]int{}
	for _, p := range people {
		perRole[p.Role]++
	}
	seen := map[journal.Role]int{}
	type named struct{ name, label string }
	var names []named
	for _, p := range people {
		label, ok := roleLabels[p.Role]
		if !ok {
			label = "someone"
		}
		if perRole[p.Role] > 1 {
			seen[p.Role]++
			label = fmt.Sprintf("%s (%d)", label, seen[p.Role])
		}
		if name := journal.CleanName(p.Name); name != "" {
			x.byKey[journal.NameKey(name)] = label
			names = append(names, named{name, label})
		}
	}
	if len(names) == 0 {
		return x
	}
	// Longest first, so "Anna Maria" is replaced whole before "Anna" is tried.
	slices.SortStableFunc(names, func(a, b named) int { return cmp.Compare(len(b.name), len(a.name)) })
	groups := make([]string, len(names))
	for i, n := range names {
		words := strings.Fields(n.name)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		groups[i] = "(" + strings.Join(words, `\s+`) + ")"
		x.labels = append(x.labels, n.label)
	}
	x.re = regexp.MustCompile("(?i)" + strings.Join(groups, "|"))
	return x
}

// name is the label for a person's name as stored on an episode.
func (x *redactor) name(s string) string {
	if s == "" {
		return ""
	}
	if label, ok := x.byKey[journal.NameKey(s)]; ok {
		return label
	}
	return x.text(s)
}

// text replaces every whole-word occurrence of a name in s, ignoring case.
func (x *redactor) text(s string) string {
	if x.re == nil || s == "" {
		return s
	}
	var out strings.Builder
	last := 0
	for pos := 0; pos < len(s); {
		m := x.re.FindStringSubmatchIndex(s[pos:])
		if m == nil {
			break
		}
		start, end := pos+m[0], pos+m[1]
		if !wholeWord(s, start, end) {
			_, size := utf8.DecodeRuneInString(s[start:])
			pos = start + size
			continue
		}
		for g := 1; 2*g < len(m); g++ {
			if m[2*g] >= 0 {
				out.WriteString(s[last:start])
				label := x.labels[g-1]
				if sentenceStart(s[:start]) {
					label = strings.ToUpper(label[:1]) + label[1:]
				}
				out.WriteString(label)
				break
			}
		}
		last, pos = end, end
	}
	if last == 0 {
		return s
	}
	out.WriteString(s[last:])
	return out.String()
}

// sentenceStart reports whether what follows before starts a sentence:
// it is the start of the text or of a line, or follows ". ", "! " or "? ",
// leaving aside Markdown's marks for emphasis, headings and lists.
func sentenceStart(before string) bool {
	before = strings.TrimRight(before, " \t*_#>-")
	if before == "" {
		return true
	}
	switch before[len(before)-1] {
	case '.', '!', '?', '\n':
		return true
	}
	return false
}

// wholeWord reports whether s[start:end] is not part of a longer word.
func wholeWord(s string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	return (start == 0 || !isWordRune(before)) && (end == len(s) || !isWordRune(after))
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// redact replaces people's names by their roles in every part of the
// report that holds text a person wrote.
func (b *builder) redact() error {
	if !b.opt.RedactPeople {
		return nil
	}
	people, err := b.store.People()
	if err != nil {
		return err
	}
	x := newRedactor(people)
	r := b.r
	for i := range r.Flagged {
		e := &r.Flagged[i]
		e.Title, e.Body = x.text(e.Title), x.text(e.Body)
	}
	for i := range r.Episodes {
		ep := &r.Episodes[i]
		ep.Person, ep.EarlierPerson = x.name(ep.Person), x.name(ep.EarlierPerson)
		for _, field := range []*string{&ep.EntryTitle, &ep.Wish, &ep.OtherResponse, &ep.SelfResponse, &ep.Reminds} {
			*field = x.text(*field)
		}
	}
	for i := range r.Goals {
		g := &r.Goals[i]
		g.Title, g.LatestNote = x.text(g.Title), x.text(g.LatestNote)
	}
	for i := range r.Questions {
		r.Questions[i].Text = x.text(r.Questions[i].Text)
	}
	return nil
}
