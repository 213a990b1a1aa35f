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

// Every screen runs on the window's env, so setting it once, as
// openTestWindow does, reaches them all.
func TestWindow_EveryScreenSharesItsEnv(t *testing.T) {
	w, _ := newTestWindow(t)
	envType := reflect.TypeFor[*env]()
	screens := 0
	window := reflect.ValueOf(w).Elem()
	for i := range window.NumField() {
		field := window.Field(i)
		if field.Kind() != reflect.Pointer || field.IsNil() || field.Elem().Kind() != reflect.Struct {
			continue
		}
		e, ok := field.Elem().Type().FieldByName("env")
		if !ok || e.Type != envType || !e.Anonymous {
			continue
		}
		screens++
		if got := field.Elem().FieldByIndex(e.Index).Pointer(); got != reflect.ValueOf(w.env).Pointer() {
			t.Errorf("%s has an env of its own", window.Type().Field(i).Name)
		}
	}
	if screens < 12 {
		t.Errorf("found %d screens with an env, want the 12 the window builds", screens)
	}
}
