package ui

import (
	"fmt"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	jstore "github.com/throughline/throughline/journal/store"
)

// settingAutoLock is how many idle minutes lock an encrypted journal;
// "0" never does.
const settingAutoLock = "auto_lock_minutes"

// defaultAutoLock applies until the person chooses: long enough not to
// interrupt writing, short enough that a journal left open locks itself.
const defaultAutoLock = 15

// idleCheck is how often the window asks whether it has been idle long
// enough to lock.
const idleCheck = 20 * time.Second

// lockStore is what locking and unlocking need from the journal.
type lockStore interface {
	Path() string
	Encrypted() bool
	Locked() bool
	Unlock(passphrase string) error
	Lock()
	Setting(key string) (string, error)
}

var _ lockStore = (*jstore.Store)(nil)

// lockState is the window's part in locking an encrypted journal.
type lockState struct {
	mu     sync.Mutex
	last   time.Time // when the person last did something
	ticker *time.Ticker

	passphrase *widget.Entry // the unlock view's, while it shows
	unlock     *widget.Button
	problem    *widget.Label
}

// touch notes that the person did something, which keeps an encrypted
// journal from locking itself.
func (w *Window) touch() {
	w.lock.mu.Lock()
	w.lock.last = w.now()
	w.lock.mu.Unlock()
}

// startAutoLock checks now and then whether the journal has been left
// alone long enough to lock.
func (w *Window) startAutoLock() {
	w.touch()
	if w.lock.ticker != nil {
		return
	}
	w.lock.ticker = time.NewTicker(idleCheck)
	go func() {
		for range w.lock.ticker.C {
			fyne.Do(w.checkIdle)
		}
	}()
}

// autoLockMinutes is the chosen idle time, or the default.
func (w *Window) autoLockMinutes() int {
	v, err := w.store.Setting(settingAutoLock)
	if err != nil || v == "" {
		return defaultAutoLock
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return defaultAutoLock
	}
	return n
}

// checkIdle locks an unlocked encrypted journal that has been idle for
// the chosen time.
func (w *Window) checkIdle() {
	if !w.store.Encrypted() || w.store.Locked() {
		return
	}
	minutes := w.autoLockMinutes()
	w.lock.mu.Lock()
	idle := w.now().Sub(w.lock.last)
	w.lock.mu.Unlock()
	if minutes > 0 && idle >= time.Duration(minutes)*time.Minute {
		w.lockAndSay(fmt.Sprintf("Locked after %s without use.", plural(minutes, "minute", "minutes")))
	}
}

// lockNow locks the journal at once, from the menu or Ctrl+L.
func (w *Window) lockNow() {
	if !w.store.Encrypted() {
		showChoices(w.win, "Locking needs a passphrase", message("Only an encrypted journal can be locked. "+
			"Turn encryption on under File → Encryption…, and the journal will ask for its passphrase when it opens and after it has been left alone."),
			fyne.NewSize(520, 220), dialogChoice{label: "Close", focused: true})
		return
	}
	w.lockAndSay("Locked.")
}

// lockAndSay keeps the draft, forgets the keys and covers the window, so
// nothing of the journal shows until the passphrase is given again.
func (w *Window) lockAndSay(note string) {
	w.keepDraft("keeping the draft before locking")
	w.removeCopies() // decrypted, they would outlast the lock
	for top := w.win.Canvas().Overlays().Top(); top != nil; top = w.win.Canvas().Overlays().Top() {
		w.win.Canvas().Overlays().Remove(top) // a dialog would show over the lock
	}
	w.store.Lock()
	w.showUnlock(note)
}

// showUnlock asks for the passphrase, with only Quit and the crisis
// resources on the menu meanwhile.
func (w *Window) showUnlock(note string) {
	l := &w.lock
	l.passphrase = widget.NewPasswordEntry()
	l.passphrase.SetPlaceHolder("Passphrase")
	l.passphrase.OnSubmitted = func(string) { w.tryUnlock() }
	l.unlock = widget.NewButtonWithIcon("Unlock", theme.LoginIcon(), w.tryUnlock)
	l.unlock.Importance = widget.HighImportance
	l.problem = widget.NewLabel(note)
	l.problem.Wrapping = fyne.TextWrapWord
	heading := widget.NewLabelWithStyle("Your journal is locked", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel("Type your passphrase to open it. " + w.store.Path())
	hint.Wrapping = fyne.TextWrapWord
	card := container.NewVBox(heading, hint, l.passphrase, container.NewHBox(l.unlock), l.problem)
	w.win.SetContent(container.NewCenter(container.New(&maxWidth{width: 460}, card)))
	quit := fyne.NewMenuItem("Quit", w.Quit)
	quit.IsQuit = true
	quit.Shortcut = ctrlShortcut(fyne.KeyQ)
	w.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("File", quit),
		fyne.NewMenu("Help", fyne.NewMenuItem(crisisButtonText, func() { showCrisisHelp(w.win, w.store) })),
	))
	w.win.Canvas().Focus(l.passphrase)
}

// tryUnlock unlocks with what was typed, off the UI goroutine: deriving
// the key and rebuilding the search index take a moment.
func (w *Window) tryUnlock() {
	l := &w.lock
	passphrase := l.passphrase.Text
	l.passphrase.SetText("")
	l.unlock.Disable()
	l.problem.SetText("Unlocking…")
	w.background(func() func() {
		err := w.store.Unlock(passphrase)
		return func() {
			l.unlock.Enable()
			if err != nil {
				l.problem.SetText(err.Error())
				w.win.Canvas().Focus(l.passphrase)
				return
			}
			w.afterUnlock()
		}
	})
}

// afterUnlock shows the journal again: built now if this is the first
// unlock, else as it was, with the screen in view read again.
func (w *Window) afterUnlock() {
	if w.journal == nil {
		w.build()
		w.startDailyBackups()
		w.sync.start()
	} else {
		w.sync.round() // what arrived while it was locked
		w.win.SetMainMenu(w.menu())
		w.win.SetContent(w.main)
		w.touch()
		if t := w.tabs.Selected(); t != nil && w.tabs.OnSelected != nil {
			w.tabs.OnSelected(t)
		}
	}
	w.focusScreen(w.tabs.Selected().Content)
}
