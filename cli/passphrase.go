package cli

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/throughline/throughline/journal"
)

// Passphrases for scripts: the journal's, and a new one for
// `encryption on` or `encryption passphrase`.
const (
	envPassphrase    = "THROUGHLINE_PASSPHRASE"
	envNewPassphrase = "THROUGHLINE_NEW_PASSPHRASE"
)

// openTTY opens the terminal; tests replace it, so no test ever waits
// for someone to type.
var openTTY = func() (*os.File, error) { return os.OpenFile("/dev/tty", os.O_RDWR, 0) }

// askPassphrase reads a passphrase from env, else from the terminal
// without echoing it. It asks on /dev/tty rather than stdin, so
// `add` can still take its body on stdin.
func askPassphrase(env, prompt string) (string, error) {
	if p, ok := os.LookupEnv(env); ok {
		return p, nil
	}
	tty, err := openTTY()
	if err != nil {
		return "", journal.Errorf(journal.ELocked, "This needs a passphrase, and there is no terminal to type it in. Set %s for scripts.", env)
	}
	defer tty.Close()
	fmt.Fprint(tty, prompt)
	p, err := term.ReadPassword(int(tty.Fd()))
	fmt.Fprintln(tty)
	if err != nil {
		return "", journal.Errorf(journal.ELocked, "Couldn't read the passphrase from the terminal: %v. Set %s instead.", err, env)
	}
	return string(p), nil
}

// askNewPassphrase reads a new passphrase twice, so a typo doesn't lock
// the journal for good.
func askNewPassphrase() (string, error) {
	if p, ok := os.LookupEnv(envNewPassphrase); ok {
		return p, nil
	}
	if _, ok := os.LookupEnv(envPassphrase); ok && !hasTTY() {
		return "", journal.Errorf(journal.EInvalid, "Give the new passphrase in %s.", envNewPassphrase)
	}
	p, err := askPassphrase(envNewPassphrase, "New passphrase: ")
	if err != nil {
		return "", err
	}
	again, err := askPassphrase(envNewPassphrase, "The same again: ")
	if err != nil {
		return "", err
	}
	if p != again {
		return "", journal.Errorf(journal.EInvalid, "The two passphrases were different. Nothing was changed; try again.")
	}
	return strings.TrimRight(p, "\r\n"), nil
}

func hasTTY() bool {
	tty, err := openTTY()
	if err != nil {
		return false
	}
	tty.Close()
	return true
}
