package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// mergeForm asks which pattern another should become.
type mergeForm struct {
	from    journal.Pattern
	targets map[string]journal.Pattern // by the option shown
	target  *widget.Select
	message *widget.Label
	content fyne.CanvasObject
}

func newMergeForm(from journal.Pattern, patterns []journal.Pattern) *mergeForm {
	f := &mergeForm{from: from, targets: map[string]journal.Pattern{}}
	var options, archived []string
	for _, p := range patterns {
		switch {
		case p.ID == from.ID:
		case p.Archived:
			archived = append(archived, p.Name+" (archived)")
			f.targets[p.Name+" (archived)"] = p
		default:
			options = append(options, p.Name)
			f.targets[p.Name] = p
		}
	}
	f.message = widget.NewLabel("")
	f.message.Wrapping = fyne.TextWrapWord
	f.target = widget.NewSelect(append(options, archived...), func(string) { f.explain() })
	f.target.PlaceHolder = "(choose a pattern)"
	f.explain()
	f.content = container.NewVBox(
		widget.NewForm(widget.NewFormItem("Merge into", f.target)),
		f.message)
	return f
}

func (f *mergeForm) into() (journal.Pattern, bool) {
	p, ok := f.targets[f.target.Selected]
	return p, ok
}

func (f *mergeForm) explain() {
	into, ok := f.into()
	if !ok {
		f.message.SetText(fmt.Sprintf("Choose the pattern that “%s” should become. Every entry and episode that names “%s” will name it instead.", f.from.Name, f.from.Name))
		return
	}
	f.message.SetText(fmt.Sprintf("Every entry and episode that names “%s” will name “%s” instead, and “%s” will be removed. This can't be undone.",
		f.from.Name, into.Name, f.from.Name))
}

// paletteColour is a colour on offer and its name in words.
type paletteColour struct{ name, hex string }

// patternPalette is the colours offered for a pattern, readable on light
// and dark themes alike.
var patternPalette = []paletteColour{
	{"red", "#e05252"}, {"orange", "#f29d38"}, {"yellow", "#d8b222"}, {"green", "#5aab4a"},
	{"teal", "#26a69a"}, {"blue", "#4c8bf5"}, {"purple", "#b05ce0"}, {"pink", "#e0607e"},
}

// patternForm is the edit dialog's fields. colour is "" for the
// category's colour.
type patternForm struct {
	original       journal.Pattern
	name           *widget.Entry
	category       *widget.Select
	description    *writingEntry
	colour         string
	swatches       map[string]*swatch // by colour
	categoryColour *swatch
	colourName     *widget.Label
	content        fyne.CanvasObject
}

func newPatternForm(p journal.Pattern) *patternForm {
	f := &patternForm{original: p, colour: strings.ToLower(p.Colour), swatches: map[string]*swatch{}}
	f.name = widget.NewEntry()
	f.name.SetText(p.Name)
	f.name.SetPlaceHolder("What you call it, like “going quiet when criticised”")
	var titles []string
	for _, c := range journal.Categories {
		titles = append(titles, journal.CategoryTitle(c))
	}
	f.category = widget.NewSelect(titles, func(string) { f.showColour() })
	f.description = &writingEntry{} // Tab moves on to the colours
	f.description.MultiLine, f.description.Wrapping = true, fyne.TextWrapWord
	f.description.PlaceHolder = "A line you'd recognise yourself in (optional)"
	f.description.ExtendBaseWidget(f.description)
	f.description.SetMinRowsVisible(3)
	f.description.SetText(p.Description)

	row := container.NewHBox()
	colours := patternPalette
	if f.colour != "" && !slices.ContainsFunc(colours, func(c paletteColour) bool { return c.hex == f.colour }) {
		// A colour set elsewhere stays on offer.
		colours = append([]paletteColour{{"its own colour", f.colour}}, colours...)
	}
	for _, c := range colours {
		s := newSwatch(colourOf(journal.Pattern{Colour: c.hex}), "", func() { f.setColour(c.hex) })
		s.name = c.name
		f.swatches[c.hex] = s
		row.Add(s)
	}
	f.categoryColour = newSwatch(color.NRGBA{}, "Category colour", func() { f.setColour("") })
	row.Add(f.categoryColour)
	f.colourName = widget.NewLabel("")
	f.category.SetSelected(journal.CategoryTitle(p.Category)) // shows the colour

	f.content = widget.NewForm(
		widget.NewFormItem("Name", f.name),
		widget.NewFormItem("Category", f.category),
		widget.NewFormItem("Description", f.description),
		widget.NewFormItem("Colour", container.NewVBox(row, f.colourName)),
	)
	return f
}

func (f *patternForm) categoryOf() string {
	for _, c := range journal.Categories {
		if journal.CategoryTitle(c) == f.category.Selected {
			return c
		}
	}
	return journal.CategoryOwn
}

func (f *patternForm) setColour(hex string) {
	f.colour = hex
	f.showColour()
}

// showColour marks the chosen swatch and names it, for anyone who can't
// tell the swatches apart.
func (f *patternForm) showColour() {
	category := f.categoryOf()
	f.categoryColour.setColour(colourOf(journal.Pattern{Category: category}))
	f.categoryColour.setSelected(f.colour == "")
	for hex, s := range f.swatches {
		s.setSelected(hex == f.colour)
		if hex == f.colour {
			f.colourName.SetText("Shown in " + s.name + " on charts.")
		}
	}
	if f.colour == "" {
		f.colourName.SetText("Shown in the colour of " + journal.CategoryTitle(category) + " on charts.")
	}
}

// forgetFocus clears the look of having the focus from every field:
// closing a dialog doesn't tell the field that had it, which would keep
// its highlight when the form is shown again.
func (f *patternForm) forgetFocus() {
	fields := []fyne.Focusable{f.name, f.category, f.description, f.categoryColour}
	for _, s := range f.swatches {
		fields = append(fields, s)
	}
	for _, field := range fields {
		field.FocusLost()
	}
}

// pattern is what the form holds, as a pattern to save.
func (f *patternForm) pattern() journal.Pattern {
	p := f.original
	p.Name, p.Category, p.Description, p.Colour = f.name.Text, f.categoryOf(), strings.TrimSpace(f.description.Text), f.colour
	return p
}

// swatch is a colour to pick, with an optional label beside it. Space or
// Return picks it when it has the focus.
type swatch struct {
	widget.BaseWidget
	name     string // the colour in words
	label    string
	onTap    func()
	square   *canvas.Rectangle
	ring     *canvas.Rectangle // shows the focus
	check    *canvas.Image     // shows the choice
	text     *canvas.Text
	selected bool
}

var (
	_ fyne.Focusable     = (*swatch)(nil)
	_ fyne.Tappable      = (*swatch)(nil)
	_ desktop.Cursorable = (*swatch)(nil)
)

const swatchSize = 26

func newSwatch(c color.NRGBA, label string, onTap func()) *swatch {
	s := &swatch{label: label, onTap: onTap,
		square: canvas.NewRectangle(c),
		ring:   canvas.NewRectangle(color.Transparent),
		check:  canvas.NewImageFromResource(theme.NewColoredResource(theme.ConfirmIcon(), theme.ColorNameForegroundOnPrimary)),
		text:   canvas.NewText(label, nil),
	}
	s.restyle()
	s.square.CornerRadius = 5
	s.ring.CornerRadius = 8
	s.check.FillMode = canvas.ImageFillContain
	s.check.Hide()
	s.ExtendBaseWidget(s)
	return s
}

// Refresh follows the theme and text size in effect.
func (s *swatch) Refresh() {
	s.restyle()
	s.BaseWidget.Refresh()
}

func (s *swatch) restyle() {
	s.text.Color, s.text.TextSize = theme.Color(theme.ColorNameForeground), theme.TextSize()
	s.ring.StrokeColor = theme.Color(theme.ColorNamePrimary)
	if s.selected {
		s.square.StrokeColor = theme.Color(theme.ColorNameForeground)
	}
}

func (s *swatch) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(&swatchLayout{s}, s.ring, s.square, s.check, s.text))
}

func (s *swatch) setColour(c color.NRGBA) {
	s.square.FillColor = c
	s.square.Refresh()
}

func (s *swatch) setSelected(selected bool) {
	s.selected = selected
	if selected {
		s.check.Show()
		s.square.StrokeColor, s.square.StrokeWidth = theme.Color(theme.ColorNameForeground), 2
	} else {
		s.check.Hide()
		s.square.StrokeWidth = 0
	}
	s.square.Refresh()
	s.check.Refresh()
}

func (s *swatch) Tapped(*fyne.PointEvent) { s.onTap() }

func (s *swatch) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (s *swatch) FocusGained() {
	s.ring.StrokeWidth = 2
	s.ring.Refresh()
}

func (s *swatch) FocusLost() {
	s.ring.StrokeWidth = 0
	s.ring.Refresh()
}

func (s *swatch) TypedRune(rune) {}

func (s *swatch) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace || ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		s.onTap()
	}
}

// swatchLayout puts the square in the middle of its focus ring, and the
// label, if any, after it.
type swatchLayout struct{ s *swatch }

func (l *swatchLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	size := fyne.NewSize(swatchSize+2*theme.InnerPadding(), swatchSize+2*theme.InnerPadding())
	if l.s.label != "" {
		size.Width += l.s.text.MinSize().Width + theme.InnerPadding()
	}
	return size
}

func (l *swatchLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	s, pad := l.s, theme.InnerPadding()
	s.ring.Move(fyne.NewPos(pad/2, pad/2))
	s.ring.Resize(fyne.NewSize(size.Width-pad, size.Height-pad))
	top := (size.Height - swatchSize) / 2
	s.square.Move(fyne.NewPos(pad, top))
	s.square.Resize(fyne.NewSize(swatchSize, swatchSize))
	s.check.Move(fyne.NewPos(pad+4, top+4))
	s.check.Resize(fyne.NewSize(swatchSize-8, swatchSize-8))
	m := s.text.MinSize()
	s.text.Move(fyne.NewPos(pad+swatchSize+pad, (size.Height-m.Height)/2))
	s.text.Resize(m)
}
