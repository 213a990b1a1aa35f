package ui

// The window's launch: the app, its one-window lock, the damaged-journal
// and restore restarts, and the offline web handler. main calls Run.

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/storage/repository"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// Run runs the desktop app on the journal at path until it quits, and
// returns the exit code. version is shown in Help → About.
func Run(path, appID, version string) int {
	Version = version
	a := app.NewWithID(appID)
	a.SetIcon(Icon)
	// After NewWithID, which registers Fyne's own handlers for these.
	repository.Register("http", offline{})
	repository.Register("https", offline{})
	// One window per journal: a second would keep its own draft and save
	// over the first's edits. The command line doesn't take this lock.
	release, err := jstore.LockJournal(path)
	if err != nil {
		ShowOpenError(a, err)
		return 1
	}
	defer release()
	opening := startOpening(path)
	if opening.upgrading() {
		return runUpgrading(a, path, opening)
	}
	store, err := opening.store, opening.err
	if journal.ErrorCode(err) == journal.EDamaged {
		if backup, ok := jstore.NewestGoodBackup(jstore.BackupDirFor(path)); ok && ShowDamaged(a, err, backup.Time) {
			return restoreAndRestart(path, backup.Path, jstore.BackupDirFor(path))
		}
		return 1
	}
	if err != nil {
		ShowOpenError(a, err)
		return 1
	}
	defer store.Close()
	w := newMainWindow(a, store)
	go w.copies.removeStale() // a crashed Throughline's copies of opened files
	w.ShowAndRun()
	return afterQuit(w, store, path)
}

// newMainWindow makes the main window on the opened journal.
func newMainWindow(a fyne.App, store *jstore.Store) *Window {
	w := New(a, store)
	if notice, ok := os.LookupEnv(envNotice); ok {
		os.Unsetenv(envNotice)
		w.ShowNotice(os.Getenv(envNoticeTitle), notice)
		os.Unsetenv(envNoticeTitle)
	}
	// A terminal's Ctrl+C or a session's logout must not lose typed text.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		<-signals
		w.Quit()
	}()
	return w
}

// afterQuit restores the backup the person chose, if they did, once the
// window has closed; it returns the exit code.
func afterQuit(w *Window, store *jstore.Store, path string) int {
	// What was written last leaves with the window, not a minute later
	// on the next start.
	if st, err := store.SyncStatus(); err == nil && st.Folder != "" && !store.Locked() {
		if _, err := store.Sync(); err != nil {
			fmt.Fprintln(os.Stderr, "throughline: the last sync before closing:", err)
		}
	}
	if joined := w.JoinedRequested(); joined != "" {
		store.Close()
		return joinAndRestart(path, joined)
	}
	if backup := w.RestoreRequested(); backup != "" {
		dir, _ := store.BackupDir()
		store.Close() // a restore needs the journal closed
		return restoreAndRestart(path, backup, dir)
	}
	return 0
}

// envNotice and envNoticeTitle carry how a restore or a join went into
// the restarted window.
const (
	envNotice      = "THROUGHLINE_NOTICE"
	envNoticeTitle = "THROUGHLINE_NOTICE_TITLE"
)

// restoreAndRestart puts backup in place of the journal, then starts
// Throughline again on it, which says how the restore went: an app's
// event loop runs once per process, and every screen would otherwise
// have to let go of the old journal.
func restoreAndRestart(path, backup, dir string) int {
	notice := "The backup " + backup + " is restored."
	if kept, err := jstore.RestoreBackup(path, backup, dir); err != nil {
		notice = "The backup couldn't be restored, and your journal is as it was. " + err.Error()
	} else {
		notice += " The journal you had is kept as " + kept + "."
	}
	return restartWith("Restoring a backup", notice)
}

// joinAndRestart puts the journal built by joining in place of the new,
// empty one the window opened on, and starts again on it.
func joinAndRestart(path, joined string) int {
	notice := "This computer now keeps the synced journal, and syncs it each time the folder changes. Type its passphrase once more to open it here."
	if err := jstore.ReplaceEmptyJournal(path, joined); err != nil {
		notice = "The synced journal couldn't take the new journal's place: " + err.Error()
	}
	return restartWith("Joining a synced journal", notice)
}

// restartWith starts Throughline again, which shows notice first.
func restartWith(title, notice string) int {
	self, err := os.Executable()
	if err == nil {
		os.Setenv(envNotice, notice)
		os.Setenv(envNoticeTitle, title)
		err = syscall.Exec(self, os.Args, os.Environ())
	}
	fmt.Fprintln(os.Stderr, "throughline:", notice, "Couldn't restart:", err)
	return 1
}

// offline stands in for Fyne's handler of http:// and https:// addresses,
// which would fetch them: a Markdown image such as ![](https://...) in an
// entry, shown in the preview, would otherwise tell that server when and
// from where the journal was read. Throughline never uses the network;
// such an image shows as nothing.
type offline struct{}

var errOffline = errors.New("web addresses are not opened: Throughline never uses the network")

func (offline) Exists(fyne.URI) (bool, error)               { return false, errOffline }
func (offline) Reader(fyne.URI) (fyne.URIReadCloser, error) { return nil, errOffline }
func (offline) CanRead(fyne.URI) (bool, error)              { return false, errOffline }
func (offline) Destroy(string)                              {}

var _ repository.Repository = offline{}

// SettingsLocation is where Fyne keeps the window's settings: the same
// place fyne.App.Storage() uses on Linux and the BSDs.
func SettingsLocation(appID string) jstore.Location {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "$XDG_CONFIG_HOME"
	}
	return jstore.Location{What: SettingsWhat, Path: filepath.Join(dir, "fyne", appID, "preferences.json")}
}
