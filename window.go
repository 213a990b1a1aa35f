package main

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2/app"

	"github.com/throughline/throughline/assets"
	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/ui"
)

const appID = "app.throughline.journal"

// openWindow runs the desktop app on the journal at path until it quits.
func openWindow(path string) int {
	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	store, err := journal.Open(path)
	if err != nil {
		ui.ShowOpenError(a, err)
		return 1
	}
	defer store.Close()
	w := ui.New(a, store)

	// A terminal's Ctrl+C or a session's logout must not lose typed text.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		<-signals
		w.Quit()
	}()
	w.ShowAndRun()
	return 0
}
