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

	var stderr interface{ String() string }
	x.app, x.window, stderr = x.startAnother(desktop)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the window's stderr:\n%s", stderr.String())
		}
	})
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
