package store

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

func day(s string) time.Time {
	d, err := time.Parse(dayLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

func days(ss ...string) []time.Time {
	out := make([]time.Time, len(ss))
	for i, s := range ss {
		out[i] = day(s)
	}
	return out
}

// novemberDays is 1 to 30 November 2026: Sunday 1 (ISO week 44),
// Monday 2 to Sunday 8 (week 45), 9-15 (46), 16-22 (47), 23-29 (48) and
// Monday 30 (49).
func novemberDays() []time.Time {
	var out []time.Time
	for d := 1; d <= 30; d++ {
		out = append(out, time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC))
	}
	return out
}

func TestExpiredDays(t *testing.T) {
	tests := []struct {
		name string
		days []time.Time
		want []time.Time // newest first
	}{
		{"none", nil, nil},
		{"seven days are all kept", days("2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"), nil},
		// Kept: Tue 24 to Mon 30 (the 7 days), then the newest of weeks
		// 47, 46, 45 and 44: Sundays 22, 15, 8 and 1. Mon 23 is in week 48,
		// the oldest kept day's, so it goes.
		{"30 consecutive days keep 11", novemberDays(), days(
			"2026-11-23", "2026-11-21", "2026-11-20", "2026-11-19", "2026-11-18", "2026-11-17", "2026-11-16",
			"2026-11-14", "2026-11-13", "2026-11-12", "2026-11-11", "2026-11-10", "2026-11-09",
			"2026-11-07", "2026-11-06", "2026-11-05", "2026-11-04", "2026-11-03", "2026-11-02")},
		// Kept: Tue 24 to Mon 30, then weeks with backups, however far
		// back: Thu 5 Nov (week 45), Tue 20 Oct (43), Sat 10 Oct (41), Tue
		// 1 Sep (36). Tue 3 Nov shares week 45 with Thu 5; Sat 1 Aug is a
		// fifth week.
		{"gaps: weeks without backups don't count", days(
			"2026-11-30", "2026-11-29", "2026-11-28", "2026-11-27", "2026-11-26", "2026-11-25", "2026-11-24",
			"2026-11-05", "2026-11-03", "2026-10-20", "2026-10-10", "2026-09-01", "2026-08-01"),
			days("2026-11-03", "2026-08-01")},
		// Gaps among the 7 newest: they are the 7 newest days with backups.
		// Oldest kept: Wed 4 Nov (week 45); Mon 2 Nov shares its week;
		// Fri 30 Oct (week 44) is the first weekly one.
		{"gaps among the daily ones", days(
			"2026-11-25", "2026-11-20", "2026-11-18", "2026-11-12", "2026-11-09", "2026-11-06", "2026-11-04",
			"2026-11-02", "2026-10-30", "2026-10-29"),
			days("2026-11-02", "2026-10-29")},
		// A week with several: only its newest (Sat 14 Nov) stays.
		{"a week with several", days(
			"2026-11-30", "2026-11-29", "2026-11-28", "2026-11-27", "2026-11-26", "2026-11-25", "2026-11-24",
			"2026-11-14", "2026-11-12", "2026-11-10", "2026-11-09"),
			days("2026-11-12", "2026-11-10", "2026-11-09")},
		// ISO week 53 of 2026 runs Mon 28 Dec 2026 to Sun 3 Jan 2027. Kept:
		// Mon 11 to Sun 17 Jan 2027 (week 2), then Tue 5 Jan (week 1), Sat
		// 2 Jan (2026-W53), Sun 27 Dec (W52), Sun 20 Dec (W51).
		{"weeks across the new year", days(
			"2027-01-17", "2027-01-16", "2027-01-15", "2027-01-14", "2027-01-13", "2027-01-12", "2027-01-11",
			"2027-01-05", "2027-01-02", "2026-12-29", "2026-12-27", "2026-12-20", "2026-12-13"),
			days("2026-12-29", "2026-12-13")},
		{"order and repeats don't matter", days(
			"2026-11-01", "2026-11-30", "2026-11-30", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-23"),
			days("2026-11-23")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := expiredDays(tt.days)
			if !slices.Equal(got, tt.want) {
				t.Errorf("expired\n%v\nwant\n%v", dates(got), dates(tt.want))
			}
		})
	}
}

func dates(ts []time.Time) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Format("Mon 2006-01-02"))
	}
	return strings.Join(out, ", ")
}

func TestPrunableBackups_OnlyDailyOnes(t *testing.T) {
	var names []string
	for _, d := range novemberDays() {
		names = append(names, "throughline-"+d.Format(dayLayout)+".db")
	}
	names = append(names, "throughline-2026-11-02-101500.db", "before-restore-2026-11-03-090000.db",
		"throughline-2026-11-04.db-wal", "notes.txt", "my copy.db")
	got := prunableBackups(names)
	if len(got) != 19 || got[0] != "throughline-2026-11-23.db" {
		t.Errorf("pruned %d: %q; want the 19 daily backups TestExpiredDays expires", len(got), got)
	}
	for _, n := range got {
		if !dailyName().MatchString(n) {
			t.Errorf("%s would be pruned, but it isn't an automatic backup", n)
		}
	}
}

func TestBackupIfDue_KeepsSevenDailyFourWeekly(t *testing.T) {
	s := mustOpen(t)
	writeEntries(t, s, "entry", 3)
	dir, _ := s.BackupDir()
	manual, err := s.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	// Given a month of days, each opening the journal twice,
	for _, d := range novemberDays() {
		at := time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, time.Local)
		made, err := s.BackupIfDue(at)
		if err != nil || made != filepath.Join(dir, "throughline-"+d.Format(dayLayout)+".db") {
			t.Fatalf("%s: BackupIfDue = %q, %v", d.Format(dayLayout), made, err)
		}
		if again, err := s.BackupIfDue(at.Add(8 * time.Hour)); again != "" || err != nil {
			t.Fatalf("%s: a second backup on the same day: %q, %v", d.Format(dayLayout), again, err)
		}
	}
	// then 7 daily and 4 weekly are left, and the manual one.
	list, err := Backups(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range list {
		got = append(got, string(b.Kind)+" "+filepath.Base(b.Path))
	}
	want := []string{"daily throughline-2026-11-30.db", "daily throughline-2026-11-29.db", "daily throughline-2026-11-28.db",
		"daily throughline-2026-11-27.db", "daily throughline-2026-11-26.db", "daily throughline-2026-11-25.db",
		"daily throughline-2026-11-24.db", "daily throughline-2026-11-22.db", "daily throughline-2026-11-15.db",
		"daily throughline-2026-11-08.db", "daily throughline-2026-11-01.db"}
	if m := "manual " + filepath.Base(manual); len(got) != 12 || !slices.Contains(got, m) || !slices.Equal(slices.DeleteFunc(got, func(s string) bool { return s == m }), want) {
		t.Errorf("backups left:\n%s\nwant\n%s\nand %s", strings.Join(got, "\n"), strings.Join(want, "\n"), m)
	}
}

func TestBackup_IsAPrivateJournal(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	s := mustOpen(t)
	writeEntries(t, s, "entry", 10)
	// Given a manual backup in the default folder,
	made, err := s.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	dir := DefaultBackupDir(s.Path())
	if filepath.Dir(made) != dir || !manualName().MatchString(filepath.Base(made)) {
		t.Errorf("backup made at %s, want throughline-DATE-TIME.db in %s", made, dir)
	}
	// then only its owner can read it or its folder,
	for path, want := range map[string]os.FileMode{dir: 0o700, made: 0o600} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %o", path, info.Mode().Perm(), err, want)
		}
	}
	// it is marked as a journal (VACUUM INTO keeps the application id),
	if err := checkHeader(made); err != nil {
		t.Fatalf("the backup isn't recognised as a journal: %v", err)
	}
	if err := CheckBackup(made); err != nil {
		t.Fatalf("CheckBackup refused a fresh backup: %v", err)
	}
	// and Open reads the same entries from it.
	copied, err := Open(made)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	if n, _ := copied.CountEntries(); n != 10 {
		t.Errorf("the backup holds %d entries, want 10", n)
	}
	// A second backup in the same second gets a name of its own.
	if again, err := s.Backup(dir); err != nil || again == made {
		t.Errorf("second backup: %q, %v", again, err)
	}
}

func TestBackup_NeverReplacesAFile(t *testing.T) {
	s := mustOpen(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "keep.db")
	os.WriteFile(existing, []byte("my own file"), 0o644)
	if _, err := s.Backup(existing); journal.ErrorCode(err) != journal.EInvalid || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("backup over a file: %v", err)
	}
	if data, _ := os.ReadFile(existing); string(data) != "my own file" {
		t.Errorf("the file was changed: %q", data)
	}
	// An empty file, as an interrupted backup leaves, is used.
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	if made, err := s.Backup(empty); err != nil || made != empty {
		t.Errorf("backup into an empty file: %q, %v", made, err)
	}
	if _, err := s.Backup(filepath.Join(dir, "no such folder", "b.db")); journal.ErrorCode(err) != journal.EUnwritable || !strings.Contains(err.Error(), "doesn't exist") {
		t.Errorf("backup into a missing folder: %v", err)
	}
}

func TestSnapshotInto_RemovesAFailedCopy(t *testing.T) {
	target := filepath.Join(t.TempDir(), "b.db")
	err := snapshotInto(target, func(string) error { return os.ErrDeadlineExceeded })
	if journal.ErrorCode(err) != journal.EUnwritable {
		t.Errorf("got %v, want an unwritable error", err)
	}
	if _, err := os.Lstat(target); err == nil {
		t.Error("the failed backup was left behind")
	}
}

func TestBackups_KindsAndTimes(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"throughline-2026-11-20.db", "throughline-2026-11-21-083000.db", "before-restore-2026-11-22-100000.db",
		"before-restore-2026-11-22-100000-2.db", "empty.db", ".hidden.db", "notes.txt"} {
		size := 4096
		if name == "empty.db" {
			size = 0
		}
		os.WriteFile(filepath.Join(dir, name), make([]byte, size), 0o600)
	}
	mine := filepath.Join(dir, "mine.db")
	os.WriteFile(mine, make([]byte, 10), 0o600)
	modified := time.Date(2026, 11, 23, 7, 15, 0, 0, time.Local)
	os.Chtimes(mine, modified, modified)

	list, err := Backups(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range list {
		got = append(got, filepath.Base(b.Path)+" "+string(b.Kind)+" "+b.Time.Format("2006-01-02 15:04"))
	}
	want := []string{
		"mine.db manual 2026-11-23 07:15",
		"before-restore-2026-11-22-100000.db before-restore 2026-11-22 10:00",
		"before-restore-2026-11-22-100000-2.db before-restore 2026-11-22 10:00",
		"throughline-2026-11-21-083000.db manual 2026-11-21 08:30",
		"throughline-2026-11-20.db daily 2026-11-20 00:00",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Backups:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if list, err := Backups(filepath.Join(dir, "not yet")); list != nil || err != nil {
		t.Errorf("a folder not made yet: %v, %v", list, err)
	}
}

func TestSetBackupDir(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	s := mustOpen(t)
	file := filepath.Join(t.TempDir(), "a file")
	os.WriteFile(file, nil, 0o600)
	chosen := filepath.Join(t.TempDir(), "new", "backups")
	tests := []struct {
		name, dir, want, wantCode string
	}{
		{"a new folder", chosen, chosen, ""},
		{"under a file", filepath.Join(file, "backups"), chosen, journal.EUnwritable},
		{"the journal's own folder", filepath.Dir(s.Path()), chosen, journal.EInvalid},
		{"back to the default", "", DefaultBackupDir(s.Path()), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.SetBackupDir(tt.dir)
			if journal.ErrorCode(err) != tt.wantCode {
				t.Fatalf("SetBackupDir(%q): %v, want code %q", tt.dir, err, tt.wantCode)
			}
			if got, _ := s.BackupDir(); got != tt.want {
				t.Errorf("BackupDir = %s, want %s", got, tt.want)
			}
		})
	}
	if info, err := os.Stat(chosen); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("the chosen folder: %v, %v; want mode 0700", info, err)
	}
	// Relative folders are made absolute; BackupDirFor reads the choice
	// from the closed journal.
	t.Chdir(t.TempDir())
	if err := s.SetBackupDir("relative"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := BackupDirFor(s.Path()); !filepath.IsAbs(got) || filepath.Base(got) != "relative" {
		t.Errorf("BackupDirFor = %s, want an absolute .../relative", got)
	}
}

func TestCheckBackup(t *testing.T) {
	good := closedJournal(t, 300)
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, bytes.Repeat([]byte("dear diary "), 20), 0o600)
	foreign := filepath.Join(dir, "other.db")
	sqliteExec(t, foreign, "CREATE TABLE notes (text TEXT)")
	damaged := closedJournal(t, 300)
	damage(t, damaged)
	newer := closedJournal(t, 1)
	sqliteExec(t, newer, "INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'from the future', 0)")
	withLog := closedJournal(t, 1)
	os.WriteFile(withLog+"-wal", []byte("frames"), 0o600)

	tests := []struct {
		name, path, code, want string
	}{
		{"a good backup", good, "", ""},
		{"a text file", text, journal.ENotJournal, "is not a Throughline journal"},
		{"another program's database", foreign, journal.ENotJournal, "is not a Throughline journal"},
		{"a damaged backup", damaged, journal.EDamaged, "is damaged"},
		{"from a newer Throughline", newer, journal.ETooNew, "newer version"},
		{"with a log beside it", withLog, journal.EInvalid, "holds changes that aren't in the file"},
		{"no file", filepath.Join(dir, "gone.db"), journal.ENotFound, "There is no backup at"},
		{"a folder", dir, journal.EInvalid, "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before [32]byte
			if tt.code != journal.ENotFound && tt.code != journal.EInvalid || tt.path == withLog {
				before = fileHash(t, tt.path)
			}
			err := CheckBackup(tt.path)
			if journal.ErrorCode(err) != tt.code || (err != nil && !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("CheckBackup: %v (%s), want %q saying %q", err, journal.ErrorCode(err), tt.code, tt.want)
			}
			if before != [32]byte{} && fileHash(t, tt.path) != before {
				t.Error("checking changed the file")
			}
			if _, err := os.Stat(tt.path + "-shm"); err == nil {
				t.Error("checking left a -shm file beside it")
			}
		})
	}
}

// VACUUM INTO copies rows as they are stored, so an encrypted journal's
// backup is encrypted too, and opens with the passphrase.
func TestBackup_EncryptedStaysEncrypted(t *testing.T) {
	s := mustOpen(t)
	if err := s.EnableEncryption(testPassphrase); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateEntry(journal.Entry{Title: "A very private title", Body: "words nobody else may read", WrittenAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	made, err := s.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(made)
	for _, secret := range []string{"A very private title", "nobody else"} {
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("the backup holds %q in plain text", secret)
		}
	}
	if err := CheckBackup(made); err != nil {
		t.Fatal(err)
	}
	copied, err := Open(made)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	if !copied.Locked() {
		t.Fatal("the backup of an encrypted journal opened unlocked")
	}
	if err := copied.Unlock(testPassphrase); err != nil {
		t.Fatal(err)
	}
	if list, err := copied.Entries(journal.EntryQuery{}); err != nil || len(list) != 1 || list[0].Title != "A very private title" {
		t.Errorf("unlocked backup: %+v, %v", list, err)
	}
}
