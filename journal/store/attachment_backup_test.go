package store

import (
	"bytes"
	"path/filepath"
	"testing"
)

// A backup is the journal file, files and all: restoring it gives every
// attachment back byte for byte, encrypted or not.
func TestAttachments_BackupAndRestore(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		name := "plain"
		if encrypted {
			name = "encrypted"
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "journal.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if encrypted {
				if err := s.EnableEncryption(testPassphrase); err != nil {
					t.Fatal(err)
				}
			}
			e := mustEntry(t, s, "entry")
			data := pngBytes(string(bytes.Repeat([]byte{0, 1, 2, 0xfe, 0xff}, 50_000)))
			if _, err := s.AddAttachment(e.ID, "scan.png", data); err != nil {
				t.Fatal(err)
			}
			backup, err := s.Backup(filepath.Join(dir, "backup.db"))
			if err != nil {
				t.Fatal(err)
			}
			// Then the file is detached, and the backup brings it back.
			if err := s.DeleteAttachment(e.ID, "scan.png"); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if _, err := RestoreBackup(path, backup, filepath.Join(dir, "backups")); err != nil {
				t.Fatal(err)
			}
			var restored *Store
			if encrypted {
				restored = mustUnlocked(t, path)
			} else {
				restored = mustOpenAt(t, path)
			}
			got, err := restored.AttachmentData(e.ID, "scan.png")
			if err != nil || !bytes.Equal(got, data) {
				t.Fatalf("after restoring: %d bytes, %v; want %d", len(got), err, len(data))
			}
		})
	}
}
