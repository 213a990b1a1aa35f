package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// env is what every screen takes from the window besides the journal:
// the clock, and the way slow work leaves the UI goroutine. The window
// makes one and hands the same one to each screen, so a test sets the
// clock and the work's running once, for the whole window.
type env struct {
	now        func() time.Time
	background background
	copies     *tempCopies // attachments opened in other programs; removed on closing
}

// liveEnv is the env of the running app: the wall clock, and slow work on
// a goroutine of its own.
func liveEnv() *env {
	return &env{now: time.Now, background: inBackground, copies: newTempCopies(copiesFolder())}
}

// background runs slow work off the UI goroutine, then what the work
// returns back on it. Tests swap in a synchronous version, as fyne's test
// driver runs fyne.Do callbacks on the calling goroutine.
type background func(work func() (then func()))

func inBackground(work func() (then func())) {
	go func() { fyne.Do(work()) }()
}
