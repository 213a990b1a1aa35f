package journal

import (
	"errors"
	"fmt"
	"syscall"

	gosqlite "github.com/glebarez/go-sqlite"
)

// Error codes group failures by what the person can do about them.
const (
	EInvalid    = "invalid"     // the input is wrong; fix it and try again
	ENotFound   = "not_found"   // the thing asked for does not exist
	ENotJournal = "not_journal" // the file is not a Throughline journal
	ETooNew     = "too_new"     // the journal was made by a newer Throughline
	EUnwritable = "unwritable"  // the journal's place can't be written
	EInternal   = "internal"    // a bug or a broken disk; the message says which step failed
	EDamaged    = "damaged"     // the journal file is damaged; it is left as it is
	ELocked     = "locked"      // the journal is encrypted and needs its passphrase
	EInUse      = "in_use"      // another Throughline window has the journal open
	EBusy       = "busy"        // another program kept the journal busy for longer than we wait
)

// Error is a failure with a message meant for a person, not a programmer.
// Messages say what is wrong and, where it helps, how to fix it.
type Error struct {
	Code    string
	Message string
	Err     error // the underlying cause, for logs and errors.Is
}

func (e *Error) Error() string {
	if e.Err != nil && e.Code == EInternal {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// internal wraps an unexpected failure with the step that failed.
func internal(step string, err error) error {
	if err == nil {
		return nil
	}
	var je *Error
	if errors.As(err, &je) {
		return err
	}
	if busy(err) {
		return busyError(step, err)
	}
	if diskFull(err) {
		return &Error{Code: EUnwritable, Err: err, Message: "Couldn't " + step +
			": the disk holding the journal is full. Free some space on it (or move the journal to a disk with room and open it with --db PATH), then try again. Nothing saved before was lost."}
	}
	return &Error{Code: EInternal, Message: "Couldn't " + step, Err: err}
}

// busyError says that a step waited its turn for writeWait and gave up.
func busyError(step string, err error) error {
	return &Error{Code: EBusy, Err: err, Message: "Couldn't " + step + ": another program has been writing to the journal for over " + waitWords() +
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

// ErrorCode returns the code of err, EInternal for errors not made here,
// and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var je *Error
	if errors.As(err, &je) {
		return je.Code
	}
	return EInternal
}
