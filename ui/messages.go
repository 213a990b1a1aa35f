package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// showProblem tells the person what went wrong in words meant for them.
// journal errors already say what and how to fix it.
func showProblem(win fyne.Window, title string, err error) {
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", container.NewPadded(msg), win)
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
}

// askUnsaved asks what to do with changes that aren't saved yet. Keep
// editing is the safe default: nothing typed is thrown away by accident.
func askUnsaved(win fyne.Window, save, discard func()) {
	var d *dialog.CustomDialog
	msg := widget.NewLabel("You have changes that aren't saved yet. Save them as an entry first?")
	msg.Wrapping = fyne.TextWrapWord
	saveButton := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { d.Hide(); save() })
	saveButton.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{
		widget.NewButton("Keep editing", func() { d.Hide() }),
		widget.NewButtonWithIcon("Discard changes", theme.DeleteIcon(), func() { d.Hide(); discard() }),
		saveButton,
	}
	d = dialog.NewCustomWithoutButtons("Unsaved changes", msg, win)
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(520, 180))
	d.Show()
}

// SettingsWhat describes the toolkit's settings file in lists of files.
const SettingsWhat = "Window settings (no journal text)"

func locationsView(path string, settings fyne.URI) fyne.CanvasObject {
	form := widget.NewForm()
	locations := journal.Locations(path)
	if settings != nil {
		locations = append(locations, journal.Location{What: SettingsWhat, Path: settings.Path() + "/preferences.json"})
	}
	for _, l := range locations {
		p := widget.NewLabel(l.Path)
		p.Selectable = true
		form.Append(l.What, p)
	}
	note := widget.NewLabel("Only you can read these files. Throughline never uses the network.")
	return container.NewVBox(form, note)
}

func openErrorView(err error, close func()) (fyne.CanvasObject, *widget.Button) {
	title := widget.NewLabelWithStyle("Couldn't open your journal", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel("Start Throughline with --db PATH, or set THROUGHLINE_DB, to use a journal somewhere else.")
	hint.Wrapping = fyne.TextWrapWord
	button := widget.NewButton("Close", close)
	button.Importance = widget.HighImportance
	return container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), button), nil, nil,
		container.NewVBox(title, msg, hint)), button
}
