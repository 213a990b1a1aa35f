package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Version is the app's version, shown in About; main sets it to its own.
var Version = "dev"

const (
	aboutDescription = "A private journal for people in talk therapy."
	aboutPrivacy     = "Your journal stays on this computer; Throughline never uses the network."
	aboutLicence     = "Throughline is free software under the GNU General Public License, version 3 or later. " +
		"It comes with no warranty. The full text is in the LICENSE file of its source code " +
		"and at https://www.gnu.org/licenses/gpl-3.0.html"
	aboutCredits = "Built with Fyne (BSD-3-Clause) and go-pdf/fpdf (MIT). Journals are kept with SQLite (public domain), " +
		"through modernc.org/sqlite (BSD-3-Clause), glebarez/sqlite and GORM (MIT); encryption uses golang.org/x/crypto (BSD-3-Clause). " +
		"Reports use the DejaVu fonts (Bitstream Vera and Arev licences; DejaVu's changes are public domain)."
)

// showAbout says what Throughline is, its version and licence, and whose
// work it is built on. The address is text to copy, not a link: nothing
// here opens the network.
func (w *Window) showAbout() {
	name := widget.NewLabelWithStyle("Throughline", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	version := widget.NewLabel("Version " + Version)
	wrap := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	licence := wrap(aboutLicence)
	licence.Selectable = true
	content := container.NewVBox(name, version, wrap(aboutDescription), wrap(aboutPrivacy), licence, wrap(aboutCredits))
	showChoices(w.win, "About Throughline", content, fyne.NewSize(560, 460), dialogChoice{label: "Close", focused: true})
}
