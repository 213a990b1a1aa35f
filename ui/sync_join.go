package ui

// Joining a synced journal from the first-run welcome: the journal is
// built beside the new, empty one from the folder's snapshot and log,
// then takes its place when the window starts again.

import (
	"os"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	jstore "github.com/throughline/throughline/journal/store"
)

// joinForm is the join page's fields, kept for tests.
type joinForm struct {
	folder, pass, name *widget.Entry
	problem            *widget.Label
	join               *dialogButton
}

// showJoin asks for the synced folder and the journal's passphrase.
func (o *onboarding) showJoin() {
	f := &joinForm{folder: widget.NewEntry(), pass: widget.NewPasswordEntry(), name: widget.NewEntry()}
	o.join = f
	f.folder.SetPlaceHolder("the folder your sync service moves, such as ~/Sync/Throughline")
	f.pass.SetPlaceHolder("the journal's passphrase")
	f.pass.OnSubmitted = func(string) { o.onJoin() }
	host, _ := os.Hostname()
	f.name.SetText(host)
	f.problem = wrapped("")
	choose := widget.NewButtonWithIcon("Choose…", theme.FolderOpenIcon(), func() { o.w.chooseSyncFolder(f.folder) })
	form := widget.NewForm(
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, f.folder)),
		widget.NewFormItem("Passphrase", f.pass),
		widget.NewFormItem("This computer", f.name))
	about := wrapped("If you already keep a Throughline journal on another computer with sync turned on, " +
		"choose the folder your sync service brings here, and type that journal's passphrase. " +
		"The journal is built here from the folder, and stays in step with the other computer from then on.")
	f.join = newDialogButton("Join", theme.ConfirmIcon(), widget.HighImportance, o.onJoin)
	o.page("Join a synced journal", container.NewVBox(about, form, f.problem),
		newDialogButton("Back", nil, widget.MediumImportance, o.w.showOnboarding), f.join)
	o.w.win.Canvas().Focus(f.folder)
}

// onJoin builds the journal from the folder off the UI goroutine. A
// wrong passphrase or a folder that isn't a synced journal is said on
// the page, and nothing changes.
func (o *onboarding) onJoin() {
	f := o.join
	dir := expandHome(strings.TrimSpace(f.folder.Text))
	if dir == "" {
		f.problem.SetText("Type or choose the folder first.")
		return
	}
	f.problem.SetText("Joining: building the journal from the folder…")
	f.join.Disable()
	o.w.startJoin(dir, f.pass.Text, strings.TrimSpace(f.name.Text), func(err error) {
		f.join.Enable()
		if err != nil {
			f.problem.SetText(err.Error())
		}
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
