package e2e

// Real-window tests of one writer at a time: a second window on the same
// journal is refused, a killed window leaves no lock behind, and the
// command line keeps working while the window is open. Same tools and
// helpers as xwindow_test.go.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// startAnother starts an app on db in x's display, the first or one
// more, and waits for its own window (found by process id, since every
// window is "Throughline").
func (x *xSession) startAnother(db string) (app *exec.Cmd, window string, stderr *bytes.Buffer) {
	x.t.Helper()
	app = exec.Command(builtBinary(x.t), "--db", db)
	app.Env = x.env
	stderr = &bytes.Buffer{}
	app.Stderr = stderr
	if err := app.Start(); err != nil {
		x.t.Fatal(err)
	}
	x.t.Cleanup(func() { app.Process.Kill(); app.Wait() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := x.xdotool(ctx, "search", "--sync", "--onlyvisible", "--pid", strconv.Itoa(app.Process.Pid))
	if err != nil {
		x.t.Fatalf("the second app's window didn't appear within 30 s: %v\n%s", err, stderr)
	}
	window = strings.Fields(out)[0]
	x.run("windowfocus", "--sync", window)
	time.Sleep(500 * time.Millisecond) // the first frames are drawn after mapping
	return app, window, stderr
}

// assertLockHeld checks that some window holds db's lock: taking it
// from here must fail because it is in use.
func assertLockHeld(t *testing.T, db, when string) {
	t.Helper()
	release, err := jstore.LockJournal(db)
	if err == nil {
		release()
		t.Fatalf("%s: no window holds the journal's lock", when)
	}
	if journal.ErrorCode(err) != journal.EInUse {
		t.Fatalf("%s: locking the journal: %v", when, err)
	}
}

// A second window on a journal that is already open says so, and the
// first goes on as if nothing happened.
func TestWindow_SecondWindowSaysAlreadyOpen(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	x.launchNew(db)
	x.key("ctrl+n")
	x.typeText("First window")

	second, window, stderr := x.startAnother(db)
	x.screenshot("second-window-already-open")
	x.run("windowfocus", "--sync", window)
	x.key("space") // the Close button has the focus
	done := make(chan error, 1)
	go func() { done <- second.Wait() }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		t.Fatal("the second window didn't close within 15 s")
	}
	if code := second.ProcessState.ExitCode(); code == 0 {
		t.Error("the second window exited 0 after refusing to open the journal")
	}
	if strings.Contains(stderr.String(), "panic") {
		t.Errorf("the second window: %s", stderr)
	}

	// The first still runs, holds the lock, and saves.
	if err := x.app.Process.Signal(syscall.Signal(0)); err != nil {
		t.Fatalf("the first window ended when the second was refused: %v", err)
	}
	assertLockHeld(t, db, "after the second window was refused")
	x.run("windowfocus", "--sync", x.window)
	x.key("Tab")
	x.typeText("Still here.")
	x.key("ctrl+s")
	time.Sleep(500 * time.Millisecond)
	x.key("ctrl+q")
	x.waitExit()
	entries := listJSONOf(t, db)
	if len(entries) != 1 || entries[0].Title != "First window" || entries[0].Body != "Still here." {
		t.Fatalf("the first window's entry: %+v", entries)
	}
}

// A window killed outright (a crash, kill -9) leaves no lock: the next
// start opens the journal.
func TestWindow_KilledWindowLeavesNoLock(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	x.launchNew(db)
	assertLockHeld(t, db, "with the window open")
	x.app.Process.Signal(syscall.SIGKILL)
	x.app.Wait()

	x.launch(db)
	// Only a window that opened the journal holds the lock; the message
	// window of a refused start doesn't.
	assertLockHeld(t, db, "after starting again")
	x.screenshot("started-after-kill")
	x.key("ctrl+q")
	x.waitExit()
	if code := x.app.ProcessState.ExitCode(); code != 0 {
		t.Errorf("the window started after a kill exited %d", code)
	}
}

var savedEntryRE = regexp.MustCompile(`^Saved entry ([0-9]+)\.\n$`)

// While the window is open, with text typed and kept as a draft, the
// command line writes succeed: SQLite's busy timeout and immediate
// transactions make them wait their turn, never fail as locked.
func TestWindow_CLIWritesWhileOpen(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	x.launchNew(db)
	x.key("ctrl+n")
	x.typeText("Still writing")
	x.key("Tab")
	const typedBefore = "I keep rewriting this paragraph. "
	const typedDuring = "She said it was fine, and I believed her for a minute."
	x.typeText(typedBefore)

	// The window keeps typing, and so keeps saving its draft, while the
	// command line writes.
	typing := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		out, err := x.xdotool(ctx, "type", "--delay", "40", typedDuring)
		if err != nil {
			err = fmt.Errorf("%v: %s", err, out)
		}
		typing <- err
	}()

	bin := builtBinary(t)
	var mu sync.Mutex
	var slowest time.Duration
	cli := func(args ...string) (string, error) {
		start := time.Now()
		out, err := exec.Command(bin, append([]string{"--db", db}, args...)...).CombinedOutput()
		mu.Lock()
		slowest = max(slowest, time.Since(start))
		mu.Unlock()
		if err != nil || strings.Contains(strings.ToLower(string(out)), "locked") || strings.Contains(strings.ToLower(string(out)), "busy") {
			return string(out), fmt.Errorf("throughline %s: %v: %s", strings.Join(args, " "), err, out)
		}
		return string(out), nil
	}

	// 20 adds, four at a time, so they also wait on each other.
	ids := make([]int64, 20)
	errs := make([]error, 20)
	var wg sync.WaitGroup
	for worker := range 4 {
		wg.Go(func() {
			for i := worker; i < 20; i += 4 {
				out, err := cli("add", "--title", fmt.Sprintf("From the command line %d", i), "--body", "Written while the window was open.", "--mood", strconv.Itoa(1+i%10))
				if err == nil {
					m := savedEntryRE.FindStringSubmatch(out)
					if m == nil {
						err = fmt.Errorf("add printed %q", out)
					} else {
						ids[i], _ = strconv.ParseInt(m[1], 10, 64)
					}
				}
				errs[i] = err
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	edited, deleted := ids[:3], ids[3:5]
	for _, id := range edited {
		if _, err := cli("edit", strconv.FormatInt(id, 10), "--title", fmt.Sprintf("Edited %d", id)); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range deleted {
		if _, err := cli("delete", strconv.FormatInt(id, 10)); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-typing; err != nil {
		t.Fatalf("typing in the window: %v", err)
	}
	t.Logf("the slowest command took %s", slowest.Round(time.Millisecond))
	time.Sleep(1500 * time.Millisecond) // the draft is at most a second behind
	x.screenshot("cli-writes-while-open")
	x.key("ctrl+q")
	x.waitExit()

	// Every command's write is there, and so is the window's draft.
	want := map[int64]string{}
	for i, id := range ids {
		want[id] = fmt.Sprintf("From the command line %d", i)
	}
	for _, id := range edited {
		want[id] = fmt.Sprintf("Edited %d", id)
	}
	for _, id := range deleted {
		delete(want, id)
	}
	got := map[int64]string{}
	for _, e := range listJSONOf(t, db) {
		got[e.ID] = e.Title
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("entries after the window closed:\n got %v\nwant %v", got, want)
	}
	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	d, ok, err := store.Draft()
	if err != nil || !ok || d.Title != "Still writing" || d.Body != typedBefore+typedDuring {
		t.Errorf("the window's draft: %+v, %v, %v; want the title %q and the body %q", d, ok, err, "Still writing", typedBefore+typedDuring)
	}
}

// listJSONOf runs the built binary's list --json on db.
func listJSONOf(t *testing.T, db string) []cliEntry {
	t.Helper()
	out, err := exec.Command(builtBinary(t), "--db", db, "list", "--json").Output()
	if err != nil {
		t.Fatalf("list --json: %v", err)
	}
	var entries []cliEntry
	if err := json.Unmarshal(out, &entries); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	return entries
}
