package cli

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

var backedUpRE = regexp.MustCompile(`^Backed up the journal to (.+)\. Only you can read it \(file mode 0600\)\.\n$`)

// backup runs `backup ARGS...` and returns the file it made.
func backup(t *testing.T, db string, args ...string) string {
	t.Helper()
	out := mustCLI(t, db, "", append([]string{"backup"}, args...)...)
	m := backedUpRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("backup printed %q", out)
	}
	return m[1]
}

// bigJournal writes n long entries into the journal at db, enough to
// fill many pages, through the journal package (the CLI would take a
// process start per entry).
func bigJournal(t *testing.T, db string, n int) {
	t.Helper()
	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	entries := make([]journal.Entry, n)
	for i := range entries {
		entries[i] = journal.Entry{Title: fmt.Sprintf("entry %d", i+1), Body: strings.Repeat("The same old fear, again. ", 20),
			WrittenAt: time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)}
	}
	if _, err := store.CreateEntries(entries); err != nil {
		t.Fatal(err)
	}
}

// damageJournal overwrites the cell pointers of a leaf page in the
// middle of the entries table, which integrity_check notices.
func damageJournal(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	var pageSize, leaves int64
	var middle sql.NullInt64
	db.QueryRow("PRAGMA page_size").Scan(&pageSize)
	err = db.QueryRow("SELECT COUNT(*) FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf'").Scan(&leaves)
	if err == nil {
		err = db.QueryRow("SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET ?", leaves/2).Scan(&middle)
	}
	db.Close()
	if err != nil || leaves < 3 {
		t.Fatalf("finding a page to damage: %v (%d leaf pages)", err, leaves)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xff}, 16), (middle.Int64-1)*pageSize+8); err != nil {
		t.Fatal(err)
	}
}

// beforeRestoreFiles lists the journals kept by restores in dir.
func beforeRestoreFiles(t *testing.T, dir string) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(dir, "before-restore-*.db"))
	if err != nil {
		t.Fatal(err)
	}
	return matches
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, data)
}

func TestCLI_BackupAndRestore(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	isolateJournalLocation(t)
	db := newJournal(t)
	folder := filepath.Join(filepath.Dir(db), "backups")
	// Given a backup of two entries, and a third written since,
	addEntry(t, db, "", "--title", "Before", "--body", "kept in the backup", "--mood", "4")
	addEntry(t, db, "", "--title", "Also before", "--pattern", "avoidance")
	made := backup(t, db)
	if filepath.Dir(made) != folder {
		t.Errorf("backup made at %s, want it in %s", made, folder)
	}
	asBackedUp := filepath.Join(t.TempDir(), "copy.db")
	copyFile(t, made, asBackedUp)
	addEntry(t, db, "", "--title", "Since", "--body", "written after the backup")

	// when it is restored,
	out := mustCLI(t, db, "", "restore", made)
	// then the journal is the backup, entry for entry,
	assertSameState(t, snapshot(t, asBackedUp), snapshot(t, db))
	// the journal as it was is kept beside the backups, and it says where,
	kept := beforeRestoreFiles(t, folder)
	if len(kept) != 1 {
		t.Fatalf("kept journals: %q", kept)
	}
	for _, want := range []string{"Restored the journal at " + db + " from " + made + ".\n", "The journal you had is kept as " + kept[0],
		"`throughline --db " + db + " restore " + kept[0] + "` puts it back."} {
		if !strings.Contains(out, want) {
			t.Errorf("restore printed %q, missing %q", out, want)
		}
	}
	if list := listJSON(t, kept[0]); len(list) != 3 || list[0].Title != "Since" {
		t.Errorf("the kept journal holds %+v, want all three entries", list)
	}
	// and everything made is private.
	for path, want := range map[string]os.FileMode{folder: 0o700, made: 0o600, kept[0]: 0o600, db: 0o600} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: %v (%v), want mode %o", path, info.Mode().Perm(), err, want)
		}
	}
}

func TestCLI_RestoreRefusesABadBackup(t *testing.T) {
	isolateJournalLocation(t)
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	writeFile(t, text, bytes.Repeat([]byte("Dear diary, not a journal. "), 20))
	damaged := filepath.Join(dir, "damaged.db")
	bigJournal(t, damaged, 300)
	damageJournal(t, damaged)
	newer := filepath.Join(dir, "newer.db")
	addEntry(t, newer, "", "--title", "From the future")
	futureDB, _ := sql.Open("sqlite", newer)
	futureDB.Exec("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'from the future', 0)")
	futureDB.Close()

	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"not a journal", []string{"restore", text}, exitError, "is not a Throughline journal"},
		{"a damaged backup", []string{"restore", damaged}, exitError, "is damaged"},
		{"from a newer Throughline", []string{"restore", newer}, exitError, "newer version of Throughline"},
		{"no such file", []string{"restore", filepath.Join(dir, "gone.db")}, exitError, "There is no backup at"},
		{"no file named", []string{"restore"}, exitUsage, "restore needs one backup file"},
		{"two files named", []string{"restore", text, damaged}, exitUsage, "restore needs one backup file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newJournal(t)
			addEntry(t, db, "", "--title", "Mine", "--body", "don't lose me")
			before := snapshot(t, db)
			out, errOut, code := runCLI(t, db, "", tt.args...)
			assertFailure(t, out, errOut, code, tt.wantCode, tt.wantErr)
			assertSameState(t, before, snapshot(t, db))
			assertMissing(t, filepath.Join(filepath.Dir(db), "backups"))
		})
	}
}

func TestCLI_RestoreOverADamagedOrMissingJournal(t *testing.T) {
	isolateJournalLocation(t)
	good := newJournal(t)
	addEntry(t, good, "", "--title", "Good")

	t.Run("damaged", func(t *testing.T) {
		db := newJournal(t)
		bigJournal(t, db, 300)
		damageJournal(t, db)
		damagedBytes, _ := os.ReadFile(db)
		out := mustCLI(t, db, "", "restore", good)
		kept := beforeRestoreFiles(t, filepath.Join(filepath.Dir(db), "backups"))
		if len(kept) != 1 || !strings.Contains(out, "kept as "+kept[0]) {
			t.Fatalf("restore printed %q; kept %q", out, kept)
		}
		if data, _ := os.ReadFile(kept[0]); !bytes.Equal(data, damagedBytes) {
			t.Error("the damaged journal wasn't kept byte for byte")
		}
		if list := listJSON(t, db); len(list) != 1 || list[0].Title != "Good" {
			t.Errorf("restored journal: %+v", list)
		}
	})
	t.Run("missing", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "new place", "journal.db")
		out := mustCLI(t, db, "", "restore", good)
		if !strings.Contains(out, "There was no journal there before") {
			t.Errorf("restore printed %q", out)
		}
		if list := listJSON(t, db); len(list) != 1 || list[0].Title != "Good" {
			t.Errorf("restored journal: %+v", list)
		}
	})
}

func TestCLI_Check(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	bigJournal(t, db, 300)

	// A sound journal: the count, and exit 0.
	out := mustCLI(t, db, "", "check")
	if !strings.HasPrefix(out, "The journal is sound: 300 entries, checked") || !strings.Contains(out, db) {
		t.Errorf("check printed %q", out)
	}

	// A damaged one: the problems and the newest good backup, exit 1, and
	// the file as it was.
	made := backup(t, db)
	damageJournal(t, db)
	before, _ := os.ReadFile(db)
	out, errOut, code := runCLI(t, db, "", "check")
	assertFailure(t, out, errOut, code, exitError, "The journal at "+db+" is damaged: ")
	if !strings.Contains(errOut, "The newest good backup is "+made) || !strings.Contains(errOut, "restore "+made+"` puts it back") {
		t.Errorf("check doesn't name the backup:\n%s", errOut)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("checking changed the damaged journal")
	}
	// Its verdict stands for the next command, which writes nothing.
	out, errOut, code = runCLI(t, db, "", "add", "--title", "After the check")
	assertFailure(t, out, errOut, code, exitError, "The journal at "+db+" is damaged: ")
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("adding to a journal found damaged changed it")
	}

	// No journal, or something else than one.
	out, errOut, code = runCLI(t, filepath.Join(t.TempDir(), "none.db"), "", "check")
	assertFailure(t, out, errOut, code, exitError, "There is no journal at")
	out, errOut, code = runCLI(t, db, "", "check", "now")
	assertFailure(t, out, errOut, code, exitUsage, `unexpected "now"`)
}

func TestCLI_BackupFlags(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	isolateJournalLocation(t)
	db := newJournal(t)
	addEntry(t, db, "", "--title", "T")
	dir := t.TempDir()

	// -o writes a private file there, and never over one.
	to := filepath.Join(dir, "usb.db")
	if made := backup(t, db, "-o", to); made != to {
		t.Errorf("backup -o %s made %s", to, made)
	}
	if info, _ := os.Stat(to); info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %o, want 600", info.Mode().Perm())
	}
	existing := filepath.Join(dir, "keep.txt")
	writeFile(t, existing, []byte("mine"))
	out, errOut, code := runCLI(t, db, "", "backup", "-o", existing)
	assertFailure(t, out, errOut, code, exitUsage, "already exists, and a backup never replaces a file")
	if data, _ := os.ReadFile(existing); string(data) != "mine" {
		t.Errorf("the existing file now holds %q", data)
	}

	// --set-dir moves the backups, made private; --list lists them.
	chosen := filepath.Join(dir, "new", "backups")
	if out := mustCLI(t, db, "", "backup", "--set-dir", chosen); out != "Backups now go to "+chosen+".\n" {
		t.Errorf("--set-dir printed %q", out)
	}
	made := backup(t, db)
	if filepath.Dir(made) != chosen {
		t.Errorf("backup went to %s, want %s", made, chosen)
	}
	if info, _ := os.Stat(chosen); info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %o, want 700", info.Mode().Perm())
	}
	out = mustCLI(t, db, "", "backup", "--list")
	if !strings.Contains(out, "Backups in "+chosen+", newest first:") || !strings.Contains(out, "manual") || !strings.Contains(out, filepath.Base(made)) {
		t.Errorf("--list printed:\n%s", out)
	}

	for _, tt := range []struct {
		args    []string
		wantErr string
	}{
		{[]string{"backup", "-o", to, "--list"}, "one of -o, --list and --set-dir"},
		{[]string{"backup", "-o", ""}, "-o needs a file name"},
		{[]string{"backup", "extra"}, `unexpected "extra"`},
	} {
		out, errOut, code := runCLI(t, db, "", tt.args...)
		assertFailure(t, out, errOut, code, exitUsage, tt.wantErr)
	}
	out, errOut, code = runCLI(t, db, "", "backup", "--set-dir", filepath.Join(existing, "sub"))
	assertFailure(t, out, errOut, code, exitError, "Couldn't create the backup folder")
}
