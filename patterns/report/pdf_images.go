package report

import (
	"bytes"
	"fmt"

	"codeberg.org/go-pdf/fpdf"
)

const (
	pdfImageDPI  = 150.0 // a picture prints at this density, or smaller to fit
	pdfImageMaxH = 110.0 // mm: about half a page, so the text around it stays near
)

// images prints an entry's pictures below its text, each scaled to fit
// the page's width and half its height, then the note on any left out.
func (d *pdfDoc) images(e Entry) {
	for i, im := range e.Images {
		w, h := float64(im.Width)*25.4/pdfImageDPI, float64(im.Height)*25.4/pdfImageDPI
		if scale := min(1, pdfWidth/w, pdfImageMaxH/h); scale < 1 {
			w, h = w*scale, h*scale
		}
		name := fmt.Sprintf("entry %d picture %d", e.ID, i+1)
		kind := map[string]string{"jpeg": "JPG", "png": "PNG"}[im.Format]
		d.f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(im.Data))
		d.need(h + 3)
		d.f.ImageOptions(name, pdfMargin, d.f.GetY()+1, w, h, false, fpdf.ImageOptions{ImageType: kind}, 0, "")
		d.f.SetY(d.f.GetY() + h + 3)
	}
	if e.ImagesNote != "" {
		d.font("", 8.5)
		d.colour(mutedColour)
		d.text(e.ImagesNote, 0, 4.2)
	}
}
