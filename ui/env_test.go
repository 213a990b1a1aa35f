package ui

import (
	"reflect"
	"testing"
	"time"
)

// testEnv is a window's env for tests: a fixed clock, and slow work run
// in place.
func testEnv() *env {
	return &env{now: func() time.Time { return fixedNow }, background: synchronously}
}

// synchronously runs work and what it returns on the calling goroutine,
// which fyne's test driver treats as the UI goroutine.
func synchronously(work func() (then func())) { work()() }

// screens are the window's fields that hold a screen: a struct with the
// window's env embedded.
func screens(w *Window) map[string]reflect.Value {
	found := map[string]reflect.Value{}
	window := reflect.ValueOf(w).Elem()
	for i := range window.NumField() {
		field := window.Field(i)
		if field.Kind() != reflect.Pointer || field.IsNil() || field.Elem().Kind() != reflect.Struct {
			continue
		}
		if e, ok := field.Elem().Type().FieldByName("env"); ok && e.Anonymous && e.Type == reflect.TypeFor[*env]() {
			found[window.Type().Field(i).Name] = field.Elem()
		}
	}
	return found
}

// Every screen runs on the window's env, so setting it once, as
// openTestWindow does, reaches them all.
func TestWindow_EveryScreenSharesItsEnv(t *testing.T) {
	w, _ := newTestWindow(t)
	found := screens(w)
	for name, screen := range found {
		if got := screen.FieldByName("env").Pointer(); got != reflect.ValueOf(w.env).Pointer() {
			t.Errorf("%s has an env of its own", name)
		}
	}
	if len(found) != 12 {
		t.Errorf("found %d screens with an env, want the 12 the window builds", len(found))
	}
}

// Each screen holds the journal through the few methods it declares, not
// the window's whole Store.
func TestWindow_EveryScreenDeclaresItsStore(t *testing.T) {
	w, _ := newTestWindow(t)
	whole := reflect.TypeFor[Store]()
	for name, screen := range screens(w) {
		store, ok := screen.Type().FieldByName("store")
		if !ok {
			t.Errorf("%s holds no store", name)
			continue
		}
		if store.Type.Kind() != reflect.Interface || store.Type == whole || store.Type.NumMethod() >= whole.NumMethod() {
			t.Errorf("%s holds the journal as %s, not an interface of its own with fewer methods than the window's", name, store.Type)
		}
	}
}
