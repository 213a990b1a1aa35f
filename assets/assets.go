// Package assets holds the files Throughline embeds in its binary.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app's icon: two lines that meet, for the thread that runs
// through what a person notices about themselves.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
