package store

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// lockChildEnv names the journal a TestLockChild process locks.
const lockChildEnv = "THROUGHLINE_LOCK_CHILD"

// TestLockChild is not a test on its own: TestLockJournal_ReleasedWhenHolderDies
// runs this test binary again with lockChildEnv set, and this process
// takes the lock, says so, and waits to be killed.
func TestLockChild(t *testing.T) {
	path := os.Getenv(lockChildEnv)
	if path == "" {
		return
	}
	if _, err := LockJournal(path); err != nil {
		os.Stdout.WriteString("error " + err.Error() + "\n")
		os.Exit(1)
	}
	os.Stdout.WriteString("locked\n")
	time.Sleep(time.Minute) // the parent kills us long before
	os.Exit(1)
}

// A window that crashes, or is killed, must never leave its journal
// locked: the kernel drops a dead process's flock.
func TestLockJournal_ReleasedWhenHolderDies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	child := exec.Command(os.Args[0], "-test.run=^TestLockChild$")
	child.Env = append(os.Environ(), lockChildEnv+"="+path)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { child.Process.Kill(); child.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if line != "locked\n" {
		t.Fatalf("the child process didn't take the lock: %q, %v", line, err)
	}

	_, err = LockJournal(path)
	if journal.ErrorCode(err) != journal.EInUse {
		t.Fatalf("locking a journal another process holds: %v (code %q), want code %q", err, journal.ErrorCode(err), journal.EInUse)
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "already open in another Throughline window") {
		t.Errorf("message %q should name the journal and say it is open in another window", msg)
	}

	// kill -9: no chance to release anything itself.
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	release, err := LockJournal(path)
	if err != nil {
		t.Fatalf("the lock of a killed process was not released: %v", err)
	}
	release()
}

// flock locks belong to an open file description, so a second
// LockJournal in the same process (a second open of the lock file)
// is refused too, and succeeds once the first is released.
func TestLockJournal_OneHolderAtATime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	release, err := LockJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LockJournal(path); journal.ErrorCode(err) != journal.EInUse {
		t.Fatalf("second lock while the first is held: %v, want code %q", err, journal.EInUse)
	}
	release()
	release() // releasing twice is harmless
	again, err := LockJournal(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	again()

	// The lock leaves the journal alone: the store opens while it is
	// held, as the window does right after taking it.
	release, err = LockJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("opening a journal whose lock this process holds: %v", err)
	}
	s.Close()
}

// The lock file sits beside the journal and is private like it, whatever
// the umask (TestOpen_PrivateFiles covers the journal's own files).
func TestLockJournal_PrivateFile(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "new", "place")
	path := filepath.Join(dir, "journal.db")
	release, err := LockJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	for p, want := range map[string]os.FileMode{dir: 0o700, path + ".lock": 0o600} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", p, got, want)
		}
	}

	// A lock file left with looser permissions is made private again.
	release()
	if err := os.Chmod(path+".lock", 0o644); err != nil {
		t.Fatal(err)
	}
	release, err = LockJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if info, err := os.Stat(path + ".lock"); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("an existing lock file was not made private again: %v %v", info.Mode(), err)
	}
}
