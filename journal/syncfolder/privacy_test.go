package syncfolder

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fillFolder writes one of every kind of file, each carrying text.
func fillFolder(t *testing.T, f *Folder, text string) {
	t.Helper()
	for seq := uint64(1); seq <= 3; seq++ {
		if err := f.Append("laptop", seq, []byte(`{"body":"`+text+`"}`)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Append("desktop", 1, []byte(text)); err != nil {
		t.Fatal(err)
	}
	st := DeviceState{Name: text, Number: 7, Read: map[string]uint64{"desktop": 1}, Wrote: 3, LastSeen: time.Now()}
	if err := f.WriteState("laptop", st); err != nil {
		t.Fatal(err)
	}
	if err := f.WriteSnapshot("laptop", 1, map[string]uint64{"laptop": 3}, []byte(strings.Repeat(text+" ", 50))); err != nil {
		t.Fatal(err)
	}
	if err := f.SetKeyring([]byte("opaque wrapped key")); err != nil {
		t.Fatal(err)
	}
}

// The folder never holds a readable word of the journal.
func TestFolder_HoldsNoCanary(t *testing.T) {
	const canary = "Quokka-Canary-5813"
	f, _ := newTestFolder(t)
	fillFolder(t, f, canary)
	files := 0
	err := filepath.WalkDir(f.Dir(), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(bytes.ToLower(data), bytes.ToLower([]byte(canary))) || bytes.Contains(data, []byte("Quokka")) {
			t.Errorf("%s holds the canary", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 7 { // header, 4 segments, state, snapshot
		t.Fatalf("only %d files were checked", files)
	}
}

// Files are the person's only, and no temporary file is left behind.
func TestFolder_FileModes(t *testing.T) {
	f, _ := newTestFolder(t)
	fillFolder(t, f, "text")
	err := filepath.WalkDir(f.Dir(), func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := os.FileMode(fileMode)
		if d.IsDir() {
			want = dirMode
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", path, got, want)
		}
		if strings.HasPrefix(d.Name(), tmpPrefix) {
			t.Errorf("%s: a temporary file was left behind", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
