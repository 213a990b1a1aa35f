package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

const uiPassphrase = "a long test passphrase"

// encryptedJournal makes a journal with one entry, encrypts it and opens
// it again, locked, as the app finds it at start.
func encryptedJournal(t *testing.T) *jstore.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := jstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateEntry(journal.Entry{Title: "behind the lock", WrittenAt: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if err := s.EnableEncryption(uiPassphrase); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = jstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// lockedWindow opens the window on a locked journal, its slow work run
// in place.
func lockedWindow(t *testing.T, store *jstore.Store) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	w := newWindow(a, store, testEnv())
	w.win.Show()
	return w
}

func unlockWith(w *Window, passphrase string) {
	test.Type(w.lock.passphrase, passphrase)
	w.lock.passphrase.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func TestLock_AsksForThePassphraseFirst(t *testing.T) {
	store := encryptedJournal(t)
	w := lockedWindow(t, store)
	if w.journal != nil || w.win.Canvas().Focused() != w.lock.passphrase {
		t.Fatal("a locked journal's window built its screens, or didn't focus the passphrase")
	}
	unlockWith(w, "not the passphrase")
	if !store.Locked() || !strings.Contains(w.lock.problem.Text, "doesn't open this journal") || w.lock.passphrase.Text != "" {
		t.Errorf("a wrong passphrase: locked %v, says %q, field %q", store.Locked(), w.lock.problem.Text, w.lock.passphrase.Text)
	}
	unlockWith(w, uiPassphrase)
	if store.Locked() || w.journal == nil {
		t.Fatal("the right passphrase didn't open the journal")
	}
	if got := w.journal.editor.title.Text; got != "behind the lock" {
		t.Errorf("after unlocking the editor shows %q", got)
	}
}

func TestLock_LocksItselfWhenLeftAlone(t *testing.T) {
	store := encryptedJournal(t)
	w := lockedWindow(t, store)
	now := fixedNow
	w.now = func() time.Time { return now }
	unlockWith(w, uiPassphrase)

	test.Type(w.journal.editor.title, " and more")
	now = now.Add(14 * time.Minute)
	w.checkIdle()
	if store.Locked() {
		t.Fatal("locked after 14 minutes; the default is 15")
	}
	test.Type(w.journal.editor.body, "typing keeps it open")
	now = now.Add(14 * time.Minute)
	w.checkIdle()
	if store.Locked() {
		t.Fatal("locked 14 minutes after typing")
	}
	now = now.Add(2 * time.Minute)
	w.checkIdle()
	if !store.Locked() || !strings.Contains(w.lock.problem.Text, "15 minutes") {
		t.Fatalf("after 16 idle minutes: locked %v, says %q", store.Locked(), w.lock.problem.Text)
	}
	// What was being typed was kept, encrypted, and comes back.
	unlockWith(w, uiPassphrase)
	if d, ok, err := store.Draft(); err != nil || !ok || !strings.Contains(d.Title, " and more") || d.Body != "typing keeps it open" {
		t.Errorf("the draft after locking: %+v, %v, %v", d, ok, err)
	}
	if w.win.Content() != w.main {
		t.Error("unlocking again didn't show the journal")
	}
}

func TestLock_NowNeedsEncryption(t *testing.T) {
	w, store := newTestWindow(t)
	menuItem(t, w, "Lock now").Action()
	if store.Locked() || !strings.Contains(dialogText(t, w), "Only an encrypted journal can be locked") {
		t.Errorf("Lock now on a plain journal: %q", dialogText(t, w))
	}
}

func TestEncryption_TurnedOnFromTheWindow(t *testing.T) {
	w, store := newTestWindow(t)
	menuItem(t, w, "Encryption…").Action()
	if !strings.Contains(dialogText(t, w), "cannot be recovered") {
		t.Fatalf("the dialog doesn't warn that a forgotten passphrase can't be recovered:\n%s", dialogText(t, w))
	}
	test.Type(w.encryptionForm.passphrase, uiPassphrase)
	test.Type(w.encryptionForm.again, uiPassphrase+"x")
	test.Tap(buttonIn(t, w, "Encrypt my journal"))
	if store.Encrypted() || !strings.Contains(dialogText(t, w), "weren't the same") {
		t.Fatalf("mismatched passphrases: encrypted %v, says %q", store.Encrypted(), dialogText(t, w))
	}
	test.Tap(buttonIn(t, w, "Close"))

	menuItem(t, w, "Encryption…").Action()
	w.encryptionForm.autoLock.SetSelected("after 5 minutes")
	test.Type(w.encryptionForm.passphrase, uiPassphrase)
	test.Type(w.encryptionForm.again, uiPassphrase)
	test.Tap(buttonIn(t, w, "Encrypt my journal"))
	if !store.Encrypted() || store.Locked() {
		t.Fatalf("after confirming: encrypted %v, locked %v", store.Encrypted(), store.Locked())
	}
	if w.autoLockMinutes() != 5 {
		t.Errorf("auto-lock is %d minutes, chose 5", w.autoLockMinutes())
	}
	test.Tap(buttonIn(t, w, "Close"))
	menuItem(t, w, "Lock now").Action()
	if !store.Locked() || w.journal == nil || w.win.Content() == w.main {
		t.Error("Lock now didn't lock the encrypted journal and cover the window")
	}
}
