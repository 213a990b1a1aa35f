package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	jstore "github.com/throughline/throughline/journal/store"
)

// autoLockChoices are the idle times offered, in minutes, 0 for never.
var autoLockChoices = []struct {
	label   string
	minutes int
}{{"after 5 minutes", 5}, {"after 15 minutes", 15}, {"after 30 minutes", 30}, {"after an hour", 60}, {"never", 0}}

// encryptionStore is what the Encryption dialog needs from the journal.
type encryptionStore interface {
	Encrypted() bool
	EnableEncryption(passphrase string) error
	DisableEncryption(passphrase string) error
	ChangePassphrase(old, passphrase string) error
	SetSetting(key, value string) error
}

var _ encryptionStore = (*jstore.Store)(nil)

// encryptionForm is the Encryption dialog's fields, kept for tests.
type encryptionForm struct {
	current, passphrase, again *widget.Entry
	autoLock                   *widget.Select
}

// showEncryption offers to encrypt the journal, or, when it is, to
// change the passphrase, the auto-lock time, or to decrypt it.
func (w *Window) showEncryption() {
	f := &encryptionForm{}
	w.encryptionForm = f
	f.autoLock = widget.NewSelect(nil, nil)
	for _, c := range autoLockChoices {
		f.autoLock.Options = append(f.autoLock.Options, c.label)
		if c.minutes == w.autoLockMinutes() {
			f.autoLock.Selected = c.label
		}
	}
	f.autoLock.OnChanged = func(label string) {
		for _, c := range autoLockChoices {
			if c.label == label {
				if err := w.store.SetSetting(settingAutoLock, strconv.Itoa(c.minutes)); err != nil {
					showProblem(w.win, "Couldn't keep the auto-lock time", err)
				}
			}
		}
	}
	lockRow := container.NewHBox(widget.NewLabel("Lock when left alone"), fixedWidth(200, f.autoLock))
	password := func(hint string) *widget.Entry {
		e := widget.NewPasswordEntry()
		e.SetPlaceHolder(hint)
		return e
	}
	f.passphrase, f.again = password("New passphrase"), password("The same again")
	if !w.store.Encrypted() {
		warning := widget.NewLabelWithStyle(jstore.ForgottenWarning, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		warning.Wrapping = fyne.TextWrapWord
		content := container.NewVBox(message("Encrypting makes everything you write unreadable without your passphrase: "+
			"entries, episodes, people's names, goals, notes and your own patterns. You'll type it each time the journal opens."),
			warning, f.passphrase, f.again, lockRow)
		showChoices(w.win, "Encrypt your journal", content, fyne.NewSize(560, 420),
			dialogChoice{label: "Cancel", focused: true, cancel: true},
			dialogChoice{label: "Encrypt my journal", icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: func() {
				w.changeEncryption(f, func(p string) error { return w.store.EnableEncryption(p) },
					"Your journal is encrypted. Keep your passphrase safe: it is the only way in.")
			}})
		return
	}
	f.current = password("Current passphrase")
	content := container.NewVBox(message("Your journal is encrypted. To change the passphrase, type the current one and the new one twice. "+
		"To turn encryption off, type the current one only."), f.current, f.passphrase, f.again, lockRow)
	showChoices(w.win, "Encryption", content, fyne.NewSize(560, 400),
		dialogChoice{label: "Close", focused: true, cancel: true},
		dialogChoice{label: "Turn encryption off", icon: theme.WarningIcon(), then: func() {
			w.afterBackground(func() error { return w.store.DisableEncryption(f.current.Text) },
				"Your journal is no longer encrypted: anyone who can read the file can read what you wrote.")
		}},
		dialogChoice{label: "Change passphrase", icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: func() {
			w.changeEncryption(f, func(p string) error { return w.store.ChangePassphrase(f.current.Text, p) },
				"The passphrase is changed. The old one no longer opens the journal.")
		}})
}

// changeEncryption checks the new passphrase was typed the same twice,
// then runs change with it.
func (w *Window) changeEncryption(f *encryptionForm, change func(passphrase string) error, done string) {
	if f.passphrase.Text != f.again.Text {
		showChoices(w.win, "The passphrases differ", message("The two new passphrases weren't the same, so nothing was changed. Try again."),
			fyne.NewSize(460, 200), dialogChoice{label: "Close", focused: true})
		return
	}
	p := f.passphrase.Text
	w.afterBackground(func() error { return change(p) }, done)
}

// afterBackground runs slow work (key derivation, converting the
// journal) off the UI goroutine, then says how it went.
func (w *Window) afterBackground(work func() error, done string) {
	w.background(func() func() {
		err := work()
		return func() {
			if err != nil {
				showProblem(w.win, "Nothing was changed", err)
				return
			}
			showChoices(w.win, "Done", message(done), fyne.NewSize(460, 200), dialogChoice{label: "Close", focused: true})
		}
	})
}
