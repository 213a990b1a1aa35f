package ui

// Upkeep the window does by itself: the daily backup, and hearing how
// the journal's check on opening went.

import (
	"time"

	"fyne.io/fyne/v2"

	jstore "github.com/throughline/throughline/journal/store"
)

// upkeepStore is what the window's upkeep needs from the journal.
type upkeepStore interface {
	Path() string
	Locked() bool
	Soundness() error
	BackupIfDue(now time.Time) (string, error)
}

var _ upkeepStore = (*jstore.Store)(nil)

// backupCheck is how often an open window asks whether today's backup
// is due, so one left open for days still makes one a day.
const backupCheck = time.Hour

// startDailyBackups makes today's automatic backup, if there isn't one
// yet, off the UI goroutine, and then checks again every hour.
func (w *Window) startDailyBackups() {
	run := func() {
		w.background(func() func() {
			if w.store.Locked() {
				return func() {}
			}
			_, err := w.store.BackupIfDue(w.now())
			return func() {
				if err != nil {
					fyne.LogError("making today's backup", err)
					w.journal.setStatus("Today's automatic backup couldn't be made: " + err.Error())
				}
			}
		})
	}
	run()
	ticker := time.NewTicker(backupCheck)
	go func() {
		for range ticker.C {
			fyne.Do(run)
		}
	}()
}

// watchSoundness waits for the check of the journal begun on opening,
// which on a long journal outlasts the opening, and if it found damage
// says so and offers the newest good backup. Nothing more can be saved
// meanwhile: the journal refuses writes.
func (w *Window) watchSoundness() {
	go func() {
		err := w.store.Soundness()
		if err == nil {
			return
		}
		backup, found := jstore.NewestGoodBackup(jstore.BackupDirFor(w.store.Path()))
		fyne.Do(func() {
			choices := []dialogChoice{{label: "Close", focused: true, cancel: true}}
			if found {
				choices = append(choices, dialogChoice{label: "Restore the backup of " + backup.Time.Format("Mon 2 Jan 15:04"), then: func() {
					w.restore = backup.Path
					w.Quit()
				}})
			}
			showChoices(w.win, "Your journal is damaged", message(err.Error()), fyne.NewSize(620, 300), choices...)
		})
	}()
}
