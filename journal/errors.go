package journal

import (
	"errors"
	"fmt"
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
