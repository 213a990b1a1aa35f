package journal

import "bytes"

// sniffMedia reads what a file is from its first bytes, never its name:
// the kind and the media type, or "" when it is none Throughline keeps.
func sniffMedia(data []byte) (AttachmentKind, string) {
	has := func(at int, sig string) bool {
		return len(data) >= at+len(sig) && string(data[at:at+len(sig)]) == sig
	}
	switch {
	case has(0, "\x89PNG\r\n\x1a\n"):
		return AttachmentImage, "image/png"
	case has(0, "\xff\xd8\xff"):
		return AttachmentImage, "image/jpeg"
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return AttachmentImage, "image/gif"
	case has(0, "RIFF") && has(8, "WEBP"):
		return AttachmentImage, "image/webp"
	case has(0, "BM") && len(data) > 26:
		return AttachmentImage, "image/bmp"
	case has(0, "%PDF-"):
		return AttachmentPDF, "application/pdf"
	case has(0, "RIFF") && has(8, "WAVE"):
		return AttachmentAudio, "audio/wav"
	case has(0, "FORM") && (has(8, "AIFF") || has(8, "AIFC")):
		return AttachmentAudio, "audio/aiff"
	case has(0, "OggS"):
		return AttachmentAudio, "audio/ogg"
	case has(0, "fLaC"):
		return AttachmentAudio, "audio/flac"
	case has(0, "ID3"), len(data) > 2 && data[0] == 0xff && data[1]&0xe0 == 0xe0 && data[1]&0x06 != 0:
		// An ID3 tag, or an MPEG audio frame's sync bits with a layer set.
		return AttachmentAudio, "audio/mpeg"
	case has(4, "ftyp"):
		return sniffISO(data)
	}
	return "", ""
}

// sniffISO tells HEIC photos from M4A recordings: both are ISO media
// files, told apart by their brands.
func sniffISO(data []byte) (AttachmentKind, string) {
	brands := data[8:min(len(data), 64)]
	for _, b := range []string{"heic", "heix", "heim", "heis", "mif1", "msf1", "avif"} {
		if bytes.Contains(brands, []byte(b)) {
			if b == "avif" {
				return AttachmentImage, "image/avif"
			}
			return AttachmentImage, "image/heic"
		}
	}
	for _, b := range []string{"M4A ", "M4B ", "mp42", "isom", "mp41", "dash"} {
		if bytes.Contains(brands, []byte(b)) {
			return AttachmentAudio, "audio/mp4"
		}
	}
	return "", ""
}
