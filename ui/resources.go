package ui

import (
	"fyne.io/fyne/v2"

	"github.com/throughline/throughline/assets"
)

// Icon is the app's icon as the toolkit takes it; package assets holds
// only the bytes, so the report can embed its fonts without Fyne.
var Icon = fyne.NewStaticResource("icon.png", assets.Icon)
