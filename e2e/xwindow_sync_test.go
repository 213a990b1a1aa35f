package e2e

import (
	"os"
	"os/exec"
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
	const passphrase = "one passphrase, two computers"
	cli := func(db string, args ...string) string {
		t.Helper()
		cmd := exec.Command(builtBinary(t), append([]string{"--db", db}, args...)...)
		cmd.Env = append(os.Environ(), "THROUGHLINE_PASSPHRASE="+passphrase, "THROUGHLINE_NEW_PASSPHRASE="+passphrase)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("throughline %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	cli(laptop, "add", "--title", "Written before sync")
	cli(laptop, "encryption", "on")
	cli(laptop, "sync", "--folder", folder, "--name", "Laptop")
	cli(desktop, "sync", "--folder", folder, "--name", "Desktop")

	x.launch(desktop)
	x.typeText(passphrase)
	x.key("Return")
	time.Sleep(2 * time.Second) // Argon2id, then the first round
	cli(laptop, "add", "--title", "Written on the laptop", "--body", "after the session, on the train")
	cli(laptop, "sync")
	time.Sleep(5 * time.Second) // the folder settles, a round runs
	shot := x.screenshot("sync-arrived")
	t.Logf("look at %s: the laptop's entry in the list, \"Synced at\" in the bottom bar", shot)
	// Read while the window is open: only its own round can have put it there.
	if list := cli(desktop, "list"); !strings.Contains(list, "Written on the laptop") {
		t.Errorf("the open window didn't sync the laptop's entry in:\n%s", list)
	}

	x.key("ctrl+n")
	x.typeText("Written at the desk")
	x.key("ctrl+s")
	time.Sleep(500 * time.Millisecond)
	x.key("ctrl+q")
	x.waitExit()

	cli(laptop, "sync")
	if list := cli(laptop, "list"); !strings.Contains(list, "Written at the desk") {
		t.Errorf("what was written in the window didn't reach the laptop:\n%s", list)
	}
}
