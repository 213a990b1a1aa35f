package report

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/throughline/throughline/journal"
)

// roleLabels are how a redacted person is shown: by who they are, in
// words that keep a sentence readable whoever is speaking ("I told
// [my manager]", "[my manager]'s desk"). Other people get a letter.
var roleLabels = map[journal.Role]string{
	"partner": "my partner", "parent": "my parent", "sibling": "my sibling", "child": "my child",
	"friend": "my friend", "boss": "my manager", "colleague": "my colleague", "therapist": "my therapist",
}

// HiddenName is a name a redacted report hid, and what it shows instead.
type HiddenName struct {
	Name  string // as the people list or the person typed it: "Jo Reyes", "Jo"
	Label string // "[my manager]", "[A]"
}

// redactor replaces people's names, every part of them and their aliases,
// and one-off hidden words, by labels.
type redactor struct {
	terms []HiddenName   // longest first
	byKey map[string]int // journal.NameKey(term) to its place in terms
	re    *regexp.Regexp // every term, each its own group, in terms' order
	used  map[int]bool   // the terms that matched some text
}

// newRedactor labels everyone in people by role, and the words in hide
// by letter. Two people with the same role are told apart by letter too,
// in the order they were added: "[my friend A]", "[my friend B]". A name
// that is a role ("Mum", "my partner") is no name and stays as written.
func newRedactor(people []journal.Person, hide []string) *redactor {
	x := &redactor{byKey: map[string]int{}, used: map[int]bool{}}
	perRole := map[journal.Role]int{}
	for _, p := range people {
		perRole[p.Role]++
	}
	seen := map[journal.Role]int{}
	letters := 0
	nextLetter := func() string { letters++; return letterName(letters) }
	type named struct {
		names []string // full name and aliases
		label string
	}
	var all []named
	for _, p := range people {
		names := append([]string{p.Name}, p.Aliases...)
		if !slices.ContainsFunc(names, func(n string) bool { return !isRoleName(n) }) {
			continue
		}
		label, ok := roleLabels[p.Role]
		switch {
		case !ok:
			label = nextLetter()
		case perRole[p.Role] > 1:
			seen[p.Role]++
			label += " " + letterName(seen[p.Role])
		}
		all = append(all, named{names, "[" + label + "]"})
	}
	for _, w := range hide {
		all = append(all, named{[]string{w}, "[" + nextLetter() + "]"})
	}
	// Whole names before their parts, so "Jo" is the label of the Jo
	// named in full before it is of "Jo Reyes" by her first name.
	add := func(term, label string) {
		term = journal.CleanName(term)
		key := journal.NameKey(term)
		if _, taken := x.byKey[key]; term == "" || taken || isRoleName(term) {
			return
		}
		x.byKey[key] = len(x.terms)
		x.terms = append(x.terms, HiddenName{Name: term, Label: label})
	}
	for _, n := range all {
		for _, name := range n.names {
			add(name, n.label)
		}
	}
	for _, n := range all {
		for _, name := range n.names {
			for _, part := range strings.Fields(name) {
				if utf8.RuneCountInString(strings.Trim(part, ".")) > 1 && !isTitle(part) {
					add(part, n.label)
				}
			}
		}
	}
	if len(x.terms) == 0 {
		return x
	}
	// Longest first, so "Anna Maria" is replaced whole before "Anna" is tried.
	order := make([]int, len(x.terms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(x.terms[b].Name), len(x.terms[a].Name)) })
	sorted := make([]HiddenName, len(order))
	for i, o := range order {
		sorted[i] = x.terms[o]
	}
	x.terms = sorted
	groups := make([]string, len(x.terms))
	for i, t := range x.terms {
		x.byKey[journal.NameKey(t.Name)] = i
		words := strings.Fields(t.Name)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		groups[i] = "(" + strings.Join(words, `\s+`) + ")"
	}
	x.re = regexp.MustCompile("(?i)" + strings.Join(groups, "|"))
	return x
}

// letterName is 1 → "A", 26 → "Z", 27 → "AA".
func letterName(n int) string {
	var out []byte
	for ; n > 0; n = (n - 1) / 26 {
		out = append([]byte{byte('A' + (n-1)%26)}, out...)
	}
	return string(out)
}

// text replaces every whole-word occurrence of a hidden name in s,
// ignoring case.
func (x *redactor) text(s string) string {
	if x.re == nil || s == "" {
		return s
	}
	if i, ok := x.byKey[journal.NameKey(s)]; ok {
		x.used[i] = true
		return x.terms[i].Label
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
				x.used[g-1] = true
				out.WriteString(s[last:start])
				label := x.terms[g-1].Label
				if sentenceStart(s[:start]) {
					label = label[:1] + strings.ToUpper(label[1:2]) + label[2:]
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

// hidden lists the names that were replaced somewhere, by label.
func (x *redactor) hidden() []HiddenName {
	var out []HiddenName
	for i, t := range x.terms {
		if x.used[i] {
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(a, b HiddenName) int { return cmp.Compare(a.Label, b.Label) })
	return out
}

// sentenceStart reports whether what follows before starts a sentence:
// it is the start of the text or of a line, or follows ". ", "! " or "? ",
// leaving aside Markdown's marks for emphasis, headings and lists, and
// opening quotes and brackets.
func sentenceStart(before string) bool {
	before = strings.TrimRight(before, " \t*_#>-\"“‘'([")
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

// redact hides people's names in every part of the report that holds
// text a person wrote, and lists what it hid and what it left that looks
// like a name.
func (b *builder) redact() error {
	if !b.opt.RedactPeople {
		return nil
	}
	people, err := b.store.People()
	if err != nil {
		return err
	}
	hide, err := b.store.HiddenWords()
	if err != nil {
		return err
	}
	x := newRedactor(people, append(hide, b.opt.Hide...))
	b.r.eachText(func(s *string) { *s = x.text(*s) })
	b.r.Hidden = x.hidden()
	vocabulary, err := b.vocabulary()
	if err != nil {
		return err
	}
	var texts []string
	b.r.eachText(func(s *string) { texts = append(texts, *s) })
	b.r.NameLike = NameLikeWords(texts, vocabulary)
	return nil
}

// vocabulary is every pattern and emotion name, which are no one's name.
func (b *builder) vocabulary() ([]string, error) {
	patterns, err := b.store.Patterns()
	if err != nil {
		return nil, err
	}
	emotions, err := b.store.Emotions()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range patterns {
		out = append(out, p.Name)
	}
	for _, e := range emotions {
		out = append(out, e.Name)
	}
	return out, nil
}

// eachText calls f with every piece of text in the report a person wrote
// or named: titles, bodies, episodes and the people in them, patterns
// and emotions (the chart's labels too), goals, the last session's
// takeaways and questions.
func (r *Report) eachText(f func(s *string)) {
	names := func(list []string) {
		for i := range list {
			f(&list[i])
		}
	}
	for i := range r.Summary.Top {
		f(&r.Summary.Top[i].Name)
	}
	for i := range r.Flagged {
		e := &r.Flagged[i]
		f(&e.Title)
		f(&e.Body)
		names(e.Emotions)
		names(e.Patterns)
	}
	for i := range r.Episodes {
		ep := &r.Episodes[i]
		for _, s := range []*string{&ep.EntryTitle, &ep.Person, &ep.Wish, &ep.OtherResponse, &ep.SelfResponse, &ep.Reminds, &ep.EarlierPerson} {
			f(s)
		}
		names(ep.Patterns)
		names(ep.Emotions)
	}
	for i := range r.Patterns.Rows {
		f(&r.Patterns.Rows[i].Name)
	}
	names(r.Patterns.Once)
	for i := range r.Goals {
		f(&r.Goals[i].Title)
		f(&r.Goals[i].LatestNote)
	}
	f(&r.Last.Takeaways)
	for i := range r.Questions {
		f(&r.Questions[i].Text)
	}
}
