package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

// syncingJournal makes an encrypted journal (locked, as the window finds
// it) that syncs through a new folder as name.
func syncingJournal(t *testing.T, name string) (store *jstore.Store, folder string) {
	t.Helper()
	store = encryptedJournal(t)
	folder = filepath.Join(t.TempDir(), "Sync")
	if err := store.Unlock(uiPassphrase); err != nil {
		t.Fatal(err)
	}
	if err := store.EnableSync(folder, name); err != nil {
		t.Fatal(err)
	}
	store.Lock()
	return store, folder
}

// joinedLaptop joins the journal synced through folder, as "Laptop".
func joinedLaptop(t *testing.T, folder string) *jstore.Store {
	t.Helper()
	laptop, err := jstore.JoinSync(filepath.Join(t.TempDir(), "laptop.db"), folder, uiPassphrase, "Laptop")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { laptop.Close() })
	return laptop
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
	_, another := syncingJournal(t, "Elsewhere")

	for _, tt := range []struct{ name, folder, says string }{
		{"no folder", "", "Type or choose the folder"},
		{"a folder of something else", photos, "already holds other files"},
		{"another journal's folder", another, "entries of its own"},
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

	test.Tap(w.syncForm.turnOff)
	test.Tap(buttonIn(t, w, "Keep syncing"))
	if st, _ := store.SyncStatus(); st.Folder != folder {
		t.Fatalf("Keep syncing turned sync off")
	}
	w.showSync()
	test.Tap(w.syncForm.turnOff)
	test.Tap(buttonIn(t, w, "Turn sync off"))
	if st, _ := store.SyncStatus(); st.Folder != "" {
		t.Errorf("after Turn sync off, still syncing through %s", st.Folder)
	}
	if w.sync.label.Visible() {
		t.Errorf("the bar still says %q", w.sync.label.Text)
	}
	w.showSync()
	if w.syncForm.turnOn == nil {
		t.Error("with sync off, the Sync dialog doesn't offer to turn it on")
	}
}

// What another computer syncs shows in the open window after a round,
// without a click.
func TestSync_ARoundShowsWhatArrived(t *testing.T) {
	store, folder := syncingJournal(t, "Desktop")
	laptop := joinedLaptop(t, folder)
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
	w.showSync()
	said := dialogText(t, w)
	for _, want := range []string{"Desktop (this computer)", "Laptop · last seen"} {
		if !strings.Contains(said, want) {
			t.Errorf("the Sync dialog says %q, want %q", said, want)
		}
	}
	if os.Getenv("THROUGHLINE_SCREENSHOTS") != "" {
		saveImage(t, w.win.Canvas().Capture(), "../docs/sync-status.png")
	}
}

// A second computer joins from the welcome page: a wrong passphrase is
// said on the page and leaves nothing behind; the right one builds the
// journal beside the new one and closes the window for it to take over.
func TestSync_JoinFromTheWelcome(t *testing.T) {
	_, folder := syncingJournal(t, "Laptop")
	w, store := newJournalWindow(t)
	test.Tap(buttonOnScreen(t, w, "Join a synced journal…"))
	f := w.onboarding.join
	if w.win.Canvas().Focused() != f.folder {
		t.Error("the join page doesn't start at the folder")
	}
	building := jstore.JoiningPath(store.Path())

	for _, tt := range []struct{ name, folder, passphrase, says string }{
		{"no folder", "", uiPassphrase, "choose the folder"},
		{"not a sync folder", t.TempDir(), uiPassphrase, "not a Throughline sync folder"},
		{"wrong passphrase", folder, "not the passphrase", "passphrase"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f.folder.SetText(tt.folder)
			f.pass.SetText(tt.passphrase)
			test.Tap(f.join)
			if !strings.Contains(f.problem.Text, tt.says) {
				t.Errorf("the join page says %q, want it to mention %q", f.problem.Text, tt.says)
			}
			if left, _ := filepath.Glob(building + "*"); len(left) > 0 {
				t.Errorf("a failed join left %v", left)
			}
			if w.JoinedRequested() != "" {
				t.Error("a failed join asked for the window to close")
			}
		})
	}

	f.folder.SetText(folder)
	f.pass.SetText("")
	f.problem.SetText("")
	test.Type(f.pass, uiPassphrase)
	f.pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.JoinedRequested() != building {
		t.Fatalf("joining asked for %q to take the journal's place, want %q (page says %q)", w.JoinedRequested(), building, f.problem.Text)
	}
	joined, err := jstore.Open(building)
	if err != nil {
		t.Fatal(err)
	}
	defer joined.Close()
	if err := joined.Unlock(uiPassphrase); err != nil {
		t.Fatal(err)
	}
	if list, _ := joined.Entries(journal.EntryQuery{}); len(list) != 1 || list[0].Title != "behind the lock" {
		t.Errorf("the joined journal holds %+v", list)
	}
}

// An entry changed on two computers before they synced is marked in the
// list and the editor; Compare… shows both texts, and keeping both
// joined ends it.
func TestSync_ChangedOnTwoComputers(t *testing.T) {
	store, folder := syncingJournal(t, "Desktop")
	laptop := joinedLaptop(t, folder)
	edit := func(s *jstore.Store, body string) {
		t.Helper()
		list, err := s.Entries(journal.EntryQuery{})
		if err != nil || len(list) != 1 {
			t.Fatalf("entries: %v, %v", list, err)
		}
		e := list[0]
		e.Body = body
		if _, err := s.UpdateEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.Unlock(uiPassphrase); err != nil {
		t.Fatal(err)
	}
	edit(laptop, "Written on the train.")
	time.Sleep(5 * time.Millisecond) // the desktop's edit is the later one
	edit(store, "Written at the desk.")
	for _, s := range []*jstore.Store{laptop, store, laptop} {
		if _, err := s.Sync(); err != nil {
			t.Fatal(err)
		}
	}
	store.Lock()
	w := unlockedSyncWindow(t, store)
	j := w.journal
	if len(j.entries) != 1 || !j.entries[0].Conflicted {
		t.Fatalf("the list shows %+v, not one entry changed on two computers", j.entries)
	}
	j.open(j.entries[0])
	if !j.editor.conflict.Visible() {
		t.Fatal("the editor doesn't say the entry changed on two computers")
	}
	if j.editor.body.Text != "Written at the desk." {
		t.Errorf("the editor shows %q, not the later text", j.editor.body.Text)
	}
	if os.Getenv("THROUGHLINE_SCREENSHOTS") != "" {
		saveImage(t, w.win.Canvas().Capture(), "../docs/sync-two-texts.png")
	}
	bannerAt := j.editor.conflict.Position().Y
	j.compareVersions()
	if os.Getenv("THROUGHLINE_SCREENSHOTS") != "" {
		saveImage(t, w.win.Canvas().Capture(), "../docs/sync-compare.png")
	}
	said := dialogText(t, w)
	for _, want := range []string{"Written on the train.", "Written at the desk.", "From Laptop"} {
		if !strings.Contains(said, want) {
			t.Errorf("Compare shows %q, want %q", said, want)
		}
	}
	test.Tap(buttonIn(t, w, "Keep both, joined"))
	e, err := store.Entry(j.entries[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Conflicted || e.Body != "Written at the desk.\n\nWritten on the train." {
		t.Errorf("after keeping both: conflicted %v, body %q", e.Conflicted, e.Body)
	}
	if j.editor.conflict.Visible() || j.editor.body.Text != e.Body {
		t.Errorf("the editor still marks the entry (%v) or shows %q", j.editor.conflict.Visible(), j.editor.body.Text)
	}
	if at := j.editor.title.Position().Y; at != bannerAt {
		t.Errorf("the title sits at %v after the notice went, want %v where the notice was: a gap is left", at, bannerAt)
	}
	if listed := j.entries[0]; listed.Conflicted || listed.Body != e.Body {
		t.Errorf("the list still shows the entry as conflicted %v, %q", listed.Conflicted, listed.Body)
	}
	if _, err := store.Sync(); err != nil {
		t.Fatal(err)
	}
	if _, err := laptop.Sync(); err != nil {
		t.Fatal(err)
	}
	if got, _ := laptop.Entry(e.ID); got.Conflicted || got.Body != e.Body {
		t.Errorf("on the laptop after syncing: conflicted %v, body %q", got.Conflicted, got.Body)
	}
}

// A change file damaged on its way is refused: the bar says sync
// stopped, the Sync dialog names the computer it came from, and nothing
// from it shows.
func TestSync_DamagedChangesAreRefused(t *testing.T) {
	store, folder := syncingJournal(t, "Desktop")
	laptop := joinedLaptop(t, folder)
	w := unlockedSyncWindow(t, store)
	if _, err := laptop.CreateEntry(journal.Entry{Title: "Tampered with", WrittenAt: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if _, err := laptop.Sync(); err != nil {
		t.Fatal(err)
	}
	segments, _ := filepath.Glob(filepath.Join(folder, "devices", "*", "*.seg"))
	var newest string
	var newestAt time.Time
	for _, seg := range segments {
		if info, err := os.Stat(seg); err == nil && info.ModTime().After(newestAt) {
			newest, newestAt = seg, info.ModTime()
		}
	}
	data, err := os.ReadFile(newest)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-5] ^= 0x40
	if err := os.WriteFile(newest, data, 0o600); err != nil {
		t.Fatal(err)
	}

	w.sync.round()
	if !strings.HasPrefix(w.sync.label.Text, "Sync stopped") {
		t.Errorf("after a damaged change file the bar says %q", w.sync.label.Text)
	}
	for _, e := range w.journal.entries {
		if e.Title == "Tampered with" {
			t.Error("the damaged change was applied")
		}
	}
	w.showSync()
	if said := dialogText(t, w); !strings.Contains(said, "Laptop") || !strings.Contains(said, "damaged") {
		t.Errorf("the Sync dialog says %q, want the damage and the computer's name", said)
	}
}

// plainButtonIn finds a widget.Button by its text in the dialog in front.
func plainButtonIn(t *testing.T, w *Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(t, w.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	return found
}

// A journal never written in can join a synced one from File → Sync…
// too, whether or not it is encrypted; one with entries is not offered
// it, and turning sync on through another journal's folder says why.
func TestSync_JoinFromTheSyncDialog(t *testing.T) {
	_, folder := syncingJournal(t, "Laptop")

	written, _ := newTestWindow(t)
	writeEntry(written, "Mine", "already written")
	written.journal.onSave()
	written.showSync()
	if plainButtonIn(t, written, "Join a synced journal…") != nil {
		t.Error("a journal with entries is offered to give way to a synced one")
	}

	w, store := newTestWindow(t)
	w.showSync()
	offer := plainButtonIn(t, w, "Join a synced journal…")
	if offer == nil {
		t.Fatal("an empty journal's Sync dialog doesn't offer to join")
	}
	test.Tap(offer)
	f := w.joinDialog
	f.folder.SetText(folder)
	f.pass.SetText("not the passphrase")
	test.Tap(buttonIn(t, w, "Join"))
	if !strings.Contains(f.problem.Text, "passphrase") || w.JoinedRequested() != "" {
		t.Fatalf("a wrong passphrase: the dialog says %q, joined %q", f.problem.Text, w.JoinedRequested())
	}
	f.pass.SetText("")
	test.Type(f.pass, uiPassphrase)
	f.pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := jstore.JoiningPath(store.Path()); w.JoinedRequested() != want {
		t.Fatalf("joining asked for %q to take the journal's place, want %q (dialog says %q)", w.JoinedRequested(), want, f.problem.Text)
	}
}
