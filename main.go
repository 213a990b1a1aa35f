// Throughline is a private desktop journal for people in talk therapy.
//
// With no arguments it opens the window; with a command it runs that
// command headless, through the same journal code (see `throughline help`).
package main

import (
	"os"

	_ "github.com/throughline/throughline/ui/plainlocale" // before Fyne: see its doc

	"github.com/throughline/throughline/ui"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "0.1.0"

func main() {
	ui.Version = version // shown in Help → About
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
