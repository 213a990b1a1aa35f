package journaltest

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// Passphrase opens the journals Encrypted builds.
const Passphrase = "benchmark passphrase"

var encrypted sync.Map // entries -> path

// Encrypted returns the path of an encrypted journal holding the newest n
// entries of Large's, built once and kept in the temp folder like it.
// Tests that write must work on a Copy.
func Encrypted(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("throughline-bench-v%d-%d-encrypted.db", jstore.SchemaVersion(), n))
	if _, done := encrypted.Load(n); done {
		return path
	}
	if _, err := os.Stat(path); err != nil {
		if err := buildEncrypted(Large(tb), path, n); err != nil {
			tb.Fatal(err)
		}
	}
	encrypted.Store(n, true)
	return path
}

func buildEncrypted(large, path string, n int) error {
	src, err := jstore.Open(large)
	if err != nil {
		return err
	}
	entries, err := src.Entries(journal.EntryQuery{Limit: n})
	src.Close()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp(os.TempDir(), "throughline-bench-build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	built := filepath.Join(dir, "journal.db")
	s, err := jstore.Open(built)
	if err != nil {
		return err
	}
	for i := range entries {
		entries[i].ID = 0
	}
	if _, err := s.CreateEntries(entries); err != nil {
		s.Close()
		return err
	}
	if err := s.EnableEncryption(Passphrase); err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	return os.Rename(built, path)
}
