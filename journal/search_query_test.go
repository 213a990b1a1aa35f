package journal

import "testing"

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct {
		typed, want string
		loose       bool
	}{
		{``, ``, false},
		{`   `, ``, false},
		{`manager`, `"manager"`, false},
		{`manager raised`, `"manager" "raised"`, false},
		{`"raised her voice"`, `"raised her voice"`, false},
		{`manag*`, `"manag"*`, false},
		{`"raised her"*`, `"raised her"*`, false},
		{`froze OR panicked`, `"froze" OR "panicked"`, false},
		{`froze AND (boss OR manager)`, `"froze" AND ( "boss" OR "manager" )`, false},
		{`froze NOT boss`, `"froze" NOT "boss"`, false},
		{`froze -boss`, `"froze" NOT "boss"`, false},
		// Lower-case operators are words, as in FTS5.
		{`froze or fled`, `"froze" "or" "fled"`, false},
		// FTS5's own syntax is only ever text.
		{`title:boss`, `"title:boss"`, false},
		{`NEAR(a b)`, `"NEAR" ( "a" "b" )`, false},
		{`people-pleasing`, `"people-pleasing"`, false},
		{`don't`, `"don't"`, false},
		{`say "no"`, `"say" "no"`, false},
		{`a"b`, `"a" "b"`, true}, // an unclosed quote after a
		// Punctuation alone matches nothing and is dropped.
		{`froze — again`, `"froze" "again"`, false},
		// Syntax FTS5 would reject searches the words instead.
		{`"manager raised`, `"manager" "raised"`, true},
		{`froze OR`, `"froze"`, true},
		{`OR froze`, `"froze"`, true},
		{`AND`, ``, true},
		{`(froze`, `"froze"`, true},
		{`froze)`, `"froze"`, true},
		{`()`, ``, true},
		{`-boss`, `"boss"`, true},
		{`froze NOT`, `"froze"`, true},
		{`—`, ``, true},
		{`***`, ``, true},
	} {
		got, loose := FTSQuery(tc.typed)
		if got != tc.want || loose != tc.loose {
			t.Errorf("FTSQuery(%q) = %q, loose %v; want %q, loose %v", tc.typed, got, loose, tc.want, tc.loose)
		}
	}
}

func TestFTSWords_KeepsOnlyTheWords(t *testing.T) {
	for _, tc := range []struct{ typed, want string }{
		{`froze AND (boss`, `"froze" AND "boss"`},
		{`"manager raised*`, `"manager" "raised"`},
		{`title:boss NEAR(a)`, `"title" "boss" "NEAR" "a"`},
		{`people-pleasing`, `"people" "pleasing"`},
		{`— ***`, ``},
	} {
		if got := FTSWords(tc.typed); got != tc.want {
			t.Errorf("FTSWords(%q) = %q; want %q", tc.typed, got, tc.want)
		}
	}
}
