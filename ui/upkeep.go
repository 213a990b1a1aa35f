package ui

// Upkeep the window does by itself: the daily backup, and checking the
// journal for damage, after the backup and once the window has been open
// a while, off the UI goroutine and never in the way of reading or
// writing.

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// upkeepStore is what the window's upkeep needs from the journal.
type upkeepStore interface {
	Path() string
	Locked() bool
	Check() error
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
				switch {
				case journal.ErrorCode(err) == journal.EDamaged:
					w.showDamaged(err)
				case err != nil:
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

// idleCheckAfter is how long the window is open before it checks the
// journal, so the check, which reads the whole file (3 s at 100,000
// entries), doesn't compete with the window coming up.
const idleCheckAfter = time.Minute

// checkWhenIdle checks the journal once the window has been open
// idleCheckAfter: the daily backup checks it too, but is made only once a
// day.
func (w *Window) checkWhenIdle() {
	w.idleCheck = time.AfterFunc(idleCheckAfter, func() { fyne.Do(w.checkJournal) })
}

// checkJournal checks the journal off the UI goroutine, and if it is
// damaged says so. Reading and writing go on meanwhile; once damage is
// found the journal refuses writes.
func (w *Window) checkJournal() {
	w.background(func() func() {
		err := w.store.Check()
		return func() {
			if err != nil {
				w.showDamaged(err)
			}
		}
	})
}

// showDamaged says the journal is damaged and offers the newest good
// backup, found off the UI goroutine, since finding it checks each
// backup. Nothing more can be saved: the journal refuses writes.
func (w *Window) showDamaged(err error) {
	if w.damageShown {
		return
	}
	w.damageShown = true
	w.background(func() func() {
		backup, found := jstore.NewestGoodBackup(jstore.BackupDirFor(w.store.Path()))
		return func() {
			choices := []dialogChoice{{label: "Close", focused: true, cancel: true}}
			if found {
				choices = append(choices, dialogChoice{label: "Restore the backup of " + backup.Time.Format("Mon 2 Jan 15:04"), then: func() {
					w.restore = backup.Path
					w.Quit()
				}})
			}
			showChoices(w.win, "Your journal is damaged", message(err.Error()), fyne.NewSize(620, 300), choices...)
		}
	})
}
