package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// damagedJournal makes a journal of many pages with a backup, then
// overwrites the pages in the middle of the file, as a failing disk
// would, and opens it: opening reads only the schema, so it opens. The
// schema's pages sit among the first tables' (auto-vacuum moves them
// there as the migrations create tables), so the journal is large enough
// that the middle of the file holds only entries.
func damagedJournal(t *testing.T) (*jstore.Store, jstore.BackupFile) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.db")
	store, err := jstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	entries := make([]journal.Entry, 3000)
	for i := range entries {
		entries[i] = journal.Entry{Title: fmt.Sprintf("entry %d", i), Body: strings.Repeat("I noticed the old pattern again. ", 20),
			WrittenAt: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)}
	}
	if _, err := store.CreateEntries(entries); err != nil {
		t.Fatal(err)
	}
	store.SetSetting(journal.SettingOnboarded, "1")
	if _, err := store.Backup(""); err != nil {
		t.Fatal(err)
	}
	store.Close()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	pages := info.Size() / page
	for p := pages * 2 / 5; p < pages*3/5; p++ {
		f.WriteAt([]byte(strings.Repeat("\xff", 32)), p*page)
	}
	f.Close()
	store, err = jstore.Open(path)
	if err != nil {
		t.Fatalf("opening read more than the schema: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	list, err := jstore.Backups(jstore.DefaultBackupDir(path))
	if err != nil || len(list) != 1 {
		t.Fatalf("backups: %v, %v", list, err)
	}
	return store, list[0]
}

// The window's own check, run when it has been open a while, finds the
// damage opening didn't look for, and offers the newest good backup.
func TestUpkeep_IdleCheckFindsDamageAndOffersTheBackup(t *testing.T) {
	store, backup := damagedJournal(t)
	w := openTestWindow(t, store)
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog before the check:\n%s", shownText(t, top))
	}
	w.checkJournal()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the check found no damage, or said nothing of it")
	}
	shown := shownText(t, top)
	for _, want := range []string{"is damaged", "It was left as it is.", "Restore the backup of " + backup.Time.Format("Mon 2 Jan 15:04")} {
		if !strings.Contains(shown, want) {
			t.Errorf("the dialog doesn't say %q:\n%s", want, shown)
		}
	}
	if _, err := store.CreateEntry(journal.Entry{Title: "after", WrittenAt: time.Now()}); journal.ErrorCode(err) != journal.EDamaged {
		t.Errorf("a write after the check: %v, want %s", err, journal.EDamaged)
	}
	// Said once: the daily backup finding it again adds no second dialog.
	w.showDamaged(store.Soundness())
	if n := len(w.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs, want 1", n)
	}
}

func TestUpkeep_IdleCheckOfASoundJournalSaysNothing(t *testing.T) {
	w, store := newTestWindow(t)
	w.checkJournal()
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog after checking a sound journal:\n%s", shownText(t, top))
	}
	if err := store.Soundness(); err != nil {
		t.Errorf("Soundness: %v", err)
	}
}
