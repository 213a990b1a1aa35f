package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// unlockedSyncWindow opens the window on an encrypted journal, unlocked,
// with its sync rounds stopped when the test ends.
func unlockedSyncWindow(t *testing.T, store *jstore.Store) *Window {
	t.Helper()
	w := lockedWindow(t, store)
	w.win.Resize(fyne.NewSize(1100, 720))
	unlockWith(w, uiPassphrase)
	if store.Locked() {
		t.Fatal("the passphrase didn't open the journal")
	}
	t.Cleanup(func() { w.sync.stop() })
	return w
}

func TestSync_AskForEncryptionFirst(t *testing.T) {
	w, store := newTestWindow(t)
	w.showSync()
	if said := dialogText(t, w); !strings.Contains(said, "must be encrypted first") || w.syncForm.folder != nil {
		t.Fatalf("an unencrypted journal's Sync dialog says %q", said)
	}
	if st, _ := store.SyncStatus(); st.Folder != "" {
		t.Errorf("showing the dialog turned sync on through %s", st.Folder)
	}
}

func TestSync_TurnOnThenSeeTheComputers(t *testing.T) {
	store := encryptedJournal(t)
	w := unlockedSyncWindow(t, store)
	photos := t.TempDir()
	if err := os.WriteFile(filepath.Join(photos, "beach.jpg"), []byte("not a journal"), 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(t.TempDir(), "Sync")

	for _, tt := range []struct{ name, folder, says string }{
		{"no folder", "", "Type or choose the folder"},
		{"a folder of something else", photos, "already holds other files"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w.showSync()
			test.Type(w.syncForm.folder, tt.folder)
			test.Tap(w.syncForm.turnOn)
			if said := dialogText(t, w); !strings.Contains(said, tt.says) {
				t.Errorf("turning sync on says %q, want it to mention %q", said, tt.says)
			}
			if st, _ := store.SyncStatus(); st.Folder != "" {
				t.Errorf("sync is on through %s", st.Folder)
			}
			w.closeTopDialog() // the problem
			w.closeTopDialog() // the Sync dialog
		})
	}

	w.showSync()
	if w.win.Canvas().Focused() != w.syncForm.folder {
		t.Error("the Sync dialog doesn't start at the folder")
	}
	test.Type(w.syncForm.folder, folder)
	w.syncForm.name.SetText("Laptop")
	test.Tap(w.syncForm.turnOn)
	st, err := store.SyncStatus()
	if err != nil || st.Folder != folder || st.DeviceName != "Laptop" {
		t.Fatalf("after Turn on sync: %+v, %v", st, err)
	}
	if w.win.Canvas().Overlays().Top() != nil {
		t.Error("the Sync dialog stayed open")
	}
	if !w.sync.label.Visible() || !strings.HasPrefix(w.sync.label.Text, "Synced at ") {
		t.Errorf("the bar under the screens says %q (shown %v)", w.sync.label.Text, w.sync.label.Visible())
	}

	w.showSync()
	said := dialogText(t, w)
	for _, want := range []string{"Syncing through " + folder, "Laptop (this computer)"} {
		if !strings.Contains(said, want) {
			t.Errorf("the Sync dialog says %q, want %q", said, want)
		}
	}
}

// What another computer syncs shows in the open window after a round,
// without a click.
func TestSync_ARoundShowsWhatArrived(t *testing.T) {
	store := encryptedJournal(t)
	folder := filepath.Join(t.TempDir(), "Sync")
	if err := store.Unlock(uiPassphrase); err != nil {
		t.Fatal(err)
	}
	if err := store.EnableSync(folder, "Desktop"); err != nil {
		t.Fatal(err)
	}
	store.Lock()
	laptop, err := jstore.JoinSync(filepath.Join(t.TempDir(), "laptop.db"), folder, uiPassphrase, "Laptop")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { laptop.Close() })
	w := unlockedSyncWindow(t, store)

	if _, err := laptop.CreateEntry(journal.Entry{Title: "On the train", Body: "after the session", WrittenAt: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if _, err := laptop.Sync(); err != nil {
		t.Fatal(err)
	}
	w.sync.round()
	j := w.journal
	titles := []string{}
	for _, e := range j.entries {
		titles = append(titles, e.Title)
	}
	if len(titles) != 2 || !strings.Contains(strings.Join(titles, "|"), "On the train") {
		t.Fatalf("after a round the list shows %q", titles)
	}
}
