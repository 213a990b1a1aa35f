package cli

import (
	"fmt"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

func runEncryption(c *cli, args []string) error {
	fs := c.flags("encryption")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	action := "status"
	if len(rest) > 0 {
		action = rest[0]
	}
	if len(rest) > 1 {
		return usagef("encryption takes one of on, off or passphrase, not %q.", rest[1:])
	}
	switch action {
	case "status":
		return c.withJournal(false, func(s *jstore.Store) error {
			if s.Encrypted() {
				fmt.Fprintln(c.stdout, "The journal is encrypted: every text you wrote is unreadable without the passphrase.")
			} else {
				fmt.Fprintln(c.stdout, "The journal is not encrypted. `throughline encryption on` encrypts it with a passphrase.")
			}
			return nil
		})
	case "on":
		return c.withJournal(false, func(s *jstore.Store) error {
			if s.Encrypted() {
				return journal.Errorf(journal.EInvalid, "The journal is already encrypted. `throughline encryption passphrase` changes the passphrase.")
			}
			fmt.Fprintln(c.stderr, jstore.ForgottenWarning)
			p, err := askNewPassphrase()
			if err != nil {
				return err
			}
			if err := s.EnableEncryption(p); err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, "The journal is encrypted. You'll be asked for the passphrase each time it is opened.")
			return nil
		})
	case "off":
		return c.withJournal(false, func(s *jstore.Store) error {
			if !s.Encrypted() {
				return journal.Errorf(journal.EInvalid, "The journal isn't encrypted.")
			}
			if err := s.DisableEncryption(c.passphrase); err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, "The journal is no longer encrypted: anyone who can read the file can read what you wrote.")
			return nil
		})
	case "passphrase":
		return c.withJournal(false, func(s *jstore.Store) error {
			if !s.Encrypted() {
				return journal.Errorf(journal.EInvalid, "The journal isn't encrypted, so it has no passphrase. `throughline encryption on` encrypts it.")
			}
			p, err := askNewPassphrase()
			if err != nil {
				return err
			}
			if err := s.ChangePassphrase(c.passphrase, p); err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, "The passphrase is changed. The old one no longer opens the journal.")
			return nil
		})
	}
	return usagef("encryption takes on, off or passphrase, not %q. With nothing, it says whether the journal is encrypted.", action)
}
