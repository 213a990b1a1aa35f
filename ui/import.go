package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/journal/transfer"
)

// importStore is what importing from another app needs of the journal.
type importStore interface {
	transfer.ImportTarget
}

// importListed is how many left-out items the window's summary names.
const importListed = 12

// importForm is the import dialog's fields.
type importForm struct {
	path    *widget.Entry
	format  *widget.Select
	formats map[string]string // transfer's format, by the option shown
	content fyne.CanvasObject
	summary *widget.Label // what the import did, once done
}

// fromTheFile is the format option that tells the format from the file.
const fromTheFile = "Tell from the file"

func newImportForm() *importForm {
	f := &importForm{formats: map[string]string{fromTheFile: ""}}
	options := []string{fromTheFile}
	for _, format := range transfer.Formats {
		label := transfer.FormatLabel(format)
		options = append(options, label)
		f.formats[label] = format
	}
	f.path = widget.NewEntry()
	f.path.SetPlaceHolder("The file or folder, like /home/me/Downloads/Journal.json")
	f.format = widget.NewSelect(options, nil)
	f.format.SetSelected(fromTheFile)
	intro := widget.NewLabel("Bring in entries from jrnl, Day One (its JSON or export zip), Daylio (its CSV or backup), a folder of Markdown files, or a Throughline export. Importing the same file twice adds nothing; a file that can't be read changes nothing.")
	intro.Wrapping = fyne.TextWrapWord
	f.content = container.NewVBox(intro, widget.NewForm(
		widget.NewFormItem("File", f.path),
		widget.NewFormItem("From", f.format)))
	return f
}

// showImport asks for the file to import, imports it off the UI
// goroutine, then says what came in and what was left out.
func (w *Window) showImport() {
	f := newImportForm()
	w.importing = f
	run := func() {
		path, format := strings.TrimSpace(f.path.Text), f.formats[f.format.Selected]
		if path == "" {
			showProblem(w.win, "Nothing was imported", journal.Errorf(journal.EInvalid, "Type the path of the file or folder to import, then press Import."))
			return
		}
		w.background(func() func() {
			sum, err := importFile(w.store, path, format)
			return func() { w.showImported(sum, err) }
		})
	}
	showChoices(w.win, "Import from another app", f.content, fyne.NewSize(640, 300),
		dialogChoice{label: "Cancel", cancel: true},
		dialogChoice{label: "Import", icon: theme.DownloadIcon(), importance: widget.HighImportance, then: run})
	f.path.OnSubmitted = func(string) { // Return in the path does what Import does
		if top := w.win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
		run()
	}
	w.win.Canvas().Focus(f.path)
}

// importFile reads the file before touching the journal, so one that
// can't be read changes nothing.
func importFile(store importStore, path, format string) (transfer.Summary, error) {
	b, err := transfer.Read(path, format)
	if err != nil {
		return transfer.Summary{}, err
	}
	return b.Import(store)
}

// showImported shows the summary the command line prints, and brings
// the journal's list up to date.
func (w *Window) showImported(sum transfer.Summary, err error) {
	if err != nil {
		showProblem(w.win, "Nothing was imported", err)
		return
	}
	more := func(n int) string {
		return fmt.Sprintf("and %d more; \"throughline import FILE --json\" lists them all.", n)
	}
	text := widget.NewLabel(strings.Join(sum.Lines(importListed, more), "\n"))
	text.Wrapping = fyne.TextWrapWord
	if w.importing != nil {
		w.importing.summary = text
	}
	showChoices(w.win, "Imported", container.NewVScroll(container.NewPadded(text)), fyne.NewSize(720, 420),
		dialogChoice{label: "Close", focused: true})
	w.journal.catchUp()
	if t := w.tabs.Selected(); t != nil {
		w.reloadScreen(t.Content)
	}
}
