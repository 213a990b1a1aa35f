package ui

// Joining a synced journal from the first-run welcome: the journal is
// built beside the new, empty one from the folder's snapshot and log,
// then takes its place when the window starts again.

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	jstore "github.com/throughline/throughline/journal/store"
)

// joinForm is the fields that join a synced journal, on the welcome
// page or in the Sync dialog; kept for tests.
type joinForm struct {
	folder, pass, name *widget.Entry
	problem            *widget.Label
	join               *dialogButton // the page's Join; nil in the dialog, which has its own
}

// newJoinForm makes the fields, the folder given when known, and lays
// them out; Return in the passphrase joins.
func (w *Window) newJoinForm(dir string) (*joinForm, fyne.CanvasObject) {
	f := &joinForm{folder: widget.NewEntry(), pass: widget.NewPasswordEntry(), name: widget.NewEntry(), problem: wrapped("")}
	f.folder.SetPlaceHolder("the folder your sync service moves, such as ~/Sync/Throughline")
	f.folder.SetText(dir)
	f.pass.SetPlaceHolder("the synced journal's passphrase")
	f.pass.OnSubmitted = func(string) { w.submitJoin(f) }
	host, _ := os.Hostname()
	f.name.SetText(host)
	choose := widget.NewButtonWithIcon("Choose…", theme.FolderOpenIcon(), func() { w.chooseSyncFolder(f.folder) })
	return f, widget.NewForm(
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, f.folder)),
		widget.NewFormItem("Passphrase", f.pass),
		widget.NewFormItem("This computer", f.name))
}

// showJoin asks for the synced folder and the journal's passphrase.
func (o *onboarding) showJoin() {
	f, form := o.w.newJoinForm("")
	o.join = f
	about := wrapped("If you already keep a Throughline journal on another computer with sync turned on, " +
		"choose the folder your sync service brings here, and type that journal's passphrase. " +
		"The journal is built here from the folder, and stays in step with the other computer from then on.")
	f.join = newDialogButton("Join", theme.ConfirmIcon(), widget.HighImportance, func() { o.w.submitJoin(f) })
	o.page("Join a synced journal", container.NewVBox(about, form, f.problem),
		newDialogButton("Back", nil, widget.MediumImportance, o.w.showOnboarding), f.join)
	o.w.win.Canvas().Focus(f.folder)
}

// submitJoin builds the journal from the form's folder off the UI
// goroutine. A wrong passphrase or a folder that isn't a synced journal
// is said under the fields, and nothing changes.
func (w *Window) submitJoin(f *joinForm) {
	dir := expandHome(strings.TrimSpace(f.folder.Text))
	if dir == "" {
		f.problem.SetText("Type or choose the folder first.")
		return
	}
	f.problem.SetText("Joining: building the journal from the folder…")
	if f.join != nil {
		f.join.Disable()
	}
	w.startJoin(dir, f.pass.Text, strings.TrimSpace(f.name.Text), func(err error) {
		if f.join != nil {
			f.join.Enable()
		}
		f.problem.SetText(err.Error())
	})
}

// startJoin builds the journal synced in dir beside this one, off the UI
// goroutine; once it is whole the window closes, and the joined journal
// takes this one's place before the window starts again (afterQuit).
// failed is told what went wrong, and nothing has changed.
func (w *Window) startJoin(dir, passphrase, name string, failed func(error)) {
	building := jstore.JoiningPath(w.store.Path())
	w.background(func() func() {
		jstore.RemoveJournalFiles(building) // left by a join that was cut off
		s, err := jstore.JoinSync(building, dir, passphrase, name)
		if err == nil {
			err = s.Close()
		}
		return func() {
			if err != nil {
				failed(err)
				return
			}
			w.joined = building
			w.Quit()
		}
	})
}

// JoinedRequested is the journal built by joining, once the window has
// closed for it to take the new journal's place; "" otherwise.
func (w *Window) JoinedRequested() string { return w.joined }
