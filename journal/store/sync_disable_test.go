package store

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// Turning sync off on one computer sends what it wrote last, then leaves
// the folder alone: what it writes afterwards stays with it, the other
// computer carries on, and encryption can then be turned off.
func TestSync_TurnOff(t *testing.T) {
	cheapKDF(t)
	dir := filepath.Join(t.TempDir(), "sync")
	laptop := syncFirst(t, dir)
	desktop := syncJoin(t, dir, "desktop")
	add := func(s *Store, title string) {
		t.Helper()
		if _, err := s.CreateEntry(journal.Entry{Title: title, WrittenAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	titles := func(s *Store) string { return strings.Join(entryTitles(t, s), ",") }

	add(laptop, "written last before turning off")
	if err := laptop.DisableSync(); err != nil {
		t.Fatal(err)
	}
	if err := laptop.DisableSync(); err == nil || !strings.Contains(err.Error(), "already off") {
		t.Errorf("turning sync off twice: %v", err)
	}
	if st, err := laptop.SyncStatus(); err != nil || st.Folder != "" {
		t.Errorf("after turning off, status %+v, %v", st, err)
	}
	add(laptop, "written after turning off")
	var outbox int
	laptop.db.Raw("SELECT count(*) FROM sync_outbox").Scan(&outbox)
	if outbox != 0 {
		t.Errorf("%d changes recorded to send after sync was turned off", outbox)
	}
	mustSync(t, desktop)
	if got := titles(desktop); !strings.Contains(got, "written last before turning off") || strings.Contains(got, "after turning off") {
		t.Errorf("the desktop has %q", got)
	}
	add(desktop, "the desktop carries on")
	mustSync(t, desktop)
	if got := titles(laptop); strings.Contains(got, "carries on") {
		t.Errorf("the laptop received %q after turning sync off", got)
	}
	if err := laptop.DisableEncryption(syncPass); err != nil {
		t.Errorf("turning encryption off once sync is off: %v", err)
	}
}
