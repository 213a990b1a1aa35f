package syncfolder

import (
	"errors"
	"os"
	"path/filepath"
)

const (
	fileMode = 0o600
	dirMode  = 0o700
	// tmpPrefix names our files while they are being written; readers
	// skip them, and the sync service may carry them half-made.
	tmpPrefix = ".tmp-"
)

// ErrExists is wrapped by Append's and WriteSnapshot's error when that
// segment or snapshot is already in the folder (say, written just before
// a crash): it is never rewritten, so the caller moves past it.
var ErrExists = errors.New("it already exists and is never rewritten")

// writeFileAtomic puts data at path so that no reader (nor the sync
// service) ever sees it half-written: a temporary file in the same
// directory, flushed to disk, renamed over, then the directory flushed
// so the rename survives a power cut.
func writeFileAtomic(path string, data []byte) error {
	return writeFile(path, data, false)
}

// writeFileOnce is writeFileAtomic for files never rewritten: an existing
// path is ErrExists, even when two processes race to write it (a hard
// link doesn't replace; where links aren't supported, as on FAT sticks,
// a check before the rename is the best the file system allows).
func writeFileOnce(path string, data []byte) error {
	return writeFile(path, data, true)
}

func writeFile(path string, data []byte, once bool) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, tmpPrefix+"*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // gone already once renamed
	if err := writeSynced(tmp, data); err != nil {
		return err
	}
	if once {
		err = os.Link(name, path)
		if errors.Is(err, os.ErrExist) {
			return ErrExists
		}
		if err != nil {
			if _, serr := os.Lstat(path); serr == nil {
				return ErrExists
			}
			err = os.Rename(name, path)
		}
	} else {
		err = os.Rename(name, path)
	}
	if err != nil {
		return err
	}
	return syncDir(dir)
}

func writeSynced(tmp *os.File, data []byte) error {
	err := tmp.Chmod(fileMode)
	if err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir flushes a directory's entries. Some systems can't open a
// directory for syncing; there the rename is as durable as they allow.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	d.Sync()
	return nil
}

// mkdirs makes dirs (and their parents) private to the person.
func mkdirs(dirs ...string) error {
	for _, d := range dirs {
		if err := os.MkdirAll(d, dirMode); err != nil {
			return err
		}
	}
	return nil
}
