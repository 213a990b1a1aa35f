package e2e

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Two computers, each with its own Syncthing, and the whole binary on
// each: the laptop turns sync on, the desktop joins from what Syncthing
// brought it, and an entry written on either reaches the other. Neither
// folder holds a readable word of them.
func TestSync_AJournalThroughTwoSyncthings(t *testing.T) {
	began := time.Now()
	dirA, dirB := startSyncthingPair(t)
	started := time.Since(began)
	dir := t.TempDir()
	laptop, desktop := filepath.Join(dir, "laptop.db"), filepath.Join(dir, "desktop.db")

	throughlineAt(t, laptop, "add", "--title", "Before sync", "--body", "canary-kestrel on the laptop")
	throughlineAt(t, laptop, "encryption", "on")
	throughlineAt(t, laptop, "sync", "--folder", dirA, "--name", "Laptop")
	toDesktop := waitForCopies(t, dirA, dirB, syncthingCopyLimit)
	if out := throughlineAt(t, desktop, "sync", "--folder", dirB, "--name", "Desktop"); !strings.Contains(out, "Joined") {
		t.Fatalf("joining on the desktop said %q", out)
	}
	if list := throughlineAt(t, desktop, "list"); !strings.Contains(list, "Before sync") {
		t.Fatalf("the desktop joined without the laptop's entry:\n%s", list)
	}

	throughlineAt(t, desktop, "add", "--title", "At my desk", "--body", "canary-plover at lunchtime")
	throughlineAt(t, desktop, "sync")
	toLaptop := arrives(t, laptop, "At my desk")

	throughlineAt(t, laptop, "add", "--title", "On the train", "--body", "canary-curlew going home")
	throughlineAt(t, laptop, "sync")
	back := arrives(t, desktop, "On the train")

	for _, folder := range []string{dirA, dirB} {
		noCanaryUnder(t, folder, "canary-kestrel", "canary-plover", "canary-curlew", "Before sync", "At my desk", "On the train")
	}
	t.Logf("Syncthing start-up %v; journal folder to the desktop %v; desktop's entry to the laptop %v; laptop's to the desktop %v; total %v",
		started.Round(time.Millisecond), toDesktop.Round(time.Millisecond), toLaptop.Round(time.Millisecond), back.Round(time.Millisecond), time.Since(began).Round(time.Millisecond))
}

// arrives syncs the journal at db until its list holds title, and
// returns how long that took.
func arrives(t *testing.T, db, title string) time.Duration {
	t.Helper()
	began := time.Now()
	var list string
	if waitFor(syncthingCopyLimit, func() bool {
		throughlineAt(t, db, "sync")
		list = throughlineAt(t, db, "list")
		return strings.Contains(list, title)
	}) {
		return time.Since(began)
	}
	t.Fatalf("after %v, %q had not reached %s:\n%s", syncthingCopyLimit, title, db, list)
	return 0
}

// noCanaryUnder fails if any file under dir holds one of the words.
func noCanaryUnder(t *testing.T, dir string, words ...string) {
	t.Helper()
	files := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, w := range words {
			if bytes.Contains(data, []byte(w)) {
				t.Errorf("%s holds %q", path, w)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 3 {
		t.Fatalf("only %d files under %s: the test read the wrong folder", files, dir)
	}
}
