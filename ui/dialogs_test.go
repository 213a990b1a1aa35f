package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A Space that presses a dialog button must be fully handled before the
// dialog goes: its typed character would otherwise reach the editor.
func TestDialogButton_Keys(t *testing.T) {
	tests := []struct {
		name  string
		press func(b *dialogButton)
		want  int
	}{
		{"Space down only", func(b *dialogButton) {
			b.KeyDown(&fyne.KeyEvent{Name: fyne.KeySpace})
			b.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		}, 0},
		{"Space released", func(b *dialogButton) {
			b.KeyDown(&fyne.KeyEvent{Name: fyne.KeySpace})
			b.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
			b.KeyUp(&fyne.KeyEvent{Name: fyne.KeySpace})
		}, 1},
		{"Return", func(b *dialogButton) { b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }, 1},
		{"keypad Enter", func(b *dialogButton) { b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter}) }, 1},
		{"another key", func(b *dialogButton) {
			b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyA})
			b.KeyUp(&fyne.KeyEvent{Name: fyne.KeyA})
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			taps := 0
			b := newDialogButton("OK", nil, widget.HighImportance, func() { taps++ })
			tt.press(b)
			if taps != tt.want {
				t.Errorf("pressed %d times, want %d", taps, tt.want)
			}
		})
	}
}
