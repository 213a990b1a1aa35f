package syncfolder

import (
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

// writeFileAtomic puts data at path so that no reader (nor the sync
// service) ever sees it half-written: a temporary file in the same
// directory, flushed to disk, renamed over, then the directory flushed
// so the rename survives a power cut.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, tmpPrefix+"*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := tmp.Chmod(fileMode); err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	ok = true
	return syncDir(dir)
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
