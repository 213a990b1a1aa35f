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
	case fyne.KeyEscape:
		escapeDialog(fyne.CurrentApp().Driver().CanvasForObject(b))
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
	cancel     bool   // Escape picks it: the choice that changes nothing
}

// dialogEscapes is what Escape does in each dialog showChoices has open,
// by the overlay that shows it.
var dialogEscapes = map[fyne.CanvasObject]func(){}

// closesOnEscape makes Escape run escape while the dialog just shown is
// on top; setOnClosed is the dialog's, to forget it once closed.
func closesOnEscape(win fyne.Window, escape func(), setOnClosed func(func())) {
	shown := win.Canvas().Overlays().Top()
	dialogEscapes[shown] = escape
	setOnClosed(func() { delete(dialogEscapes, shown) })
}

// escapeDialog does what Escape does in the dialog on top of c, and
// reports whether there was one of ours to close. Other overlays, such
// as an open drop-down, close on Escape by themselves.
func escapeDialog(c fyne.Canvas) bool {
	if c == nil {
		return false
	}
	escape, ok := dialogEscapes[c.Overlays().Top()]
	if ok {
		escape()
	}
	return ok
}

// showChoices shows content with a row of buttons. Put the focus on a
// choice that loses nothing, so a stray Return can't do harm. Escape
// picks the choice marked cancel, or the only one; with neither, it
// just closes the dialog: it never picks a choice that changes things.
func showChoices(win fyne.Window, title string, content fyne.CanvasObject, size fyne.Size, choices ...dialogChoice) {
	var d *dialog.CustomDialog
	var buttons []fyne.CanvasObject
	var focus fyne.Focusable
	escape := func() { d.Hide() }
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
		if choice.cancel || len(choices) == 1 {
			escape = b.OnTapped
		}
	}
	d = dialog.NewCustomWithoutButtons(title, content, win)
	d.SetButtons(buttons)
	d.Resize(size)
	d.Show()
	closesOnEscape(win, escape, d.SetOnClosed)
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
