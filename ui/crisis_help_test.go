package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// Every way a person opens crisis help for themselves shows the calm
// text for someone who chose to look, with the lines for where they
// live; the message about question 9 of the PHQ-9 is for those who
// answered it, and never shows here.
func TestCrisisHelp_EveryWayInShowsTheCalmTextAndTheLinesChosen(t *testing.T) {
	lines := journal.CrisisText("au", "")
	want := journal.CrisisHelpMessage(lines)
	choose := func(t *testing.T, store *jstore.Store) {
		t.Helper()
		if err := store.SetCrisisLines("au", ""); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		open func(t *testing.T) fyne.Window
	}{
		{"Help → If you're struggling right now, or Ctrl+Shift+H", func(t *testing.T) fyne.Window {
			store := mustOpenJournal(t)
			choose(t, store)
			w := openTestWindow(t, store)
			item := menuItem(t, w, crisisButtonText)
			if keys := shortcutKeys(item.Shortcut); keys != "Ctrl+Shift+H" {
				t.Errorf("the menu item's shortcut is %q", keys)
			}
			item.Action()
			return w.win
		}},
		{"the guide's button", func(t *testing.T) fyne.Window {
			store := mustOpenJournal(t)
			choose(t, store)
			win := test.NewTempWindow(t, widget.NewLabel("journal"))
			win.Resize(fyne.NewSize(1100, 720))
			showHelp(win, store)
			test.Tap(overlayButton(t, win, crisisButtonText))
			return win
		}},
		{"the lock screen's Help menu", func(t *testing.T) fyne.Window {
			store := encryptedJournal(t)
			choose(t, store) // settings are kept in the clear, and read while locked
			w := lockedWindow(t, store)
			if !store.Locked() {
				t.Fatal("the journal isn't locked")
			}
			menuItem(t, w, crisisButtonText).Action()
			return w.win
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			win := tt.open(t)
			text := overlayText(t, win)
			if !strings.Contains(text, crisisButtonText) || !strings.Contains(text, want) {
				t.Errorf("shows:\n%s\nwant the help for someone who chose to look:\n%s", text, want)
			}
			for _, not := range []string{"better off dead", safetyTitle, "988", "116 123"} {
				if strings.Contains(text, not) {
					t.Errorf("shows %q:\n%s", not, text)
				}
			}
			if got, close := win.Canvas().Focused(), dialogButtonIn(t, win, "Close"); got != close {
				t.Errorf("focus is on %T, want Close", got)
			}
		})
	}
}
