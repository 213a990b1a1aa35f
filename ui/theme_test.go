package ui

import (
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
		th := newJournalTheme(c.variant, 1)
		for _, name := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameForeground, theme.ColorNameInputBackground} {
			if got, want := th.Color(name, c.asked), base.Color(name, c.want); got != want {
				t.Errorf("%s theme, %v asked: %s is %v, want %v", c.variant, c.asked, name, got, want)
			}
		}
	}
}

func TestJournalTheme_ScalesText(t *testing.T) {
	base := theme.DefaultTheme()
	th := newJournalTheme(themeSystem, 1.3)
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
	if got, want := newJournalTheme(themeDark, 0).Size(theme.SizeNameText), base.Size(theme.SizeNameText); got != want {
		t.Errorf("with no scale the text is %v, want Fyne's %v", got, want)
	}
}

func TestApplyAppearance_LeavesFynesThemeUntilAChoice(t *testing.T) {
	a := test.NewTempApp(t)
	before := a.Settings().Theme()
	applyAppearance(a)
	if a.Settings().Theme() != before {
		t.Errorf("with nothing chosen the theme became %#v", a.Settings().Theme())
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
