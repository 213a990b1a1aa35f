package ui

import (
	"image/color"
	"math"
)

// minContrast is WCAG AA's least contrast for body text. Every text the
// window draws is held to it, on every surface it can sit on.
const minContrast = 4.5

// bodyContrast is WCAG AAA's, for the theme's main text colour: held
// above the AA of quieter texts, hints stay lighter than what was typed.
const bodyContrast = 7

// luminance is WCAG's relative luminance of c, ignoring its alpha.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	linear := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*linear(n.R) + 0.7152*linear(n.G) + 0.0722*linear(n.B)
}

// contrast is WCAG's contrast ratio of two opaque colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// over is c painted on an opaque surface: what the eye sees of a
// translucent fill or text.
func over(c, surface color.Color) color.NRGBA {
	cr, cg, cb, ca := c.RGBA() // premultiplied
	sr, sg, sb, _ := surface.RGBA()
	blend := func(top, below uint32) uint8 {
		return uint8((top + below*(0xffff-ca)/0xffff) >> 8)
	}
	return color.NRGBA{R: blend(cr, sr), G: blend(cg, sg), B: blend(cb, sb), A: 0xff}
}

// mix is a share t (0 to 1) of the way from opaque a to opaque b.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	at := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.NRGBA{R: at(a.R, b.R), G: at(a.G, b.G), B: at(a.B, b.B), A: 0xff}
}

// contrastOn is the least contrast text has on any of the surfaces.
func contrastOn(text color.Color, surfaces ...color.Color) float64 {
	least := 21.0
	for _, s := range surfaces {
		least = min(least, contrast(over(text, s), s))
	}
	return least
}

// legible is text as close to its own colour as it can stay while
// reading at minContrast on every one of the surfaces: darkened or
// lightened, whichever changes it less. A colour that already reads
// comes back as it was.
func legible(text color.Color, surfaces ...color.Color) color.Color {
	return legibleAt(minContrast, text, surfaces...)
}

// legibleAt is legible, held to ratio rather than minContrast.
func legibleAt(ratio float64, text color.Color, surfaces ...color.Color) color.Color {
	if len(surfaces) == 0 || contrastOn(text, surfaces...) >= ratio {
		return text
	}
	start := over(text, surfaces[0])
	black, white := color.NRGBA{A: 0xff}, color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	const steps = 64
	for i := 1; i <= steps; i++ {
		t := float64(i) / steps
		for _, towards := range []color.NRGBA{black, white} {
			if c := mix(start, towards, t); contrastOn(c, surfaces...) >= ratio {
				return c
			}
		}
	}
	// Surfaces both very light and very dark: the better of the two.
	if contrastOn(black, surfaces...) >= contrastOn(white, surfaces...) {
		return black
	}
	return white
}
