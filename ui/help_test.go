package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	analysis "github.com/throughline/throughline/patterns"
)

func TestHelp_EverySectionShowsItsHeadingAndTheCrisisButton(t *testing.T) {
	store := mustOpenJournal(t)
	win := test.NewTempWindow(t, widget.NewLabel("journal"))
	win.Resize(fyne.NewSize(1100, 720))
	showHelp(win, store)
	for _, s := range helpSections {
		test.Tap(overlayButton(t, win, s.title))
		text := overlayText(t, win)
		if !strings.Contains(text, s.title+"\n"+s.paragraphs[0]) {
			t.Errorf("choosing %q doesn't show its heading and text:\n%s", s.title, text)
		}
		for _, other := range helpSections {
			if other.title != s.title && strings.Contains(text, other.paragraphs[0]) {
				t.Errorf("choosing %q shows %q too", s.title, other.title)
			}
		}
		overlayButton(t, win, crisisButtonText) // on every page
	}
}

// The guide explains Together with the same minimum the figures use.
func TestHelp_ExplainsHowTogetherIsWorkedOut(t *testing.T) {
	var page string
	for _, s := range helpSections {
		if s.title == "Patterns" {
			page = strings.Join(s.paragraphs, "\n")
		}
	}
	for _, want := range []string{
		fmt.Sprintf("Once two share at least %d entries, it sets that against chance", analysis.MinLiftEntries),
		fmt.Sprintf("With fewer than %d shared entries it gives only the count", analysis.MinLiftEntries),
		"Anything from 0.9× to 1.1× is about as often as chance",
		"When those days hold no entries",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the Patterns page lacks %q:\n%s", want, page)
		}
	}
}

func TestHelp_CrisisButtonOpensTheCrisisHelp(t *testing.T) {
	store := mustOpenJournal(t)
	const line = "In the UK, call Samaritans on 116 123."
	if err := store.SetSetting(journal.SettingCrisisLine, line); err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, widget.NewLabel("journal"))
	win.Resize(fyne.NewSize(1100, 720))
	for _, s := range helpSections {
		showHelp(win, store)
		test.Tap(overlayButton(t, win, s.title))
		test.Tap(overlayButton(t, win, crisisButtonText))
		text := overlayText(t, win)
		if !strings.Contains(text, journal.CrisisHelpMessage(journal.CrisisText("", line))) || strings.Contains(text, "better off dead") {
			t.Errorf("from %q, the crisis button shows:\n%s", s.title, text)
		}
		test.Tap(overlayButton(t, win, "Close")) // the crisis help
		test.Tap(overlayButton(t, win, "Close")) // the guide
		if top := win.Canvas().Overlays().Top(); top != nil {
			t.Fatal("a dialog is still open")
		}
	}
}

func TestHelp_KeyboardPageOpensTheShortcuts(t *testing.T) {
	win := test.NewTempWindow(t, widget.NewLabel("journal"))
	win.Resize(fyne.NewSize(1100, 720))
	showHelp(win, mustOpenJournal(t))
	test.Tap(overlayButton(t, win, "Keyboard"))
	test.Tap(overlayButton(t, win, "Show every shortcut"))
	if text := overlayText(t, win); !strings.Contains(text, "Ctrl+N\nWrite a new entry\n") {
		t.Errorf("the shortcuts sheet didn't open over the guide:\n%s", text)
	}
}
