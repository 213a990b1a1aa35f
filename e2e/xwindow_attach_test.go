package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	jstore "github.com/throughline/throughline/journal/store"
)

// Attaching a picture from the window, as a person would: Ctrl+Shift+A
// opens the file chooser in the home folder, a click picks the drawing,
// Attach keeps it, and its thumbnail shows in the entry; then a PDF, which
// shows as a row. The journal then holds the files byte for byte.
func TestWindow_AttachAPicture(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	if out, err := exec.Command(builtBinary(t), "--db", db, "add", "--title", "After the art group",
		"--body", "I drew the house I grew up in: the blue door, the red shed, the green hill.").CombinedOutput(); err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	drawing, err := os.ReadFile(filepath.Join("..", "ui", "testdata", "attachments", "drawing.png"))
	if err != nil {
		t.Fatal(err)
	}
	worksheet, err := os.ReadFile(filepath.Join("..", "ui", "testdata", "attachments", "worksheet.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"drawing.png": drawing, "worksheet.pdf": worksheet} {
		if err := os.WriteFile(filepath.Join(x.home, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}

	x.launch(db)
	x.key("ctrl+shift+a")
	time.Sleep(time.Second)
	x.screenshot("attach-chooser")
	x.click(chooserFirst.x, chooserFirst.y) // drawing.png, the first file in the home folder
	x.screenshot("attach-chosen")
	x.click(chooserAttach.x, chooserAttach.y)
	time.Sleep(time.Second)
	x.screenshot("attach-thumbnail")
	// The worksheet too: the chooser opens where it was last.
	x.key("ctrl+shift+a")
	time.Sleep(time.Second)
	x.click(chooserSecond.x, chooserSecond.y)
	x.click(chooserAttach.x, chooserAttach.y)
	time.Sleep(time.Second)
	x.screenshot("attach-both")
	x.click(thumbnailAt.x, thumbnailAt.y)
	time.Sleep(time.Second)
	x.screenshot("attach-full-size")
	x.key("Escape")
	x.key("ctrl+q")
	x.waitExit()

	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	held, err := store.Attachments(1)
	if err != nil || len(held) != 2 || held[0].Name != "drawing.png" || held[1].Name != "worksheet.pdf" {
		t.Fatalf("the entry holds %+v (%v), want drawing.png and worksheet.pdf", held, err)
	}
	if kept, err := store.AttachmentData(1, "drawing.png"); err != nil || !bytes.Equal(kept, drawing) {
		t.Errorf("the kept drawing differs from the file (%v)", err)
	}
	if copies, _ := filepath.Glob(filepath.Join(x.home, ".cache", "throughline", "open", "*")); len(copies) != 0 {
		t.Errorf("copies of opened files outlived the window: %s", strings.Join(copies, ", "))
	}
}

// Where the file chooser shows the first two files and its Attach
// button, in a 1100×720 window on a 1280×800 screen.
var (
	chooserFirst  = struct{ x, y int }{334, 180}
	chooserSecond = struct{ x, y int }{418, 180}
	chooserAttach = struct{ x, y int }{1023, 657}
	thumbnailAt   = struct{ x, y int }{530, 494} // in the entry, once attached
)
