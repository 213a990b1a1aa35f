package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestAbout_ShowsVersionLicenceAndCredits(t *testing.T) {
	was := Version
	Version = "1.2.3"
	t.Cleanup(func() { Version = was })
	w, _ := newTestWindow(t)

	w.showAbout()

	text := dialogText(t, w)
	for _, want := range []string{
		"Throughline",
		"Version 1.2.3",
		"A private journal for people in talk therapy.",
		"Throughline never uses the network",
		"GNU General Public License, version 3 or later",
		"no warranty",
		"LICENSE file",
		"https://www.gnu.org/licenses/gpl-3.0.html",
		"Fyne (BSD-3-Clause)",
		"go-pdf/fpdf (MIT)",
		"SQLite (public domain)",
		"DejaVu fonts",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("About doesn't say %q; it shows:\n%s", want, text)
		}
	}
}

func TestAbout_ReturnCloses(t *testing.T) {
	w, _ := newTestWindow(t)

	w.showAbout()
	focused, ok := w.win.Canvas().Focused().(*dialogButton)
	if !ok || focused.Text != "Close" {
		t.Fatalf("focus is on %#v, want the Close button", w.win.Canvas().Focused())
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("About is still open after Return on Close")
	}
}
