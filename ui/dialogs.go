package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// dialogButton is a button for dialogs that presses on Return or Enter,
// and on Space only when the key is released. GLFW sends a pressed Space
// twice, as a key and then as a typed character; if the button closed
// the dialog on the key, the character would land in whatever field gets
// the focus back, putting a stray space into the person's writing.
type dialogButton struct {
	widget.Button
}

var _ desktop.Keyable = (*dialogButton)(nil)

func newDialogButton(label string, icon fyne.Resource, importance widget.Importance, tapped func()) *dialogButton {
	b := &dialogButton{}
	b.Text, b.Icon, b.Importance, b.OnTapped = label, icon, importance, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *dialogButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	case fyne.KeySpace:
		// pressed on release, in KeyUp
	default:
		b.Button.TypedKey(ev)
	}
}

func (b *dialogButton) KeyDown(*fyne.KeyEvent) {}

func (b *dialogButton) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace {
		b.Tapped(nil)
	}
}

// dialogChoice is one button of a dialog: it closes the dialog, then
// does its own thing.
type dialogChoice struct {
	label      string
	icon       fyne.Resource
	importance widget.Importance
	then       func() // nil just closes
	focused    bool   // starts with the focus, so Return picks it
}

// showChoices shows content with a row of buttons. Put the focus on a
// choice that loses nothing, so a stray Return can't do harm.
func showChoices(win fyne.Window, title string, content fyne.CanvasObject, size fyne.Size, choices ...dialogChoice) {
	var d *dialog.CustomDialog
	var buttons []fyne.CanvasObject
	var focus fyne.Focusable
	for _, choice := range choices {
		then := choice.then
		b := newDialogButton(choice.label, choice.icon, choice.importance, func() {
			d.Hide()
			if then != nil {
				then()
			}
		})
		buttons = append(buttons, b)
		if choice.focused {
			focus = b
		}
	}
	d = dialog.NewCustomWithoutButtons(title, content, win)
	d.SetButtons(buttons)
	d.Resize(size)
	d.Show()
	if focus != nil {
		win.Canvas().Focus(focus)
	}
}

// message is wrapped text for a dialog.
func message(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewPadded(l)
}
