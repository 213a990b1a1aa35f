package store

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// closedJournal makes a journal holding n entries, long enough to fill
// many pages, closes it and returns its path.
func closedJournal(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	writeEntries(t, s, "entry", n)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeEntries(t *testing.T, s *Store, title string, n int) {
	t.Helper()
	entries := make([]journal.Entry, n)
	for i := range entries {
		entries[i] = journal.Entry{Title: fmt.Sprintf("%s %d", title, i+1), Body: strings.Repeat("I noticed the old pattern again. ", 20),
			WrittenAt: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)}
	}
	if _, err := s.CreateEntries(entries); err != nil {
		t.Fatal(err)
	}
}

// damage overwrites the cell pointers of a leaf page in the middle of
// the entries table's b-tree, which quick_check notices. (Garbage in a
// cell's text, say at page offset 100, it doesn't: it checks structure,
// not every record.)
func damage(t *testing.T, path string) {
	t.Helper()
	db, err := openReadOnly(path, true)
	if err != nil {
		t.Fatal(err)
	}
	var pageSize int64
	var leaves []int64
	err = db.QueryRow("PRAGMA page_size").Scan(&pageSize)
	rows, err2 := db.Query("SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf' ORDER BY pageno")
	if err != nil || err2 != nil {
		t.Fatal(err, err2)
	}
	for rows.Next() {
		var n int64
		rows.Scan(&n)
		leaves = append(leaves, n)
	}
	rows.Close()
	db.Close()
	if len(leaves) < 3 {
		t.Fatalf("the entries table has %d leaf pages; make more entries", len(leaves))
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte(strings.Repeat("\xff", 16)), (leaves[len(leaves)/2]-1)*pageSize+8); err != nil {
		t.Fatal(err)
	}
	if problems, _ := CheckFile(path); isOK(problems) {
		t.Fatal("the damage went unnoticed by integrity_check")
	}
	// As if nobody had checked yet.
	clearDamageMark(path)
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestOpen_DamagedJournalIsNeverWrittenTo(t *testing.T) {
	tests := []struct {
		name    string
		backup  func(t *testing.T, s *Store) string // makes backups before the damage; returns the one to name
		wantMsg func(journalPath, backup string) string
	}{
		{"no backup", func(*testing.T, *Store) string { return "" },
			func(journalPath, _ string) string {
				return "There is no good backup of it in " + DefaultBackupDir(journalPath)
			}},
		{"a good backup in the default folder", func(t *testing.T, s *Store) string {
			made, err := s.Backup("")
			if err != nil {
				t.Fatal(err)
			}
			return made
		}, func(journalPath, backup string) string {
			return "The newest good backup is " + backup + " ("
		}},
		{"a damaged newer backup is passed over", func(t *testing.T, s *Store) string {
			good, err := s.BackupIfDue(time.Now().AddDate(0, 0, -1))
			if err != nil {
				t.Fatal(err)
			}
			bad, err := s.Backup("")
			if err != nil {
				t.Fatal(err)
			}
			damage(t, bad)
			return good
		}, func(journalPath, backup string) string {
			return "`throughline --db " + journalPath + " restore " + backup + "` puts it back, keeping the damaged one."
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Given a journal with entries, closed, maybe with backups,
			path := filepath.Join(t.TempDir(), "journal.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			writeEntries(t, s, "entry", 300)
			backup := tt.backup(t, s)
			s.Close()
			// when a page of its entries is damaged and it is opened,
			damage(t, path)
			before := fileHash(t, path)
			err = openDamaged(path)
			// then Open refuses it as damaged, says where the way back is,
			if journal.ErrorCode(err) != journal.EDamaged {
				t.Fatalf("Open gave %v (%s), want %s", err, journal.ErrorCode(err), journal.EDamaged)
			}
			for _, want := range []string{"The journal at " + path + " is damaged: ", "It was left as it is.", tt.wantMsg(path, backup)} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("the message doesn't say %q:\n%s", want, err)
				}
			}
			// and not one byte of the journal changed.
			if fileHash(t, path) != before {
				t.Error("opening the damaged journal changed it")
			}
		})
	}
}

// The folder the person chose is searched too: its setting is read from
// the damaged journal, which reading doesn't harm.
func TestOpen_DamagedNamesBackupInChosenFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	writeEntries(t, s, "entry", 300)
	chosen := filepath.Join(t.TempDir(), "my backups")
	if err := s.SetBackupDir(chosen); err != nil {
		t.Fatal(err)
	}
	made, err := s.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	damage(t, path)
	for name, err := range map[string]error{"Open": openDamaged(path),
		"DamagedJournalError": DamagedJournalError(path, []string{"page 7 is wrong"})} {
		if !strings.Contains(fmt.Sprint(err), "The newest good backup is "+made) {
			t.Errorf("%s: %v\ndoesn't name %s", name, err, made)
		}
	}
}

func TestCheckFile(t *testing.T) {
	sound := closedJournal(t, 300)
	damaged := closedJournal(t, 300)
	damage(t, damaged)
	text := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(text, []byte(strings.Repeat("not a database at all. ", 20)), 0o600)
	tests := []struct {
		name, path string
		wantOK     bool
		wantCode   string
	}{
		{"a sound journal", sound, true, ""},
		{"a damaged journal", damaged, false, ""},
		{"a text file", text, false, journal.ENotJournal},
		{"no file", filepath.Join(t.TempDir(), "missing.db"), false, journal.ENotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before [32]byte
			if tt.wantCode != journal.ENotFound {
				before = fileHash(t, tt.path)
			}
			problems, err := CheckFile(tt.path)
			if journal.ErrorCode(err) != tt.wantCode {
				t.Fatalf("CheckFile: %v, want code %q", err, tt.wantCode)
			}
			if err == nil && isOK(problems) != tt.wantOK {
				t.Errorf("problems %q, want ok=%v", problems, tt.wantOK)
			}
			if tt.wantCode != journal.ENotFound && fileHash(t, tt.path) != before {
				t.Error("checking changed the file")
			}
			for _, companion := range []string{"-wal", "-shm"} {
				if _, err := os.Stat(tt.path + companion); err == nil {
					t.Errorf("checking left a %s file", companion)
				}
			}
		})
	}
	if n, err := CountEntriesInFile(sound); n != 300 || err != nil {
		t.Errorf("CountEntriesInFile = %d, %v; want 300", n, err)
	}
}

// CheckFile reads a journal that is open elsewhere through its log, so
// what the window just wrote is checked too.
func TestCheckFile_WhileOpen(t *testing.T) {
	s := mustOpen(t)
	writeEntries(t, s, "entry", 5)
	problems, err := CheckFile(s.Path())
	if err != nil || !isOK(problems) {
		t.Fatalf("CheckFile on an open journal: %q, %v", problems, err)
	}
	if n, err := CountEntriesInFile(s.Path()); n != 5 || err != nil {
		t.Errorf("CountEntriesInFile on an open journal = %d, %v; want the 5 in its log", n, err)
	}
}

func TestStore_IntegrityCheck(t *testing.T) {
	s := mustOpen(t)
	writeEntries(t, s, "entry", 20)
	if problems, err := s.IntegrityCheck(); err != nil || !isOK(problems) {
		t.Errorf("IntegrityCheck on a new journal: %q, %v", problems, err)
	}
}

func TestSummarize(t *testing.T) {
	for _, tt := range []struct {
		problems []string
		want     string
	}{
		{[]string{"a"}, "a"},
		{[]string{"a", "b", "c"}, "a; b; c"},
		{[]string{"a", "b", "c", "d", "e"}, "a; b; c; and 2 more problems"},
	} {
		if got := summarize(tt.problems); got != tt.want {
			t.Errorf("summarize(%q) = %q, want %q", tt.problems, got, tt.want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/home/sam/journal.db":      "/home/sam/journal.db",
		"/home/sam/My Journal.db":   "'/home/sam/My Journal.db'",
		"/home/sam/Sam's/j.db":      `'/home/sam/Sam'\''s/j.db'`,
		"/tmp/$HOME/`x`/journal.db": "'/tmp/$HOME/`x`/journal.db'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// sqliteExec runs stmt on path as another program would, changing it
// behind Throughline's back, and closes it again.
func sqliteExec(t *testing.T, path, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
}

// openDamaged opens a damaged journal, checks it as the daily backup or
// the idle window would, and returns what refused it: Open itself when
// SQLite met the damage on opening, or else the check.
func openDamaged(path string) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Check()
}
