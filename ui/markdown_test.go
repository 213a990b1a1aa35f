package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

func TestWithoutImages(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"no images", "no images"},
		{"![a pixel](http://127.0.0.1/p.png)", "[image: a pixel]"},
		{"before ![](https://x.org/a.png \"title\") after", "before [image: ] after"},
		{"[a link](https://x.org) stays", "[a link](https://x.org) stays"},
		{"two ![one](a.png) and ![two](b.png)", "two [image: one] and [image: two]"},
	} {
		if got := withoutImages(tc.in); got != tc.want {
			t.Errorf("withoutImages(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPreviewAgreesWithTags: a tag is a word the preview shows as text,
// and a '#' word it shows as code, or does not show, is no tag. The last
// cases are where the hand-written reader that came before goldmark
// disagreed with the preview.
func TestPreviewAgreesWithTags(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		tags       []string
		notText    []string // shown as code or not at all
	}{
		{"inline code", "say `#code` and #yes", []string{"yes"}, []string{"#code"}},
		{"fenced block", "```\n#fenced\n```\n#yes", []string{"yes"}, []string{"#fenced"}},
		{"indented block", "text\n\n    #indented\n\n#yes", []string{"yes"}, []string{"#indented"}},
		{"link text and address", "[#anger at work](notes.md#monday)", []string{"anger"}, []string{"#monday"}},
		{"autolink", "<https://example.com/#top> #yes", []string{"yes"}, []string{"#top"}},
		{"HTML block", "<div>\n#hidden\n</div>\n\n#yes", []string{"yes"}, []string{"#hidden"}},
		{"inline HTML", `<span title="#attr">#yes</span>`, []string{"yes"}, []string{"#attr"}},
		{"HTML comment", "text <!-- #draft --> #yes", []string{"yes"}, []string{"#draft"}},
		{"emphasis around a tag", "*#shame* **#guilt** ~~#old~~", []string{"shame", "guilt", "old"}, nil},
		{"heading and tag", "# Title\n\n## Monday #tired", []string{"tired"}, nil},
		{"tag opening a line", "#anger opens the line", []string{"anger"}, nil},
		{"reference definition", "[ref]: https://example.com/#frag\n\n#yes", []string{"yes"}, []string{"#frag"}},
		{"list and quote", "- #listed\n\n> #quoted", []string{"listed", "quoted"}, nil},
		{"lower-case declaration is text", "<!o> #shown", []string{"shown"}, nil},
		{"lower-case declaration opens no HTML block", "<!x --> #shown\n\n#yes", []string{"shown", "yes"}, nil},
		{"definition with an open parenthesis", "[0]:(#hidden", nil, []string{"#hidden"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := journal.InlineTags(tc.body); !slices.Equal(got, tc.tags) {
				t.Errorf("InlineTags(%q) = %q, want %q", tc.body, got, tc.tags)
			}
			shown := previewText(widget.NewRichTextFromMarkdown(tc.body).Segments)
			for _, tag := range tc.tags {
				if !strings.Contains(shown, "#"+tag) {
					t.Errorf("the preview of %q shows no #%s as text: %q", tc.body, tag, shown)
				}
			}
			for _, word := range tc.notText {
				if strings.Contains(shown, word) {
					t.Errorf("the preview of %q shows %s as text: %q", tc.body, word, shown)
				}
			}
		})
	}
}

// previewText is the text the preview shows in segs, code left out.
func previewText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.TextSegment:
			if !s.Style.TextStyle.Monospace {
				b.WriteString(s.Text + " ")
			}
		case *widget.HyperlinkSegment:
			b.WriteString(s.Text + " ")
		case *widget.ListSegment:
			b.WriteString(previewText(s.Items))
		case *widget.ParagraphSegment:
			b.WriteString(previewText(s.Texts))
		}
	}
	return b.String()
}

// A paragraph's single line breaks stay breaks in the preview; lists,
// quotes and code keep their own Markdown.
func TestKeepLineBreaks(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"two lines", "First line\nSecond line", "First line\n\nSecond line"},
		{"hard break marks dropped", "one  \ntwo\\\nthree", "one\n\ntwo\n\nthree"},
		{"indented line not code", "one\n    two", "one\n\ntwo"},
		{"paragraphs as they were", "one\n\ntwo", "one\n\ntwo"},
		{"list left alone", "- a\n- b", "- a\n- b"},
		{"quote left alone", "> a\n> b", "> a\n> b"},
		{"fenced code left alone", "```\na\nb\n```", "```\na\nb\n```"},
	} {
		if got := keepLineBreaks(tc.in); got != tc.want {
			t.Errorf("%s: keepLineBreaks(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}
