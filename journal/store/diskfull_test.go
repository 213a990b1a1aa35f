package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/throughline/throughline/internal/testenv"
	"github.com/throughline/throughline/journal"
)

// mountSmallDisk mounts a tmpfs of size at a new folder and unmounts it
// when the test ends. Where mounting isn't possible (not root, no
// CAP_SYS_ADMIN, a container without mount) it says so through
// testenv.Missing.
func mountSmallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput()
	if err != nil {
		testenv.Missing(t, "a full disk can't be tested here: mounting a %s tmpfs failed (%v: %s); it needs root or CAP_SYS_ADMIN and a mount command", size, err, strings.TrimSpace(string(out)))
	}
	// Registered after TempDir's cleanup, so it runs first: the folder
	// is unmounted before it is removed.
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("unmounting the test tmpfs at %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// A disk that fills up while saving: a clear message saying what to do,
// and nothing lost, neither the draft nor what was saved before.
func TestDiskFull_SaveSaysSoAndKeepsEverything(t *testing.T) {
	dir := mountSmallDisk(t, "2560k") // room for the empty journal, every table made, and a few entries
	// Half the disk set aside before the journal fills the rest, to free
	// afterwards: closing the journal copies its write-ahead log into
	// the journal file, which then needs about as much room again.
	filler := filepath.Join(dir, "filler")
	if err := os.WriteFile(filler, make([]byte, 1<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "journal.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("opening a journal on the small disk: %v", err)
	}
	defer func() { s.Close() }()

	draft := journal.Draft{Title: "Half a thought", Body: "Before the disk filled up, I was writing about", WrittenAt: "2026-03-01 21:00"}
	if err := s.SaveDraft(draft); err != nil {
		t.Fatal(err)
	}
	var saved []journal.Entry
	save := func(title string, bodySize int) error {
		e, err := s.CreateEntry(journal.Entry{Title: title, Body: randomText(bodySize), WrittenAt: time.Now(), Patterns: []string{"rumination"}})
		if err == nil {
			saved = append(saved, e)
		}
		return err
	}
	for i := range 3 {
		if err := save(fmt.Sprintf("Small %d", i), 500); err != nil {
			t.Fatal(err)
		}
	}
	var full error
	for i := 0; i < 100 && full == nil; i++ {
		full = save(fmt.Sprintf("Large %d", i), 16<<10)
	}
	if full == nil {
		t.Fatal("100 entries of 16 KB fitted on a 1 MB disk: the test didn't fill it")
	}
	t.Logf("the disk filled after %d entries: %v", len(saved), full)

	// The message says plainly what happened, what to do, and that
	// nothing was lost.
	if journal.ErrorCode(full) != journal.EUnwritable {
		t.Errorf("code %q, want %q", journal.ErrorCode(full), journal.EUnwritable)
	}
	msg := full.Error()
	for _, want := range []string{"Couldn't save the entry", "disk holding the journal is full", "Free some space", "--db", "Nothing saved before was lost"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q doesn't say %q", msg, want)
		}
	}
	for _, jargon := range []string{"SQLITE", "(13)", "database or disk"} {
		if strings.Contains(msg, jargon) {
			t.Errorf("message %q shows %q, which means nothing to a person", msg, jargon)
		}
	}

	// While the disk is still full: what was there can still be read.
	assertKept(t, s, draft, saved)

	// Freeing the space set aside lets the journal close (copying its
	// log in), then open again, intact, with everything in it.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("closing the journal once there was room again: %v", err)
	}
	if info, err := os.Stat(path + "-wal"); err == nil {
		t.Errorf("the log (%d bytes) was not copied into the journal on closing, though there was room again", info.Size())
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopening the journal after the disk was full: %v", err)
	}
	var problems []string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&problems).Error; err != nil || len(problems) != 1 || problems[0] != "ok" {
		t.Fatalf("integrity_check after the disk was full: %q %v", problems, err)
	}
	assertKept(t, s, draft, saved)

	// And with room again, saving works.
	if err := save("After", 500); err != nil {
		t.Fatalf("saving once there was room again: %v", err)
	}
}

// assertKept checks that the draft and every saved entry are in s.
func assertKept(t *testing.T, s *Store, draft journal.Draft, saved []journal.Entry) {
	t.Helper()
	got, ok, err := s.Draft()
	if err != nil || !ok || got.Title != draft.Title || got.Body != draft.Body {
		t.Errorf("the draft kept before the disk filled: %+v, %v, %v", got, ok, err)
	}
	for _, want := range saved {
		e, err := s.Entry(want.ID)
		if err != nil {
			t.Errorf("entry %d (%q), saved before the disk filled: %v", want.ID, want.Title, err)
			continue
		}
		if e.Title != want.Title || e.Body != want.Body {
			t.Errorf("entry %d came back as %q (%d bytes), want %q (%d bytes)", want.ID, e.Title, len(e.Body), want.Title, len(want.Body))
		}
	}
	if n, err := s.CountEntries(); err != nil || n != int64(len(saved)) {
		t.Errorf("%d entries, want %d (%v)", n, len(saved), err)
	}
}

// randomText is about n characters of words that don't repeat, so each
// entry takes its full size on disk, in its row and the search index.
func randomText(n int) string {
	var b strings.Builder
	word := make([]byte, 4)
	for b.Len() < n {
		rand.Read(word)
		b.WriteString(hex.EncodeToString(word))
		b.WriteByte(' ')
	}
	return b.String()
}

// diskFull must see SQLite's own code, however the driver or our code
// wrapped it, and a file write that found no room.
func TestDiskFull_Recognised(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"ENOSPC from a file write", &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, true},
		{"wrapped ENOSPC", fmt.Errorf("saving: %w", syscall.ENOSPC), true},
		{"another write error", &os.PathError{Op: "write", Path: "x", Err: syscall.EACCES}, false},
		{"a message that only mentions it", fmt.Errorf("database or disk is full"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diskFull(tt.err); got != tt.want {
				t.Errorf("diskFull(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}
