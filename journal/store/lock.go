package store

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/throughline/throughline/journal"
)

// LockJournal makes sure only one Throughline window has the journal at
// path open: two windows would each keep their own draft and overwrite
// each other's edits. It takes an exclusive flock on path+".lock" and
// returns a function that releases it.
//
// Only the window takes this lock. The command line doesn't, so `add` or
// `import` still work while the window is open; SQLite's busy timeout and
// immediate transactions keep their writes apart. Creating and upgrading
// the journal take a lock of their own (upgradeLock).
//
// flock belongs to the open file, so the kernel releases it when the
// process ends in any way, a crash or kill -9 included: a window that
// died never leaves the journal locked. The lock file itself is kept (it
// holds nothing); removing it on release would let a third window lock
// a new file while a second still held the old one.
func LockJournal(path string) (release func(), err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "The journal path %q can't be used: %v.", path, err)
	}
	lockPath := abs + ".lock"
	if err := makeFolder(abs); err != nil {
		return nil, err
	}
	// O_CLOEXEC (os.OpenFile's default) keeps programs the window starts
	// from inheriting, and so holding, the lock.
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't open the journal's lock file %s: %v. Choose another place with --db or THROUGHLINE_DB.", lockPath, plainCause(err))
	}
	// A lock file left by an older version, or made under another umask,
	// is made private too, like the journal's other files.
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, journal.Errorf(journal.EUnwritable, "Couldn't make %s private to you: %v.", lockPath, plainCause(err))
	}
	if err := flock(f, syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &journal.Error{Code: journal.EInUse, Err: err, Message: "The journal at " + abs +
				" is already open in another Throughline window. Switch to that window, or close it first."}
		}
		return nil, &journal.Error{Code: journal.EUnwritable, Err: err, Message: "Couldn't lock the journal at " + abs +
			" for this window (" + err.Error() + "). Its folder may be on a file system without locks; choose another place with --db or THROUGHLINE_DB."}
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			flock(f, syscall.LOCK_UN)
			f.Close()
		})
	}, nil
}

// flock retries when a signal interrupts the call.
func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
