package journal

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// inlineTagsCases also seed FuzzInlineTags.
var inlineTagsCases = []struct {
	name string
	body string
	want []string
}{
	// What a tag is.
	{"empty body", "", nil},
	{"no tags", "Coffee with Sam. I said yes again.", nil},
	{"one tag", "I noticed #people-pleasing again.", []string{"people-pleasing"}},
	{"order of first appearance", "#shame, then #anger, then #shame again", []string{"shame", "anger"}},
	{"same NameKey is one tag", "#People-Pleasing and #people_pleasing and #PEOPLE-PLEASING", []string{"People-Pleasing"}},
	{"first spelling wins", "#avoidance first, #Avoidance later", []string{"avoidance"}},
	{"underscores inside", "#going_quiet under criticism", []string{"going_quiet"}},
	{"letters of any script", "#ärger #тревога #悲しみ #خشم", []string{"ärger", "тревога", "悲しみ", "خشم"}},
	{"marks inside letters", "#क्रोध and #ความเศร้า", []string{"क्रोध", "ความเศร้า"}},
	{"zero-width non-joiner inside a Persian word", "#بی\u200cحوصلگی", []string{"بی\u200cحوصلگی"}},
	{"decomposed accent", "#ma\u0300tre", []string{"ma\u0300tre"}},
	{"ends at punctuation", "#anger. #shame, #fear! #guilt? #envy's (#grief) \"#joy\"", []string{"anger", "shame", "fear", "guilt", "envy", "grief", "joy"}},
	{"ends at emoji", "#calm😌 and #😀", []string{"calm"}},
	{"trailing hyphens and underscores trimmed", "#avoidance- #shame__ #fear-_-.", []string{"avoidance", "shame", "fear"}},
	{"only digits is not a tag", "#1 #2026 #2026-11-25 #٣", nil},
	{"digits with a letter", "#1st session, #2026-review", []string{"1st", "2026-review"}},
	{"must start with a letter or digit", "#-anger #_anger #- #_", nil},
	{"lone hash", "# and #, and a # b", nil},

	// What may come before the '#'.
	{"after a letter", "C# and F#minor and x#y", nil},
	{"after a digit", "issue#three 3#x", nil},
	{"after an underscore in a word", "snake_#case and __init__#x", nil},
	{"HTML entities", "it&#39;s &#x27;quoted&#x27; &#123; &#anger;", nil},
	{"after a slash", "path/#x and a/b/#c", nil},
	{"doubled hash", "##twice ###thrice", nil},
	{"tag right after a tag", "#anger#shame", []string{"anger"}},
	{"after a hyphen", "well-#known", []string{"known"}},
	{"after a non-breaking space", "so\u00a0#tired", []string{"tired"}},
	{"text without spaces needs punctuation", "今日は#悲しみ。今日は、#不安", []string{"不安"}},
	{"escaped hash", `\#not-a-tag`, nil},
	{"escaped backslash then a tag", `\\#tag`, []string{"tag"}},

	// Headings.
	{"headings are not tags", "# Title\n## Sub\n###### Six\n####### seven", nil},
	{"tag in a heading", "# Feeling #anxious today", []string{"anxious"}},
	{"heading with closing hashes", "## Monday ##\n# Tuesday #", nil},
	{"tag at the start of a line", "#tag opens the line", []string{"tag"}},
	{"tag at the start of a later line", "first line\n#second", []string{"second"}},
	{"indented heading", "   # Title #x", []string{"x"}},
	{"heading opened with a tab", "#\tTitle", nil},
	{"hash alone", "#\n##", nil},
	{"setext heading", "#anger\n======", []string{"anger"}},
	{"setext heading then indented code", "#anger\n-\n    #not", []string{"anger"}},
	{"empty list item cannot interrupt a paragraph", "text\n*\n    #yes", []string{"yes"}},
	{"numbered list interrupts a paragraph only from 1", "text `a\n2. #not` #yes\n1. #also", []string{"yes", "also"}},

	// Code spans.
	{"code span", "say `#not-a-tag` and #tag", []string{"tag"}},
	{"double-backtick span holding a backtick", "``a ` #not`` #yes", []string{"yes"}},
	{"triple-backtick span inline", "```x `` #not``` #yes", []string{"yes"}},
	{"unmatched backtick is literal", "`#yes", []string{"yes"}},
	{"backtick runs of different lengths don't match", "``#yes` #also", []string{"yes", "also"}},
	{"code span across a line break", "a `b\n#not` c #yes", []string{"yes"}},
	{"code span ends with its paragraph", "`a\n\n#yes`", []string{"yes"}},
	{"escaped backtick opens no span", "\\`#yes`", []string{"yes"}},
	{"backslash in a code span is literal", "`a\\` #yes", []string{"yes"}},

	// Fenced code blocks.
	{"backtick fence", "```\n#not\n```\n#yes", []string{"yes"}},
	{"tilde fence", "~~~\n#not\n~~~\n#yes", []string{"yes"}},
	{"fence with info", "```go\n// #not\n```\n#yes", []string{"yes"}},
	{"longer fence holds a shorter one", "````\n```\n#not\n````\n#yes", []string{"yes"}},
	{"closed only by its own mark", "~~~\n```\n#not\n~~~\n#yes", []string{"yes"}},
	{"closing fence may be longer", "```\n#not\n`````\n#yes", []string{"yes"}},
	{"closing fence with text is not one", "```\n#not\n``` x\n#still-not\n```\n#yes", []string{"yes"}},
	{"unclosed fence runs to the end", "#before\n```\n#not\n\n#not-either", []string{"before"}},
	{"indented fence", "   ```\n#not\n   ```\n#yes", []string{"yes"}},
	{"backtick in info is no fence", "``` a`b\n#yes", []string{"yes"}},
	{"fence interrupts a paragraph", "text\n```\n#not\n```", nil},
	{"fence in a list item", "- ```\n  #not\n  ```\n- #yes", []string{"yes"}},
	{"fence ends with its list item", "- ```\n  #not\n#yes", []string{"yes"}},
	{"fence in a blockquote", "> ```\n> #not\n> ```\n> #yes", []string{"yes"}},
	{"fence ends with its blockquote", "> ```\n> #not\n\n#yes", []string{"yes"}},

	// Indented code blocks.
	{"indented code after a blank line", "text\n\n    #not\n\n#yes", []string{"yes"}},
	{"tab-indented code", "text\n\n\t#not\n\n#yes", []string{"yes"}},
	{"indented code at the start", "    #not\n#yes", []string{"yes"}},
	{"indented code keeps blank lines", "    #not\n\n    #not-either\n#yes", []string{"yes"}},
	{"indented line continues a paragraph", "text\n    #yes", []string{"yes"}},
	{"indented code after a heading", "# Title\n    #not", nil},
	{"list continuation is not code", "- item\n\n  #yes", []string{"yes"}},
	{"ordered list continuation is not code", "1. item\n\n    #yes", []string{"yes"}},
	{"code inside a list item", "- item\n\n      #not", nil},
	{"nested list continuation", "- a\n  - b\n\n    #yes\n\n        #not", []string{"yes"}},
	{"list item opening with code", "-     #not", nil},
	{"list ends after a blank line", "- item\n\n#yes\n\n    #not", []string{"yes"}},
	{"empty list item ends at a blank line", "-\n\n    #not\n\n-\n  #yes", []string{"yes"}},

	// Links and URLs.
	{"URL fragment", "https://example.com/page#section", nil},
	{"URL schemes", "http://a.org/#a ftp://b.org/f#b mailto:me@example.com#c www.example.com/#d", nil},
	{"URL in capitals", "HTTPS://EXAMPLE.COM/#Top", nil},
	{"URL then a tag", "https://example.com/#x #yes", []string{"yes"}},
	{"URL ends at a paren it did not open", "(see https://example.com/#x)#yes", []string{"yes"}},
	{"URL keeps balanced parens", "https://en.wikipedia.org/wiki/Shame_(emotion)#Causes #yes", []string{"yes"}},
	{"URL ends at a bracket it did not open", "[https://example.com/#x]#yes", []string{"yes"}},
	{"URL ends at a code span", "https://example.com/`a #not` #yes", []string{"yes"}},
	{"scheme inside a word is no URL", "xhttp://a-#yes", []string{"yes"}},
	{"link destination", "[text](https://example.com#frag) [notes](notes.md#monday) [top](#top)", nil},
	{"link text is text", "[#anger at work](notes#x)", []string{"anger"}},
	{"image source", "![me](me.png#crop)", nil},
	{"link with title", `[a](url#x "title #t") [b](<url with spaces#y> 'x #t2') [c](u (#t3))`, nil},
	{"link destination with balanced parens", "[a](x_(y)#z) #yes", []string{"yes"}},
	{"no link without an open bracket", "a](#yes)", []string{"yes"}},
	{"broken link is text", "[a](#yes is not a link", []string{"yes"}},
	{"reference definition", "[ref]: https://example.com/#x \"#t\"\n[top]: #top\n\n#yes", []string{"yes"}},
	{"reference definition cannot interrupt a paragraph", "text\n[ref]: #yes", []string{"yes"}},
	{"autolinks", "<https://example.com/#x> <mailto:me@example.com#y> <irc://host/#chan>", nil},
	{"angle brackets in prose", "<notalink #yes> a <3 #love", []string{"yes", "love"}},

	// HTML.
	{"HTML attribute", `<span style="color:#c00">#yes</span>`, []string{"yes"}},
	{"HTML comment", "text <!-- #not --> #yes", []string{"yes"}},
	{"unclosed comment is text", "text <!-- #yes", []string{"yes"}},
	{"a comment opening a line hides the line", "<!-- #not --> #not-either\n\n#yes", []string{"yes"}},
	{"HTML comment block", "<!--\n#not\n\n#not-either\n-->\n\n#yes", []string{"yes"}},
	{"HTML block ends at a blank line", "<div>\n#not\n</div>\n\n#yes", []string{"yes"}},
	{"pre block ends at its closing tag", "<pre>\n#not\n\n</pre>\n#yes", []string{"yes"}},
	{"a lone tag line opens an HTML block", "<br>\n#not\n\n#yes", []string{"yes"}},
	{"a lone tag line cannot interrupt a paragraph", "text\n<br>\n#yes", []string{"yes"}},

	// Where tags may be.
	{"emphasis", "*#shame* **#guilt** _#fear_ __#envy__ ~~#old~~", []string{"shame", "guilt", "fear", "envy", "old"}},
	{"lists", "- #anger\n* #sadness\n+ #fear\n1. #shame\n2) #guilt\n- [ ] #task", []string{"anger", "sadness", "fear", "shame", "guilt", "task"}},
	{"blockquotes", "> #denial\n> > #projection\n>#splitting", []string{"denial", "projection", "splitting"}},
	{"lazy blockquote continuation", "> text\n#yes", []string{"yes"}},
	{"table cells", "| feeling | when |\n|---|---|\n| #anger | Monday |", []string{"anger"}},
	{"heading in a list item", "- # Title #x", []string{"x"}},

	// Line endings.
	{"CRLF after an empty list item", "*\r\n      #A", nil},
	{"LF after an empty list item", "*\n      #A", nil},
	{"CRLF", "# Title\r\n\r\n#anger\r\n```\r\n#not\r\n```\r\ntext `a\r\n#not`\r\n    #lazy\r\n\r\n    #not\r\n#yes\r\n", []string{"anger", "lazy", "yes"}},

	{"a megabyte", megabyteBody, megabyteTags},
}

// megabyteBody is a journal's worth of entries in one body, over 1 MB,
// ending with a tag found nowhere else; megabyteTags are its tags.
var megabyteBody, megabyteTags = func() (string, []string) {
	const entry = `# Monday, after the session

When my manager questioned the plan I went quiet again, #withdrawing-under-criticism,
and then agreed to everything. *#people-pleasing*, as Dr. K says. I wrote it down:

- what I felt: #anxious, then #ashamed
- what I did: apologised twice
- what I wanted: to say "let me think about it"

> You are allowed to take a moment. #reassurance

See [my notes](notes.md#monday) and https://example.com/articles/shame#causes for later.

` + "```" + `
#not-a-tag inside a fence
` + "```" + `

Use ` + "`#literal`" + ` for code. It&#39;s C# all the way down; issue#12 isn't mine.

`
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString(entry)
	}
	b.WriteString("#last-line\n")
	return b.String(), []string{"withdrawing-under-criticism", "people-pleasing", "anxious", "ashamed", "reassurance", "last-line"}
}()

func TestInlineTags(t *testing.T) {
	for _, tt := range inlineTagsCases {
		t.Run(tt.name, func(t *testing.T) {
			got := InlineTags(tt.body)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("InlineTags(%.200q)\n got %q\nwant %q", tt.body, got, tt.want)
			}
		})
	}
}

// TestInlineTagsLinearTime reads bodies built to make a careless parser
// rescan text (unclosed code spans, links, HTML and emphasis by the
// thousand) in far less time than a quadratic parser would need.
// goldmark, which the preview reads with too, is quadratic on the
// patterns in slowInGoldmark (nested containers on one line, unclosed link
// brackets, broken HTML tags): those are read at 16 KiB, not 1 MB, so the
// test still catches them getting worse.
func TestInlineTagsLinearTime(t *testing.T) {
	patterns := []string{
		"` `` ``` ```` ````` ", "[", "](", "[](a", "[](a \"x", "[a](<b ", "<", "<a ", "<a b='", "<a b=\"<a c='",
		"<!--", "<https:", "_", "_#", "#", "#a", "&#", "\\", "- ", "> ", "1. ", "- - - ",
		"https://", "www.(", "\n    ", "\n```", "\n<div>\n", "\n- a\n\n",
	}
	slowInGoldmark := map[string]bool{"[": true, "[](a": true, "[a](<b ": true, "<a ": true, "_#": true, "- ": true, "> ": true, "1. ": true, "- - - ": true}
	for _, p := range patterns {
		size := 1 << 20
		if slowInGoldmark[p] {
			size = 16 << 10
		}
		body := strings.Repeat(p, size/len(p)) + " #end"
		start := time.Now()
		InlineTags(body)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%q repeated to %d bytes took %s; reading a body should be linear", p, size, d)
		}
	}
}

// FuzzInlineTags: any body gives tags that are in it and well formed,
// each once, the same each time; code hides them, and line endings and a
// following paragraph don't change them.
func FuzzInlineTags(f *testing.F) {
	for _, tt := range inlineTagsCases {
		if len(tt.body) <= 4096 { // a megabyte seed would slow every mutation
			f.Add(tt.body)
		}
	}
	f.Fuzz(func(t *testing.T, body string) {
		tags := InlineTags(body)
		keys := map[string]bool{}
		for _, tag := range tags {
			if tag == "" || strings.ContainsRune(tag, '#') || strings.IndexFunc(tag, unicode.IsSpace) >= 0 || !utf8.ValidString(tag) {
				t.Fatalf("%q: malformed tag %q", body, tag)
			}
			if !strings.Contains(body, "#"+tag) {
				t.Fatalf("%q: tag %q is not in the body", body, tag)
			}
			if k := NameKey(tag); keys[k] {
				t.Fatalf("%q: tags %q share the key %q", body, tags, k)
			} else {
				keys[k] = true
			}
		}
		if again := InlineTags(body); !slices.Equal(again, tags) {
			t.Fatalf("%q: %q the first time, %q the second", body, tags, again)
		}
		fence := strings.Repeat("`", longestRun(body, '`')+3)
		if got := InlineTags(fence + "\n" + body + "\n" + fence); len(got) > 0 {
			t.Fatalf("%q in a code fence gave tags %q", body, got)
		}
		if got := InlineTags(body + "\n\n#zz"); len(got) < len(tags) || !slices.Equal(got[:len(tags)], tags) {
			t.Fatalf("%q gave %q, but %q with a paragraph after it", body, tags, got)
		}
		if !strings.Contains(body, "\r") {
			if got := InlineTags(strings.ReplaceAll(body, "\n", "\r\n")); !slices.Equal(got, tags) {
				t.Fatalf("%q gave %q with LF, %q with CRLF", body, tags, got)
			}
		}
	})
}

func longestRun(s string, c byte) int {
	longest, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			longest = max(longest, n)
		} else {
			n = 0
		}
	}
	return longest
}

// Target: a save re-reads the body, so a 1 MB body should take a few
// milliseconds at most.
func BenchmarkInlineTags(b *testing.B) {
	b.SetBytes(int64(len(megabyteBody)))
	b.ReportAllocs()
	for b.Loop() {
		InlineTags(megabyteBody)
	}
}

func ExampleInlineTags() {
	fmt.Println(InlineTags("Said yes again. #people-pleasing, then `#code` and #Shame, #shame"))
	// Output: [people-pleasing Shame]
}
