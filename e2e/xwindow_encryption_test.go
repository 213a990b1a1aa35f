package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An encrypted journal in a real window: the passphrase typed like a
// person would, an entry written and saved, and nothing of it readable
// in the journal's files afterwards.
func TestWindow_UnlockWriteAndLock(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	const passphrase, secret = "a window passphrase", "Lighthousekeeper42"
	cli := func(env []string, args ...string) string {
		t.Helper()
		cmd := exec.Command(builtBinary(t), append([]string{"--db", db}, args...)...)
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("throughline %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	cli(nil, "add", "--title", "Before encryption", "--body", "an ordinary day")
	cli([]string{"THROUGHLINE_NEW_PASSPHRASE=" + passphrase}, "encryption", "on")

	x.launch(db)
	x.screenshot("unlock")
	x.typeText("not it")
	x.key("Return")
	time.Sleep(1500 * time.Millisecond) // Argon2id
	x.screenshot("unlock-wrong-passphrase")
	x.typeText(passphrase)
	x.key("Return")
	time.Sleep(2 * time.Second)
	x.screenshot("unlocked")
	x.key("ctrl+n")
	x.typeText("Kept behind the lock")
	x.key("Tab")
	x.typeText("The word is " + secret + ".")
	x.key("ctrl+s")
	time.Sleep(500 * time.Millisecond)
	x.key("ctrl+l")
	time.Sleep(500 * time.Millisecond)
	x.screenshot("locked")
	x.key("ctrl+q")
	x.waitExit()

	out := cli([]string{"THROUGHLINE_PASSPHRASE=" + passphrase}, "search", secret)
	if !strings.Contains(out, "Kept behind the lock") {
		t.Errorf("the entry written in the window isn't found:\n%s", out)
	}
	for _, p := range []string{db, db + "-wal"} {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if bytes.Contains(bytes.ToLower(data), []byte(strings.ToLower(secret))) {
			t.Errorf("%s holds the secret word in the clear", filepath.Base(p))
		}
	}
}
