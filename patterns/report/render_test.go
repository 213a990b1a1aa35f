package report

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// names are the fixture's people, as whole words in any case.
var hiddenNames = regexp.MustCompile(`(?i)\b(sam|alex|jo|kim)\b`)

func TestMarkdown(t *testing.T) {
	md := newFixture(t).build(t, Options{}).Markdown()
	for _, want := range []string{
		"# Session prep: Since your session on Tue 18 Nov",
		"- Entries: 4 entries written (3 in the 8 days before).",
		"- Mood: 5.5 out of 10 on average, over 4 rated entries (6.0 in the 8 days before: down 0.5).",
		"- Top patterns: avoidance 2 (0), people-pleasing 2 (+1); 1 more named once.",
		"### " + flaggedTitle,
		"#### What happened", // the entry's own heading, under its title
		"Sam asked me to stay late again and I said **yes** before thinking.",
		"Καλημέρα · Привет · שלום",
		"### With Sam · Wed 19 Nov 2025 · " + flaggedTitle,
		"- **What I wanted:** to be asked, not told",
		"- **It reminds me of:** being the reliable child (with Mum)",
		"| Pattern | Category | Entries | Share | Before | Change |",
		"| people-pleasing | Relationship patterns | 2 | 50% | 1 | +1 |",
		"people-pleasing ██████████████████████████████ 2",
		"| Say what I need to Alex | 6/10 on Tue 25 Nov 2025, +3 since these days began |",
		"| ↳ ", // no sub-goals in the fixture: see below
		"| Tue 4 Nov 2025 (before these days) | 11 | moderate |",
		"- [ ] Ask why I freeze when Sam is around",
	} {
		if want == "| ↳ " {
			if strings.Contains(md, want) {
				t.Errorf("a top-level goal is shown as a sub-goal")
			}
			continue
		}
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Already talked about sleep") {
		t.Errorf("a ticked question is listed")
	}
}

func TestHTML(t *testing.T) {
	page := newFixture(t).build(t, Options{}).HTML()
	for _, want := range []string{
		"<!DOCTYPE html>",
		"<title>Session prep: Since your session on Tue 18 Nov</title>",
		"<h3>" + flaggedTitle + "</h3>",
		"<h4>What happened</h4>",
		"Sam asked me to stay late again and I said yes before thinking.",
		"Καλημέρα · Привет · שלום",
		"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;friends&lt;/b&gt;",
		"<th>Pattern</th><th>Category</th><th class=\"n\">Entries</th>",
		"<td>people-pleasing</td><td>Relationship patterns</td><td class=\"n\">2</td>",
		"<svg viewBox=\"0 0 700",
		"<rect x=\"270\"",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	for _, bad := range []string{"<script>", "<b>friends", "ZgotmplZ", "http://", "https://", "<link", "src="} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML contains %q: user text unescaped, or not self-contained", bad)
		}
	}
}

func TestRedactPeople(t *testing.T) {
	r := newFixture(t).build(t, Options{RedactPeople: true})
	md, page := r.Markdown(), r.HTML()
	for format, out := range map[string]string{"Markdown": md, "HTML": page} {
		if m := hiddenNames.FindString(out); m != "" {
			t.Errorf("%s still names %q:\n%s", format, m, out)
		}
		for _, want := range []string{
			"With [my manager]",
			"Talking to [my manager]",
			"[My manager] asked me to stay late",  // a sentence starts with the label
			"I told [my partner] about it later",  // "alex" in lower case too
			"being the reliable child (with Mum)", // a role is no name
			"With [my friend A]",                  // Jo, added before Kim
			"[My friend A] to call me back",
			"[My friend B] and [my friend A] were on a boat",
			"Say what I need to [my partner]",
			"Ask why I freeze when [my manager] is around",
			"Names are hidden",
		} {
			if format == "HTML" {
				want = strings.ReplaceAll(want, "'", "&#39;")
			}
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q", format, want)
			}
		}
		if strings.Contains(out, "your parent") || strings.Contains(out, "your boss") {
			t.Errorf("%s labels with “your …”", format)
		}
	}
}

func TestRedactor(t *testing.T) {
	x := newRedactor([]journal.Person{{Name: "Anna", Role: "friend"}, {Name: "Anna Maria", Role: "sibling"},
		{Name: "Łukasz", Role: "boss"}, {Name: "O'Neil", Role: "other"}, {Name: "Jo Reyes", Role: "colleague", Aliases: []string{"Joanna", "JoJo Bean"}},
		{Name: "Mum", Role: "parent"}, {Name: "my partner", Role: "partner"}, {Name: "Dr K", Role: "therapist"}}, []string{"Priya"})
	for _, c := range []struct{ in, want string }{
		{"Anna and Anna Maria", "[My friend] and [my sibling]"},
		{"I saw Anna. anna maria came too! Then ANNA", "I saw [my friend]. [My sibling] came too! Then [my friend]"},
		{"ANNA's bag, annabelle, Hannah", "[My friend]'s bag, annabelle, Hannah"},
		{"with anna\nmaria", "with [my sibling]"},
		{"so łukasz said", "so [my manager] said"},
		{"Łukaszowi", "Łukaszowi"}, // a longer word
		{"- _Anna_ and **Łukasz**", "- _[My friend]_ and **[my manager]**"},
		{"for o'neil", "for [A]"},
		{"Jo said so", "[My colleague] said so"},                                         // a first name alone
		{"then Reyes left", "then [my colleague] left"},                                  // a surname alone
		{"Jo's desk and jo’s chair", "[My colleague]'s desk and [my colleague]’s chair"}, // possessives
		{"a Jolly good Joke", "a Jolly good Joke"},                                       // a name inside a word stays
		{"Joanna, JoJo and Bean", "[My colleague], [my colleague] and [my colleague]"},   // aliases and their parts
		{"how my mum was, and Mum's face", "how my mum was, and Mum's face"},             // roles stay as written
		{"I told my partner", "I told my partner"},
		{"see Dr K about it", "see [my therapist] about it"},
		{"Priya and PRIYA", "[B] and [B]"}, // a hidden word
		{"", ""},
	} {
		if got := x.text(c.in); got != c.want {
			t.Errorf("text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := x.text("anna maria"); got != "[my sibling]" {
		t.Errorf("name = %q", got)
	}
}

func TestNameLikeWords(t *testing.T) {
	vocabulary := []string{"people-pleasing", "Anxious", "withdrawing under criticism"}
	for _, c := range []struct {
		name  string
		texts []string
		want  []string
	}{
		{"mid-sentence names", []string{"I met Priya and Tom's brother at the park."}, []string{"Priya", "Tom"}},
		{"sentence starts", []string{"Yesterday was long. Honestly I was tired!\nAfterwards I slept."}, nil},
		{"a name at a sentence start is found where it appears mid-sentence", []string{"Priya came.", "I saw Priya"}, []string{"Priya"}},
		{"common words and I", []string{"so I think The Dream was about Me"}, nil},
		{"roles", []string{"I told Mum and Dad, then my Partner"}, nil},
		{"months and weekdays", []string{"on Monday 3 March, and in May"}, nil},
		{"vocabulary", []string{"felt Anxious and People-pleasing again"}, nil},
		{"capitals and labels", []string{"the NHS letter for [A] and [My manager]"}, nil},
		{"titles", []string{"saw Dr Okafor today"}, []string{"Okafor"}},
		{"listed once", []string{"with Sam", "and sam, and Sam's"}, []string{"Sam"}},
		{"apostrophes and hyphens", []string{"with O'Neil and Mary-Jane"}, []string{"O'Neil", "Mary-Jane"}},
		{"after markdown marks", []string{"- **Tom** came\n# Heading"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := NameLikeWords(c.texts, vocabulary); !slices.Equal(got, c.want) {
				t.Errorf("NameLikeWords(%q) = %q, want %q", c.texts, got, c.want)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"# Title #\n\nSome *soft* and **strong** and _this_ and snake_case_word.", "Title\n\nSome soft and strong and this and snake_case_word."},
		{"one\ntwo  \nthree\\\nfour", "one two\nthree\nfour"},
		{"- a\n- [ ] b\n  - [x] c\n1. d", "• a\n\n☐ b\n\n  ☑ c\n\n1. d"},
		{"> quoted\n> more\n\nafter", "quoted more\n\nafter"},
		{"See [the notes](https://example.org/x \"t\") and ![a cat](cat.png) and `code`.", "See the notes (https://example.org/x) and a cat and code."},
		{"```\nkeep *this*\n  as is\n```\n---\nHeading\n===", "keep *this*\n  as is\n\nHeading"},
		{"\\*not emphasis\\* ~~gone~~", "*not emphasis* gone"},
		// Read as the preview reads them.
		{"text\n\n    indented *code*\n\nafter", "text\n\nindented *code*\n\nafter"},
		{"`a *b* c` and `[x](y)`", "a *b* c and [x](y)"},
		{"1. one\n1. two", "1. one\n\n2. two"},
		{"Tom &amp; Sam &#35;1", "Tom & Sam #1"},
		{"> - quoted item\n\n- [link **bold**](u)", "• quoted item\n\n• link bold (u)"},
	} {
		if got := PlainText(c.in); got != c.want {
			t.Errorf("PlainText(%q) =\n%q\nwant\n%q", c.in, got, c.want)
		}
	}
}

func TestDemoteHeadings(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"# A\ntext\n## B #", "#### A\ntext\n##### B #"},
		{"  # Indented\n##### Five\n###### Six", "  #### Indented\n###### Five\n###### Six"},
		{"```\n# code\n```\n    # indented code", "```\n# code\n```\n    # indented code"},
		{"> # quoted\n- # listed", "> #### quoted\n- #### listed"},
		{"#tag\nUnderlined\n===", "#tag\nUnderlined\n==="},
	} {
		if got := journal.DemoteHeadings(c.in, 3); got != c.want {
			t.Errorf("demoteHeadings(%q) =\n%q\nwant\n%q", c.in, got, c.want)
		}
	}
}

// FuzzPlainText: any body flattens without a panic, and demoting its
// headings only adds '#'s.
func FuzzPlainText(f *testing.F) {
	for _, md := range []string{
		"# Title #\n\n*soft* **strong**", "- a\n- [ ] b\n  - [x] c\n1. d", "> quoted\n> - item\n\nafter",
		"[the notes](https://example.org/x \"t\") ![a cat](cat.png) <https://x.org> `code`",
		"```\n# code\n```\n---\nHeading\n===", "<div>\n# html\n</div>\n\n<b>x</b> &amp;", "-\n\n    code\n#tag\n===",
	} {
		f.Add(md)
	}
	f.Fuzz(func(t *testing.T, md string) {
		PlainText(md)
		if d := journal.DemoteHeadings(md, 3); strings.ReplaceAll(d, "#", "") != strings.ReplaceAll(md, "#", "") {
			t.Fatalf("demoteHeadings(%q) = %q: more changed than the '#'s", md, d)
		}
	})
}

func TestVisual(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"שלום", "םולש"},
		{"say שלום עולם now", "say םלוע םולש now"},
		{"\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd", "\u05dd\u05d5\u05b9\u05dc\u05e9\u05b8\u05c1"}, // points stay after their letters
		{"(שלום)", "(םולש)"},                   // brackets outside the run stay
		{"שלום (עולם) טוב", "בוט (םלוע) םולש"}, // brackets inside it mirror
	} {
		if got := visual(c.in); got != c.want {
			t.Errorf("visual(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPDFClean(t *testing.T) {
	if got := pdfClean("a\tb\x00c 😀\nd"); got != "a bc \uFFFD\nd" {
		t.Errorf("pdfClean = %q", got)
	}
}
