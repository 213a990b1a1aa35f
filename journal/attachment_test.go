package journal

import (
	"strings"
	"testing"
)

func TestNewAttachment_KindFromContents(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		data       string
		kind       AttachmentKind
		media      string
	}{
		{"png", "drawing.png", "\x89PNG\r\n\x1a\nrest", AttachmentImage, "image/png"},
		{"jpeg named jpg", "photo.JPG", "\xff\xd8\xff\xe0rest", AttachmentImage, "image/jpeg"},
		{"gif", "a.gif", "GIF89a....", AttachmentImage, "image/gif"},
		{"webp", "a.webp", "RIFF\x00\x00\x00\x00WEBPVP8 ", AttachmentImage, "image/webp"},
		{"heic", "IMG_1.heic", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", AttachmentImage, "image/heic"},
		{"m4a", "voice.m4a", "\x00\x00\x00\x1cftypM4A \x00\x00\x00\x00M4A isom", AttachmentAudio, "audio/mp4"},
		{"mp3 with tag", "song.mp3", "ID3\x04\x00rest", AttachmentAudio, "audio/mpeg"},
		{"wav", "note.wav", "RIFF\x00\x00\x00\x00WAVEfmt ", AttachmentAudio, "audio/wav"},
		{"ogg", "note.ogg", "OggS\x00rest", AttachmentAudio, "audio/ogg"},
		{"flac", "note.flac", "fLaCrest", AttachmentAudio, "audio/flac"},
		{"pdf", "worksheet.pdf", "%PDF-1.7\n", AttachmentPDF, "application/pdf"},
		{"no extension", "scan", "%PDF-1.4\n", AttachmentPDF, "application/pdf"},
		{"RTL and CJK name", "رسم 絵.png", "\x89PNG\r\n\x1a\n", AttachmentImage, "image/png"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := NewAttachment(7, tc.file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if a.Kind != tc.kind || a.MediaType != tc.media || a.EntryID != 7 || a.Name != tc.file || a.Size != int64(len(tc.data)) || len(a.SHA256) != 64 {
				t.Errorf("got %+v, want kind %s, %s", a, tc.kind, tc.media)
			}
		})
	}
}

func TestNewAttachment_Refuses(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n"
	for _, tc := range []struct {
		name, file, data, say string
	}{
		{"image that isn't one", "photo.png", "hello", "named as an image, but its contents aren't one"},
		{"image that is a pdf", "photo.jpg", "%PDF-1.4", "its contents are a PDF"},
		{"empty", "a.png", "", "empty (0 bytes)"},
		{"unknown contents", "a.txt", "hello", "isn't a file Throughline can keep"},
		{"slash", "dir/a.png", png, "slash"},
		{"backslash", `C:\a.png`, png, "slash"},
		{"dot dot", "..", png, "can't name"},
		{"newline", "a\nb.png", png, "control character"},
		{"only spaces", "  ", png, "needs a name"},
		{"too long", strings.Repeat("a", 300) + ".png", png, "too long"},
		{"not utf-8", "a\xff.png", png, "isn't readable text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewAttachment(1, tc.file, []byte(tc.data))
			if ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), tc.say) {
				t.Errorf("got %v, want an invalid-input error saying %q", err, tc.say)
			}
		})
	}
	big := make([]byte, MaxAttachmentSize+1)
	copy(big, png)
	if _, err := NewAttachment(1, "big.png", big); ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), "50 MB") {
		t.Errorf("over the limit: %v", err)
	}
}
