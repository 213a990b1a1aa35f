package e2e

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/throughline/throughline/cli"
)

// cliEntry is an entry as list --json prints it: the fields these tests
// read.
type cliEntry struct {
	ID                int64
	Title, Body, Kind string
}

// mustCLI runs the command line in this process on db, as the built
// binary would with no window to open; the command has to succeed.
func mustCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := (cli.App{}).Run(append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errOut); code != 0 || errOut.Len() > 0 {
		t.Fatalf("throughline %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

// closedJournal is the bytes of the journal at db, which nothing holds
// open: with the write-ahead log checkpointed into the file, they are the
// whole journal, so equal bytes mean nothing changed.
func closedJournal(t *testing.T, db string) []byte {
	t.Helper()
	if info, err := os.Stat(db + "-wal"); err == nil && info.Size() > 0 {
		t.Fatalf("%s-wal holds %d bytes after the journal was closed: the file's bytes don't show the whole journal", db, info.Size())
	}
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// appID is the app's ID as FyneApp.toml gives it; Fyne keeps the
// window's settings in a folder named for it.
const appID = "app.throughline.journal"
