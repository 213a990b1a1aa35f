package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Restoring a backup from the window, as a person would: File →
// Backups…, Restore… on the backup, confirm, and the window starts again
// on the restored journal, saying where the old one was kept.
func TestWindow_RestoreABackup(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	cli := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(builtBinary(t), append([]string{"--db", db}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("throughline %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	cli("add", "--title", "In the backup")
	cli("backup")
	cli("add", "--title", "After the backup")

	x.launch(db)
	// The list is read as the dialog opens: wait for the day's automatic
	// backup, or it may land after, and the rows aren't where they're
	// clicked.
	waitForFile(t, filepath.Join(filepath.Dir(db), "backups", "throughline-"+time.Now().Format("2006-01-02")+".db"))
	x.key("ctrl+b") // File → Backups…
	time.Sleep(500 * time.Millisecond)
	x.screenshot("backups")
	// Newest first: today's automatic backup, made as the window opened,
	// then the one made above.
	x.click(883, 490)
	x.screenshot("restore-confirmation")
	x.key("Tab", "space")             // Cancel has the focus; Tab moves to Restore
	x.screenshotOnceDrawn("restored") // the window starts again
	x.key("space")                    // closes the notice
	x.key("ctrl+q")
	x.waitExit()

	if list := cli("list"); !strings.Contains(list, "In the backup") || strings.Contains(list, "After the backup") {
		t.Errorf("after restoring, the journal lists:\n%s", list)
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "before-restore-*.db"))
	if len(kept) != 1 {
		t.Fatalf("the journal before the restore wasn't kept: %v", kept)
	}
	if out, err := exec.Command(builtBinary(t), "--db", kept[0], "list").CombinedOutput(); err != nil || !strings.Contains(string(out), "After the backup") {
		t.Errorf("the kept journal: %v\n%s", err, out)
	}
	if info, err := os.Stat(kept[0]); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the kept journal's mode: %v, %v", info.Mode(), err)
	}
}

// waitForFile waits up to 15 s for path to exist.
func waitForFile(t *testing.T, path string) {
	t.Helper()
	for end := time.Now().Add(15 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if _, err := os.Stat(path); err == nil {
			return
		}
	}
	t.Fatalf("%s wasn't made within 15 s", path)
}
