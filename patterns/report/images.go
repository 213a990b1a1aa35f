package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"image"
	"image/draw"
	_ "image/gif" // decoders for the pictures a report can print
	"image/jpeg"
	"image/png"

	xdraw "golang.org/x/image/draw"

	"github.com/throughline/throughline/journal"
)

// Image is a picture attached to a flagged entry, scaled down and
// encoded afresh so the report stays small and every viewer and PDF
// reader can show it.
type Image struct {
	Data          []byte // JPEG or PNG
	Format        string // "jpeg" or "png"
	Width, Height int    // pixels
}

// maxImageSide is the longest side, in pixels, of a picture in a report:
// sharp at the width of a printed page, a fraction of a photo's size.
const maxImageSide = 1200

// maxImagePixels refuses pictures that would take gigabytes to decode.
const maxImagePixels = 80_000_000

// DataURL is the picture inline, for the HTML report: nothing is fetched
// from anywhere. Safe to mark so, as the bytes are ones encoded here.
func (im Image) DataURL() template.URL {
	return template.URL("data:image/" + im.Format + ";base64," + base64.StdEncoding.EncodeToString(im.Data))
}

// printable decodes a picture (PNG, JPEG or GIF) and scales it down to
// maxImageSide; false for one it can't read, such as a HEIC photo.
func printable(data []byte) (Image, bool) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxImagePixels {
		return Image{}, false
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return Image{}, false
	}
	w, h := cfg.Width, cfg.Height
	if long := max(w, h); long > maxImageSide {
		w, h = max(1, w*maxImageSide/long), max(1, h*maxImageSide/long)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if format == "jpeg" { // no transparency: a white page behind it changes nothing
		draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	}
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), xdraw.Over, nil)
	var out bytes.Buffer
	if format == "jpeg" {
		err = jpeg.Encode(&out, dst, &jpeg.Options{Quality: 85})
	} else {
		format = "png"
		err = png.Encode(&out, dst)
	}
	if err != nil {
		return Image{}, false
	}
	return Image{Data: out.Bytes(), Format: format, Width: w, Height: h}, true
}

// images adds the pictures attached to the flagged entries. A redacted
// report leaves them out, as names and faces in a picture can't be
// hidden; both say so, as does a picture in a format a report can't print.
func (b *builder) images() error {
	for i := range b.r.Flagged {
		e := &b.r.Flagged[i]
		files, err := b.store.Attachments(e.ID)
		if err != nil {
			return err
		}
		var unprintable, hidden int
		for _, f := range files {
			if f.Kind != journal.AttachmentImage {
				continue
			}
			if b.opt.RedactPeople {
				hidden++
				continue
			}
			data, err := b.store.AttachmentData(e.ID, f.Name)
			if err != nil {
				return err
			}
			if im, ok := printable(data); ok {
				e.Images = append(e.Images, im)
			} else {
				unprintable++
			}
		}
		switch {
		case hidden > 0:
			e.ImagesNote = fmt.Sprintf("%s left out: a redacted report can't hide names or faces in a picture.", imageCount(hidden))
		case unprintable > 0:
			e.ImagesNote = fmt.Sprintf("%s not shown: a report prints PNG, JPEG and GIF pictures; open the entry to see the rest.", imageCount(unprintable))
		}
	}
	return nil
}

func imageCount(n int) string {
	if n == 1 {
		return "1 attached picture"
	}
	return fmt.Sprintf("%d attached pictures", n)
}
