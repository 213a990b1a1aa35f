package e2e

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// syncthingCopyLimit bounds how long one change may take to reach the
// other computer. Measured at a few seconds (fsWatcherDelayS is 1).
const syncthingCopyLimit = 30 * time.Second

// The harness itself, before any journal is involved: files written the
// way a sync folder's are (a device's own directory, each segment written
// whole under a temporary name then renamed) reach the other side with
// the same bytes, in both directions.
func TestSyncthing_FilesMoveBetweenTwoComputers(t *testing.T) {
	began := time.Now()
	dirA, dirB := startSyncthingPair(t)
	started := time.Since(began)

	writeSegmentLike(t, dirA, "throughline-sync.json", 300)
	writeSegmentLike(t, dirA, filepath.Join("devices", "laptop", "000000000001.seg"), 70_000)
	writeSegmentLike(t, dirA, filepath.Join("devices", "laptop", "000000000002.seg"), 1_000)
	toB := waitForCopies(t, dirA, dirB, syncthingCopyLimit)

	writeSegmentLike(t, dirB, filepath.Join("devices", "desktop", "000000000001.seg"), 5_000)
	writeSegmentLike(t, dirB, filepath.Join("snapshots", "desktop-1.snap"), 20_000)
	toA := waitForCopies(t, dirB, dirA, syncthingCopyLimit)

	// Both ways at once: the two folders hold the same files, so no
	// temporary name that Syncthing saw before its rename lingers.
	waitForCopies(t, dirA, dirB, syncthingCopyLimit)

	t.Logf("start-up %v; A→B %v; B→A %v; total %v",
		started.Round(time.Millisecond), toB.Round(time.Millisecond), toA.Round(time.Millisecond), time.Since(began).Round(time.Millisecond))
}

// writeSegmentLike writes size random bytes to rel under dir as a sync
// folder's device does: to a temporary name in the same directory,
// synced, then renamed into place.
func writeSegmentLike(t *testing.T, dir, rel string, size int) {
	t.Helper()
	path := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	data := make([]byte, size)
	if _, err := rand.Read(data); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tmp.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := tmp.Sync(); err != nil {
		t.Fatal(err)
	}
	if err := tmp.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		t.Fatal(err)
	}
}
