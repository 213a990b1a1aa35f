package transfer

import (
	"encoding/json"
	"strings"
)

// dayOneRichText is Day One's richText: the entry's text as runs, each
// with its attributes. Newer Day One versions may leave text empty and
// keep an entry's words only here.
type dayOneRichText struct {
	Contents []struct {
		Text       string `json:"text"`
		Attributes struct {
			Line struct {
				Header int `json:"header"` // 1 to 3 for a heading line
			} `json:"line"`
		} `json:"attributes"`
	} `json:"contents"`
}

// dayOneRichTextMarkdown turns richText into Markdown: header lines
// become headings ("#" to "###"), every other run is kept as written. It
// says why when richText can't be read.
func dayOneRichTextMarkdown(rich string) (string, string) {
	var rt dayOneRichText
	if err := json.Unmarshal([]byte(rich), &rt); err != nil {
		return "", "its text is empty and its richText is not the JSON Day One writes, so I can't read it"
	}
	var b strings.Builder
	for _, run := range rt.Contents {
		h := min(run.Attributes.Line.Header, 3)
		if h <= 0 {
			b.WriteString(run.Text)
			continue
		}
		for line := range strings.Lines(run.Text) {
			if strings.TrimSpace(line) == "" {
				b.WriteString(line)
				continue
			}
			if s := b.String(); s != "" && !strings.HasSuffix(s, "\n") { // a heading starts its own line
				b.WriteString("\n")
			}
			b.WriteString(strings.Repeat("#", h) + " " + strings.TrimLeft(line, " \t"))
		}
	}
	return b.String(), ""
}
