package cli

import (
	"crypto/sha256"
	"errors"
	"os"
	"strings"
	"testing"
)

// noTerminal makes the CLI see no terminal, as in CI or a script.
func noTerminal(t *testing.T) {
	t.Helper()
	saved := openTTY
	openTTY = func() (*os.File, error) { return nil, errors.New("no terminal") }
	t.Cleanup(func() { openTTY = saved })
}

// passphrasesFromEnv sets $THROUGHLINE_PASSPHRASE and
// $THROUGHLINE_NEW_PASSPHRASE as a script would; "-" leaves one unset.
func passphrasesFromEnv(t *testing.T, passphrase, newOne string) {
	t.Helper()
	for env, v := range map[string]string{envPassphrase: passphrase, envNewPassphrase: newOne} {
		if v == "-" {
			os.Unsetenv(env)
		} else {
			t.Setenv(env, v)
		}
	}
}

func journalHash(t *testing.T, db string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	wal, _ := os.ReadFile(db + "-wal")
	return sha256.Sum256(append(data, wal...))
}

func TestCLI_Encryption(t *testing.T) {
	noTerminal(t)
	db := newJournal(t)
	addEntry(t, db, "", "--title", "Secret evening", "--body", "what I told no one", "--pattern", "people-pleasing")

	type step struct {
		name       string
		passphrase string // THROUGHLINE_PASSPHRASE; "-" for unset
		newOne     string // THROUGHLINE_NEW_PASSPHRASE; "-" for unset
		args       []string
		code       int
		says       string // in stdout, or stderr when the code isn't 0
	}
	steps := []step{
		{"status, plain", "-", "-", []string{"encryption"}, exitOK, "not encrypted"},
		{"on, too short", "-", "short", []string{"encryption", "on"}, exitUsage, "at least 8 characters"},
		{"on, no passphrase anywhere", "-", "-", []string{"encryption", "on"}, exitError, "THROUGHLINE_NEW_PASSPHRASE"},
		{"on", "-", "first passphrase", []string{"encryption", "on"}, exitOK, "is encrypted"},
		{"list, no passphrase", "-", "-", []string{"list"}, exitError, "no terminal to type it in"},
		{"list, wrong passphrase", "not the one", "-", []string{"list"}, exitUsage, "doesn't open this journal"},
		{"list", "first passphrase", "-", []string{"list"}, exitOK, "Secret evening"},
		{"search", "first passphrase", "-", []string{"search", "told"}, exitOK, "Secret evening"},
		{"add", "first passphrase", "-", []string{"add", "--title", "Second, encrypted"}, exitOK, "Saved"},
		{"status, encrypted", "first passphrase", "-", []string{"encryption"}, exitOK, "is encrypted"},
		{"passphrase, wrong old", "not the one", "second passphrase", []string{"encryption", "passphrase"}, exitUsage, "doesn't open"},
		{"passphrase", "first passphrase", "second passphrase", []string{"encryption", "passphrase"}, exitOK, "changed"},
		{"old passphrase no more", "first passphrase", "-", []string{"list"}, exitUsage, "doesn't open"},
		{"off", "second passphrase", "-", []string{"encryption", "off"}, exitOK, "no longer encrypted"},
		{"list, plain again", "-", "-", []string{"list"}, exitOK, "Second, encrypted"},
		{"unknown action", "-", "-", []string{"encryption", "sideways"}, exitUsage, "on, off or passphrase"},
	}
	for _, st := range steps {
		passphrasesFromEnv(t, st.passphrase, st.newOne)
		before := journalHash(t, db)
		out, errOut, code := runCLI(t, db, "", st.args...)
		where := out
		if code != exitOK {
			where = errOut
		}
		if code != st.code || !strings.Contains(where, st.says) {
			t.Fatalf("%s: exit %d, stdout %q, stderr %q; want exit %d saying %q", st.name, code, out, errOut, st.code, st.says)
		}
		if code != exitOK && journalHash(t, db) != before {
			t.Errorf("%s failed but changed the journal", st.name)
		}
		if st.name == "on" && !strings.Contains(errOut, "cannot be recovered") {
			t.Errorf("turning encryption on didn't warn that a forgotten passphrase can't be recovered: %q", errOut)
		}
	}
	os.Unsetenv(envPassphrase)
	os.Unsetenv(envNewPassphrase)
}
