package ui

import "regexp"

// markdownImage is ![alt](address "title").
var markdownImage = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)

// withoutImages shows Markdown images as their description. Fyne's
// preview would fetch a web address (which Throughline refuses: it never
// uses the network), then draw the next line over the gap.
func withoutImages(md string) string {
	return markdownImage.ReplaceAllString(md, "[image: $1]")
}
