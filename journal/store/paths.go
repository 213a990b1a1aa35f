package store

import (
	"os"
	"path/filepath"

	"github.com/throughline/throughline/journal"
)

// DefaultPath is where the journal lives when no other place is given:
// the XDG data folder, so it sits with the person's other app data and
// is covered by their usual backups.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", journal.Errorf(journal.EUnwritable, "Couldn't find your home folder to keep the journal in (%v). Give a place with --db PATH or THROUGHLINE_DB.", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "throughline", "journal.db"), nil
}

// Location is one file Throughline keeps, with what it holds.
type Location struct {
	What string
	Path string
}

// Locations lists every file that belongs to the journal at path.
func Locations(path string) []Location {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return []Location{
		{"Folder", filepath.Dir(path)},
		{"Journal (entries, vocabulary, unsaved draft)", path},
		{"Write-ahead log (recent changes, part of the journal)", path + "-wal"},
		{"Shared-memory index (part of the journal)", path + "-shm"},
		{"Window lock (one window on the journal at a time)", path + ".lock"},
		{"Upgrade lock (one program makes or upgrades the journal at a time)", path + ".upgrade.lock"},
		{"Backups (unless you chose another folder)", DefaultBackupDir(path)},
	}
}
