package ui

import (
	"image/color"

	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestJournalTheme_ForcesTheChosenVariant(t *testing.T) {
	base := theme.DefaultTheme()
	for _, c := range []struct {
		variant string
		asked   fyne.ThemeVariant
		want    fyne.ThemeVariant
	}{
		{themeLight, theme.VariantDark, theme.VariantLight},
		{themeLight, theme.VariantLight, theme.VariantLight},
		{themeDark, theme.VariantLight, theme.VariantDark},
		{themeDark, theme.VariantDark, theme.VariantDark},
		{themeSystem, theme.VariantLight, theme.VariantLight},
		{themeSystem, theme.VariantDark, theme.VariantDark},
	} {
		th := newJournalTheme(base, c.variant, 1)
		for _, name := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameSeparator, theme.ColorNameInputBackground} {
			if got, want := th.Color(name, c.asked), base.Color(name, c.want); got != want {
				t.Errorf("%s theme, %v asked: %s is %v, want %v", c.variant, c.asked, name, got, want)
			}
		}
	}
}

func TestJournalTheme_ScalesText(t *testing.T) {
	base := theme.DefaultTheme()
	th := newJournalTheme(base, themeSystem, 1.3)
	for _, name := range []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNameCaptionText, theme.SizeNameHeadingText,
		theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon} {
		if got, want := th.Size(name), base.Size(name)*1.3; got != want {
			t.Errorf("%s is %v, want %v", name, got, want)
		}
	}
	if got, want := th.Size(theme.SizeNamePadding), base.Size(theme.SizeNamePadding)*1.15; got != want {
		t.Errorf("padding is %v, want %v (half the text's growth)", got, want)
	}
	if got, want := th.Size(theme.SizeNameScrollBar), base.Size(theme.SizeNameScrollBar); got != want {
		t.Errorf("scroll bar is %v, want %v (unscaled)", got, want)
	}
	if got, want := newJournalTheme(base, themeDark, 0).Size(theme.SizeNameText), base.Size(theme.SizeNameText); got != want {
		t.Errorf("with no scale the text is %v, want Fyne's %v", got, want)
	}
}

func TestApplyAppearance_OursFromTheStart(t *testing.T) {
	a := test.NewTempApp(t)
	before := a.Settings().Theme()
	applyAppearance(a)
	applyAppearance(a) // again, as Settings does: no theme inside a theme
	th, ok := a.Settings().Theme().(journalTheme)
	if !ok || th.Theme != before || th.variant != themeSystem || th.scale != 1 {
		t.Errorf("with nothing chosen the theme is %#v, want Fyne's own inside ours", a.Settings().Theme())
	}
}

func TestApplyAppearance_AppliesWhatIsKept(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefTheme, themeLight)
	a.Preferences().SetString(prefTextSize, "largest")
	applyAppearance(a)
	th, ok := a.Settings().Theme().(journalTheme)
	if !ok || th.variant != themeLight || th.scale != 1.3 {
		t.Fatalf("theme is %#v, want light at 1.3", a.Settings().Theme())
	}

	// Back to the defaults, the theme follows: it was ours already.
	a.Preferences().SetString(prefTheme, themeSystem)
	a.Preferences().SetString(prefTextSize, defaultTextSize)
	applyAppearance(a)
	if th, ok := a.Settings().Theme().(journalTheme); !ok || th.variant != themeSystem || th.scale != 1 {
		t.Errorf("theme is %#v, want the system's at 1", a.Settings().Theme())
	}
}

func TestApplyAppearance_UnknownValuesFallBack(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefTheme, "sepia")
	a.Preferences().SetString(prefTextSize, "huge")
	if v := chosenTheme(a.Preferences()); v != themeSystem {
		t.Errorf("theme %q, want %q", v, themeSystem)
	}
	if v, scale := chosenTextSize(a.Preferences()); v != defaultTextSize || scale != 1 {
		t.Errorf("text size %q at %v, want %q at 1", v, scale, defaultTextSize)
	}
}

// primaryTheme is Fyne's theme with another primary colour, as a person
// can choose in Fyne's settings, and white on it however it reads.
type primaryTheme struct {
	fyne.Theme
	primary color.Color
}

func (t primaryTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return t.primary
	case theme.ColorNameForegroundOnPrimary:
		return color.White
	}
	return t.Theme.Color(n, v)
}

func TestJournalTheme_EveryTextColourReads(t *testing.T) {
	test.NewTempApp(t)
	// Fyne's primary colours, as its settings offer them.
	bases := map[string]fyne.Theme{"Fyne's own": theme.DefaultTheme()}
	for name, c := range map[string]color.NRGBA{
		"red": {0xf4, 0x43, 0x36, 0xff}, "orange": {0xff, 0x98, 0x00, 0xff}, "yellow": {0xff, 0xeb, 0x3b, 0xff},
		"green": {0x8b, 0xc3, 0x4a, 0xff}, "blue": {0x29, 0x6f, 0xf6, 0xff}, "purple": {0x9c, 0x27, 0xb0, 0xff},
		"brown": {0x79, 0x55, 0x48, 0xff}, "gray": {0x9e, 0x9e, 0x9e, 0xff},
	} {
		bases[name+" primary"] = primaryTheme{Theme: theme.DefaultTheme(), primary: c}
	}
	for baseName, base := range bases {
		for _, variant := range []string{themeLight, themeDark} {
			th := newJournalTheme(base, variant, 1)
			v := theme.VariantLight // forced to the variant by the theme
			bg := th.Color(theme.ColorNameBackground, v)
			for _, text := range textColours {
				least := float64(minContrast)
				if text == theme.ColorNameForeground {
					least = bodyContrast
				}
				for _, surface := range textSurfaces {
					fill := over(th.Color(surface, v), bg)
					if ratio := contrast(over(th.Color(text, v), fill), fill); ratio < least {
						t.Errorf("%s, %s: %s on %s reads at %.2f:1", baseName, variant, text, surface, ratio)
					}
				}
			}
			for on, fill := range onColours {
				f := over(th.Color(fill, v), bg)
				if ratio := contrast(th.Color(on, v), f); ratio < minContrast {
					t.Errorf("%s, %s: %s on %s reads at %.2f:1", baseName, variant, on, fill, ratio)
				}
			}
		}
	}
}
