package ui

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

func attachmentFixture(name string) string { return filepath.Join("testdata", "attachments", name) }

// savedEntry writes and saves an entry, and returns its id.
func savedEntry(t *testing.T, w *Window) int64 {
	t.Helper()
	writeEntry(w, "After the art group", "I drew the house I grew up in.")
	w.journal.onSave()
	if w.journal.editor.entryID == 0 {
		t.Fatalf("the entry wasn't saved: %s", dialogText(t, w))
	}
	return w.journal.editor.entryID
}

// choose attaches path the way the file chooser hands it over.
func choose(t *testing.T, f *attachmentsField, path string) {
	t.Helper()
	r, err := storage.Reader(storage.NewFileURI(mustAbs(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	f.chosen(r, nil)
}

func mustAbs(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func heldNames(t *testing.T, store *jstore.Store, id int64) string {
	t.Helper()
	held, err := store.Attachments(id)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range held {
		names = append(names, a.Name)
	}
	return strings.Join(names, ", ")
}

// A picture chosen in the file chooser is kept in the journal, shows as
// a thumbnail, and shows full size on a click and on Return.
func TestAttachments_ChosenPictureShowsAsThumbnail(t *testing.T) {
	w, store := newTestWindow(t)
	id := savedEntry(t, w)
	f := w.journal.editor.files
	if w.journal.editor.details.Visible() {
		w.journal.editor.toggleDetails()
	}

	choose(t, f, attachmentFixture("drawing.png"))
	if !w.journal.editor.details.Visible() {
		t.Error("the details stay closed, hiding the file just attached")
	}

	if got := heldNames(t, store, id); got != "drawing.png" {
		t.Fatalf("the entry holds %q, want drawing.png", got)
	}
	kept, _ := store.AttachmentData(id, "drawing.png")
	if want, _ := os.ReadFile(attachmentFixture("drawing.png")); !bytes.Equal(kept, want) {
		t.Error("the kept bytes differ from the file's")
	}
	th := f.thumbs["drawing.png"]
	if th == nil || th.image.Image == nil {
		t.Fatal("no thumbnail of the picture shows")
	}
	if b := th.image.Image.Bounds(); b.Dx() > 2*thumbnailSize || b.Dy() > 2*thumbnailSize || b.Dx() == 0 {
		t.Errorf("the thumbnail is %v, want it shrunk into %d pixels", b, 2*thumbnailSize)
	}
	if th.image.FillMode != canvas.ImageFillContain {
		t.Error("the thumbnail would stretch the picture")
	}
	if !strings.Contains(w.journal.status.Text, "Attached drawing.png") {
		t.Errorf("status = %q", w.journal.status.Text)
	}

	for name, open := range map[string]func(){
		"click":  func() { test.Tap(th) },
		"Return": func() { w.win.Canvas().Focus(th); th.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) },
		"Space":  func() { w.win.Canvas().Focus(th); th.KeyUp(&fyne.KeyEvent{Name: fyne.KeySpace}) },
	} {
		open()
		var full *canvas.Image
		walk(t, w.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			if i, ok := o.(*canvas.Image); ok && i.Image != nil {
				full = i
			}
		})
		if full == nil || full.Image.Bounds().Dx() != 320 || full.Image.Bounds().Dy() != 240 {
			t.Fatalf("%s: the picture doesn't show full size", name)
		}
		test.Tap(buttonIn(t, w, "Close"))
	}
}

// A new entry is saved before it holds a file, so neither the text nor
// the file waits in memory only; one that can't be saved yet says why.
func TestAttachments_NewEntryIsSavedFirst(t *testing.T) {
	w, store := newTestWindow(t)
	writeEntry(w, "Not saved yet", "A voice note from the walk home.")
	w.journal.editor.files.addPaths([]string{attachmentFixture("voice.ogg")})

	list := entries(t, store)
	if len(list) != 1 || list[0].Title != "Not saved yet" {
		t.Fatalf("entries = %+v, want the new entry saved", list)
	}
	if got := heldNames(t, store, list[0].ID); got != "voice.ogg" {
		t.Errorf("the entry holds %q", got)
	}
	if w.journal.dirty() {
		t.Error("the editor still has unsaved changes")
	}
	if open := w.journal.editor.files.opens["voice.ogg"]; open == nil {
		t.Error("the recording has no Open button")
	}

	// An empty new entry can't be saved: nothing is, and the reason shows.
	w.journal.onNew()
	w.journal.editor.files.addPaths([]string{attachmentFixture("drawing.png")})
	if got := dialogText(t, w); !strings.Contains(got, "A new entry is saved before it holds a file") {
		t.Errorf("dialog says %q", got)
	}
	if n := len(entries(t, store)); n != 1 {
		t.Errorf("%d entries, want still 1", n)
	}
}

// A file the journal refuses shows the store's message, and nothing is
// kept: the entry is as it was.
func TestAttachments_RefusalsShowTheReason(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "film.png")
	if err := os.WriteFile(big, []byte("\x89PNG\r\n\x1a\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, journal.MaxAttachmentSize+1<<20); err != nil { // sparse: takes no room
		t.Fatal(err)
	}
	png, _ := os.ReadFile(attachmentFixture("drawing.png"))
	control := filepath.Join(dir, "draw\x07ing.png")
	if err := os.WriteFile(control, png, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path, says string
	}{
		{"not a picture", attachmentFixture("not-a-picture.png"), "is named as an image, but its contents aren't one"},
		{"empty", attachmentFixture("empty.png"), "is empty (0 bytes)"},
		{"over the limit", big, "an attachment can be at most 50 MB"},
		{"control character", control, "invisible control character"},
		{"a folder", dir, "is a folder"},
		{"gone", filepath.Join(dir, "moved.png"), "Couldn't read moved.png"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, store := newTestWindow(t)
			id := savedEntry(t, w)
			before, _ := store.Entry(id)

			w.journal.editor.files.addPaths([]string{attachmentFixture("drawing.png"), tc.path})

			if got := dialogText(t, w); !strings.Contains(got, tc.says) || !strings.Contains(got, "othing was saved") {
				t.Errorf("dialog says %q, want %q", got, tc.says)
			}
			if got := heldNames(t, store, id); got != "" {
				t.Errorf("the entry holds %q, want nothing (all or none)", got)
			}
			if after, _ := store.Entry(id); after.Title != before.Title || after.Body != before.Body || !after.UpdatedAt.Equal(before.UpdatedAt) {
				t.Errorf("the entry changed: %+v", after)
			}
			if len(w.journal.editor.files.thumbs) != 0 {
				t.Error("a thumbnail shows for a file not kept")
			}
		})
	}
}

// Removing a file asks first; keeping it changes nothing.
func TestAttachments_RemoveAsksFirst(t *testing.T) {
	w, store := newTestWindow(t)
	id := savedEntry(t, w)
	f := w.journal.editor.files
	f.addPaths([]string{attachmentFixture("drawing.png"), attachmentFixture("worksheet.pdf")})
	if got := heldNames(t, store, id); got != "drawing.png, worksheet.pdf" {
		t.Fatalf("the entry holds %q", got)
	}

	test.Tap(f.removes["worksheet.pdf"])
	test.Tap(buttonIn(t, w, "Keep it"))
	if got := heldNames(t, store, id); got != "drawing.png, worksheet.pdf" {
		t.Fatalf("after Keep it, the entry holds %q", got)
	}
	test.Tap(f.removes["worksheet.pdf"])
	if got := dialogText(t, w); !strings.Contains(got, "Remove worksheet.pdf (77 bytes) from this entry?") {
		t.Errorf("the question: %q", got)
	}
	test.Tap(buttonIn(t, w, "Remove"))
	if got := heldNames(t, store, id); got != "drawing.png" {
		t.Errorf("after Remove, the entry holds %q", got)
	}
	if f.opens["worksheet.pdf"] != nil || f.thumbs["drawing.png"] == nil {
		t.Error("the files shown don't match what the entry holds")
	}
}

// A recording or PDF opens from a private copy, which is gone once the
// window has closed.
func TestAttachments_OpenCopiesArePrivateAndRemovedOnClose(t *testing.T) {
	w, _ := newTestWindow(t)
	w.copies = newTempCopies(filepath.Join(t.TempDir(), "open"))
	savedEntry(t, w)
	f := w.journal.editor.files
	var opened []*url.URL
	f.openURL = func(u *url.URL) error { opened = append(opened, u); return nil }
	f.addPaths([]string{attachmentFixture("worksheet.pdf")})

	test.Tap(f.opens["worksheet.pdf"])

	if len(opened) != 1 || opened[0].Scheme != "file" || filepath.Base(opened[0].Path) != "worksheet.pdf" {
		t.Fatalf("opened %v, want the file:// address of a copy of worksheet.pdf", opened)
	}
	path := opened[0].Path
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the copy: %v, %v; want mode 0600", info, err)
	}
	for dir := filepath.Dir(path); dir != filepath.Dir(w.copies.parent); dir = filepath.Dir(dir) {
		if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
			t.Errorf("the folder %s: %v, %v; want mode 0700", dir, info, err)
		}
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, mustRead(t, attachmentFixture("worksheet.pdf"))) {
		t.Error("the copy differs from the file attached")
	}

	w.ShowAndRun() // the test app's Run returns at once, as on quitting
	w.Quit()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the copy is still there after closing: %v", err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A crashed Throughline's copies are removed on the next start; a
// running one's are left alone.
func TestTempCopies_RemoveStale(t *testing.T) {
	parent := t.TempDir()
	crashed := filepath.Join(parent, "999999999-123")
	live := filepath.Join(parent, strconv.Itoa(os.Getppid())+"-456")
	for _, dir := range []string{crashed, live} {
		if err := os.MkdirAll(filepath.Join(dir, "7"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	newTempCopies(parent).removeStale()
	if _, err := os.Stat(crashed); !os.IsNotExist(err) {
		t.Errorf("the crashed one's copies are still there: %v", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("a running one's copies were removed: %v", err)
	}
}

// Files dropped on the window are attached as chosen ones are; an
// address from a browser is never fetched.
func TestAttachments_DroppedFiles(t *testing.T) {
	w, store := newTestWindow(t)
	id := savedEntry(t, w)
	w.journal.attachDropped([]fyne.URI{storage.NewFileURI(mustAbs(t, attachmentFixture("drawing.png")))})
	if got := heldNames(t, store, id); got != "drawing.png" {
		t.Fatalf("the entry holds %q", got)
	}
	web, _ := storage.ParseURI("https://example.com/picture.png")
	w.journal.attachDropped([]fyne.URI{web})
	if got := dialogText(t, w); !strings.Contains(got, "Only files on this computer can be attached") {
		t.Errorf("dialog says %q", got)
	}
	if got := heldNames(t, store, id); got != "drawing.png" {
		t.Errorf("the entry holds %q", got)
	}
}

// Locking removes the copies: they are the journal's files decrypted,
// and would outlast the lock.
func TestAttachments_LockingRemovesOpenCopies(t *testing.T) {
	store := encryptedJournal(t)
	w := lockedWindow(t, store)
	w.copies = newTempCopies(filepath.Join(t.TempDir(), "open"))
	unlockWith(w, uiPassphrase)
	f := w.journal.editor.files
	var opened []*url.URL
	f.openURL = func(u *url.URL) error { opened = append(opened, u); return nil }
	f.addPaths([]string{attachmentFixture("voice.ogg")})
	test.Tap(f.opens["voice.ogg"])
	if len(opened) != 1 {
		t.Fatalf("opened %v", opened)
	}
	if _, err := os.Stat(opened[0].Path); err != nil {
		t.Fatal(err)
	}

	w.lockNow()

	if !store.Locked() {
		t.Fatal("not locked")
	}
	if _, err := os.Stat(opened[0].Path); !os.IsNotExist(err) {
		t.Errorf("the decrypted copy outlasted the lock: %v", err)
	}
}

// Ctrl+Shift+A opens the file chooser on the entry; it is on the
// shortcuts sheet with the other menu shortcuts.
func TestAttachments_ShortcutOpensTheChooser(t *testing.T) {
	w, _ := newTestWindow(t)
	savedEntry(t, w)
	var attach *fyne.MenuItem
	for _, m := range w.win.MainMenu().Items {
		for _, i := range m.Items {
			if i.Label == "Attach a file…" {
				attach = i
			}
		}
	}
	if attach == nil || shortcutKeys(attach.Shortcut) != "Ctrl+Shift+A" {
		t.Fatalf("no Attach a file… item with Ctrl+Shift+A: %+v", attach)
	}
	attach.Action()
	if got := dialogText(t, w); !strings.Contains(got, "Attach a file to the entry") {
		t.Errorf("the dialog shown says %q, want the file chooser", got)
	}
}

// Files the command line attached while the window was in the
// background show when it comes back.
func TestAttachments_CatchUpShowsFilesAddedElsewhere(t *testing.T) {
	w, store := newTestWindow(t)
	id := savedEntry(t, w)
	if _, err := store.AddAttachment(id, "drawing.png", mustRead(t, attachmentFixture("drawing.png"))); err != nil {
		t.Fatal(err)
	}
	w.catchUp()
	if w.journal.editor.files.thumbs["drawing.png"] == nil {
		t.Error("the drawing attached elsewhere doesn't show")
	}
}
