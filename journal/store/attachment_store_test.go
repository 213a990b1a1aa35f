package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// pngBytes is enough of a PNG for the kind to be read from it, with text
// after the signature to tell files apart and to look for on disk.
func pngBytes(text string) []byte { return []byte("\x89PNG\r\n\x1a\n" + text) }

func mustEntry(t *testing.T, s *Store, title string) journal.Entry {
	t.Helper()
	e, err := s.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: title})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestAttachments_AddListReadDelete(t *testing.T) {
	s := mustOpen(t)
	e := mustEntry(t, s, "with a drawing")
	data := pngBytes("a drawing")
	a, err := s.AddAttachment(e.ID, "drawing.png", data)
	if err != nil {
		t.Fatal(err)
	}
	want := journal.Attachment{ID: a.ID, EntryID: e.ID, Name: "drawing.png", Size: int64(len(data)), SHA256: journal.SHA256Hex(data),
		Kind: journal.AttachmentImage, MediaType: "image/png"}
	if a != want || a.ID == 0 {
		t.Fatalf("added %+v, want %+v", a, want)
	}
	list, err := s.Attachments(e.ID)
	if err != nil || len(list) != 1 || list[0] != want {
		t.Fatalf("listed %+v, %v", list, err)
	}
	got, err := s.AttachmentData(e.ID, "DRAWING.png") // names are matched ignoring case
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read %q, %v", got, err)
	}
	// The same file under the same name again changes nothing.
	if again, err := s.AddAttachment(e.ID, "drawing.png", data); err != nil || again != want {
		t.Fatalf("added again: %+v, %v", again, err)
	}
	if list, _ := s.Attachments(e.ID); len(list) != 1 {
		t.Fatalf("after adding again, %d attachments", len(list))
	}
	if err := s.DeleteAttachment(e.ID, "drawing.png"); err != nil {
		t.Fatal(err)
	}
	if list, err := s.Attachments(e.ID); err != nil || len(list) != 0 {
		t.Fatalf("after detaching: %+v, %v", list, err)
	}
	if countRows(t, s, "attachments") != 0 {
		t.Error("the file's bytes outlived its only link")
	}
	if err := s.DeleteAttachment(e.ID, "drawing.png"); journal.ErrorCode(err) != journal.ENotFound {
		t.Errorf("detaching it twice: %v", err)
	}
	if _, err := s.Attachments(e.ID + 100); journal.ErrorCode(err) != journal.ENotFound {
		t.Errorf("attachments of no entry: %v", err)
	}
}

func countRows(t *testing.T, s *Store, table string) int64 {
	t.Helper()
	var n int64
	if err := s.db.Raw("SELECT count(*) FROM " + table).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// One photo in two entries is stored once, and outlives the first
// entry's letting go of it.
func TestAttachments_SameBytesStoredOnce(t *testing.T) {
	s := mustOpen(t)
	first, second := mustEntry(t, s, "first"), mustEntry(t, s, "second")
	data := pngBytes("shared")
	a, err := s.AddAttachment(first.ID, "painting.png", data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddAttachment(second.ID, "the same painting.png", data)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != b.ID || countRows(t, s, "attachments") != 1 {
		t.Fatalf("stored twice: ids %d and %d, %d rows", a.ID, b.ID, countRows(t, s, "attachments"))
	}
	if err := s.DeleteEntry(first.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.AttachmentData(second.ID, "the same painting.png"); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("the other entry's copy after deleting the first: %q, %v", got, err)
	}
	if err := s.DeleteEntry(second.ID); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "attachments"); n != 0 {
		t.Errorf("%d files left after deleting every entry that held them", n)
	}
}

// Bad files are refused with a message for a person, and nothing of the
// batch they came in is saved.
func TestAttachments_BadInputChangesNothing(t *testing.T) {
	s := mustOpen(t)
	e := mustEntry(t, s, "entry")
	if _, err := s.AddAttachment(e.ID, "kept.png", pngBytes("kept")); err != nil {
		t.Fatal(err)
	}
	good := journal.AttachmentFile{Name: "fine.png", Data: pngBytes("fine")}
	for _, tc := range []struct {
		name string
		file journal.AttachmentFile
		say  string
	}{
		{"not an image", journal.AttachmentFile{Name: "photo.jpg", Data: []byte("just some text")}, "named as an image"},
		{"empty", journal.AttachmentFile{Name: "empty.png", Data: nil}, "empty (0 bytes)"},
		{"too big", journal.AttachmentFile{Name: "huge.png", Data: pngBytes(strings.Repeat("x", journal.MaxAttachmentSize))}, "at most 50 MB"},
		{"path", journal.AttachmentFile{Name: "../etc/passwd.png", Data: pngBytes("p")}, "slash"},
		{"control", journal.AttachmentFile{Name: "a\x07b.png", Data: pngBytes("c")}, "control character"},
		{"unknown", journal.AttachmentFile{Name: "notes.docx", Data: []byte("PK\x03\x04")}, "images"},
		{"same name, other file", journal.AttachmentFile{Name: "KEPT.png", Data: pngBytes("other")}, "already holds a different file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.AddAttachments(e.ID, []journal.AttachmentFile{good, tc.file})
			if journal.ErrorCode(err) != journal.EInvalid || !strings.Contains(err.Error(), tc.say) || !strings.Contains(strings.ToLower(err.Error()), "nothing was saved") {
				t.Fatalf("got %v, want an invalid-input error saying %q and that nothing was saved", err, tc.say)
			}
			list, err := s.Attachments(e.ID)
			if err != nil || len(list) != 1 || list[0].Name != "kept.png" || countRows(t, s, "attachments") != 1 {
				t.Fatalf("the journal changed: %+v, %v", list, err)
			}
		})
	}
	if _, err := s.AddAttachment(e.ID+100, "fine.png", pngBytes("fine")); journal.ErrorCode(err) != journal.ENotFound {
		t.Errorf("attaching to no entry: %v", err)
	}
}

// Detaching a file and deleting an entry remove the file's bytes from the
// journal's files for good, not just from view.
func TestAttachments_DeletedBytesLeaveNoTrace(t *testing.T) {
	for _, remove := range []struct {
		name string
		do   func(s *Store, id int64) error
	}{
		{"detached", func(s *Store, id int64) error { return s.DeleteAttachment(id, "voice.png") }},
		{"entry deleted", func(s *Store, id int64) error { return s.DeleteEntry(id) }},
	} {
		t.Run(remove.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			s := mustOpenAt(t, path)
			secret := newCanary(t)
			e := mustEntry(t, s, "entry")
			if _, err := s.AddAttachment(e.ID, "voice.png", pngBytes(strings.Repeat(secret, 2000))); err != nil {
				t.Fatal(err)
			}
			s.checkpoint()
			if data, _ := os.ReadFile(path); !bytes.Contains(data, []byte(secret)) {
				t.Fatal("the file isn't in the journal, so the test can't see it go")
			}
			if err := remove.do(s, e.ID); err != nil {
				t.Fatal(err)
			}
			assertGoneFromDisk(t, path, secret, remove.name)
		})
	}
}

// With encryption on, a file's bytes are sealed like every other field,
// and come back whole after a lock and an unlock.
func TestAttachments_EncryptedRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	s := mustOpenAt(t, path)
	if err := s.EnableEncryption(testPassphrase); err != nil {
		t.Fatal(err)
	}
	e := mustEntry(t, s, "entry")
	data := pngBytes(strings.Repeat(canary, 100))
	if _, err := s.AddAttachment(e.ID, "sealed.png", data); err != nil {
		t.Fatal(err)
	}
	s.Lock()
	if _, err := s.AttachmentData(e.ID, "sealed.png"); journal.ErrorCode(err) != journal.ELocked {
		t.Errorf("reading while locked: %v", err)
	}
	if _, err := s.AddAttachment(e.ID, "more.png", pngBytes("more")); journal.ErrorCode(err) != journal.ELocked {
		t.Errorf("adding while locked: %v", err)
	}
	if err := s.Unlock(testPassphrase); err != nil {
		t.Fatal(err)
	}
	if got, err := s.AttachmentData(e.ID, "sealed.png"); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("after unlocking: %d bytes, %v", len(got), err)
	}
	var key string
	s.db.Raw("SELECT content_key FROM attachments").Scan(&key)
	if strings.Contains(key, journal.SHA256Hex(data)) {
		t.Error("the file's plain hash is on disk, which would tell anyone with a copy of the file that it is here")
	}
	// Dedup still works with keyed hashes.
	other := mustEntry(t, s, "other")
	if _, err := s.AddAttachment(other.ID, "again.png", data); err != nil || countRows(t, s, "attachments") != 1 {
		t.Fatalf("second copy: %v, %d rows", err, countRows(t, s, "attachments"))
	}
	if err := s.DisableEncryption(testPassphrase); err != nil {
		t.Fatal(err)
	}
	if got, err := s.AttachmentData(other.ID, "again.png"); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("after turning encryption off: %d bytes, %v", len(got), err)
	}
	if _, err := s.AddAttachment(mustEntry(t, s, "third").ID, "third.png", data); err != nil || countRows(t, s, "attachments") != 1 {
		t.Fatalf("dedup after turning encryption off: %v, %d rows", err, countRows(t, s, "attachments"))
	}
}

// Bytes changed on disk are found when the file is read, not handed on.
func TestAttachments_DamagedBytesAreSaid(t *testing.T) {
	s := mustOpen(t)
	e := mustEntry(t, s, "entry")
	if _, err := s.AddAttachment(e.ID, "a.png", pngBytes("original")); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Exec("UPDATE attachments SET data = ?", pngBytes("changed!")).Error; err != nil {
		t.Fatal(err)
	}
	_, err := s.AttachmentData(e.ID, "a.png")
	var je *journal.Error
	if !errors.As(err, &je) || je.Code != journal.EDamaged {
		t.Fatalf("got %v, want a damaged error", err)
	}
}

// A journal from before attachments takes them after upgrading.
func TestMigrations_AttachmentsAfterUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	old := openWith(t, path, migrations[:len(migrations)-1])
	if err := old.db.Exec(`INSERT INTO entries (id, written_at, written_offset, written_zone, created_at, updated_at, kind) VALUES (1, 0, 0, 'UTC', 0, 0, 'reflection')`).Error; err != nil {
		t.Fatal(err)
	}
	old.Close()
	s := mustOpenAt(t, path)
	if _, err := s.AddAttachment(1, "a.png", pngBytes("after")); err != nil {
		t.Fatal(err)
	}
	if list, err := s.Attachments(1); err != nil || len(list) != 1 {
		t.Fatalf("%+v, %v", list, err)
	}
}

// With encryption on, neither a file's bytes nor their plain hash are
// anywhere in the journal's files, whether the file was added before
// encryption was turned on or after.
func TestAttachments_EncryptedNeverPlainOnDisk(t *testing.T) {
	for _, before := range []bool{true, false} {
		t.Run(map[bool]string{true: "added, then encrypted", false: "encrypted, then added"}[before], func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			s := mustOpenAt(t, path)
			secret := newCanary(t)
			data := pngBytes(strings.Repeat(secret, 500))
			e := mustEntry(t, s, "entry")
			add := func() {
				if _, err := s.AddAttachment(e.ID, "secret.png", data); err != nil {
					t.Fatal(err)
				}
			}
			if before {
				add()
				s.checkpoint()
				if raw, _ := os.ReadFile(path); !bytes.Contains(raw, []byte(secret)) {
					t.Fatal("the plain file isn't in the journal, so the test couldn't see it stay")
				}
			}
			if err := s.EnableEncryption(testPassphrase); err != nil {
				t.Fatal(err)
			}
			if !before {
				add()
			}
			s.Close()
			assertGoneFromDisk(t, path, secret, "encrypted")
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(raw, []byte(journal.SHA256Hex(data))) {
				t.Error("the file's plain sha256 is on disk")
			}
			again := mustUnlocked(t, path)
			if got, err := again.AttachmentData(e.ID, "secret.png"); err != nil || !bytes.Equal(got, data) {
				t.Fatalf("after reopening: %d bytes, %v", len(got), err)
			}
		})
	}
}
