package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/throughline/throughline/journal"
)

// RestoreBackup puts the backup at backupPath in place of the journal at
// journalPath, which must be closed. The backup is checked first; if it
// fails, nothing changes. The journal as it was is kept in backupDir as
// before-restore-<time>.db, and keptAs says where ("" when there was no
// journal). It refuses while the journal is open anywhere else.
func RestoreBackup(journalPath, backupPath, backupDir string) (keptAs string, err error) {
	journalPath, err = filepath.Abs(journalPath)
	if err != nil {
		return "", journal.Errorf(journal.EInvalid, "The journal path can't be used: %v.", err)
	}
	if err := CheckBackup(backupPath); err != nil {
		return "", err
	}
	backupPath, _ = filepath.Abs(backupPath)
	info, err := os.Lstat(journalPath)
	exists := err == nil
	if b, berr := os.Stat(backupPath); exists && berr == nil && os.SameFile(info, b) {
		return "", journal.Errorf(journal.EInvalid, "%s is the journal itself. Choose one of its backups. Nothing was changed.", backupPath)
	}
	if exists && !info.Mode().IsRegular() {
		return "", journal.Errorf(journal.ENotJournal, "%s is not a journal file, so nothing was restored over it. Nothing was changed.", journalPath)
	}
	// A file that isn't a journal is somebody else's: never replace it.
	if exists && info.Size() > 0 && journal.ErrorCode(checkHeader(journalPath)) == journal.ENotJournal {
		return "", journal.Errorf(journal.ENotJournal, "%s is not a Throughline journal, so the backup was not put in its place. Nothing was changed. If it is your journal, damaged beyond recognition, move it somewhere safe and restore again.", journalPath)
	}
	if backupDir == "" {
		backupDir = DefaultBackupDir(journalPath)
	}
	if _, err := os.Stat(journalPath + "-wal"); exists && info.Size() == 0 && errors.Is(err, fs.ErrNotExist) {
		exists = false // an empty file holds nothing to keep
	}
	if exists {
		if keptAs, err = keepJournal(journalPath, backupDir); err != nil {
			return "", err
		}
		if err := refuseIfOpen(journalPath); err != nil {
			os.Remove(keptAs)
			os.Remove(keptAs + "-wal")
			return "", err
		}
	}
	if err := replaceJournal(journalPath, backupPath); err != nil {
		if keptAs != "" {
			err.Message += fmt.Sprintf(" The journal you had is kept as %s.", keptAs)
		}
		return keptAs, err
	}
	return keptAs, nil
}

// keepJournal copies the journal into backupDir before it is replaced:
// as a clean snapshot when it reads well, or else byte for byte with its
// log, so even a damaged journal is kept exactly as it was.
func keepJournal(journalPath, backupDir string) (string, error) {
	if err := makeBackupDir(backupDir); err != nil {
		return "", err
	}
	kept := freeName(backupDir, "before-restore-"+time.Now().Format(stampLayout))
	err := snapshotInto(kept, func(target string) error {
		db, err := openJournalReadOnly(journalPath)
		if err != nil {
			return err
		}
		defer db.Close()
		if problems := checkProblems(db, "quick_check"); !isOK(problems) {
			return errors.New(summarize(problems))
		}
		_, err = db.Exec("VACUUM INTO ?", target)
		return err
	})
	if err == nil {
		return kept, nil
	}
	for _, suffix := range []string{"", "-wal"} {
		if err := copyPrivate(journalPath+suffix, kept+suffix); err != nil {
			os.Remove(kept)
			os.Remove(kept + "-wal")
			return "", journal.Errorf(journal.EUnwritable, "Couldn't keep the journal as it is before restoring: %v. Nothing was changed.", err)
		}
	}
	return kept, nil
}

// refuseIfOpen fails while any connection, in this process or another,
// has the journal open: replacing the file under a running window would
// lose what it writes next. Asking SQLite for an exclusive lock finds
// them all; it waits a moment for a command that is just finishing.
func refuseIfOpen(journalPath string) error {
	db, err := sql.Open("sqlite", fileURI(journalPath, url.Values{"_pragma": {"locking_mode(EXCLUSIVE)", "busy_timeout(1000)"}}))
	if err != nil {
		return nil // it can't be opened here, so it can't be in use here either
	}
	defer db.Close()
	var n int
	err = db.QueryRow("SELECT COUNT(*) FROM sqlite_master").Scan(&n)
	var coded interface{ Code() int }
	if errors.As(err, &coded) && coded.Code()&0xff == sqliteBusy {
		return journal.Errorf(journal.EUnwritable, "The journal at %s is open in Throughline (a window, or another command). Close it, then restore again. Nothing was changed.", journalPath)
	}
	return nil
}

// sqliteBusy is SQLite's result code for a lock held by someone else.
const sqliteBusy = 5

// replaceJournal copies the backup beside the journal, then renames it
// over it, so the journal is at every moment either the old file or the
// whole backup. The old log goes first: left beside the new file, SQLite
// would apply it to the wrong journal.
func replaceJournal(journalPath, backupPath string) *journal.Error {
	dir := filepath.Dir(journalPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't create the journal's folder %s: %v.", dir, plainCause(err))
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(journalPath)+".restoring-*") // mode 0600
	if err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't restore into %s: %v. The journal was not changed.", dir, plainCause(err))
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing left to remove
	err = copyInto(tmp, backupPath)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't copy the backup beside the journal: %v. The journal was not changed.", plainCause(err))
	}
	for _, companion := range []string{journalPath + "-wal", journalPath + "-shm"} {
		if err := os.Remove(companion); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return journal.Errorf(journal.EUnwritable, "Couldn't remove the old journal's %s: %v.", companion, plainCause(err))
		}
	}
	if err := os.Rename(tmp.Name(), journalPath); err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't put the backup in place of %s: %v.", journalPath, plainCause(err))
	}
	if err := syncFileAndDir(journalPath); err != nil {
		return err.(*journal.Error)
	}
	// The damage it recorded was the old journal's.
	clearDamageMark(journalPath)
	return nil
}

// copyPrivate copies src to a new file dst only you can read; a missing
// src copies nothing.
func copyPrivate(src, dst string) error {
	if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	f, err := createPrivate(dst)
	if err != nil {
		return err
	}
	err = copyInto(f, src)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyInto copies the file at src into f and syncs it.
func copyInto(f *os.File, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if _, err := io.Copy(f, in); err != nil {
		return err
	}
	return f.Sync()
}
