package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	jstore "github.com/throughline/throughline/journal/store"
)

// newTestBackups builds the Backups screen in a window of its own, on a
// fresh journal, working synchronously.
func newTestBackups(t *testing.T) (*backupsScreen, fyne.Window, *jstore.Store) {
	t.Helper()
	store := mustOpenJournal(t)
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	v := newBackupsScreen(testEnv(), w, store)
	w.SetContent(v.content)
	w.Resize(fyne.NewSize(900, 600))
	w.Show()
	v.reload()
	return v, w, store
}

func TestBackups_BackUpNowCreatesAndLists(t *testing.T) {
	// Given a journal without backups,
	v, w, store := newTestBackups(t)
	if len(v.rows) != 0 || !strings.Contains(shownText(t, v.list), "No backups in this folder yet") {
		t.Fatalf("a new journal lists %d backups:\n%s", len(v.rows), shownText(t, v.list))
	}
	if v.folder.Text != jstore.DefaultBackupDir(store.Path()) {
		t.Errorf("folder shown: %q", v.folder.Text)
	}
	// when Back up now is pressed,
	test.Tap(v.backUp)
	// then a private backup is in the folder, listed as made by you.
	list, err := jstore.Backups(jstore.DefaultBackupDir(store.Path()))
	if err != nil || len(list) != 1 {
		t.Fatalf("backups in the folder: %v, %v", list, err)
	}
	if info, _ := os.Stat(list[0].Path); info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %o, want 600", info.Mode().Perm())
	}
	if len(v.rows) != 1 || v.rows[0].file.Path != list[0].Path || !strings.Contains(shownText(t, v.list), "Made by you") {
		t.Errorf("the list shows:\n%s", shownText(t, v.list))
	}
	if !strings.Contains(v.status.Text, list[0].Path) || v.backUp.Disabled() {
		t.Errorf("status %q, button disabled %v", v.status.Text, v.backUp.Disabled())
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog opened:\n%s", shownText(t, top))
	}
}

func TestBackups_RestoreAsksFirst(t *testing.T) {
	v, w, store := newTestBackups(t)
	made, err := store.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	v.reload()
	var restored []string
	v.restore = func(path string) { restored = append(restored, path) }

	// Given the restore asked for, the question names the backup, and the
	// safe answer has the focus;
	test.Tap(v.rows[0].restore)
	if text := topDialogText(t, w); !strings.Contains(text, made) || !strings.Contains(text, "is kept in the backup folder first") {
		t.Errorf("the question:\n%s", text)
	}
	if cancel := dialogButtonIn(t, w, "Cancel"); w.Canvas().Focused() != cancel {
		t.Errorf("focus is on %v, want Cancel", w.Canvas().Focused())
	}
	// when it is cancelled, nothing is restored;
	test.Tap(dialogButtonIn(t, w, "Cancel"))
	if len(restored) != 0 {
		t.Fatalf("cancelling restored %q", restored)
	}
	// when Return is pressed on the question, it is cancelled too;
	test.Tap(v.rows[0].restore)
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(restored) != 0 {
		t.Fatalf("Return restored %q", restored)
	}
	// and only when confirmed is the window asked to restore that backup.
	test.Tap(v.rows[0].restore)
	test.Tap(dialogButtonIn(t, w, "Restore"))
	if len(restored) != 1 || restored[0] != made {
		t.Errorf("restored %q, want %s", restored, made)
	}
}

func TestBackups_BadBackupIsRefusedBeforeAsking(t *testing.T) {
	v, w, store := newTestBackups(t)
	dir := jstore.DefaultBackupDir(store.Path())
	os.MkdirAll(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "not-a-journal.db"), []byte(strings.Repeat("text, not a journal. ", 20)), 0o600)
	v.reload()
	v.restore = func(path string) { t.Errorf("restore(%s) called for a file that isn't a journal", path) }
	test.Tap(v.rows[0].restore)
	if text := topDialogText(t, w); !strings.Contains(text, "is not a Throughline journal") {
		t.Errorf("the problem shown:\n%s", text)
	}
}

func TestBackups_ChangingTheFolderPersists(t *testing.T) {
	v, w, store := newTestBackups(t)
	// Given a folder typed and chosen with Return,
	chosen := filepath.Join(t.TempDir(), "to the usb stick")
	v.folder.SetText("")
	test.Type(v.folder, chosen)
	v.folder.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	// then it is made, only you can read it, backups go there,
	if info, err := os.Stat(chosen); err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("the folder: %v, %v", info, err)
	}
	test.Tap(v.backUp)
	if len(v.rows) != 1 || filepath.Dir(v.rows[0].file.Path) != chosen {
		t.Errorf("after backing up, the list shows %+v", v.rows)
	}
	// and the journal remembers it when opened again.
	if dir, err := reopenedJournal(t, store).BackupDir(); dir != chosen || err != nil {
		t.Errorf("reopened, BackupDir = %q, %v; want %s", dir, err, chosen)
	}

	// Change… opens the toolkit's folder dialog.
	test.Tap(v.choose)
	if w.Canvas().Overlays().Top() == nil {
		t.Error("Change… opened no folder dialog")
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())

	// A folder that can't be made is refused, and the chosen one stays.
	file := filepath.Join(t.TempDir(), "a file")
	os.WriteFile(file, nil, 0o600)
	v.folder.SetText(filepath.Join(file, "backups"))
	test.Tap(v.useFolder)
	if text := topDialogText(t, w); !strings.Contains(text, "Couldn't create the backup folder") {
		t.Errorf("the problem shown:\n%s", text)
	}
	if dir, _ := store.BackupDir(); dir != chosen {
		t.Errorf("after a refused folder, BackupDir = %s", dir)
	}
}
