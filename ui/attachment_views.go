package ui

import (
	"bytes"
	"image"
	"image/color"
	_ "image/gif" // the formats an attachment's picture can be shown from
	_ "image/jpeg"
	_ "image/png"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/webp"
)

// thumbnailSize is the box a picture is shrunk into in the entry: big
// enough to recognise a drawing, small enough for a row of them.
const thumbnailSize = 120

// thumbnail is an attachment's picture in the entry. Tapping it, or
// Return or Space while it has the focus, shows it full size.
type thumbnail struct {
	widget.BaseWidget
	image   *canvas.Image
	ring    *canvas.Rectangle // shows the focus
	onOpen  func()
	focused bool
}

var (
	_ fyne.Focusable     = (*thumbnail)(nil)
	_ fyne.Tappable      = (*thumbnail)(nil)
	_ desktop.Keyable    = (*thumbnail)(nil)
	_ desktop.Cursorable = (*thumbnail)(nil)
)

func newThumbnail(onOpen func()) *thumbnail {
	t := &thumbnail{onOpen: onOpen, image: canvas.NewImageFromResource(theme.FileImageIcon())}
	t.image.FillMode = canvas.ImageFillContain
	t.image.ScaleMode = canvas.ImageScaleSmooth
	t.image.SetMinSize(fyne.NewSquareSize(thumbnailSize))
	t.ring = canvas.NewRectangle(color.Transparent)
	t.ring.StrokeWidth = 2
	t.ExtendBaseWidget(t)
	return t
}

// show puts the decoded picture in place of the placeholder.
func (t *thumbnail) show(img image.Image) {
	t.image.Resource, t.image.Image = nil, img
	t.image.Refresh()
}

func (t *thumbnail) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(t.image, t.ring))
}

func (t *thumbnail) Refresh() {
	t.ring.StrokeColor = color.Transparent
	if t.focused {
		t.ring.StrokeColor = theme.Color(theme.ColorNameFocus)
	}
	t.ring.Refresh()
	t.BaseWidget.Refresh()
}

func (t *thumbnail) Tapped(*fyne.PointEvent) { t.onOpen() }

func (t *thumbnail) FocusGained()   { t.focused = true; t.Refresh() }
func (t *thumbnail) FocusLost()     { t.focused = false; t.Refresh() }
func (t *thumbnail) TypedRune(rune) {}

func (t *thumbnail) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		t.onOpen()
	}
}

func (t *thumbnail) KeyDown(*fyne.KeyEvent) {}

// KeyUp opens on Space's release, as dialogButton presses: on the press,
// the typed space would land in whatever has the focus next.
func (t *thumbnail) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace {
		t.onOpen()
	}
}

// Cursor shows the picture can be clicked.
func (t *thumbnail) Cursor() desktop.Cursor { return desktop.PointerCursor }

// decodePicture reads an image attachment's bytes as a picture. HEIC and
// other formats Go can't read fail here; their card offers Open instead.
func decodePicture(data []byte) (image.Image, error) {
	img, _, err := image.Decode(bytes.NewReader(data))
	return img, err
}

// shrink scales img down to fit a box of side pixels, keeping its shape,
// so a thumbnail doesn't hold a 40-megapixel photo in memory. Each pixel
// takes the nearest source pixel: at thumbnail size, finer sampling
// isn't seen.
func shrink(img image.Image, side int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= side && h <= side || w == 0 || h == 0 {
		return img
	}
	tw, th := side, h*side/w
	if h > w {
		tw, th = w*side/h, side
	}
	tw, th = max(tw, 1), max(th, 1)
	out := image.NewNRGBA(image.Rect(0, 0, tw, th))
	for y := range th {
		for x := range tw {
			out.Set(x, y, img.At(b.Min.X+x*w/tw, b.Min.Y+y*h/th))
		}
	}
	return out
}

// showPicture shows a picture as large as the window allows, never
// larger than it is.
func showPicture(win fyne.Window, name string, img image.Image) {
	room := win.Canvas().Size().SubtractWidthHeight(80, 160)
	size := img.Bounds().Size()
	shown := fyne.NewSize(min(float32(size.X), room.Width), min(float32(size.Y), room.Height))
	picture := canvas.NewImageFromImage(img)
	picture.FillMode = canvas.ImageFillContain
	picture.SetMinSize(shown)
	showChoices(win, name, container.NewCenter(picture), shown.AddWidthHeight(40, 120),
		dialogChoice{label: "Close", focused: true})
}
