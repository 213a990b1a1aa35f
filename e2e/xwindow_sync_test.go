package e2e

import (
	"io/fs"
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
	laptop, desktop := filepath.Join(dir, "laptop.db"), filepath.Join(dir, "desktop.db")
	folder := filepath.Join(dir, "Sync")
	throughlineAt(t, laptop, "add", "--title", "Written before sync")
	throughlineAt(t, laptop, "encryption", "on")
	throughlineAt(t, laptop, "sync", "--folder", folder, "--name", "Laptop")
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
	laptop, desktop := filepath.Join(dir, "laptop.db"), filepath.Join(dir, "desktop.db")
	folder := filepath.Join(dir, "Sync")
	throughlineAt(t, laptop, "add", "--title", "Written on the laptop", "--body", "the week before")
	throughlineAt(t, laptop, "encryption", "on")
	throughlineAt(t, laptop, "sync", "--folder", folder, "--name", "Laptop")

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
