package journal

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AttachmentKind says what an attachment holds, and so how it is shown:
// images as pictures, audio and PDFs in the system's player or viewer.
type AttachmentKind string

const (
	AttachmentImage AttachmentKind = "image"
	AttachmentAudio AttachmentKind = "audio"
	AttachmentPDF   AttachmentKind = "pdf"
)

// MaxAttachmentSize is the largest file an entry can hold. The journal is
// one file that is backed up whole, so a few films would make every
// backup slow; a photo, a scan or a long voice note fits easily.
const MaxAttachmentSize = 50 << 20

// maxAttachmentName is in bytes, as most file systems count it.
const maxAttachmentName = 255

// Attachment is a file an entry holds: a drawing, a photo, a piece of
// music, a worksheet. Its bytes are read separately, as they can be large.
type Attachment struct {
	ID        int64 // the stored file's; entries holding the same bytes share it
	EntryID   int64
	Name      string
	Size      int64
	SHA256    string // hex, of the file's bytes
	Kind      AttachmentKind
	MediaType string // e.g. "image/png"
}

// SHA256Hex is the hash attachments are known by.
func SHA256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// CheckAttachmentName says why name can't name an attachment, or nil.
// Names become file names when the entry is exported or opened, so a
// name may not reach into another folder or hide characters.
func CheckAttachmentName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return Errorf(EInvalid, "An attachment needs a name. Give the file a name and try again; nothing was saved.")
	case !utf8.ValidString(name):
		return Errorf(EInvalid, "The attachment's name isn't readable text. Rename the file and try again; nothing was saved.")
	case len(name) > maxAttachmentName:
		return Errorf(EInvalid, "The name %q is too long for an attachment (at most %d bytes). Rename the file and try again; nothing was saved.", name, maxAttachmentName)
	case strings.ContainsAny(name, `/\`):
		return Errorf(EInvalid, "The name %q has a slash in it. Give it a plain file name, such as %q, and try again; nothing was saved.", name, lastPart(name))
	case name == "." || name == "..":
		return Errorf(EInvalid, "%q can't name an attachment. Give it a plain file name and try again; nothing was saved.", name)
	}
	for _, r := range name {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return Errorf(EInvalid, "The name %q has an invisible control character in it. Rename the file and try again; nothing was saved.", name)
		}
	}
	return nil
}

func lastPart(name string) string {
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '/' || r == '\\' })
	if len(parts) == 0 {
		return "drawing.png"
	}
	return parts[len(parts)-1]
}

// NewAttachment checks a file before it is added to an entry and
// describes it: its kind comes from its contents, and a name that
// promises another kind (a ".png" that is no picture) is refused, so
// what is kept is what the person thinks they kept.
func NewAttachment(entryID int64, name string, data []byte) (Attachment, error) {
	if err := CheckAttachmentName(name); err != nil {
		return Attachment{}, err
	}
	if err := CheckAttachmentSize(name, int64(len(data))); err != nil {
		return Attachment{}, err
	}
	kind, media := sniffMedia(data)
	claimed, known := kindByExtension[strings.ToLower(path.Ext(name))]
	switch {
	case kind == "" && known:
		return Attachment{}, Errorf(EInvalid, "%s is named as %s, but its contents aren't one (the file may be damaged, or named wrongly). Nothing was saved.", name, claimed.Article())
	case kind == "":
		return Attachment{}, Errorf(EInvalid, "%s isn't a file Throughline can keep: an entry holds images (PNG, JPEG, GIF, WebP, HEIC), audio (MP3, M4A, WAV, Ogg, FLAC) and PDFs. Nothing was saved.", name)
	case known && claimed != kind:
		return Attachment{}, Errorf(EInvalid, "%s is named as %s, but its contents are %s. Rename it to match what it holds and try again; nothing was saved.", name, claimed.Article(), kind.Article())
	}
	return Attachment{EntryID: entryID, Name: name, Size: int64(len(data)), SHA256: SHA256Hex(data), Kind: kind, MediaType: media}, nil
}

// CheckAttachmentSize says why a file of size bytes can't be attached, or
// nil. It is apart from NewAttachment so a file can be refused by its size
// on disk before it is read: a film chosen by mistake is never loaded.
func CheckAttachmentSize(name string, size int64) error {
	if size == 0 {
		return Errorf(EInvalid, "%s is empty (0 bytes), so there is nothing to keep. Check the file was saved, and try again; nothing was saved.", name)
	}
	if size > MaxAttachmentSize {
		return Errorf(EInvalid, "%s is %s; an attachment can be at most %s. Make it smaller (a lower resolution photo, a shorter recording) and try again; nothing was saved.",
			name, ByteSize(size), ByteSize(MaxAttachmentSize))
	}
	return nil
}

// Article is the kind as a person says it after "is": "an image".
func (k AttachmentKind) Article() string {
	switch k {
	case AttachmentImage:
		return "an image"
	case AttachmentAudio:
		return "a recording"
	default:
		return "a PDF"
	}
}

// kindByExtension is what a file's name promises.
var kindByExtension = map[string]AttachmentKind{
	".png": AttachmentImage, ".jpg": AttachmentImage, ".jpeg": AttachmentImage, ".gif": AttachmentImage,
	".webp": AttachmentImage, ".heic": AttachmentImage, ".heif": AttachmentImage, ".bmp": AttachmentImage,
	".mp3": AttachmentAudio, ".m4a": AttachmentAudio, ".aac": AttachmentAudio, ".wav": AttachmentAudio,
	".ogg": AttachmentAudio, ".oga": AttachmentAudio, ".opus": AttachmentAudio, ".flac": AttachmentAudio,
	".aif": AttachmentAudio, ".aiff": AttachmentAudio,
	".pdf": AttachmentPDF,
}

// AttachmentFile is a file on its way into an entry.
type AttachmentFile struct {
	Name string
	Data []byte
}
