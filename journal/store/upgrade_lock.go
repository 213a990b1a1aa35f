package store

import (
	"errors"
	"os"
	"syscall"
	"time"

	"github.com/throughline/throughline/journal"
)

// upgradeLock keeps creating and upgrading the journal to one program at
// a time. Eight commands started at once on a new path would otherwise
// each create the tables, and all but one fail; with it, one builds the
// journal and the others wait, then find it built.
//
// It is an exclusive flock on path+".upgrade.lock", not the window's
// path+".lock": the window holds that one for as long as it is open, and
// the command line must still work meanwhile. It is taken only when
// there is something to create or upgrade, so opening a journal that is
// up to date never waits for it.
type upgradeLock struct {
	path string // the journal's
	f    *os.File
}

// upgradeLockPoll is how often a program waiting for the lock tries it
// again. Polling rather than a blocking flock lets it give up after
// writeWait instead of hanging behind a program that never finishes.
const upgradeLockPoll = 10 * time.Millisecond

// hold takes the lock, waiting for the program that has it; once held,
// later calls do nothing.
func (l *upgradeLock) hold() error {
	if l.f != nil {
		return nil
	}
	lockPath := l.path + ".upgrade.lock"
	if err := makeFolder(l.path); err != nil {
		return err
	}
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return journal.Errorf(journal.EUnwritable, "Couldn't open the journal's upgrade lock %s: %v. Choose another place with --db or THROUGHLINE_DB.", lockPath, plainCause(err))
	}
	deadline := time.Now().Add(writeWait)
	for {
		err := flock(f, syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			l.f = f
			return nil
		case !errors.Is(err, syscall.EWOULDBLOCK):
			f.Close()
			return &journal.Error{Code: journal.EUnwritable, Err: err, Message: "Couldn't lock the journal at " + l.path +
				" to create or upgrade it (" + err.Error() + "), so it was left as it is. Its folder may be on a file system without locks; choose another place with --db or THROUGHLINE_DB."}
		case time.Now().After(deadline):
			f.Close()
			return journal.Errorf(journal.EBusy, "Another program has been creating or upgrading the journal at %s for over %s, so it wasn't opened. Nothing was changed. Try again once that has finished.", l.path, waitWords())
		}
		time.Sleep(upgradeLockPoll)
	}
}

// release lets the next program in. The file is kept, as the window's
// lock file is, so two programs never lock two different files.
func (l *upgradeLock) release() {
	if l.f != nil {
		flock(l.f, syscall.LOCK_UN)
		l.f.Close()
		l.f = nil
	}
}
