package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// Opening reads no page beyond the schema, so damage in the middle of the
// entries is not found by Open; the check that reads every page is run
// later, by the backup, the idle window or `throughline check`.
func TestOpen_DoesNotWalkEveryPage(t *testing.T) {
	path := closedJournal(t, 300)
	damage(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open read far enough to find the damage: %v", err)
	}
	defer s.Close()
	if err := s.Soundness(); err != nil {
		t.Errorf("Soundness right after Open = %v: Open, or a check it began, read every page", err)
	}
	if _, err := os.Stat(damageMark(path)); err == nil {
		t.Error("Open left a damage mark without checking")
	}
}

// Once Check finds damage, nothing more is written, here or in the next
// program to open the journal, until a backup is restored.
func TestCheck_DamageStopsWritesAndOutlivesTheProgram(t *testing.T) {
	path := closedJournal(t, 300)
	good := filepath.Join(t.TempDir(), "good.db")
	func() {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.Backup(good); err != nil {
			t.Fatal(err)
		}
	}()
	damage(t, path)
	before := fileHash(t, path)

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); journal.ErrorCode(err) != journal.EDamaged || !strings.Contains(err.Error(), "The journal at "+path+" is damaged: ") {
		t.Fatalf("Check on a damaged journal: %v", err)
	}
	if err := s.Soundness(); journal.ErrorCode(err) != journal.EDamaged {
		t.Errorf("Soundness after the check: %v", err)
	}
	if _, err := s.CreateEntry(journal.Entry{Title: "after", WrittenAt: time.Now()}); journal.ErrorCode(err) != journal.EDamaged {
		t.Errorf("writing a journal found damaged: %v, want %s", err, journal.EDamaged)
	}
	if err := s.SaveDraft(journal.Draft{Title: "typed"}); journal.ErrorCode(err) != journal.EDamaged {
		t.Errorf("keeping a draft in a journal found damaged: %v, want %s", err, journal.EDamaged)
	}
	s.Close()
	if fileHash(t, path) != before {
		t.Error("the damaged journal changed")
	}

	// The next program is refused on opening, at the cost of a stat.
	if _, err := Open(path); journal.ErrorCode(err) != journal.EDamaged || !strings.Contains(err.Error(), "It was left as it is.") {
		t.Fatalf("Open after a check found damage: %v, want %s", err, journal.EDamaged)
	}
	if fileHash(t, path) != before {
		t.Error("opening the damaged journal changed it")
	}

	// Restoring a backup puts a sound journal back, and with it writing.
	if _, err := RestoreBackup(path, good, ""); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open after restoring: %v", err)
	}
	defer s.Close()
	if _, err := s.CreateEntry(journal.Entry{Title: "after the restore", WrittenAt: time.Now()}); err != nil {
		t.Errorf("writing after the restore: %v", err)
	}
}

// SQLite meeting the damage while reading is the same damage: reading
// says so, and writing stops, without waiting for a check.
func TestStore_SQLiteFindingDamageStopsWrites(t *testing.T) {
	path := closedJournal(t, 300)
	damage(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Entries(journal.EntryQuery{}); journal.ErrorCode(err) != journal.EDamaged {
		t.Fatalf("reading every entry of a damaged journal: %v, want %s", err, journal.EDamaged)
	}
	if _, err := s.CreateEntry(journal.Entry{Title: "after", WrittenAt: time.Now()}); journal.ErrorCode(err) != journal.EDamaged {
		t.Errorf("writing after a read met the damage: %v, want %s", err, journal.EDamaged)
	}
}

// The daily backup checks the journal after copying it; a copy of a
// damaged journal is not kept, and no good backup is pruned for it.
func TestBackupIfDue_ChecksTheJournal(t *testing.T) {
	path := closedJournal(t, 300)
	damage(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	made, err := s.BackupIfDue(time.Now())
	if journal.ErrorCode(err) != journal.EDamaged {
		t.Fatalf("BackupIfDue on a damaged journal: made %q, %v; want %s", made, err, journal.EDamaged)
	}
	list, _ := Backups(DefaultBackupDir(path))
	if len(list) != 0 {
		t.Errorf("a copy of the damaged journal was kept: %+v", list)
	}
	if _, err := s.CreateEntry(journal.Entry{Title: "after", WrittenAt: time.Now()}); journal.ErrorCode(err) != journal.EDamaged {
		t.Errorf("writing after the backup's check found damage: %v", err)
	}
}

// `throughline check` keeps its verdict beside the journal, so the next
// program refuses a damaged one; a sound verdict clears an old mark.
func TestCheckFile_KeepsItsVerdict(t *testing.T) {
	path := closedJournal(t, 300)
	if problems, err := CheckFile(path); err != nil || !isOK(problems) {
		t.Fatalf("CheckFile on a sound journal: %q, %v", problems, err)
	}
	if _, err := os.Stat(damageMark(path)); err == nil {
		t.Error("a sound journal was marked damaged")
	}
	markDamaged(path, []string{"an old verdict"})
	CheckFile(path)
	if _, err := os.Stat(damageMark(path)); err == nil {
		t.Error("a sound verdict left the old mark")
	}
	damage(t, path)
	if problems, _ := CheckFile(path); isOK(problems) {
		t.Fatal("CheckFile missed the damage")
	}
	if _, err := Open(path); journal.ErrorCode(err) != journal.EDamaged {
		t.Errorf("Open after CheckFile found damage: %v, want %s", err, journal.EDamaged)
	}
}
