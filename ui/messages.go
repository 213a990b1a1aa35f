package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	jstore "github.com/throughline/throughline/journal/store"
)

// showProblem tells the person what went wrong in words meant for them.
// journal errors already say what and how to fix it.
func showProblem(win fyne.Window, title string, err error) {
	showChoices(win, title, message(err.Error()), fyne.NewSize(480, 200),
		dialogChoice{label: "OK", importance: widget.HighImportance, focused: true})
}

// askUnsaved asks what to do with changes that aren't saved yet. Saving
// has the focus: it loses nothing.
func askUnsaved(win fyne.Window, save, discard func()) {
	showChoices(win, "Unsaved changes", message("You have changes that aren't saved yet. Save them as an entry first?"),
		fyne.NewSize(520, 180),
		dialogChoice{label: "Keep editing", cancel: true},
		dialogChoice{label: "Discard changes", icon: theme.DeleteIcon(), importance: widget.DangerImportance, then: discard},
		dialogChoice{label: "Save", icon: theme.DocumentSaveIcon(), importance: widget.HighImportance, then: save, focused: true},
	)
}

// SettingsWhat describes the toolkit's settings file in lists of files.
const SettingsWhat = "Window settings (no journal text)"

func locationsView(path string, settings fyne.URI) fyne.CanvasObject {
	form := widget.NewForm()
	locations := jstore.Locations(path)
	if settings != nil {
		locations = append(locations, jstore.Location{What: SettingsWhat, Path: settings.Path() + "/preferences.json"})
	}
	for _, l := range locations {
		p := widget.NewLabel(l.Path)
		p.Selectable = true
		form.Append(l.What, p)
	}
	note := widget.NewLabel("Only you can read these files. Throughline never uses the network.")
	return container.NewVBox(form, note)
}

// openErrorView says why the journal couldn't be opened, with Close and
// any other buttons given before it.
func openErrorView(err error, close func(), others ...fyne.CanvasObject) (fyne.CanvasObject, fyne.Focusable) {
	title := widget.NewLabelWithStyle("Couldn't open your journal", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel("Start Throughline with --db PATH, or set THROUGHLINE_DB, to use a journal somewhere else.")
	hint.Wrapping = fyne.TextWrapWord
	button := newDialogButton("Close", nil, widget.HighImportance, close)
	buttons := container.NewHBox(layout.NewSpacer())
	for _, o := range others {
		buttons.Add(o)
	}
	buttons.Add(button)
	return container.NewBorder(nil, buttons, nil, nil, container.NewVBox(title, msg, hint)), button
}

// ShowDamaged says the journal is damaged and offers to put the newest
// good backup, made at when, in its place. It reports whether the person
// chose to.
func ShowDamaged(a fyne.App, err error, when time.Time) (restore bool) {
	w := a.NewWindow("Throughline")
	choose := newDialogButton("Restore the backup of "+when.Format("Mon 2 Jan 15:04"), theme.HistoryIcon(), widget.MediumImportance, func() {
		restore = true
		w.Close()
	})
	view, button := openErrorView(err, w.Close, choose)
	w.SetContent(view)
	w.Resize(fyne.NewSize(640, 300))
	w.Canvas().Focus(button) // the safe choice: restoring is deliberate
	w.ShowAndRun()
	return restore
}
