package store

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/throughline/throughline/journal"
)

func journalTitles(t *testing.T, path string) []string {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := entryTitles(t, s)
	slices.Sort(out)
	return out
}

// entryTitles is the titles of every entry in s, newest first.
func entryTitles(t *testing.T, s *Store) []string {
	t.Helper()
	list, err := s.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Title)
	}
	return out
}

func TestRestoreBackup_PutsTheBackupBack(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	// Given a backup of two entries, and a third written since,
	s := mustOpen(t)
	writeEntries(t, s, "kept", 2)
	backup, err := s.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	writeEntries(t, s, "since", 1)
	s.Close()
	// when the backup is restored,
	kept, err := RestoreBackup(s.Path(), backup, "")
	if err != nil {
		t.Fatal(err)
	}
	// then the journal is the backup, the journal as it was is kept
	// beside the backups, and both are private.
	if got := journalTitles(t, s.Path()); !slices.Equal(got, []string{"kept 1", "kept 2"}) {
		t.Errorf("restored journal holds %q", got)
	}
	if filepath.Dir(kept) != DefaultBackupDir(s.Path()) || !beforeRestoreName().MatchString(filepath.Base(kept)) {
		t.Errorf("kept as %s, want before-restore-TIME.db among the backups", kept)
	}
	if got := journalTitles(t, kept); !slices.Equal(got, []string{"kept 1", "kept 2", "since 1"}) {
		t.Errorf("the kept journal holds %q, want all three", got)
	}
	for _, p := range []string{s.Path(), kept} {
		if info, err := os.Stat(p); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v; want mode 0600", p, info.Mode(), err)
		}
	}
	if list, _ := Backups(DefaultBackupDir(s.Path())); len(list) != 2 || !slices.ContainsFunc(list, func(b BackupFile) bool { return b.Path == kept && b.Kind == BackupBeforeRestore }) {
		t.Errorf("backups after the restore: %+v", list)
	}
}

func TestRestoreBackup_RefusedBackupChangesNothing(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, bytes.Repeat([]byte("dear diary "), 20), 0o600)
	damaged := closedJournal(t, 300)
	damage(t, damaged)
	newer := closedJournal(t, 1)
	sqliteExec(t, newer, "INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'from the future', 0)")
	for _, tt := range []struct{ name, backup, code, want string }{
		{"not a journal", text, journal.ENotJournal, "Nothing was changed"},
		{"damaged", damaged, journal.EDamaged, "Nothing was changed"},
		{"from a newer Throughline", newer, journal.ETooNew, "Nothing was changed"},
		{"missing", filepath.Join(dir, "gone.db"), journal.ENotFound, "There is no backup at"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			journalPath := closedJournal(t, 2)
			before := fileHash(t, journalPath)
			kept, err := RestoreBackup(journalPath, tt.backup, "")
			if journal.ErrorCode(err) != tt.code || kept != "" || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("restore: %q, %v (%s); want %s and nothing kept", kept, err, journal.ErrorCode(err), tt.code)
			}
			if fileHash(t, journalPath) != before {
				t.Error("the journal changed")
			}
			if _, err := os.Stat(DefaultBackupDir(journalPath)); err == nil {
				t.Error("a backup folder was made for a refused restore")
			}
		})
	}
}

func TestRestoreBackup_KeepsADamagedJournalByteForByte(t *testing.T) {
	backup := closedJournal(t, 1)
	journalPath := closedJournal(t, 300)
	damage(t, journalPath)
	log := []byte("a log SQLite can't read, kept all the same")
	os.WriteFile(journalPath+"-wal", log, 0o600)
	damagedBytes, _ := os.ReadFile(journalPath)

	kept, err := RestoreBackup(journalPath, backup, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(kept); !bytes.Equal(got, damagedBytes) {
		t.Error("the damaged journal wasn't kept byte for byte")
	}
	if got, _ := os.ReadFile(kept + "-wal"); !bytes.Equal(got, log) {
		t.Errorf("its log was kept as %q", got)
	}
	if got := journalTitles(t, journalPath); !slices.Equal(got, []string{"entry 1"}) {
		t.Errorf("restored journal holds %q", got)
	}
}

func TestRestoreBackup_NoJournalYet(t *testing.T) {
	backup := closedJournal(t, 1)
	journalPath := filepath.Join(t.TempDir(), "new folder", "journal.db")
	kept, err := RestoreBackup(journalPath, backup, "")
	if err != nil || kept != "" {
		t.Fatalf("restore: %q, %v", kept, err)
	}
	if got := journalTitles(t, journalPath); !slices.Equal(got, []string{"entry 1"}) {
		t.Errorf("restored journal holds %q", got)
	}
}

func TestRestoreBackup_RefusesWhileOpen(t *testing.T) {
	backup := closedJournal(t, 1)
	s := mustOpen(t)
	writeEntries(t, s, "mine", 2)
	kept, err := RestoreBackup(s.Path(), backup, "")
	if journal.ErrorCode(err) != journal.EUnwritable || !strings.Contains(err.Error(), "is open in Throughline") || kept != "" {
		t.Fatalf("restore over an open journal: %q, %v", kept, err)
	}
	if list, _ := Backups(DefaultBackupDir(s.Path())); len(list) != 0 {
		t.Errorf("a refused restore left %+v", list)
	}
	if n, err := s.CountEntries(); n != 2 || err != nil {
		t.Errorf("the open journal now has %d entries (%v), want its 2", n, err)
	}
}

func TestRestoreBackup_NeverReplacesAnotherFile(t *testing.T) {
	backup := closedJournal(t, 1)
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, bytes.Repeat([]byte("my notes "), 20), 0o600)
	if _, err := RestoreBackup(notes, backup, ""); journal.ErrorCode(err) != journal.ENotJournal {
		t.Fatalf("restore over a text file: %v", err)
	}
	if data, _ := os.ReadFile(notes); !bytes.HasPrefix(data, []byte("my notes")) {
		t.Error("the text file was replaced")
	}
	if _, err := RestoreBackup(backup, backup, ""); journal.ErrorCode(err) != journal.EInvalid {
		t.Errorf("restoring a journal over itself: %v", err)
	}
}
