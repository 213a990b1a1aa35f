package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// tempCopies are the files written so the system's player or viewer can
// open an attachment: it can only open a file, and the journal is one
// file. They are as private as the journal (0600, in a 0700 folder of
// this process's own), and removed when Throughline closes or locks; a
// crash leaves them until the next start removes them.
type tempCopies struct {
	parent string // holds one folder per running Throughline

	mu  sync.Mutex
	dir string // this process's folder, made on the first copy
}

// copiesFolder is where every Throughline keeps its copies: the user's
// cache, which only they can read, rather than a /tmp shared with others.
func copiesFolder() string {
	if cache, err := os.UserCacheDir(); err == nil {
		return filepath.Join(cache, "throughline", "open")
	}
	return filepath.Join(os.TempDir(), "throughline-"+strconv.Itoa(os.Getuid()), "open")
}

func newTempCopies(parent string) *tempCopies { return &tempCopies{parent: parent} }

// write puts a copy of data named name in a folder for the entry, so two
// entries' files of the same name don't meet, and returns its path.
func (c *tempCopies) write(entryID int64, name string, data []byte) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dir == "" {
		if err := os.MkdirAll(c.parent, 0o700); err != nil {
			return "", err
		}
		// MkdirTemp makes it 0700; the process id lets a later start tell
		// a crashed Throughline's folder from a running one's.
		dir, err := os.MkdirTemp(c.parent, strconv.Itoa(os.Getpid())+"-")
		if err != nil {
			return "", err
		}
		c.dir = dir
	}
	folder := filepath.Join(c.dir, strconv.FormatInt(entryID, 10))
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(folder, filepath.Base(name))
	// A copy opened before is replaced, not trusted: the viewer may have
	// changed it, and the journal's bytes are what should show.
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(path)
		return "", err
	}
	return path, nil
}

// removeAll removes every copy this process made.
func (c *tempCopies) removeAll() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dir == "" {
		return nil
	}
	err := os.RemoveAll(c.dir)
	if err == nil {
		c.dir = ""
	}
	return err
}

// removeStale removes the folders of Throughlines no longer running,
// which crashed before they could remove their copies.
func (c *tempCopies) removeStale() {
	found, err := os.ReadDir(c.parent)
	if err != nil {
		return // none made yet
	}
	for _, d := range found {
		pid, _, ok := strings.Cut(d.Name(), "-")
		n, err := strconv.Atoi(pid)
		if !ok || err != nil || !d.IsDir() || running(n) {
			continue
		}
		os.RemoveAll(filepath.Join(c.parent, d.Name()))
	}
}

// running reports whether process pid is alive: signal 0 checks without
// sending anything; EPERM means it runs as someone else.
func running(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
