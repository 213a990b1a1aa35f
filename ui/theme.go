package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Preference keys for how the window looks. Fyne keeps them in its
// preferences file, outside the journal: they hold no journal text.
const (
	prefTheme    = "theme"     // themeSystem, themeLight or themeDark
	prefTextSize = "text_size" // one of textSizes' values
)

// The themes a person can choose.
const (
	themeSystem = "system" // light or dark as the computer is set
	themeLight  = "light"
	themeDark   = "dark"
)

// themeChoices name the themes as the Settings screen offers them.
var themeChoices = []struct{ label, value string }{
	{"Same as my computer", themeSystem},
	{"Light", themeLight},
	{"Dark", themeDark},
}

// textSizes are the text sizes offered, as a factor of Fyne's own.
var textSizes = []struct {
	label, value string
	scale        float32
}{
	{"Smaller", "smaller", 0.9},
	{"Normal", "normal", 1},
	{"Larger", "larger", 1.15},
	{"Largest", "largest", 1.3},
}

const defaultTextSize = "normal"

// journalTheme is Fyne's theme, light or dark as the person chose, with
// the text at the size they chose. It overrides only what differs.
type journalTheme struct {
	fyne.Theme
	variant string  // themeSystem, themeLight or themeDark
	scale   float32 // text sizes are multiplied by this
}

var _ fyne.Theme = journalTheme{}

// newJournalTheme is the default theme in variant, its text scaled.
func newJournalTheme(variant string, scale float32) journalTheme {
	if scale <= 0 {
		scale = 1
	}
	return journalTheme{Theme: theme.DefaultTheme(), variant: variant, scale: scale}
}

// Color forces the chosen variant; "system" keeps the computer's.
func (t journalTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	return t.Theme.Color(n, v)
}

// Size scales text, and the icons that sit in a line of it, by the
// chosen factor; the space around them grows by half as much, so larger
// text doesn't push everything apart.
func (t journalTheme) Size(n fyne.ThemeSizeName) float32 {
	size := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameCaptionText, theme.SizeNameHeadingText,
		theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon:
		return size * t.scale
	case theme.SizeNamePadding, theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		return size * (1 + (t.scale-1)/2)
	}
	return size
}

// chosenTheme is the theme value kept in p, or themeSystem.
func chosenTheme(p fyne.Preferences) string {
	v := p.StringWithFallback(prefTheme, themeSystem)
	for _, c := range themeChoices {
		if c.value == v {
			return v
		}
	}
	return themeSystem
}

// chosenTextSize is the text size value kept in p, and its factor.
func chosenTextSize(p fyne.Preferences) (string, float32) {
	v := p.StringWithFallback(prefTextSize, defaultTextSize)
	for _, s := range textSizes {
		if s.value == v {
			return v, s.scale
		}
	}
	return defaultTextSize, 1
}

// applyAppearance puts the theme and text size kept in the preferences
// into effect. Call it once the app is made, before the window shows.
// Until the person chooses something else, Fyne's own theme stays, and
// with it the FYNE_THEME and FYNE_SCALE a person may have set.
func applyAppearance(a fyne.App) {
	variant := chosenTheme(a.Preferences())
	size, scale := chosenTextSize(a.Preferences())
	if variant == themeSystem && size == defaultTextSize {
		if _, ours := a.Settings().Theme().(journalTheme); !ours {
			return
		}
	}
	a.Settings().SetTheme(newJournalTheme(variant, scale))
}
