package e2e

// Real-window tests: the built binary in a real X server (Xvfb), driven
// by xdotool the way a person types, then checked through the journal.
// They need xvfb, xdotool, imagemagick and python3-xlib (make test
// installs them); under make test a missing tool fails the run instead of
// skipping it (see internal/testenv).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/throughline/throughline/internal/testenv"
	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// builtBinary builds throughline once for all real-window tests.
func builtBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "throughline-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "throughline")
		build := exec.Command("go", "build", "-o", binary, ".")
		build.Dir = ".." // the module root, where main is
		out, err := build.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// xSession is one Xvfb display and the app running in it.
type xSession struct {
	t       *testing.T
	display string
	env     []string
	app     *exec.Cmd
	window  string
	shots   string
	home    string // the app's HOME, where Fyne keeps its preferences
}

func needX(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import", "/usr/bin/python3"} {
		testenv.Tool(t, tool, "make test (scripts/deps.sh test) installs the real-window test tools")
	}
	if testing.Short() {
		t.Skip("real-window tests are skipped with -short")
	}
}

// startX starts a private Xvfb display for one test.
func startX(t *testing.T) *xSession {
	t.Helper()
	needX(t)
	for n := 90; n < 140; n++ {
		if displayInUse(n) {
			continue
		}
		display := fmt.Sprintf(":%d", n)
		xvfb := exec.Command("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
		if err := xvfb.Start(); err != nil {
			t.Fatal(err)
		}
		// SIGTERM, not a kill, so Xvfb removes its lock and socket.
		t.Cleanup(func() { xvfb.Process.Signal(syscall.SIGTERM); xvfb.Wait() })
		if waitFor(5*time.Second, func() bool {
			_, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n))
			return err == nil
		}) {
			home := t.TempDir()
			shots := filepath.Join("..", "build", "screenshots") // the module root's build/, as .gitignore has it
			os.MkdirAll(shots, 0o755)
			return &xSession{t: t, display: display, shots: shots, home: home, env: append(os.Environ(),
				"DISPLAY="+display, "LANG=C.UTF-8", "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
				"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"))}
		}
		xvfb.Process.Kill()
	}
	t.Fatal("couldn't start Xvfb on any display from :90 to :139")
	return nil
}

// displayInUse reports whether display n belongs to a running X server.
// A lock file whose process is gone (an X server killed outright) is
// stale: Xvfb replaces it.
func displayInUse(n int) bool {
	lock, err := os.ReadFile(fmt.Sprintf("/tmp/.X%d-lock", n))
	if err != nil {
		_, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n))
		return err == nil
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(lock)))
	return err != nil || syscall.Kill(pid, 0) == nil
}

func waitFor(limit time.Duration, ok func() bool) bool {
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ok() {
			return true
		}
	}
	return false
}

// launch starts the app on db and waits for its window.
func (x *xSession) launch(db string) {
	x.t.Helper()
	x.app, x.window, _ = x.startAnother(db)
}

func (x *xSession) xdotool(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "xdotool", args...)
	cmd.Env = x.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// run runs xdotool and fails the test if it fails.
func (x *xSession) run(args ...string) {
	x.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if out, err := x.xdotool(ctx, args...); err != nil {
		x.t.Fatalf("xdotool %v: %v\n%s", args, err, out)
	}
}

// typeText types like a person: key by key, with a short delay.
func (x *xSession) typeText(s string) { x.run("type", "--delay", "15", s) }
func (x *xSession) key(keys ...string) {
	x.run(append([]string{"key", "--delay", "60"}, keys...)...)
	time.Sleep(150 * time.Millisecond)
}

// launchNew starts the window on a journal it creates, and skips the
// first-run welcome the way a person would: its Skip button has the focus.
func (x *xSession) launchNew(db string) {
	x.t.Helper()
	x.launch(db)
	x.screenshot("first-run-welcome")
	x.key("space")
	time.Sleep(300 * time.Millisecond)
}

// click clicks at a point of the window, for what only the mouse reaches
// (Fyne's menus), then lets it draw.
func (x *xSession) click(px, py int) {
	x.run("mousemove", "--window", x.window, strconv.Itoa(px), strconv.Itoa(py), "click", "1")
	time.Sleep(700 * time.Millisecond)
}

// screenshot saves the screen under build/screenshots and checks that it
// shows something: a blank or single-colour screen means nothing drew.
func (x *xSession) screenshot(name string) string {
	x.t.Helper()
	path := filepath.Join(x.shots, name+".png")
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = x.env
	if out, err := cmd.CombinedOutput(); err != nil {
		x.t.Fatalf("screenshot: %v\n%s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		x.t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		x.t.Fatal(err)
	}
	if n := colours(img); n < 16 {
		x.t.Fatalf("screenshot %s has only %d colours: the window drew nothing", path, n)
	}
	x.t.Logf("screenshot kept at %s", path)
	return path
}

// screenshotOnceDrawn is screenshot for a window that is starting
// again: it waits up to 15 s for the window to draw something first.
func (x *xSession) screenshotOnceDrawn(name string) string {
	x.t.Helper()
	time.Sleep(time.Second) // the old window closes first
	for end := time.Now().Add(15 * time.Second); time.Now().Before(end); time.Sleep(250 * time.Millisecond) {
		cmd := exec.Command("import", "-window", "root", "png:-")
		cmd.Env = x.env
		out, err := cmd.Output()
		if err != nil {
			continue
		}
		if img, err := png.Decode(bytes.NewReader(out)); err == nil && colours(img) >= 16 {
			break
		}
	}
	return x.screenshot(name)
}

func colours(img image.Image) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r, g, bl}] = true
		}
	}
	return len(seen)
}

// waitExit waits for the app to end by itself.
func (x *xSession) waitExit() {
	x.t.Helper()
	done := make(chan error, 1)
	go func() { done <- x.app.Wait() }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		x.app.Process.Kill()
		x.t.Fatal("the app didn't quit within 15 s")
	}
}

func TestWindow_WriteSaveQuit(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	x.launchNew(db)
	x.screenshot("welcome")

	x.key("ctrl+n")
	x.typeText("Coffee with Sam")
	x.key("Tab")
	x.typeText("I said yes again when I meant no. Noticing it is a start.")
	x.key("ctrl+s")
	time.Sleep(500 * time.Millisecond)
	x.screenshot("saved-entry")

	// A second entry, deleted from the keyboard: the dialog opens on
	// "Keep it", Tab moves to "Delete", Space presses it.
	x.key("ctrl+n")
	x.typeText("Second thoughts")
	x.key("ctrl+s")
	x.key("ctrl+Delete")
	x.screenshot("delete-confirmation")
	x.key("Tab", "space")
	time.Sleep(300 * time.Millisecond)
	x.screenshot("after-delete")
	x.key("ctrl+q")
	x.waitExit()

	out, err := exec.Command(builtBinary(t), "--db", db, "list", "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var listed []struct {
		Title, Body string
		WrittenAt   string `json:"written_at"`
	}
	if err := json.Unmarshal(out, &listed); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	if len(listed) != 1 || listed[0].Title != "Coffee with Sam" ||
		listed[0].Body != "I said yes again when I meant no. Noticing it is a start." {
		t.Fatalf("journal after the window closed: %+v", listed)
	}
	if _, err := time.Parse(time.RFC3339, listed[0].WrittenAt); err != nil {
		t.Errorf("written_at %q is not RFC 3339", listed[0].WrittenAt)
	}
	// Nothing was left unsaved: no Space from the dialog leaked into the
	// entry shown after the delete.
	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if d, ok, _ := store.Draft(); ok {
		t.Errorf("a draft was left behind: %+v", d)
	}
}

func TestWindow_QuittingKeepsDraft(t *testing.T) {
	tests := []struct {
		name string
		quit func(x *xSession)
	}{
		{"Ctrl+Q", func(x *xSession) { x.key("ctrl+q") }},
		{"close button", func(x *xSession) { x.closeWindow() }},
		{"SIGINT", func(x *xSession) { x.signal(syscall.SIGINT) }},
		{"SIGTERM", func(x *xSession) { x.signal(syscall.SIGTERM) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := startX(t)
			db := filepath.Join(t.TempDir(), "journal.db")
			x.launchNew(db)
			x.key("ctrl+n")
			x.typeText("Unfinished")
			x.key("Tab")
			x.typeText("When she didn't call back I told myself it didn't matter")
			// Well inside the autosave delay, once X has delivered the keys.
			time.Sleep(300 * time.Millisecond)
			tt.quit(x)
			x.waitExit()

			store, err := jstore.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			d, ok, err := store.Draft()
			store.Close()
			if err != nil || !ok {
				t.Fatalf("no draft after %s: %v", tt.name, err)
			}
			if d.Title != "Unfinished" || d.Body != "When she didn't call back I told myself it didn't matter" {
				t.Fatalf("draft after %s = %+v", tt.name, d)
			}

			// The next start shows the text again, and Ctrl+S saves it.
			x.launch(db)
			x.screenshot("draft-restored-after-" + strings.ReplaceAll(tt.name, " ", "-"))
			x.key("ctrl+s")
			time.Sleep(500 * time.Millisecond)
			x.key("ctrl+q")
			x.waitExit()
			store, err = jstore.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			entries, _ := store.Entries(journal.EntryQuery{})
			if len(entries) != 1 || entries[0].Body != d.Body {
				t.Fatalf("after saving the restored draft: %+v", entries)
			}
		})
	}
}

// closeScript asks a window to close the way a window manager does when
// its close button is clicked: a WM_DELETE_WINDOW client message.
const closeScript = `
import sys
from Xlib import X, display, protocol
d = display.Display()
w = d.create_resource_object("window", int(sys.argv[1]))
protocols, delete = d.intern_atom("WM_PROTOCOLS"), d.intern_atom("WM_DELETE_WINDOW")
w.send_event(protocol.event.ClientMessage(window=w, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])))
d.flush()
`

func (x *xSession) closeWindow() {
	x.t.Helper()
	cmd := exec.Command("/usr/bin/python3", "-c", closeScript, x.window)
	cmd.Env = x.env
	if out, err := cmd.CombinedOutput(); err != nil {
		x.t.Fatalf("sending the close request: %v\n%s", err, out)
	}
}

func (x *xSession) signal(sig os.Signal) {
	x.t.Helper()
	if err := x.app.Process.Signal(sig); err != nil {
		x.t.Fatal(err)
	}
}

// A file that is not a journal gets a message in a window, and the file
// is left as it was.
func TestWindow_NotAJournalSaysSo(t *testing.T) {
	x := startX(t)
	path := filepath.Join(t.TempDir(), "shopping.txt")
	content := []byte(strings.Repeat("eggs, milk, bread\n", 20))
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	x.launch(path)
	x.screenshot("not-a-journal")
	x.key("space") // the Close button has the focus
	x.waitExit()
	if code := x.app.ProcessState.ExitCode(); code == 0 {
		t.Error("the app exited 0 after failing to open the journal")
	}
	if got, _ := os.ReadFile(path); string(got) != string(content) {
		t.Error("the file was changed")
	}
}

// The pattern view in a real window, on entries written with the CLI.
func TestWindow_PatternView(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	now := time.Now()
	for i, patterns := range [][]string{
		{"people-pleasing", "not saying what I need"}, {"people-pleasing", "avoidance"}, {"withdrawing under criticism", "intellectualisation"},
		{"people-pleasing"}, {"avoidance", "rumination"}, {"people-pleasing", "not saying what I need"}, {"rumination"},
	} {
		args := []string{"--db", db, "add", "--title", fmt.Sprintf("Entry %d", i+1), "--mood", fmt.Sprint(3 + i%5),
			"--at", now.AddDate(0, 0, -3*i).Format(journal.DateTimeLayout)}
		for _, p := range patterns {
			args = append(args, "--pattern", p)
		}
		if out, err := exec.Command(builtBinary(t), args...).CombinedOutput(); err != nil {
			t.Fatalf("add: %v\n%s", err, out)
		}
	}
	x.launch(db)
	x.key("ctrl+4")
	time.Sleep(800 * time.Millisecond)
	x.screenshot("pattern-view")
	x.key("ctrl+q")
	x.waitExit()
}

// Search and the calendar in a real window: Ctrl+F, typing, and the month
// of moods. Both only read, so the journal must be as it was.
func TestWindow_SearchAndCalendar(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	now := time.Now()
	for i, body := range []string{
		"Walked to the lighthouse and felt calmer.", "My manager raised her voice and I froze.", "Quiet day at home.",
		"Back at the lighthouse with Sam.", "Said no to the extra shift.",
	} {
		args := []string{"--db", db, "add", "--title", fmt.Sprintf("Entry %d", i+1), "--body", body, "--mood", fmt.Sprint(2 + 2*i),
			"--at", now.AddDate(0, 0, -i).Format(journal.DateTimeLayout)}
		if out, err := exec.Command(builtBinary(t), args...).CombinedOutput(); err != nil {
			t.Fatalf("add: %v\n%s", err, out)
		}
	}
	before := closedJournal(t, db)
	x.launch(db)
	x.key("ctrl+f")
	x.typeText("lighthouse")
	time.Sleep(800 * time.Millisecond)
	x.screenshot("search")
	x.key("ctrl+3")
	time.Sleep(800 * time.Millisecond)
	x.screenshot("calendar")
	x.key("ctrl+q")
	x.waitExit()
	if !bytes.Equal(closedJournal(t, db), before) {
		t.Error("searching and looking at the calendar changed the journal")
	}
}
