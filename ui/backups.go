package ui

import (
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// backupsStore is what the Backups screen needs from the journal.
type backupsStore interface {
	BackupDir() (string, error)
	SetBackupDir(dir string) error
	Backup(path string) (string, error)
}

var _ backupsStore = (*jstore.Store)(nil)

// backupLabels name the kinds of backup as a person thinks of them.
var backupLabels = map[jstore.BackupKind]string{
	jstore.BackupDaily:         "Daily (automatic)",
	jstore.BackupManual:        "Made by you",
	jstore.BackupBeforeRestore: "Kept before a restore",
}

// backupsExplained is what the automatic backups do, and what any backup
// holds, said once on the screen.
const backupsExplained = "Each day you use Throughline, it backs the journal up into this folder by itself, " +
	"keeping the last 7 days and one backup for each of the 4 weeks before them. " +
	"Backups you make, and the journals kept before a restore, are never deleted. " +
	"A backup holds the journal as it was then, entries you have deleted since included; " +
	"an encrypted journal's backups are encrypted, with the passphrase it had then."

// backupsScreen shows where backups go, makes one on request, and lists
// them, each with a way to put it back.
type backupsScreen struct {
	*env
	win   fyne.Window
	store backupsStore
	// restore is set by the window, which closes the journal, calls
	// journal.RestoreBackup and starts again on the restored journal.
	restore func(path string)

	folder    *widget.Entry
	useFolder *widget.Button
	choose    *widget.Button
	backUp    *widget.Button
	status    *widget.Label
	list      *fyne.Container
	rows      []backupRow
	content   fyne.CanvasObject
}

// backupRow is one backup in the list.
type backupRow struct {
	file    jstore.BackupFile
	restore *widget.Button
}

func newBackupsScreen(e *env, win fyne.Window, store backupsStore) *backupsScreen {
	v := &backupsScreen{win: win, store: store, env: e}
	v.folder = &widget.Entry{PlaceHolder: "the folder to keep backups in"}
	v.folder.ExtendBaseWidget(v.folder)
	v.folder.OnSubmitted = func(string) { v.onUseFolder() }
	v.useFolder = widget.NewButton("Use this folder", v.onUseFolder)
	v.choose = widget.NewButtonWithIcon("Change…", theme.FolderOpenIcon(), v.onChoose)
	v.backUp = widget.NewButtonWithIcon("Back up now", theme.DocumentSaveIcon(), v.onBackUp)
	v.backUp.Importance = widget.HighImportance
	v.status = wrapped("")
	v.list = container.NewVBox()
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.content = container.NewVScroll(container.NewPadded(container.NewVBox(
		bold("Backup folder"),
		container.NewBorder(nil, nil, nil, container.NewHBox(v.useFolder, v.choose), v.folder),
		note(backupsExplained),
		container.NewHBox(v.backUp), v.status,
		bold("Backups, newest first"), v.list,
	)))
	return v
}

// reload reads the folder and its backups again.
func (v *backupsScreen) reload() {
	v.background(func() func() {
		dir, err := v.store.BackupDir()
		var files []jstore.BackupFile
		if err == nil {
			files, err = jstore.Backups(dir)
		}
		return func() {
			if dir != "" {
				v.folder.SetText(dir)
			}
			v.showBackups(files, err)
		}
	})
}

func (v *backupsScreen) showBackups(files []jstore.BackupFile, err error) {
	v.rows = nil
	v.list.RemoveAll()
	switch {
	case err != nil:
		v.list.Add(wrapped(err.Error()))
	case len(files) == 0:
		v.list.Add(note("No backups in this folder yet. Throughline makes one by itself each day you use it, or make one now."))
	}
	for _, f := range files {
		row := backupRow{file: f}
		row.restore = widget.NewButtonWithIcon("Restore…", theme.HistoryIcon(), func() { v.onRestore(f) })
		v.rows = append(v.rows, row)
		label := widget.NewLabel(fmt.Sprintf("%s · %s · %s", f.Time.Format("Mon 2 Jan 2006 15:04"), backupLabels[f.Kind], journal.ByteSize(f.Size)))
		label.Truncation = fyne.TextTruncateEllipsis
		v.list.Add(container.NewBorder(nil, nil, nil, row.restore, label))
	}
	v.list.Refresh()
}

// onUseFolder makes the typed folder the backup folder, once it has been
// created and written to; a folder that can't be is refused and the old
// one stays.
func (v *backupsScreen) onUseFolder() {
	dir := strings.TrimSpace(v.folder.Text)
	v.background(func() func() {
		err := v.store.SetBackupDir(dir)
		return func() {
			if err != nil {
				showProblem(v.win, "Couldn't use that folder", err)
				return
			}
			v.status.SetText("Backups now go to the folder above.")
			v.reload()
		}
	})
}

// onChoose picks the folder with the toolkit's folder dialog, starting
// at the current one.
func (v *backupsScreen) onChoose() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			showProblem(v.win, "Couldn't open that folder", err)
			return
		}
		if dir == nil {
			return // cancelled
		}
		v.folder.SetText(dir.Path())
		v.onUseFolder()
	}, v.win)
	if info, err := os.Stat(v.folder.Text); err == nil && info.IsDir() {
		if here, err := storage.ListerForURI(storage.NewFileURI(v.folder.Text)); err == nil {
			d.SetLocation(here)
		}
	}
	d.Show()
	closesOnEscape(v.win, d.Dismiss, d.SetOnClosed)
}

// onBackUp makes a backup in the folder, off the UI goroutine, then
// lists it.
func (v *backupsScreen) onBackUp() {
	v.backUp.Disable()
	v.status.SetText("Backing up…")
	v.background(func() func() {
		made, err := v.store.Backup("")
		return func() {
			v.backUp.Enable()
			if err != nil {
				v.status.SetText("")
				showProblem(v.win, "Couldn't back up the journal", err)
				return
			}
			v.status.SetText(fmt.Sprintf("Backed up to %s. Only you can read it.", made))
			v.reload()
		}
	})
}

// onRestore checks the backup first, so a damaged one is refused before
// the journal is closed for nothing, then asks. Cancel has the focus: a
// stray Return changes nothing.
func (v *backupsScreen) onRestore(f jstore.BackupFile) {
	v.background(func() func() {
		err := jstore.CheckBackup(f.Path)
		return func() {
			if err != nil {
				showProblem(v.win, "This backup can't be restored", err)
				return
			}
			text := fmt.Sprintf("Put back the journal as it was on %s?\n\n"+
				"What you have written since will be replaced by this backup. Nothing is lost: the journal as it is now "+
				"is kept in the backup folder first, and can be restored the same way. Throughline starts again on the restored journal.\n\n%s",
				f.Time.Format("Monday 2 January 2006, 15:04"), f.Path)
			showChoices(v.win, "Restore this backup?", message(text), fyne.NewSize(540, 300),
				dialogChoice{label: "Cancel", focused: true, cancel: true},
				dialogChoice{label: "Restore", icon: theme.HistoryIcon(), importance: widget.DangerImportance, then: func() {
					if v.restore == nil { // not wired to a window: say how else to do it
						showProblem(v.win, "Couldn't restore from here", journal.Errorf(journal.EInvalid,
							"Close Throughline, then run: throughline restore %s", f.Path))
						return
					}
					v.restore(f.Path)
				}},
			)
		}
	})
}
