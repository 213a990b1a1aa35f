package store

import (
	"errors"
	"syscall"

	gosqlite "github.com/glebarez/go-sqlite"

	"github.com/throughline/throughline/journal"
)

// internal wraps an unexpected failure with the step that failed.
func internal(step string, err error) error {
	if err == nil {
		return nil
	}
	var je *journal.Error
	if errors.As(err, &je) {
		return err
	}
	if busy(err) {
		return busyError(step, err)
	}
	if diskFull(err) {
		return &journal.Error{Code: journal.EUnwritable, Err: err, Message: "Couldn't " + step +
			": the disk holding the journal is full. Free some space on it (or move the journal to a disk with room and open it with --db PATH), then try again. Nothing saved before was lost."}
	}
	return &journal.Error{Code: journal.EInternal, Message: "Couldn't " + step, Err: err}
}

// busyError says that a step waited its turn for writeWait and gave up.
func busyError(step string, err error) error {
	return &journal.Error{Code: journal.EBusy, Err: err, Message: "Couldn't " + step + ": another program has been writing to the journal for over " + waitWords() +
		" (a large import, or turning encryption on, can take that long), so this waited its turn and then stopped. Nothing was changed. Try again once that has finished."}
}

// busy reports whether err is SQLite giving up on a lock another
// connection held for all of the busy timeout.
func busy(err error) bool {
	var se *gosqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqliteBusy
}

// sqliteFull is SQLITE_FULL, SQLite's result code for a write that found
// no room: the disk (or the file system's quota) is full.
const sqliteFull = 13

// diskFull reports whether err means the disk holding the journal is
// full. SQLite says so with SQLITE_FULL (the low byte of an extended
// code); a file we write ourselves says so with ENOSPC.
func diskFull(err error) bool {
	var se *gosqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqliteFull {
		return true
	}
	return errors.Is(err, syscall.ENOSPC)
}

// SQLite's result codes for a file that isn't what its header says:
// SQLITE_CORRUPT, a page or record that makes no sense, and
// SQLITE_NOTADB, a file no longer a database at all.
const (
	sqliteCorrupt = 11
	sqliteNotADB  = 26
)

// corrupt reports whether err is SQLite finding the journal damaged
// while reading or writing it.
func corrupt(err error) bool {
	var se *gosqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff
	return code == sqliteCorrupt || code == sqliteNotADB
}
