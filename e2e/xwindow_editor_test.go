package e2e

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The text area takes most of the editor in a real window at the
// default size: its box, found in a screenshot by its colour, is at
// least two thirds of the height the menu, tabs and status bar leave.
func TestWindow_EditorTextTakesTheRoom(t *testing.T) {
	const width, height = 1100, 720
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	x.launchNew(db)
	x.run("windowmove", x.window, "0", "0", "windowsize", x.window, "1100", "720")
	x.key("ctrl+n")
	x.typeText("Saturday morning")
	x.key("Tab")
	x.typeText("Coffee with my sister.")
	time.Sleep(500 * time.Millisecond)
	img := decodePNG(t, x.screenshot("editor-text-share"))

	// The text's box is the widest run of one colour across the middle
	// of the editor (right of the list), other than the background.
	bg := img.At(width-3, height/2)
	y := height / 2
	var boxColour [3]uint32
	left, right := 0, 0
	for x0 := width / 3; x0 < width; {
		c := rgb(img.At(x0, y))
		x1 := x0
		for x1 < width && rgb(img.At(x1, y)) == c {
			x1++
		}
		if c != rgb(bg) && x1-x0 > right-left {
			boxColour, left, right = c, x0, x1
		}
		x0 = x1
	}
	if right-left < 200 {
		t.Fatalf("no text box across the editor at y %d (widest run %d px)", y, right-left)
	}
	// Down its right side, clear of the words, the box runs unbroken.
	col := right - 12
	top, bottom := y, y
	for top > 0 && rgb(img.At(col, top-1)) == boxColour {
		top--
	}
	for bottom < height-1 && rgb(img.At(col, bottom+1)) == boxColour {
		bottom++
	}
	// The menu bar, the tabs and the status line take about 110 px.
	editor := height - 110
	if got := bottom - top + 1; 3*got < 2*editor {
		t.Errorf("the text box is %d px tall (y %d–%d), under two thirds of the editor's %d px", got, top, bottom, editor)
	}
	x.key("ctrl+q")
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func rgb(c interface{ RGBA() (r, g, b, a uint32) }) [3]uint32 {
	r, g, b, _ := c.RGBA()
	return [3]uint32{r >> 8, g >> 8, b >> 8}
}
