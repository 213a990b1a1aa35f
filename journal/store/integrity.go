package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// Check runs SQLite's quick_check, which reads every page of the
// journal, on a read-only connection of its own, so neither reading nor
// writing waits for it. It is never run on opening, which would cost
// seconds on a long journal: the daily backup, the window when idle and
// `throughline check` run it. Damage found is kept, here and in a mark
// beside the journal, and from then on nothing is written to it, in this
// program or the next one to open it.
func (s *Store) Check() error {
	problems := []string{"the journal couldn't be read to check it"}
	if db, err := openReadOnly(s.path, false); err == nil {
		problems = checkProblems(db, "quick_check")
		db.Close()
	}
	if isOK(problems) {
		return nil
	}
	return s.noteDamage(problems)
}

// Soundness is the damage found so far, if any: then nothing can be
// written. It never waits for a check.
func (s *Store) Soundness() error {
	s.damage.mu.Lock()
	defer s.damage.mu.Unlock()
	return s.damage.err
}

// noteDamage keeps the damage problems describe, so every later write is
// refused, and returns it.
func (s *Store) noteDamage(problems []string) error {
	markDamaged(s.path, problems)
	err := DamagedJournalError(s.path, problems)
	s.damage.mu.Lock()
	defer s.damage.mu.Unlock()
	if s.damage.err == nil {
		s.damage.err = err
	}
	return s.damage.err
}

// gateWrites makes every write fail once damage is known: a damaged
// journal is never written to. It also turns SQLite's own discovery of
// damage, on any read or write, into that damage.
func (s *Store) gateWrites() error {
	refuse := func(db *gorm.DB) {
		if err := s.Soundness(); err != nil {
			db.AddError(err)
		}
	}
	notice := func(db *gorm.DB) {
		if corrupt(db.Error) {
			db.Error = s.noteDamage([]string{db.Error.Error()})
		}
	}
	cb := s.db.Callback()
	for _, err := range []error{
		cb.Create().Before("gorm:create").Register("throughline:sound", refuse),
		cb.Update().Before("gorm:update").Register("throughline:sound", refuse),
		cb.Delete().Before("gorm:delete").Register("throughline:sound", refuse),
		cb.Raw().Before("gorm:raw").Register("throughline:sound", refuse),
		cb.Create().After("gorm:create").Register("throughline:corrupt", notice),
		cb.Update().After("gorm:update").Register("throughline:corrupt", notice),
		cb.Delete().After("gorm:delete").Register("throughline:corrupt", notice),
		cb.Raw().After("gorm:raw").Register("throughline:corrupt", notice),
		cb.Query().After("gorm:query").Register("throughline:corrupt", notice),
		cb.Row().After("gorm:row").Register("throughline:corrupt", notice),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// checkpointWait is how long a checkpoint waits for other programs. It
// holds the writers' lock while it waits for readers, so waiting as long
// as a write does would keep every other writer waiting too, and on a
// busy journal, past their own patience.
const checkpointWait = 100 * time.Millisecond

// checkpoint copies the write-ahead log into the journal and empties it,
// so text just deleted doesn't linger in the log. Another program reading
// or writing the journal can hold it back; then the next checkpoint does
// it.
func (s *Store) checkpoint() {
	if s.Soundness() != nil {
		return
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return
	}
	ctx := context.Background()
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", checkpointWait.Milliseconds())); err != nil {
		return
	}
	conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", writeWait.Milliseconds())); err != nil {
		// A connection left impatient would fail writes that should
		// wait: drop it, and the pool opens a new one from the DSN.
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
}

// IntegrityCheck runs SQLite's full integrity_check, which also compares
// every index with its table. It returns the problems found; ["ok"]
// means there are none.
func (s *Store) IntegrityCheck() ([]string, error) {
	var problems []string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&problems).Error; err != nil {
		return nil, internal("check the journal", err)
	}
	return problems, nil
}

// CheckFile runs integrity_check on the journal at path without opening
// it through Open, so it works on a damaged journal too and changes
// nothing in it: no upgrade, no checkpoint. The verdict is kept in the
// damage mark beside it, which Open reads. It returns the problems
// found; ["ok"] means there are none.
func CheckFile(path string) ([]string, error) {
	abs, err := existingFile(path, "journal")
	if err != nil {
		return nil, err
	}
	if err := checkHeader(abs); err != nil {
		return nil, err
	}
	db, err := openJournalReadOnly(abs)
	if err != nil {
		return nil, openError(abs, err)
	}
	defer db.Close()
	problems := integrityProblems(db)
	if isOK(problems) {
		clearDamageMark(abs)
	} else {
		markDamaged(abs, problems)
	}
	return problems, nil
}

// CountEntriesInFile counts the entries of the journal at path, read
// only, as CheckFile reads it.
func CountEntriesInFile(path string) (int64, error) {
	abs, err := existingFile(path, "journal")
	if err != nil {
		return 0, err
	}
	db, err := openJournalReadOnly(abs)
	if err != nil {
		return 0, openError(abs, err)
	}
	defer db.Close()
	var n int64
	if err := db.QueryRow("SELECT COUNT(*) FROM entries").Scan(&n); err != nil {
		return 0, internal("count the entries in "+abs, err)
	}
	return n, nil
}

// CheckBackup makes sure the file at path can take the journal's place:
// a Throughline journal, undamaged, and not from a newer Throughline. It
// reads the file without changing it, and never creates a -wal or -shm
// beside it.
func CheckBackup(path string) error {
	abs, err := existingFile(path, "backup")
	if err != nil {
		return err
	}
	if err := checkHeader(abs); err != nil {
		if journal.ErrorCode(err) == journal.ENotJournal {
			return journal.Errorf(journal.ENotJournal, "%s is not a Throughline journal (it may be another kind of file, or damaged), so it can't be restored. Nothing was changed.", abs)
		}
		return err
	}
	// A copy taken while the journal was open can leave recent changes in
	// a log beside it; restoring the file alone would lose them.
	if info, err := os.Stat(abs + "-wal"); err == nil && info.Size() > 0 {
		return journal.Errorf(journal.EInvalid, "%s-wal beside %s holds changes that aren't in the file itself, so restoring it alone would lose them. Open it once with Throughline (throughline --db %s list), which writes them in, then restore it. Nothing was changed.",
			abs, abs, shellQuote(abs))
	}
	db, err := openReadOnly(abs, true)
	if err != nil {
		return openError(abs, err)
	}
	defer db.Close()
	if problems := integrityProblems(db); !isOK(problems) {
		return journal.Errorf(journal.EDamaged, "The backup %s is damaged (%s), so it can't be restored. Nothing was changed. Choose another backup.", abs, summarize(problems))
	}
	var version sql.NullInt64
	if err := db.QueryRow("SELECT MAX(id) FROM schema_migrations").Scan(&version); err != nil || !version.Valid {
		return journal.Errorf(journal.ENotJournal, "%s is marked as a Throughline journal but holds no journal (it was never finished), so it can't be restored. Nothing was changed.", abs)
	}
	if int(version.Int64) > SchemaVersion() {
		return journal.Errorf(journal.ETooNew, "The backup %s was made by a newer version of Throughline. Install the newer version to restore it. Nothing was changed.", abs)
	}
	return nil
}

// DamagedJournalError is the error for a damaged journal: what is wrong,
// that it was left as it is, and the way back, naming the newest backup
// that passes CheckBackup.
func DamagedJournalError(path string, problems []string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	dirs := []string{DefaultBackupDir(abs)}
	if dir := BackupDirFor(abs); dir != dirs[0] {
		dirs = append([]string{dir}, dirs...)
	}
	return damaged(abs, problems, dirs)
}

func damaged(path string, problems []string, dirs []string) *journal.Error {
	msg := fmt.Sprintf("The journal at %s is damaged: %s. It was left as it is.", path, summarize(problems))
	var newest BackupFile
	found := false
	for _, dir := range dirs {
		if b, ok := NewestGoodBackup(dir); ok && (!found || b.Time.After(newest.Time)) {
			newest, found = b, true
		}
	}
	if found {
		// --db always: the person may have opened this journal with it, and
		// restoring into the default journal instead would be a disaster.
		msg += fmt.Sprintf(" The newest good backup is %s (%s): `throughline --db %s restore %s` puts it back, keeping the damaged one.",
			newest.Path, newest.Time.Format("Mon 2 Jan 2006 15:04"), shellQuote(path), shellQuote(newest.Path))
	} else {
		msg += fmt.Sprintf(" There is no good backup of it in %s. Keep the file, and any %s-wal beside it, somewhere safe: much of it may be recoverable with the sqlite3 tool's .recover command. To write meanwhile, start a new journal with --db NEW.db.",
			strings.Join(dirs, " or "), filepath.Base(path))
	}
	return &journal.Error{Code: journal.EDamaged, Message: msg}
}

// existingFile is path made absolute, refused when there is no file
// there.
func existingFile(path, what string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", journal.Errorf(journal.EInvalid, "The path %q can't be used: %v.", path, err)
	}
	info, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", journal.Errorf(journal.ENotFound, "There is no %s at %s. Check the name.", what, abs)
	case err != nil:
		return "", journal.Errorf(journal.EUnwritable, "Couldn't read the %s at %s: %v.", what, abs, plainCause(err))
	case info.IsDir():
		return "", journal.Errorf(journal.EInvalid, "%s is a folder, not a %s file. Give the file inside it.", abs, what)
	}
	return abs, nil
}

// openReadOnly opens path for reading only. immutable is for files
// nobody writes (backups): SQLite then takes no locks, ignores any log
// beside the file and creates no -wal or -shm.
func openReadOnly(path string, immutable bool) (*sql.DB, error) {
	params := url.Values{"mode": {"ro"}, "_pragma": {fmt.Sprintf("busy_timeout(%d)", writeWait.Milliseconds())}}
	if immutable {
		params.Set("immutable", "1")
	}
	db, err := sql.Open("sqlite", fileURI(path, params))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// openJournalReadOnly opens a journal that may be in use. While it is
// open somewhere its log exists and has to be read through SQLite's
// locks; when no log is there the file alone is the journal, and reading
// it as immutable leaves no empty -wal and -shm behind.
func openJournalReadOnly(path string) (*sql.DB, error) {
	_, err := os.Stat(path + "-wal")
	return openReadOnly(path, errors.Is(err, fs.ErrNotExist))
}

// integrityProblems runs integrity_check; a file too damaged to check
// at all is a problem too, not a failure to check.
func integrityProblems(db *sql.DB) []string { return checkProblems(db, "integrity_check") }

// checkProblems runs integrity_check or quick_check.
func checkProblems(db *sql.DB, pragma string) []string {
	rows, err := db.Query("PRAGMA " + pragma)
	if err != nil {
		return []string{err.Error()}
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return append(problems, err.Error())
		}
		problems = append(problems, p)
	}
	if err := rows.Err(); err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) == 0 {
		return []string{pragma + " gave no answer"}
	}
	return problems
}

func isOK(problems []string) bool { return len(problems) == 1 && problems[0] == "ok" }

// summarize keeps a message readable when SQLite lists a hundred
// problems.
func summarize(problems []string) string {
	const shown = 3
	if len(problems) <= shown {
		return strings.Join(problems, "; ")
	}
	return fmt.Sprintf("%s; and %d more problems", strings.Join(problems[:shown], "; "), len(problems)-shown)
}

// shellQuote writes path so it can be pasted into a shell as one word.
func shellQuote(path string) string {
	if path != "" && strings.Trim(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+:@%=,") == "" {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}
