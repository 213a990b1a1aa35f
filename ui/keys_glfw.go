package ui

import (
	"reflect"
	"unsafe"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// interceptKeys makes the keys that work anywhere reach keyAnywhere
// before Fyne hands them to the focused widget, which would drop them.
// Fyne has no hook for that, so this wraps the key callback of the GLFW
// window under win (Fyne 2.7's desktop driver keeps it unexported as
// viewport). If that changes, it reports false and nothing else does:
// Escape and F1 then still work on our own widgets and with the focus
// on nothing. It must run on the main goroutine, once win is shown.
func interceptKeys(win fyne.Window, keyAnywhere func(fyne.KeyName) bool) bool {
	v := reflect.ValueOf(win)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return false
	}
	field := v.Elem().FieldByName("viewport")
	if !field.IsValid() || field.Type() != reflect.TypeFor[*glfw.Window]() {
		return false
	}
	viewport := *(**glfw.Window)(unsafe.Pointer(field.UnsafeAddr()))
	if viewport == nil {
		return false
	}
	names := map[glfw.Key]fyne.KeyName{glfw.KeyEscape: fyne.KeyEscape, glfw.KeyF1: fyne.KeyF1}
	var fyneKeys glfw.KeyCallback
	fyneKeys = viewport.SetKeyCallback(func(gw *glfw.Window, key glfw.Key, scancode int, action glfw.Action, mods glfw.ModifierKey) {
		plain := mods&(glfw.ModControl|glfw.ModAlt|glfw.ModSuper) == 0
		if name, ok := names[key]; ok && plain && action == glfw.Press && keyAnywhere(name) {
			return
		}
		if fyneKeys != nil {
			fyneKeys(gw, key, scancode, action, mods)
		}
	})
	return true
}
