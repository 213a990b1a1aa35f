// Throughline is a private desktop journal for people in talk therapy.
//
// With no arguments it opens the window; with a command it runs that
// command headless, through the same journal code (see `throughline help`).
//
// This file is the only place the parts are put together: the command
// line (package cli) is handed the version, where the window keeps its
// settings, and how to open the window, so it links no GUI toolkit.
package main

import (
	"os"

	_ "github.com/throughline/throughline/ui/plainlocale" // before Fyne: see its doc

	"github.com/throughline/throughline/cli"
	jstore "github.com/throughline/throughline/journal/store"
	"github.com/throughline/throughline/ui"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "0.1.0"

// appID names the app to the desktop and to Fyne, which keeps the
// window's settings under it; FyneApp.toml gives the same ID.
const appID = "app.throughline.journal"

func main() {
	app := cli.App{
		Version:    version,
		Settings:   func() jstore.Location { return ui.SettingsLocation(appID) },
		OpenWindow: func(path string) int { return ui.Run(path, appID, version) },
	}
	os.Exit(app.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
