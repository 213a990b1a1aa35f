package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// names are the fixture's people, as whole words in any case.
var names = regexp.MustCompile(`(?i)\b(sam|alex|jo|kim|mum)\b`)

func TestMarkdown(t *testing.T) {
	md := newFixture(t).build(t, Options{}).Markdown()
	for _, want := range []string{
		"# Session prep: Since your session on Tue 18 Nov",
		"- Entries: 4 entries written (3 in the 8 days before).",
		"- Mood: 5.5 out of 10 on average, over 4 rated entries (6.0 in the 8 days before: down 0.5).",
		"- Top patterns: avoidance 2 (0), people-pleasing 2 (+1), rumination 1 (0).",
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
		if m := names.FindString(out); m != "" {
			t.Errorf("%s still names %q:\n%s", format, m, out)
		}
		for _, want := range []string{
			"With your boss",
			"Talking to your boss",
			"Your boss asked me to stay late",    // a sentence starts with the label
			"I told your partner about it later", // "alex" in lower case too
			"being the reliable child (with your parent)",
			"With your friend (1)", // Jo, added before Kim
			"Your friend (1) to call me back",
			"Your friend (2) and your friend (1) were on a boat",
			"Say what I need to your partner",
			"Ask why I freeze when your boss is around",
			"People are named by who they are to you",
		} {
			if format == "HTML" {
				want = strings.ReplaceAll(want, "'", "&#39;")
			}
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q", format, want)
			}
		}
	}
}

func TestRedactor(t *testing.T) {
	x := newRedactor([]journal.Person{{Name: "Anna", Role: "friend"}, {Name: "Anna Maria", Role: "sibling"},
		{Name: "Łukasz", Role: "boss"}, {Name: "O'Neil", Role: "other"}})
	for _, c := range []struct{ in, want string }{
		{"Anna and Anna Maria", "Your friend and your sibling"},
		{"I saw Anna. anna maria came too! Then ANNA", "I saw your friend. Your sibling came too! Then your friend"},
		{"ANNA's bag, annabelle, Hannah", "Your friend's bag, annabelle, Hannah"},
		{"with anna\nmaria", "with your sibling"},
		{"so łukasz said", "so your boss said"},
		{"Łukaszowi", "Łukaszowi"}, // a longer word
		{"- _Anna_ and **Łukasz**", "- _Your friend_ and **your boss**"},
		{"for o'neil", "for someone"},
		{"", ""},
	} {
		if got := x.text(c.in); got != c.want {
			t.Errorf("text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := x.name("anna maria"); got != "your sibling" {
		t.Errorf("name = %q", got)
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
	} {
		if got := PlainText(c.in); got != c.want {
			t.Errorf("PlainText(%q) =\n%q\nwant\n%q", c.in, got, c.want)
		}
	}
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
