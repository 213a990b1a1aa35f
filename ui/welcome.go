package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newWelcome is what a person sees before their first entry: what this
// place is for, and one gentle question to start with.
func newWelcome(start func()) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Welcome to Throughline", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	about := widget.NewLabel("A private place to notice what happens between you and the people in your life, " +
		"and to bring it to therapy. Everything you write stays on this computer, readable only by you.")
	about.Wrapping = fyne.TextWrapWord
	about.Alignment = fyne.TextAlignCenter
	prompt := widget.NewLabelWithStyle("Not sure where to begin? Try: what has stayed with you since your last session?",
		fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	prompt.Wrapping = fyne.TextWrapWord
	button := widget.NewButtonWithIcon("Write your first reflection", theme.DocumentCreateIcon(), start)
	button.Importance = widget.HighImportance
	hint := widget.NewLabel("or press Ctrl+N")
	hint.Alignment = fyne.TextAlignCenter
	hint.Importance = widget.LowImportance
	card := container.NewVBox(heading, about, prompt, container.NewCenter(button), hint)
	return container.NewCenter(container.New(&maxWidth{width: 520}, card))
}

// maxWidth lays out its content no wider than width, so wrapped text
// reads as a paragraph rather than one long line.
type maxWidth struct{ width float32 }

func (m *maxWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(m.width, objects[0].MinSize().Height)
}

func (m *maxWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Resize(fyne.NewSize(min(size.Width, m.width), size.Height))
}
