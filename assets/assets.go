// Package assets holds the files Throughline embeds in its binary, as
// bytes: the window wraps them for its toolkit (ui/resources.go), and the
// report reads them without linking the toolkit.
package assets

import _ "embed"

// Icon is the app's icon, a PNG: two lines that meet, for the thread that
// runs through what a person notices about themselves.
//
//go:embed icon.png
var Icon []byte
