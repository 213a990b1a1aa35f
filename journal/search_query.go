package journal

import (
	"strings"
	"unicode"
)

// FTSQuery turns what a person typed into an FTS5 query. It understands
// words, "quoted phrases", a trailing * for a prefix, AND, OR, NOT,
// parentheses, and -word for "without". Every word and phrase is passed
// to FTS5 quoted, so punctuation and FTS5's own keywords (NEAR, column
// names) are only ever text.
//
// When the typing doesn't parse (an unbalanced quote or bracket, an
// operator with nothing on one side), loose is true and the query
// searches for the words alone, so typing never ends in an error.
// An empty expr means there is nothing to search for.
func FTSQuery(typed string) (expr string, loose bool) {
	tokens, ok := lexQuery(typed)
	if ok {
		tokens = dropEmpty(tokens)
		if validQuery(tokens) {
			return joinQuery(tokens), false
		}
	}
	var words []string
	for _, w := range strings.FieldsFunc(typed, func(r rune) bool { return !isWordRune(r) }) {
		if !isOperator(w) {
			words = append(words, quoteTerm(w))
		}
	}
	return strings.Join(words, " "), len(words) > 0 || strings.TrimSpace(typed) != ""
}

// FTSWords is FTSQuery of the words alone in what a person typed, every
// other character a space: the search to fall back on should FTS5 still
// reject FTSQuery's expression.
func FTSWords(typed string) string {
	words, _ := FTSQuery(strings.Map(func(r rune) rune {
		if isWordRune(r) {
			return r
		}
		return ' '
	}, typed))
	return words
}

type tokenKind int

const (
	termToken  tokenKind = iota // a word or phrase, quoted for FTS5
	opToken                     // AND, OR, NOT
	openToken                   // (
	closeToken                  // )
)

type queryToken struct {
	kind tokenKind
	text string // for terms, the quoted FTS5 string, with * for a prefix
	// empty terms hold no letters or digits and match nothing, so they
	// are dropped rather than sent to FTS5.
	empty bool
}

func isOperator(w string) bool { return w == "AND" || w == "OR" || w == "NOT" }

func quoteTerm(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func hasWord(s string) bool { return strings.IndexFunc(s, isWordRune) >= 0 }

// lexQuery splits typed into tokens; ok is false for an unclosed quote.
// A -word becomes NOT and the word.
func lexQuery(typed string) (tokens []queryToken, ok bool) {
	rs := []rune(typed)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(':
			tokens, i = append(tokens, queryToken{kind: openToken, text: "("}), i+1
		case r == ')':
			tokens, i = append(tokens, queryToken{kind: closeToken, text: ")"}), i+1
		case r == '"':
			end := i + 1
			for end < len(rs) && rs[end] != '"' {
				end++
			}
			if end == len(rs) {
				return nil, false
			}
			phrase := string(rs[i+1 : end])
			i = end + 1
			t := queryToken{kind: termToken, text: quoteTerm(phrase), empty: !hasWord(phrase)}
			if i < len(rs) && rs[i] == '*' {
				t.text += "*"
				i++
			}
			tokens = append(tokens, t)
		default:
			end := i
			for end < len(rs) && !unicode.IsSpace(rs[end]) && rs[end] != '"' && rs[end] != '(' && rs[end] != ')' {
				end++
			}
			word := string(rs[i:end])
			i = end
			if isOperator(word) {
				tokens = append(tokens, queryToken{kind: opToken, text: word})
				continue
			}
			if len(word) > 1 && word[0] == '-' && hasWord(word) {
				tokens = append(tokens, queryToken{kind: opToken, text: "NOT"})
				word = word[1:]
			}
			prefix := strings.HasSuffix(word, "*")
			word = strings.TrimRight(word, "*")
			t := queryToken{kind: termToken, text: quoteTerm(word), empty: !hasWord(word)}
			if prefix {
				t.text += "*"
			}
			tokens = append(tokens, t)
		}
	}
	return tokens, true
}

// dropEmpty removes terms that hold no word: FTS5 would match nothing
// for them. An operator left dangling makes the query loose.
func dropEmpty(tokens []queryToken) []queryToken {
	out := tokens[:0:0]
	for _, t := range tokens {
		if !(t.kind == termToken && t.empty) {
			out = append(out, t)
		}
	}
	return out
}

// validQuery checks the tokens form an expression FTS5 accepts: terms
// joined by operators (or side by side, meaning AND), brackets balanced
// and never empty.
func validQuery(tokens []queryToken) bool {
	depth := 0
	wantOperand := true // at the start, after an operator or "("
	for _, t := range tokens {
		switch t.kind {
		case termToken:
			wantOperand = false
		case openToken:
			depth++
			wantOperand = true
		case closeToken:
			if wantOperand || depth == 0 {
				return false
			}
			depth--
		case opToken:
			if wantOperand {
				return false
			}
			wantOperand = true
		}
	}
	return depth == 0 && !wantOperand
}

func joinQuery(tokens []queryToken) string {
	parts := make([]string, len(tokens))
	for i, t := range tokens {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}
