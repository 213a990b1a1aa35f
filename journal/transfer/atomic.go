package transfer

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/throughline/throughline/journal"
)

// WriteFileAtomic writes a file so that, whatever happens, path holds
// either its old contents or all of the new: write fills a temporary
// file in the same folder, which is synced to disk and then renamed over
// path. The file is readable by its owner alone (mode 0600). On any
// error the temporary file is removed and a file already at path is left
// as it was. A *journal.Error from write is returned as it is.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return journal.Errorf(journal.EInvalid, "Couldn't write %s: it is a folder. Give a file name, such as %s.", path, filepath.Join(path, "throughline-export.json"))
	}
	target := path
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		if resolved, err := filepath.EvalSymlinks(path); err == nil {
			target = resolved // replace what the link points at, keeping the link
		}
	}
	dir, name := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return unwritable(path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return unwritable(path, err)
	}
	file := &firstError{w: tmp}
	buf := bufio.NewWriterSize(file, 1<<16)
	if err := write(buf); err != nil {
		if file.err != nil {
			return unwritable(path, file.err)
		}
		var je *journal.Error
		if errors.As(err, &je) {
			return err
		}
		return &journal.Error{Code: journal.EInternal, Message: "Couldn't write " + path + " (nothing was changed)", Err: err}
	}
	if err := buf.Flush(); err != nil {
		return unwritable(path, err)
	}
	if err := tmp.Sync(); err != nil {
		return unwritable(path, err)
	}
	if err := tmp.Close(); err != nil {
		return unwritable(path, err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return unwritable(path, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// syncDir makes the rename in dir durable, as far as the system allows.
// It is best effort: the file is already whole and in place, and some
// systems can't sync a folder (Windows; some network file systems),
// where an error would wrongly say the write failed.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// firstError remembers the first error writing to w, so a failure of the
// disk can be told from a failure of the caller's write.
type firstError struct {
	w   io.Writer
	err error
}

func (f *firstError) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.w.Write(p)
	f.err = err
	return n, err
}

// unwritable says that path couldn't be written, why, and what became of
// a file already there.
func unwritable(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := "Couldn't write " + path + ": " + err.Error() + "."
	if errors.Is(err, fs.ErrNotExist) {
		msg = "Couldn't write " + path + ": its folder doesn't exist."
	}
	if errors.Is(err, fs.ErrPermission) {
		msg += " Choose a folder you can write to."
	}
	if _, statErr := os.Stat(path); statErr == nil {
		msg += " The file already there was left as it was."
	} else {
		msg += " Nothing was written."
	}
	return &journal.Error{Code: journal.EUnwritable, Message: msg, Err: err}
}
