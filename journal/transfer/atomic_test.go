package transfer

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/throughline/throughline/internal/testenv"
	"github.com/throughline/throughline/journal"
)

// writeString is a write that succeeds with s.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// onlyFiles lists dir, to show no temporary file was left behind.
func onlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the folder holds %q, want %q", got, want)
	}
}

func TestWriteFileAtomic_WritesPrivateFile(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "export.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, writeString("new")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new" {
		t.Fatalf("the file holds %q (%v), want new", got, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("mode %o under umask 0, want 600", mode)
	}
	onlyFiles(t, dir, "export.json")
}

func TestWriteFileAtomic_FailedWriteKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(path, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	bug := errors.New("half way")
	err := WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("partial ", 1<<16)) // more than the buffer: some reaches the disk
		return bug
	})
	if !errors.Is(err, bug) || journal.ErrorCode(err) != journal.EInternal || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %v, want the write's error, naming %s", err, path)
	}
	if got, _ := os.ReadFile(path); string(got) != "precious" {
		t.Errorf("the old file now holds %.20q", got)
	}
	onlyFiles(t, dir, "export.csv")

	// A journal's own error reaches the caller as it is.
	refused := journal.Errorf(journal.EInvalid, "No entries to export.")
	if err := WriteFileAtomic(path, func(io.Writer) error { return refused }); err != refused {
		t.Errorf("error = %v, want the journal's error as it is", err)
	}
	onlyFiles(t, dir, "export.csv")
}

func TestWriteFileAtomic_Refuses(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, path, code, want string
	}{
		{"a folder", dir, journal.EInvalid, "it is a folder"},
		{"a missing folder", filepath.Join(dir, "nowhere", "export.json"), journal.EUnwritable, "its folder doesn't exist"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteFileAtomic(tt.path, writeString("x"))
			if journal.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error = %v (%s), want %s saying %q and naming the path", err, journal.ErrorCode(err), tt.code, tt.want)
			}
			onlyFiles(t, dir)
		})
	}
}

func TestWriteFileAtomic_KeepsASymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		testenv.Missing(t, "this file system makes no symbolic links (%v): run the tests on one that does", err)
	}
	if err := WriteFileAtomic(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("the link's target holds %q, want new", got)
	}
	onlyFiles(t, dir, "link.json", "real.json")
}
