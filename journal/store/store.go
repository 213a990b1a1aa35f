package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/throughline/throughline/journal"
)

// applicationID marks a SQLite file as a Throughline journal ("THLN"),
// in the header field SQLite reserves for this, so we can recognise our
// own files before touching them.
const applicationID = 0x54484C4E

// writeWait is how long a write waits its turn behind other writers (the
// window, other commands) before saying it couldn't. It is long enough
// for the longest write there is, importing 100,000 entries (15 s) or
// turning encryption on, so that in practice every writer waits. Tests
// shorten it.
var writeWait = 2 * time.Minute

// waitWords is writeWait for messages.
func waitWords() string {
	if writeWait < time.Minute {
		return fmt.Sprintf("%g seconds", writeWait.Seconds())
	}
	return fmt.Sprintf("%g minutes", writeWait.Minutes())
}

// Store keeps the journal in one SQLite file.
type Store struct {
	db    *gorm.DB
	path  string
	codec FieldCodec
	now   func() time.Time
	// encrypted is set when the journal has a keyring; keys are set
	// while it is unlocked, and wiped when it locks.
	encrypted bool
	keys      *dataKeys
	// damage is what a check, or SQLite itself, found wrong with the
	// file; once found, nothing is written.
	damage *damageFound
	// upgrade reports an upgrade's indexing while Open runs; nil after.
	upgrade *upgradeReport
	shrink  bool // an upgrade step freed enough of the file to vacuum it
}

// damageFound is shared by every copy of a Store, which all write to the
// same file.
type damageFound struct {
	mu  sync.Mutex
	err error
}

// Open opens the journal at path, creating it (and its folder) when it
// does not exist. A file that is not a Throughline journal, or was made by
// a newer version, is refused without being changed.
func Open(path string, options ...OpenOption) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "The journal path %q can't be used: %v.", path, err)
	}
	// Opening a journal that is made and up to date takes no lock;
	// making or upgrading one does, so one program does it while the
	// others wait.
	lock := &upgradeLock{path: abs}
	defer lock.release()
	if needsMaking(abs) {
		if err := lock.hold(); err != nil {
			return nil, err
		}
	}
	if err := prepareFile(abs); err != nil {
		return nil, err
	}
	// Damage an earlier check found: refused at once, as it was then.
	if err := markedDamage(abs); err != nil {
		return nil, err
	}
	dsn := fileURI(abs, url.Values{"_pragma": {
		fmt.Sprintf("busy_timeout(%d)", writeWait.Milliseconds()),
		"journal_mode(WAL)",
		"synchronous(FULL)",
		// Deleted text is overwritten, not left in free pages, and
		// SQLite's temporary sorts stay in memory, never in temp files.
		"secure_delete(1)",
		"temp_store(2)",
		"foreign_keys(1)",
	}, "_txlock": {"immediate"}})
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{
		Logger:                 logger.Discard,
		TranslateError:         true,
		SkipDefaultTransaction: true, // our writes make their own transactions
	})
	if err != nil {
		return nil, openError(abs, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, openError(abs, err)
	}
	// One connection: SQLite has one writer anyway, and a single
	// connection makes pragmas and transactions predictable.
	sqlDB.SetMaxOpenConns(1)
	s := &Store{db: db, path: abs, codec: PlainText{}, now: time.Now, damage: &damageFound{}}
	for _, o := range options {
		o(s)
	}
	// Before anything is written: a damaged journal is only ever read.
	// Opening reads the header and the schema, never every page, so it
	// takes as long at 100,000 entries as at ten; damage further in is
	// found by SQLite when it reads there, and by Check.
	if err := s.gateWrites(); err != nil {
		sqlDB.Close()
		return nil, openError(abs, err)
	}
	err = s.migrate(migrations, lock)
	s.upgrade = nil
	if err != nil {
		sqlDB.Close()
		return nil, err
	}
	if err := s.loadEncryption(); err != nil {
		sqlDB.Close()
		return nil, err
	}
	if err := restrictFiles(abs); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return s, nil
}

// Close checkpoints and closes the journal.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Path is the journal file's absolute path.
func (s *Store) Path() string { return s.path }

// prepareFile makes sure path is either missing (then creates its folder
// and an empty file only the owner can read) or a Throughline journal.
// It runs under the upgrade lock whenever it may create or mark the file.
func prepareFile(path string) error {
	if err := makeFolder(path); err != nil {
		return err
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// O_EXCL so we never truncate a file that appeared meanwhile.
		// SQLite gives the -wal and -shm files this file's mode.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return journal.Errorf(journal.EUnwritable, "Couldn't create the journal at %s: %v. Choose another place with --db or THROUGHLINE_DB.", path, plainCause(err))
		}
		f.Close()
		return markAsJournal(path)
	case err != nil:
		return journal.Errorf(journal.EUnwritable, "Couldn't open the journal at %s: %v.", path, plainCause(err))
	case info.IsDir():
		return journal.Errorf(journal.ENotJournal, "Couldn't open the journal: %s is a folder, not a journal file. Give the path of a file, such as %s.", path, filepath.Join(path, "journal.db"))
	case info.Size() == 0:
		return markAsJournal(path)
	}
	return checkHeader(path)
}

// pageSize is a new journal's page size. Entries of a kilobyte or two
// fill 8 KB pages with less left over than 4 KB ones: at 100,000
// entries the file is 15 MB smaller, about a tenth of the entries' own
// space.
const pageSize = 8192

// markAsJournal writes our application id into a new, empty file's
// header. It runs before the switch to WAL, so the id lands in the main
// file itself, where checkHeader reads it, not in the write-ahead log.
//
// It also sets the page size and makes the file one whose free pages
// can be given back (incremental auto-vacuum, see reclaimFreePages).
// Setting that on an empty file writes a header of its own, and another
// program opening the file then would find no application id in it; so
// the id comes first, and a VACUUM of the still empty file turns auto-vacuum on and
// sets the page size while keeping it.
func markAsJournal(path string) error {
	db, err := sql.Open("sqlite", fileURI(path, nil))
	if err != nil {
		return openError(path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the pragma holds for its connection's VACUUM
	mark := []string{fmt.Sprintf("PRAGMA application_id = %d", applicationID), "PRAGMA auto_vacuum = INCREMENTAL",
		fmt.Sprintf("PRAGMA page_size = %d", pageSize), "VACUUM"}
	for _, stmt := range mark {
		if _, err := db.Exec(stmt); err != nil {
			return openError(path, err)
		}
	}
	return nil
}

// fileURI names path for SQLite as a file: URI, so characters such as
// '?' and '#' in a folder name are part of the path, not parameters.
func fileURI(path string, params url.Values) string {
	uri := "file:" + (&url.URL{Path: path}).EscapedPath()
	if len(params) > 0 {
		uri += "?" + params.Encode()
	}
	return uri
}

// checkHeader reads the SQLite header directly, so a file that is not
// ours is refused before SQLite could switch it to WAL or add tables.
func checkHeader(path string) error {
	_, err := readHeader(path)
	return err
}

// readHeader returns the SQLite header of the journal at path, or why it
// is not a journal.
func readHeader(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't read the journal at %s: %v.", path, plainCause(err))
	}
	defer f.Close()
	header := make([]byte, 100)
	if _, err := io.ReadFull(f, header); err != nil || !bytes.HasPrefix(header, []byte("SQLite format 3\x00")) {
		return nil, journal.Errorf(journal.ENotJournal, "Couldn't open the journal: %s is not a Throughline database (it may be another kind of file, or damaged). Nothing was changed.", path)
	}
	id := uint32(header[68])<<24 | uint32(header[69])<<16 | uint32(header[70])<<8 | uint32(header[71])
	if id != applicationID {
		return nil, journal.Errorf(journal.ENotJournal, "Couldn't open the journal: %s is a SQLite database, but not a Throughline journal. Nothing was changed.", path)
	}
	return header, nil
}

// needsMaking reports whether the journal at path is still to be made:
// missing, empty, or marked as ours but not yet switched to WAL, which
// its maker does before creating any table. Another program may be
// making it this moment. A file that isn't ours is refused later,
// without waiting for the lock.
func needsMaking(path string) bool {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || err == nil && info.Mode().IsRegular() && info.Size() == 0 {
		return true
	}
	header, err := readHeader(path)
	// Bytes 18 and 19 are SQLite's file format versions: 2 in WAL mode.
	return err == nil && (header[18] != 2 || header[19] != 2)
}

// makeFolder creates the folder the journal at path lives in, private to
// its owner.
func makeFolder(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't create the folder for the journal at %s: %v. Choose another place with --db or THROUGHLINE_DB.", dir, plainCause(err))
	}
	return nil
}

// restrictFiles makes the journal and its companion files readable by
// the owner alone, whatever the umask was.
func restrictFiles(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Chmod(p, 0o600); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return journal.Errorf(journal.EUnwritable, "Couldn't make %s private to you: %v.", p, plainCause(err))
		}
	}
	return nil
}

func openError(path string, err error) error {
	if corrupt(err) {
		markDamaged(path, []string{err.Error()})
		return DamagedJournalError(path, []string{err.Error()})
	}
	if busy(err) {
		return busyError("open the journal at "+path, err)
	}
	return &journal.Error{Code: journal.EUnwritable, Message: fmt.Sprintf("Couldn't open the journal at %s: %v.", path, err), Err: err}
}

// plainCause strips the path from an *os.PathError, which our messages
// already name.
func plainCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
