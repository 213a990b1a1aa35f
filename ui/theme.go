package ui

import (
	"image/color"
	"slices"
	"sync"

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

// newJournalTheme is base in variant, its text scaled.
func newJournalTheme(base fyne.Theme, variant string, scale float32) journalTheme {
	if scale <= 0 {
		scale = 1
	}
	return journalTheme{Theme: base, variant: variant, scale: scale}
}

// Color forces the chosen variant; "system" keeps the computer's. Text
// colours come back legible on every surface text sits on, and the text
// on a filled colour legible on that fill, whatever Fyne or the person's
// primary colour would give.
func (t journalTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	if fill, ok := onColours[n]; ok {
		return legible(t.Theme.Color(n, v), t.Color(fill, v))
	}
	if !slices.Contains(textColours, n) {
		return t.Theme.Color(n, v)
	}
	return t.legibleColour(n, v)
}

// textColours are the colours Fyne and this window draw text in, on the
// window's surfaces. Disabled is among them: Fyne draws low-importance
// labels, which say things worth reading, in it.
var textColours = []fyne.ThemeColorName{
	theme.ColorNameForeground, theme.ColorNamePlaceHolder, theme.ColorNameDisabled,
	theme.ColorNamePrimary, theme.ColorNameHyperlink,
	theme.ColorNameError, theme.ColorNameSuccess, theme.ColorNameWarning,
}

// onColours are text colours for a filled colour, by the fill's name.
var onColours = map[fyne.ThemeColorName]fyne.ThemeColorName{
	theme.ColorNameForegroundOnPrimary: theme.ColorNamePrimary,
	theme.ColorNameForegroundOnError:   theme.ColorNameError,
	theme.ColorNameForegroundOnSuccess: theme.ColorNameSuccess,
	theme.ColorNameForegroundOnWarning: theme.ColorNameWarning,
}

// textSurfaces are what text sits on: the backgrounds of the window,
// fields, menus, dialogs, headers and buttons, and a row hovered or
// selected (those two are translucent, over the background).
var textSurfaces = [...]fyne.ThemeColorName{
	theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
	theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground, theme.ColorNameButton,
	theme.ColorNameHover, theme.ColorNameSelection,
}

// surfaces are the textSurfaces in variant v, each as the eye sees it.
func (t journalTheme) surfaces(v fyne.ThemeVariant) []color.Color {
	bg := t.Theme.Color(theme.ColorNameBackground, v)
	out := make([]color.Color, len(textSurfaces))
	for i, n := range textSurfaces {
		out[i] = over(t.Theme.Color(n, v), bg)
	}
	return out
}

// legibleKey is what a legible colour depends on.
type legibleKey struct {
	name     fyne.ThemeColorName
	text     color.NRGBA
	surfaces [len(textSurfaces)]color.NRGBA
}

// legibleCache keeps colours made legible: Fyne asks for them at every
// redraw, and finding one takes a few hundred contrast sums.
var legibleCache sync.Map // legibleKey → color.Color

// legibleColour is the base theme's colour n in v, made legible on
// every surface.
func (t journalTheme) legibleColour(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	text, surfaces := t.Theme.Color(n, v), t.surfaces(v)
	key := legibleKey{name: n, text: color.NRGBAModel.Convert(text).(color.NRGBA)}
	for i, s := range surfaces {
		key.surfaces[i] = s.(color.NRGBA)
	}
	if c, ok := legibleCache.Load(key); ok {
		return c.(color.Color)
	}
	ratio := minContrast
	if n == theme.ColorNameForeground {
		ratio = bodyContrast
	}
	c := legibleAt(ratio, text, surfaces...)
	legibleCache.Store(key, c)
	return c
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
// The theme is always ours, wrapped around the one Fyne had, so that
// text is legible before any choice; the system variant still follows
// FYNE_THEME, and FYNE_SCALE is Fyne's own setting, apart from the theme.
func applyAppearance(a fyne.App) {
	base := a.Settings().Theme()
	if ours, ok := base.(journalTheme); ok {
		base = ours.Theme
	}
	_, scale := chosenTextSize(a.Preferences())
	a.Settings().SetTheme(newJournalTheme(base, chosenTheme(a.Preferences()), scale))
}
