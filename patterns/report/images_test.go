package report

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// drawing is a real PNG of w by h pixels.
func drawing(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 200, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Pictures attached to flagged entries print in the HTML and PDF
// reports, scaled down; other files, and other entries' pictures, don't.
func TestReport_ImagesOfFlaggedEntries(t *testing.T) {
	f := newFixture(t)
	heic := []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
	if _, err := f.store.AddAttachments(f.talking, []journal.AttachmentFile{
		{Name: "painting.png", Data: drawing(t, 2400, 1600)},
		{Name: "phone photo.heic", Data: heic},
		{Name: "worksheet.pdf", Data: []byte("%PDF-1.4\n")},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.AddAttachment(f.friends, "unflagged.png", drawing(t, 7, 7)); err != nil {
		t.Fatal(err)
	}
	r := f.build(t, Options{})
	var talking Entry
	for _, e := range r.Flagged {
		if e.ID == f.talking {
			talking = e
		} else if len(e.Images) > 0 || e.ImagesNote != "" {
			t.Errorf("entry %q has pictures it doesn't hold: %d, %q", e.Title, len(e.Images), e.ImagesNote)
		}
	}
	if len(talking.Images) != 1 || talking.Images[0].Width != maxImageSide || talking.Images[0].Height != 800 || talking.Images[0].Format != "png" {
		t.Fatalf("the flagged entry's pictures: %+v", talking.Images)
	}
	if !strings.Contains(talking.ImagesNote, "1 attached picture not shown") {
		t.Errorf("the HEIC photo isn't mentioned: %q", talking.ImagesNote)
	}
	html := r.HTML()
	if n := strings.Count(html, `<img class="attached" src="data:image/png;base64,`); n != 1 {
		t.Errorf("the HTML has %d inline pictures, want 1", n)
	}
	if !strings.Contains(html, `width="1200" height="800"`) || !strings.Contains(html, "1 attached picture not shown") {
		t.Error("the HTML doesn't give the picture's size or say what isn't shown")
	}
	var pdf bytes.Buffer
	if err := r.PDF(&pdf); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(pdf.Bytes(), []byte("/Subtype /Image")); n != 1 {
		t.Errorf("the PDF holds %d pictures, want 1", n)
	}
	if !bytes.Contains(pdf.Bytes(), []byte("/Width 1200")) {
		t.Error("the PDF's picture isn't the scaled one")
	}
}

// A redacted report can't hide a face or a name in a picture, so it
// leaves pictures out and says so.
func TestReport_RedactedLeavesPicturesOut(t *testing.T) {
	f := newFixture(t)
	if _, err := f.store.AddAttachment(f.talking, "Sam at the party.png", drawing(t, 20, 10)); err != nil {
		t.Fatal(err)
	}
	r := f.build(t, Options{RedactPeople: true})
	for _, e := range r.Flagged {
		if len(e.Images) > 0 {
			t.Fatalf("a redacted report prints %d pictures of %q", len(e.Images), e.Title)
		}
	}
	html := r.HTML()
	if strings.Contains(html, "<img") || !strings.Contains(html, "1 attached picture left out: a redacted report can&#39;t hide names or faces") {
		t.Error("the redacted HTML shows the picture, or doesn't say it was left out")
	}
	if strings.Contains(html, "party") {
		t.Error("the picture's name is in the report")
	}
}
