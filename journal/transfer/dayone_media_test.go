package transfer

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

func md5Hex(data []byte) string {
	sum := md5.Sum(data)
	return hex.EncodeToString(sum[:])
}

// A Day One export zip's photos, recordings and PDFs become attachments
// of their entries, byte for byte; what can't come is said per file.
func TestReadDayOne_ZipAttachments(t *testing.T) {
	useLocalZone(t, "UTC")
	painting := testPNG(t, 12, 9)
	voice := append([]byte("\x00\x00\x00\x1cftypM4A \x00\x00\x00\x00M4A isom"), bytes.Repeat([]byte{1, 2, 3}, 100)...)
	worksheet := []byte("%PDF-1.4\n% a worksheet\n%%EOF\n")
	onlyPhoto := testPNG(t, 5, 5)
	notAPhoto := []byte("this is not a photo at all")
	json := `{"metadata": {"version": "1.0"}, "entries": [
	{"uuid": "E1", "creationDate": "2024-03-01T09:00:00Z", "text": "# After art therapy\n\n![](dayone-moment://P1)\n\nThe painting, the song, the worksheet.",
	 "photos": [{"identifier": "P1", "md5": "` + md5Hex(painting) + `", "type": "png", "filename": "painting.png"}],
	 "audios": [{"identifier": "A1", "md5": "` + md5Hex(voice) + `", "format": "m4a"}],
	 "pdfAttachments": [{"identifier": "D1", "md5": "` + md5Hex(worksheet) + `", "type": "pdf"}]},
	{"uuid": "E2", "creationDate": "2024-03-02T09:00:00Z", "text": "![](dayone-moment://P2)",
	 "photos": [{"identifier": "P2", "md5": "` + strings.ToUpper(md5Hex(onlyPhoto)) + `", "type": "png"}]},
	{"uuid": "E3", "creationDate": "2024-03-03T09:00:00Z", "text": "שלום, 今日は 🎨",
	 "photos": [{"md5": "0123456789abcdef0123456789abcdef", "type": "jpeg"}, {"md5": "` + md5Hex(notAPhoto) + `", "type": "jpeg"}, {"md5": "` + md5Hex(painting) + `", "type": "png", "filename": "绘画 🎨.png"}],
	 "videos": [{"md5": "fedcba9876543210fedcba9876543210", "type": "mov"}]}
]}`
	data := zipOf(t,
		[2]string{"Journal.json", json},
		[2]string{"photos/" + md5Hex(painting) + ".png", string(painting)},
		[2]string{"audios/" + md5Hex(voice) + ".m4a", string(voice)},
		[2]string{"pdfs/" + md5Hex(worksheet) + ".pdf", string(worksheet)},
		[2]string{"photos/" + md5Hex(onlyPhoto) + ".png", string(onlyPhoto)},
		[2]string{"photos/" + md5Hex(notAPhoto) + ".jpeg", string(notAPhoto)},
		[2]string{"photos/ffffffffffffffffffffffffffffffff.png", string(onlyPhoto)},
	)
	p := filepath.Join(t.TempDir(), "Day One export.zip")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t)
	sum, err := Import(s, p, "")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 3 || len(sum.Rejected) != 0 {
		t.Fatalf("summary %+v, want 3 entries added", sum)
	}
	wantNotes := []string{
		"Left behind entry 3's photo 1: the zip doesn't hold it (no file named 0123456789abcdef0123456789abcdef.jpeg).",
		"Left behind entry 3's photo 2: photo 2.jpeg is named as an image, but its contents aren't one (the file may be damaged, or named wrongly).",
		"Left behind 1 video: Throughline keeps photos, audio and PDFs, not videos.",
		"Left behind 1 file besides the journals that no entry lists.",
	}
	if strings.Join(sum.Notes, "\n") != strings.Join(wantNotes, "\n") {
		t.Errorf("notes\n%s\nwant\n%s", strings.Join(sum.Notes, "\n"), strings.Join(wantNotes, "\n"))
	}
	entries, err := s.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	bySource := map[string]journal.Entry{}
	for _, e := range entries {
		bySource[e.SourceID] = e
	}
	if bySource["E2"].Title != "Photo" {
		t.Errorf("an entry of only a photo is titled %q, want \"Photo\"", bySource["E2"].Title)
	}
	for _, tc := range []struct {
		entry, name string
		data        []byte
	}{
		{"E1", "painting.png", painting}, {"E1", "audio recording 1.m4a", voice}, {"E1", "PDF 1.pdf", worksheet},
		{"E2", "photo 1.png", onlyPhoto}, {"E3", "绘画 🎨.png", painting},
	} {
		got, err := s.AttachmentData(bySource[tc.entry].ID, tc.name)
		if err != nil || !bytes.Equal(got, tc.data) {
			t.Errorf("%s's %s: %d bytes, %v; want %d bytes", tc.entry, tc.name, len(got), err, len(tc.data))
		}
	}
	if files, _ := s.Attachments(bySource["E3"].ID); len(files) != 1 {
		t.Errorf("entry 3 holds %+v, want only the painting", files)
	}
	// Imported again: nothing new, and no file twice.
	again, err := Import(s, p, "")
	if err != nil || again.Added != 0 || again.Skipped != 3 {
		t.Fatalf("second import: %+v, %v", again, err)
	}
	if files, _ := s.Attachments(bySource["E1"].ID); len(files) != 3 {
		t.Errorf("after importing twice, entry 1 holds %d files", len(files))
	}
}
