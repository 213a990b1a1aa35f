package ui

import (
	"image/color"
	"math"
	"testing"
)

func TestContrast_KnownPairs(t *testing.T) {
	for _, c := range []struct {
		name string
		a, b color.Color
		want float64
	}{
		{"black on white", color.Black, color.White, 21},
		{"white on black", color.White, color.Black, 21},
		{"#777 on white", color.NRGBA{0x77, 0x77, 0x77, 0xff}, color.White, 4.48},
		{"#767676 on white, the lightest grey that passes", color.NRGBA{0x76, 0x76, 0x76, 0xff}, color.White, 4.54},
		{"white on Fyne's blue", color.White, color.NRGBA{0x29, 0x6f, 0xf6, 0xff}, 4.47},
		{"same colour", color.NRGBA{0x12, 0x34, 0x56, 0xff}, color.NRGBA{0x12, 0x34, 0x56, 0xff}, 1},
	} {
		if got := contrast(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("%s: %.3f, want %.2f", c.name, got, c.want)
		}
	}
}

func TestOver_PaintsTranslucentOnTheSurface(t *testing.T) {
	for _, c := range []struct {
		name         string
		top, surface color.Color
		want         color.NRGBA
	}{
		{"opaque hides the surface", color.NRGBA{0x10, 0x20, 0x30, 0xff}, color.White, color.NRGBA{0x10, 0x20, 0x30, 0xff}},
		{"clear shows it", color.Transparent, color.NRGBA{0x40, 0x50, 0x60, 0xff}, color.NRGBA{0x40, 0x50, 0x60, 0xff}},
		{"half black on white is mid grey", color.NRGBA{0, 0, 0, 0x80}, color.White, color.NRGBA{0x7f, 0x7f, 0x7f, 0xff}},
	} {
		if got := over(c.top, c.surface); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestLegible_ReadsOnEverySurfaceAndStaysNearItsColour(t *testing.T) {
	white, black := color.NRGBA{0xff, 0xff, 0xff, 0xff}, color.NRGBA{0, 0, 0, 0xff}
	for _, c := range []struct {
		name     string
		text     color.Color
		surfaces []color.Color
		same     bool // already reads, so comes back unchanged
	}{
		{"dark grey on white reads already", color.NRGBA{0x56, 0x56, 0x56, 0xff}, []color.Color{white}, true},
		{"light grey on white darkens", color.NRGBA{0x88, 0x88, 0x88, 0xff}, []color.Color{white}, false},
		{"white on pale blue darkens", white, []color.Color{color.NRGBA{0xbf, 0xda, 0xff, 0xff}}, false},
		{"blue on near-black lightens", color.NRGBA{0x29, 0x6f, 0xf6, 0xff}, []color.Color{color.NRGBA{0x17, 0x17, 0x18, 0xff}}, false},
		{"yellow on white and light grey", color.NRGBA{0xff, 0xeb, 0x3b, 0xff}, []color.Color{white, color.NRGBA{0xf3, 0xf3, 0xf3, 0xff}}, false},
		{"translucent text counts as painted", color.NRGBA{0, 0, 0, 0x30}, []color.Color{white}, false},
		{"mid grey fill, the hardest", color.NRGBA{0x77, 0x77, 0x77, 0xff}, []color.Color{color.NRGBA{0x76, 0x76, 0x76, 0xff}}, false},
		{"black text on black", black, []color.Color{black}, false},
	} {
		got := legible(c.text, c.surfaces...)
		if ratio := contrastOn(got, c.surfaces...); ratio < minContrast {
			t.Errorf("%s: %v reads at %.2f:1, want at least %v", c.name, got, ratio, minContrast)
		}
		if (got == c.text) != c.same {
			t.Errorf("%s: %v came back as %v", c.name, c.text, got)
		}
	}
}

// FuzzLegible holds legible to its promise for any fill a person's
// colour can make: text on it reads.
func FuzzLegible(f *testing.F) {
	for _, seed := range [][4]uint8{{0x77, 0x77, 0x77, 0xff}, {0xff, 0xeb, 0x3b, 0xff}, {0x29, 0x6f, 0xf6, 0x40}, {0, 0, 0, 0}} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	f.Fuzz(func(t *testing.T, r, g, b, a uint8) {
		fill := over(color.NRGBA{r, g, b, a}, color.White)
		for _, text := range []color.Color{color.Black, color.White, color.NRGBA{0x56, 0x56, 0x56, 0xff}} {
			if got := legible(text, fill); contrast(got, fill) < minContrast {
				t.Errorf("%v on %v reads at %.2f:1", got, fill, contrast(got, fill))
			}
		}
	})
}
