package e2e

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Two computers sharing one sync folder: the laptop is the command
// line, the desktop a real window. What the laptop syncs shows in the
// open window without a click, and what is written in the window leaves
// with it when it closes.
func TestWindow_SyncShowsWhatAnotherComputerWrote(t *testing.T) {
	x := startX(t)
	dir := t.TempDir()
	laptop, folder := syncingLaptop(t, dir, "--title", "Written before sync")
	desktop := filepath.Join(dir, "desktop.db")
	throughlineAt(t, desktop, "sync", "--folder", folder, "--name", "Desktop")

	launchTellingFailures(t, x, desktop)
	unlocked := time.Now()
	x.typeText(syncPassphrase)
	x.key("Return")
	// The window's first round, after the unlock, writes when this
	// computer was last seen; only then is what comes next news to it.
	if !waitFor(20*time.Second, func() bool { return writtenSince(t, folder, unlocked) }) {
		t.Fatal("the window didn't sync after it was unlocked")
	}
	throughlineAt(t, laptop, "add", "--title", "Written on the laptop", "--body", "after the session, on the train")
	throughlineAt(t, laptop, "sync")
	// Read while the window is open: only its own round, started by the
	// folder changing, can have put it there.
	var list string
	if !waitFor(20*time.Second, func() bool {
		list = throughlineAt(t, desktop, "list")
		return strings.Contains(list, "Written on the laptop")
	}) {
		t.Fatalf("the open window didn't sync the laptop's entry in:\n%s", list)
	}
	time.Sleep(time.Second) // the list redraws after the round
	shot := x.screenshot("sync-arrived")
	t.Logf("look at %s: the laptop's entry in the list, \"Synced at\" in the bottom bar", shot)

	x.click(27, 14)  // File
	x.click(36, 518) // Sync…
	x.screenshot("sync-dialog")
	x.click(389, 368) // Turn sync off…
	time.Sleep(300 * time.Millisecond)
	shot = x.screenshot("sync-turn-off-confirm")
	t.Logf("look at %s: what turning sync off does, asked before it is done", shot)
	x.key("Escape") // not now: sync stays on, as the laptop's check below shows
	x.key("Escape")
	x.key("ctrl+n")
	x.typeText("Written at the desk")
	x.key("Tab")
	x.typeText("A quiet lunchtime.")
	x.key("ctrl+s")
	time.Sleep(500 * time.Millisecond)
	x.screenshot("sync-written-in-window")
	x.key("ctrl+q")
	x.waitExit()

	if list := throughlineAt(t, desktop, "list"); !strings.Contains(list, "Written at the desk") {
		t.Fatalf("what was written in the window wasn't saved:\n%s", list)
	}
	throughlineAt(t, laptop, "sync")
	if list := throughlineAt(t, laptop, "list"); !strings.Contains(list, "Written at the desk") {
		t.Errorf("what was written in the window didn't reach the laptop:\n%s", list)
	}
}

// syncingLaptop makes the first computer's journal in dir: an entry
// added with addArgs, encrypted, syncing through dir/Sync as "Laptop".
func syncingLaptop(t *testing.T, dir string, addArgs ...string) (laptop, folder string) {
	t.Helper()
	laptop, folder = filepath.Join(dir, "laptop.db"), filepath.Join(dir, "Sync")
	throughlineAt(t, laptop, append([]string{"add"}, addArgs...)...)
	throughlineAt(t, laptop, "encryption", "on")
	throughlineAt(t, laptop, "sync", "--folder", folder, "--name", "Laptop")
	return laptop, folder
}

// writtenSince reports whether a file under dir changed after since.
func writtenSince(t *testing.T, dir string, since time.Time) bool {
	t.Helper()
	changed := false
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil && info.ModTime().After(since) {
			changed = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return changed
}

// A second computer's first start: from the welcome, "Join a synced
// journal…", the folder and the passphrase, by keyboard; the window
// starts again on the joined journal, which holds the first computer's
// entries and syncs from then on.
func TestWindow_JoinASyncedJournal(t *testing.T) {
	x := startX(t)
	dir := t.TempDir()
	_, folder := syncingLaptop(t, dir, "--title", "Written on the laptop", "--body", "the week before")
	desktop := filepath.Join(dir, "desktop.db")

	launchTellingFailures(t, x, desktop)
	x.key("shift+Tab", "space") // Skip has the focus; Join is before it
	x.typeText(folder)
	x.key("Tab", "Tab") // past Choose…
	x.typeText(syncPassphrase)
	x.screenshot("sync-join-page")
	x.key("Return")
	x.screenshotOnceDrawn("sync-joined") // the window starts again, locked
	x.key("space")                       // closes the notice
	x.typeText(syncPassphrase)
	x.key("Return")
	time.Sleep(2 * time.Second) // Argon2id
	x.screenshot("sync-joined-unlocked")
	x.key("ctrl+q")
	x.waitExit()

	if list := throughlineAt(t, desktop, "list"); !strings.Contains(list, "Written on the laptop") {
		t.Fatalf("the joined journal lists:\n%s", list)
	}
	if status := throughlineAt(t, desktop, "sync", "--status"); !strings.Contains(status, "Laptop") || !strings.Contains(status, "(this computer)") {
		t.Errorf("the joined journal's sync status:\n%s", status)
	}
	if leftover, _ := filepath.Glob(desktop + ".joining*"); len(leftover) > 0 {
		t.Errorf("joining left %v", leftover)
	}
}

// launchTellingFailures starts the window on db, and prints what it
// wrote to stderr if the test fails.
func launchTellingFailures(t *testing.T, x *xSession, db string) {
	t.Helper()
	app, window, stderr := x.startAnother(db)
	x.app, x.window = app, window
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the window's stderr:\n%s", stderr.String())
		}
	})
}

// One entry's text changed on two computers before they synced: the
// window says so on the entry, Compare… shows both texts, and "Keep
// both, joined" keeps both in the entry, on every computer.
func TestWindow_TwoTextsOfOneEntry(t *testing.T) {
	x := startX(t)
	dir := t.TempDir()
	laptop, folder := syncingLaptop(t, dir, "--title", "After Tuesday's session", "--body", "A first thought.")
	desktop := filepath.Join(dir, "desktop.db")
	throughlineAt(t, desktop, "sync", "--folder", folder, "--name", "Desktop")
	var entries []struct{ ID int64 }
	if err := json.Unmarshal([]byte(throughlineAt(t, desktop, "list", "--json")), &entries); err != nil || len(entries) != 1 {
		t.Fatalf("the desktop's entries: %v (%v)", entries, err)
	}
	id := fmt.Sprint(entries[0].ID)
	const onTrain, atDesk = "On the train I saw that I went quiet again.", "At the desk I noticed the same wish to be looked after."
	throughlineAt(t, laptop, "edit", id, "--body", onTrain)
	throughlineAt(t, desktop, "edit", id, "--body", atDesk)
	throughlineAt(t, laptop, "sync")
	throughlineAt(t, desktop, "sync")

	launchTellingFailures(t, x, desktop)
	x.typeText(syncPassphrase)
	x.key("Return")
	time.Sleep(2 * time.Second) // Argon2id, then the first round
	shot := x.screenshot("sync-two-texts-window")
	t.Logf("look at %s: \"two texts\" on the entry and the notice above its text", shot)
	x.click(990, 132) // Compare…
	time.Sleep(500 * time.Millisecond)
	shot = x.screenshot("sync-compare-window")
	t.Logf("look at %s: both texts side by side, and the four choices", shot)
	x.click(620, 601) // Keep both, joined
	time.Sleep(500 * time.Millisecond)
	shot = x.screenshot("sync-kept-both-window")
	t.Logf("look at %s: the entry holds both texts, the notice gone", shot)
	x.key("ctrl+q") // a last round as the window closes takes the choice along
	x.waitExit()

	for _, db := range []string{desktop, laptop} {
		if db == laptop {
			throughlineAt(t, laptop, "sync")
		}
		shown := throughlineAt(t, db, "show", id)
		if !strings.Contains(shown, onTrain) || !strings.Contains(shown, atDesk) {
			t.Errorf("%s shows the entry as:\n%s\nwant both texts", filepath.Base(db), shown)
		}
	}
	if list := throughlineAt(t, laptop, "list"); strings.Contains(list, "two texts") {
		t.Errorf("the laptop still lists two texts:\n%s", list)
	}
}

// An encrypted journal turns sync on from File → Sync…, by keyboard:
// the folder, this computer's name, Turn on sync.
func TestWindow_TurnSyncOn(t *testing.T) {
	x := startX(t)
	dir := t.TempDir()
	desk := filepath.Join(dir, "desk.db")
	folder := filepath.Join(dir, "Sync")
	throughlineAt(t, desk, "add", "--title", "Before sync")
	throughlineAt(t, desk, "encryption", "on")

	launchTellingFailures(t, x, desk)
	x.typeText(syncPassphrase)
	x.key("Return")
	time.Sleep(2 * time.Second) // Argon2id
	x.click(27, 14)             // File
	x.click(36, 518)            // Sync…
	time.Sleep(300 * time.Millisecond)
	x.typeText(folder) // the folder has the focus
	x.key("Tab", "Tab", "ctrl+a")
	x.typeText("Desk")
	shot := x.screenshot("sync-turn-on-form")
	t.Logf("look at %s: what sync does, the folder and this computer's name filled in", shot)
	x.key("Tab", "space") // Turn on sync
	if !waitFor(20*time.Second, func() bool { _, err := os.Stat(filepath.Join(folder, "throughline-sync.json")); return err == nil }) {
		t.Fatal("turning sync on wrote nothing in the folder")
	}
	time.Sleep(500 * time.Millisecond)
	shot = x.screenshot("sync-turned-on")
	t.Logf("look at %s: the dialog gone, \"Sync is on through …\" in the bar", shot)
	x.key("ctrl+q")
	x.waitExit()

	if status := throughlineAt(t, desk, "sync", "--status"); !strings.Contains(status, "Desk (this computer)") {
		t.Errorf("sync --status after turning it on in the window:\n%s", status)
	}
}

// A journal not yet written in, and not encrypted, offers from File →
// Sync… to encrypt it or to join a journal synced elsewhere; joining
// from there gives it the other computer's entries.
func TestWindow_SyncDialogOfANewJournal(t *testing.T) {
	x := startX(t)
	dir := t.TempDir()
	_, folder := syncingLaptop(t, dir, "--title", "Written on the laptop")
	desk := filepath.Join(dir, "desk.db")

	launchTellingFailures(t, x, desk)
	x.key("space") // Skip, on the welcome page
	time.Sleep(300 * time.Millisecond)
	x.click(27, 14)  // File
	x.click(36, 518) // Sync…
	time.Sleep(300 * time.Millisecond)
	shot := x.screenshot("sync-dialog-new-journal")
	t.Logf("look at %s: encrypt first, or join", shot)
	x.click(308, 310) // Join a synced journal…
	time.Sleep(300 * time.Millisecond)
	x.typeText(folder)  // the folder has the focus
	x.key("Tab", "Tab") // past Choose…
	x.typeText(syncPassphrase)
	shot = x.screenshot("sync-join-dialog")
	t.Logf("look at %s: the folder and passphrase filled in, Join", shot)
	x.key("Return")
	x.screenshotOnceDrawn("sync-join-dialog-joined") // the window starts again, locked
	x.key("ctrl+q")
	x.waitExit()

	if list := throughlineAt(t, desk, "list"); !strings.Contains(list, "Written on the laptop") {
		t.Fatalf("the journal joined from the Sync dialog lists:\n%s", list)
	}
}
