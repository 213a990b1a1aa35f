package transfer

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/throughline/throughline/journal"
)

// testPNG is a real picture of w by h pixels.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x * 5), uint8(y * 7), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Files go out in the JSON export and come back byte for byte, whether
// the journals are encrypted or not.
func TestThroughline_AttachmentsRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name               string
		encryptSrc, encDst bool
	}{{"plain", false, false}, {"encrypted", true, true}, {"plain into encrypted", false, true}} {
		t.Run(tc.name, func(t *testing.T) {
			src := newThroughlineJournal(t)
			if tc.encryptSrc {
				if err := src.EnableEncryption("correct horse battery staple"); err != nil {
					t.Fatal(err)
				}
			}
			e, err := src.CreateEntry(journal.Entry{WrittenAt: exportTime, Title: "art therapy"})
			if err != nil {
				t.Fatal(err)
			}
			files := []journal.AttachmentFile{
				{Name: "painting 絵.png", Data: testPNG(t, 64, 48)},
				{Name: "voice.m4a", Data: append([]byte("\x00\x00\x00\x1cftypM4A \x00\x00\x00\x00M4A isom"), bytes.Repeat([]byte{0, 0xff, 0x80}, 1000)...)},
			}
			if _, err := src.AddAttachments(e.ID, files); err != nil {
				t.Fatal(err)
			}
			export := exportOf(t, src)
			dst := newThroughlineJournal(t)
			if tc.encDst {
				if err := dst.EnableEncryption("another good passphrase"); err != nil {
					t.Fatal(err)
				}
			}
			sum, err := ImportThroughline(dst, bytes.NewReader(export))
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.Notes) != 1 || !bytes.Contains([]byte(sum.Notes[0]), []byte("0 people, 2 attached files, 0 goals")) {
				t.Errorf("notes %q don't count the files", sum.Notes)
			}
			for _, f := range files {
				got, err := dst.AttachmentData(e.ID, f.Name)
				if err != nil || !bytes.Equal(got, f.Data) {
					t.Errorf("%s after the round trip: %d bytes, %v; want %d bytes", f.Name, len(got), err, len(f.Data))
				}
			}
			if again := exportOf(t, dst); !bytes.Equal(export, again) {
				t.Error("export → import → export changed the file")
			}
		})
	}
}

// An export whose file is damaged or not what it says is refused whole.
func TestImportThroughline_BadAttachmentsChangeNothing(t *testing.T) {
	src := newThroughlineJournal(t)
	e, err := src.CreateEntry(journal.Entry{WrittenAt: exportTime, Title: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.AddAttachment(e.ID, "drawing.png", testPNG(t, 4, 4)); err != nil {
		t.Fatal(err)
	}
	good := exportOf(t, src)
	snap, err := src.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	a := snap.Entries[0].Attachments[0]
	tampered := func(from, to string) []byte { return bytes.Replace(good, []byte(from), []byte(to), 1) }
	for _, tc := range []struct {
		name string
		data []byte
		say  string
	}{
		{"bytes changed", tampered(`"sha256": "`+a.SHA256, `"sha256": "00`+a.SHA256[2:]), "don't match their sha256"},
		{"not base64", tampered(`"data": "`, `"data": "*`), "bytes are damaged (its \"data\" isn't valid base64)"},
		{"a path for a name", tampered(`"name": "drawing.png"`, `"name": "../../drawing.png"`), "has a slash in it"},
		{"an image that isn't one", tampered(`"data": "`, `"data": "aGVsbG8gdGhlcmU=`+`", "x": "`), "doesn't know"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dst := newThroughlineJournal(t)
			before := exportOf(t, dst)
			_, err := ImportThroughline(dst, bytes.NewReader(tc.data))
			if journal.ErrorCode(err) != journal.EInvalid || !bytes.Contains([]byte(err.Error()), []byte(tc.say)) {
				t.Fatalf("import: %v, want an invalid error saying %q", err, tc.say)
			}
			if after := exportOf(t, dst); !bytes.Equal(before, after) {
				t.Error("a refused import changed the journal")
			}
		})
	}
	// The file's bytes replaced by text that is no picture.
	snap.Entries[0].Attachments[0].Data = []byte("hello there")
	snap.Entries[0].Attachments[0].SHA256 = journal.SHA256Hex([]byte("hello there"))
	dst := newThroughlineJournal(t)
	if err := dst.Restore(snap); journal.ErrorCode(err) != journal.EInvalid || !bytes.Contains([]byte(err.Error()), []byte("named as an image, but its contents aren't one")) {
		t.Fatalf("restore of a picture that isn't one: %v", err)
	}
	if n, _ := dst.CountEntries(); n != 0 {
		t.Error("a refused restore left entries behind")
	}
}
