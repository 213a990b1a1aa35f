package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two computers, as two journals: one turns sync on, the other joins
// through the same folder, and what each writes reaches the other.
func TestCLI_SyncTwoJournals(t *testing.T) {
	noTerminal(t)
	dir := t.TempDir()
	laptop, desktop := filepath.Join(dir, "laptop.db"), filepath.Join(dir, "desktop.db")
	folder := filepath.Join(dir, "Sync", "Throughline")
	notSync := filepath.Join(dir, "photos")
	if err := os.MkdirAll(notSync, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notSync, "beach.jpg"), []byte("not a journal"), 0o600); err != nil {
		t.Fatal(err)
	}
	addEntry(t, laptop, "", "--title", "Before sync", "--body", "written on the laptop")
	// A third computer made a journal and wrote in it before it joined;
	// a fourth made one (opened the window once) but never wrote in it.
	written, unwritten := filepath.Join(dir, "written.db"), filepath.Join(dir, "unwritten.db")
	addEntry(t, written, "", "--title", "Its own")
	addEntry(t, unwritten, "", "--title", "Soon gone")
	if _, errOut, code := runCLI(t, unwritten, "", "delete", "1"); code != exitOK {
		t.Fatal(errOut)
	}

	type step struct {
		name       string
		db         string
		passphrase string // THROUGHLINE_PASSPHRASE; "-" for unset
		newOne     string // THROUGHLINE_NEW_PASSPHRASE; "-" for unset
		args       []string
		code       int
		says       string // in stdout, or stderr when the code isn't 0
	}
	const pass = "a long passphrase"
	steps := []step{
		{"off at first", laptop, "-", "-", []string{"sync", "--status"}, exitOK, "Sync is off"},
		{"needs encryption", laptop, "-", "-", []string{"sync", "--folder", folder}, exitUsage, "encrypt"},
		{"encrypt", laptop, "-", pass, []string{"encryption", "on"}, exitOK, "is encrypted"},
		{"not a sync folder", laptop, pass, "-", []string{"sync", "--folder", notSync}, exitUsage, "photos"},
		{"on", laptop, pass, "-", []string{"sync", "--folder", folder, "--name", "Laptop"}, exitOK, "Sync is on"},
		{"join, wrong passphrase", desktop, "not the passphrase", "-", []string{"sync", "--folder", folder, "--name", "Desktop"}, exitUsage, "passphrase"},
		{"join, not a sync folder", desktop, pass, "-", []string{"sync", "--folder", notSync}, exitUsage, "photos"},
		{"join", desktop, pass, "-", []string{"sync", "--folder", folder, "--name", "Desktop"}, exitOK, "Joined"},
		{"joined entry", desktop, pass, "-", []string{"list"}, exitOK, "Before sync"},
		{"join over a journal with entries", written, pass, "-", []string{"sync", "--folder", folder}, exitUsage, "entries of its own"},
		{"that journal as it was", written, "-", "-", []string{"list"}, exitOK, "Its own"},
		{"join over an empty journal", unwritten, pass, "-", []string{"sync", "--folder", folder, "--name", "Spare"}, exitOK, "Joined"},
		{"the joined journal in its place", unwritten, pass, "-", []string{"list"}, exitOK, "Before sync"},
		{"write on the desktop", desktop, pass, "-", []string{"add", "--title", "At my desk", "--body", "a lunchtime note"}, exitOK, "Saved"},
		{"desktop sends", desktop, pass, "-", []string{"sync"}, exitOK, "Synced"},
		{"laptop receives", laptop, pass, "-", []string{"sync"}, exitOK, "received"},
		{"on the laptop", laptop, pass, "-", []string{"list"}, exitOK, "At my desk"},
		{"status", laptop, pass, "-", []string{"sync", "--status"}, exitOK, "Desktop"},
		{"json needs status", laptop, pass, "-", []string{"sync", "--json"}, exitUsage, "--status"},
		{"off takes nothing else", laptop, pass, "-", []string{"sync", "--off", "--status"}, exitUsage, "--off"},
		{"encryption stays while syncing", laptop, pass, "-", []string{"encryption", "off"}, exitUsage, "sync --off"},
		{"off", desktop, pass, "-", []string{"sync", "--off"}, exitOK, "Sync is off"},
		{"off again", desktop, pass, "-", []string{"sync", "--off"}, exitUsage, "already off"},
		{"status once off", desktop, pass, "-", []string{"sync", "--status"}, exitOK, "Sync is off"},
	}
	for _, st := range steps {
		passphrasesFromEnv(t, st.passphrase, st.newOne)
		_, statErr := os.Stat(st.db)
		out, errOut, code := runCLI(t, st.db, "", st.args...)
		where := out
		if code != exitOK {
			where = errOut
		}
		if code != st.code || !strings.Contains(where, st.says) {
			t.Fatalf("%s: exit %d, stdout %q, stderr %q; want exit %d saying %q", st.name, code, out, errOut, st.code, st.says)
		}
		if _, err := os.Stat(st.db); code != exitOK && statErr != nil && err == nil {
			t.Errorf("%s failed but left a journal at %s", st.name, st.db)
		}
	}

	for _, db := range []string{written, unwritten} {
		if left, _ := filepath.Glob(db + ".joining*"); len(left) > 0 {
			t.Errorf("joining left %v", left)
		}
	}
	t.Setenv(envPassphrase, pass)
	out, errOut, code := runCLI(t, laptop, "", "sync", "--status", "--json")
	if code != exitOK {
		t.Fatalf("sync --status --json: exit %d: %s", code, errOut)
	}
	var status syncStatusJSON
	if err := json.Unmarshal([]byte(out), &status); err != nil {
		t.Fatalf("sync --status --json printed %q: %v", out, err)
	}
	names := map[string]bool{}
	for _, d := range status.Devices {
		names[d.Name] = d.You
	}
	if !status.On || status.Device != "Laptop" || len(names) != 3 || !names["Laptop"] || names["Desktop"] || names["Spare"] {
		t.Errorf("sync --status --json = %+v, want on as Laptop with Laptop (you), Desktop and Spare", status)
	}
}
