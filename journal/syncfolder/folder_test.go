package syncfolder

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

func TestCreate(t *testing.T) {
	h := Header{JournalID: "journal1", Keyring: []byte("wrapped")}
	tests := []struct {
		name     string
		setup    func(t *testing.T, dir string, key []byte)
		wantCode string // "" when Create succeeds
		wantMsg  string
	}{
		{"a folder that doesn't exist yet", func(t *testing.T, dir string, key []byte) {}, "", ""},
		{"an empty folder", func(t *testing.T, dir string, key []byte) { mkdir(t, dir) }, "", ""},
		{"a folder with Syncthing's markers", func(t *testing.T, dir string, key []byte) {
			mkdir(t, filepath.Join(dir, ".stfolder"))
			write(t, filepath.Join(dir, ".stignore"), "")
		}, "", ""},
		{"a folder with Dropbox's and Nextcloud's markers", func(t *testing.T, dir string, key []byte) {
			mkdir(t, dir)
			write(t, filepath.Join(dir, ".dropbox"), "")
			write(t, filepath.Join(dir, ".sync_4f2a.db"), "")
			write(t, filepath.Join(dir, "desktop.ini"), "")
		}, "", ""},
		{"a folder with someone's files", func(t *testing.T, dir string, key []byte) {
			mkdir(t, filepath.Join(dir, ".stfolder"))
			write(t, filepath.Join(dir, "holiday.jpg"), "photo")
		}, journal.EInvalid, "holiday.jpg"},
		{"a folder with a sub-folder of someone's", func(t *testing.T, dir string, key []byte) {
			mkdir(t, filepath.Join(dir, "Documents"))
		}, journal.EInvalid, "Documents"},
		{"another journal's folder", func(t *testing.T, dir string, key []byte) {
			if _, err := Create(dir, Header{JournalID: "journal2"}, key); err != nil {
				t.Fatal(err)
			}
		}, journal.EInvalid, "another journal"},
		{"this journal's folder with another key", func(t *testing.T, dir string, key []byte) {
			if _, err := Create(dir, h, testKey(t)); err != nil {
				t.Fatal(err)
			}
		}, journal.ELocked, "key"},
		{"this journal's folder", func(t *testing.T, dir string, key []byte) {
			f, err := Create(dir, h, key)
			if err != nil {
				t.Fatal(err)
			}
			mustAppend(t, f, "laptop", 1)
		}, "", ""},
		{"a file, not a folder", func(t *testing.T, dir string, key []byte) {
			write(t, dir, "x")
		}, journal.EUnwritable, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "sync")
			key := testKey(t)
			tt.setup(t, dir, key)
			before := snapshotTree(t, dir)
			f, err := Create(dir, h, key)
			if tt.wantCode != "" {
				if err == nil {
					t.Fatal("Create accepted the folder")
				}
				if got := journal.ErrorCode(err); got != tt.wantCode {
					t.Errorf("code = %s, want %s (%v)", got, tt.wantCode, err)
				}
				if !strings.Contains(err.Error(), tt.wantMsg) {
					t.Errorf("message %q doesn't mention %q", err, tt.wantMsg)
				}
				if after := snapshotTree(t, dir); after != before {
					t.Errorf("a refused Create changed the folder:\nbefore %s\nafter  %s", before, after)
				}
				return
			}
			if err != nil {
				t.Fatalf("Create: %v", err)
			}
			if got := f.Header(); got.JournalID != h.JournalID || !bytes.Equal(got.Keyring, h.Keyring) {
				t.Errorf("Header() = %+v, want %+v", got, h)
			}
			read, err := ReadHeader(dir)
			if err != nil || read.JournalID != h.JournalID {
				t.Errorf("ReadHeader after Create = %+v, %v", read, err)
			}
			if _, err := f.Read("laptop", 0); err != nil {
				t.Errorf("Read after Create: %v", err)
			}
		})
	}
}

// Re-creating this journal's folder opens it and keeps what it holds.
func TestCreate_ReopensOwnFolder(t *testing.T) {
	f, key := newTestFolder(t)
	mustAppend(t, f, "laptop", 1, 2)
	again, err := Create(f.Dir(), Header{JournalID: "journal1", Keyring: []byte("other wrapping")}, key)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(again.Header().Keyring); got != "wrapped key" {
		t.Errorf("re-opening rewrote the keyring to %q", got)
	}
	segs, err := again.Read("laptop", 0)
	if err != nil || !equalSeqs(seqsOf(segs), []uint64{1, 2}) {
		t.Errorf("re-opened folder reads %v, %v; want [1 2]", seqsOf(segs), err)
	}
}

func TestReadHeader_NotASyncFolder(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
	}{
		{"missing", func(t *testing.T, dir string) {}},
		{"empty", func(t *testing.T, dir string) { mkdir(t, dir) }},
		{"someone's folder", func(t *testing.T, dir string) { write(t, filepath.Join(dir, "notes.txt"), "hi") }},
		{"a header that isn't JSON", func(t *testing.T, dir string) { write(t, filepath.Join(dir, headerName), "\x00\x01garbage") }},
		{"another program's JSON", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, headerName), `{"format":"something-else","version":1,"journal":"j","check":"AAAA"}`)
		}},
		{"a header with no journal", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, headerName), `{"format":"throughline-sync","version":1,"check":"AAAA"}`)
		}},
		{"a header with no key check", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, headerName), `{"format":"throughline-sync","version":1,"journal":"j"}`)
		}},
		{"a header that is a folder", func(t *testing.T, dir string) { mkdir(t, filepath.Join(dir, headerName)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "chosen")
			tt.setup(t, dir)
			_, err := ReadHeader(dir)
			if !errors.Is(err, ErrNotSyncFolder) {
				t.Fatalf("ReadHeader error = %v, want ErrNotSyncFolder", err)
			}
			if msg := err.Error(); !strings.Contains(msg, "not a Throughline sync folder") || !strings.Contains(msg, dir) {
				t.Errorf("message %q should say the folder %s is not a Throughline sync folder", msg, dir)
			}
			if _, err := Open(dir, testKey(t)); !errors.Is(err, ErrNotSyncFolder) {
				t.Errorf("Open error = %v, want ErrNotSyncFolder", err)
			}
		})
	}
}

func TestReadHeader_NewerFormat(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, headerName), `{"format":"throughline-sync","version":2,"journal":"j","check":"AAAA"}`)
	_, err := ReadHeader(dir)
	if journal.ErrorCode(err) != journal.ETooNew || !strings.Contains(err.Error(), "newer Throughline") {
		t.Fatalf("ReadHeader of a newer folder = %v, want a too-new error asking to update", err)
	}
}

func TestOpen_WrongKey(t *testing.T) {
	f, key := newTestFolder(t)
	mustAppend(t, f, "laptop", 1)
	before := snapshotTree(t, f.Dir())
	_, err := Open(f.Dir(), testKey(t))
	if !errors.Is(err, ErrWrongKey) {
		t.Fatalf("Open with another key = %v, want ErrWrongKey", err)
	}
	if !strings.Contains(err.Error(), f.Dir()) || !strings.Contains(err.Error(), "Nothing was changed") {
		t.Errorf("message %q should name the folder and say nothing changed", err)
	}
	if _, err := Open(f.Dir(), key[:16]); err == nil {
		t.Error("Open accepted a short key")
	}
	if after := snapshotTree(t, f.Dir()); after != before {
		t.Errorf("a refused Open changed the folder")
	}
	if _, err := Open(f.Dir(), key); err != nil {
		t.Errorf("Open with the right key: %v", err)
	}
}

func TestFolder_SetKeyring(t *testing.T) {
	f, key := newTestFolder(t)
	mustAppend(t, f, "laptop", 1)
	if err := f.SetKeyring([]byte("rewrapped")); err != nil {
		t.Fatal(err)
	}
	h, err := ReadHeader(f.Dir())
	if err != nil || string(h.Keyring) != "rewrapped" || h.JournalID != "journal1" {
		t.Fatalf("after SetKeyring header = %+v, %v", h, err)
	}
	g, err := Open(f.Dir(), key)
	if err != nil {
		t.Fatalf("Open after SetKeyring: %v", err)
	}
	if segs, err := g.Read("laptop", 0); err != nil || len(segs) != 1 {
		t.Errorf("Read after SetKeyring = %v, %v", segs, err)
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, dirMode); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	mkdir(t, filepath.Dir(path))
	if err := os.WriteFile(path, []byte(text), fileMode); err != nil {
		t.Fatal(err)
	}
}

// snapshotTree describes every file under dir with its contents, to show
// that a refused call changed nothing.
func snapshotTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		b.WriteString(path)
		if !d.IsDir() {
			data, _ := os.ReadFile(path)
			b.Write(data)
		}
		b.WriteByte('\n')
		return nil
	})
	return b.String()
}

// A folder that has so far arrived with only its header opens and reads
// as empty, and opening writes nothing.
func TestOpen_HeaderOnly(t *testing.T) {
	f, key := newTestFolder(t)
	os.Remove(filepath.Join(f.Dir(), devicesDir))
	os.Remove(filepath.Join(f.Dir(), snapshotsDir))
	before := snapshotTree(t, f.Dir())
	g, err := Open(f.Dir(), key)
	if err != nil {
		t.Fatal(err)
	}
	if after := snapshotTree(t, f.Dir()); after != before {
		t.Errorf("Open wrote to the folder:\nbefore %s\nafter  %s", before, after)
	}
	devices, err := g.Devices()
	if err != nil || len(devices) != 0 {
		t.Errorf("Devices = %v, %v", devices, err)
	}
	if segs, err := g.Read("laptop", 0); err != nil || len(segs) != 0 {
		t.Errorf("Read = %v, %v", segs, err)
	}
	if _, ok, err := g.LatestSnapshot(); err != nil || ok {
		t.Errorf("LatestSnapshot = %v, %v", ok, err)
	}
	if n, err := g.Compact("laptop"); err != nil || n != 0 {
		t.Errorf("Compact = %d, %v", n, err)
	}
	mustAppend(t, g, "laptop", 1)
	if segs, err := g.Read("laptop", 0); err != nil || len(segs) != 1 {
		t.Errorf("Read after Append = %v, %v", segs, err)
	}
}
