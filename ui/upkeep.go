package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

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
