package e2e

// Throughline never uses the network: a journal kept for therapy must not
// tell anyone when it is read or what is in it. Fyne links net/http (for
// fyne.LoadResourceFromURLString and its http:// storage handler), so the
// binary can't be checked for having no HTTP client at all. Instead these
// tests check that nothing else brings one in, that the commands behave
// the same with no network, and that the window fetches nothing an entry
// points at.

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/throughline/throughline/internal/testenv"
)

// httpAllowed are the only packages that may import net/http, each with
// why it is harmless: nothing in Throughline calls it.
var httpAllowed = map[string]string{
	"fyne.io/fyne/v2":                     "fyne.LoadResourceFromURLString, which Throughline never calls",
	"fyne.io/fyne/v2/internal/repository": "the http:// and https:// storage handler, which ui.Run replaces with one that refuses",
}

// networkPackages are standard packages that talk over a network.
// net/url (parsing only) and net/netip (addresses only) are fine.
var networkPackages = []string{"net", "net/http", "net/rpc", "net/smtp", "crypto/tls", "net/http/httputil", "net/mail"}

func TestNetwork_OnlyFyneImportsHTTP(t *testing.T) {
	list := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}} {{join .Imports " "}}`, ".")
	list.Dir = ".." // the module root: the whole binary
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var linked []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		if pkg == "net" || strings.HasPrefix(pkg, "net/") || strings.Contains(pkg, "golang.org/x/net") {
			linked = append(linked, pkg)
		}
		if slices.Contains(imports, "net/http") {
			if _, ok := httpAllowed[pkg]; !ok {
				t.Errorf("%s imports net/http. Throughline promises never to use the network: remove it, or if it can't reach the network, add it to httpAllowed saying why", pkg)
			}
		}
		if strings.HasPrefix(pkg, "github.com/throughline/throughline") {
			for _, imp := range imports {
				if slices.Contains(networkPackages, imp) {
					t.Errorf("%s imports %s; Throughline's own code must not use the network", pkg, imp)
				}
			}
		}
	}
	sort.Strings(linked)
	t.Logf("network-related packages linked (through Fyne, D-Bus and the standard library): %s", strings.Join(linked, ", "))
}

// unshareArgs returns how to run a command with no network (a new,
// empty network namespace), or ends the test through testenv.Missing
// where that isn't allowed.
func unshareArgs(t *testing.T) []string {
	t.Helper()
	testenv.Tool(t, "unshare", "install util-linux to test running without a network")
	// -n needs CAP_SYS_ADMIN; -rn (as root in a new user namespace) works
	// for ordinary users where user namespaces are enabled.
	for _, args := range [][]string{{"unshare", "-n"}, {"unshare", "-rn"}} {
		if err := exec.Command(args[0], append(args[1:], "true")...).Run(); err == nil {
			return args
		}
	}
	testenv.Missing(t, "unshare -n and unshare -rn are both refused here (no CAP_SYS_ADMIN, user namespaces disabled), so running without a network can't be tested")
	return nil
}

// timestamps are the times a run can't repeat: when entries were saved
// and reports made.
var timestamps = regexp.MustCompile(`\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?`)

// Every command that reads or writes the journal works the same with no
// network at all: same output, same exit codes, same files.
func TestNetwork_CLIWorksWithoutNetwork(t *testing.T) {
	offline := unshareArgs(t)
	// Inside the new namespace there is no interface but a loopback that
	// is down: otherwise this test would prove nothing.
	if out, err := exec.Command(offline[0], append(offline[1:], "cat", "/proc/net/dev")...).Output(); err != nil {
		t.Fatal(err)
	} else if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) != 3 || !strings.HasPrefix(strings.TrimSpace(lines[2]), "lo:") {
		t.Fatalf("%v still has network interfaces:\n%s", offline, out)
	}
	bin := builtBinary(t)
	steps := [][]string{
		{"add", "--title", "Coffee with Sam", "--body", "I said yes again when I meant no. #people-pleasing", "--mood", "4", "--at", "2026-03-02 09:30"},
		{"add", "--title", "The lighthouse", "--body", "Walked to the lighthouse and felt calmer.", "--emotion", "calm", "--at", "2026-03-03 18:00", "--flag"},
		{"edit", "1", "--mood", "5"},
		{"list"},
		{"list", "--json"},
		{"show", "1", "--json"},
		{"search", "lighthouse"},
		{"search", "lighthouse", "--json"},
		{"patterns", "--period", "all", "--json"},
		{"export", "--format", "md", "--from", "2026-03-01", "--to", "2026-03-31", "-o", "report.md"},
		{"export", "--format", "json", "-o", "everything.json"},
		{"import", "everything.json", "--format", "throughline"}, // refused: the journal isn't empty
		{"delete", "2"},
		{"show", "2"}, // gone
		{"paths"},
	}
	// run runs every step in a fresh folder, with or without a network,
	// and returns what each printed, with the folder and the times of
	// day taken out.
	run := func(prefix []string) []string {
		dir := t.TempDir()
		var got []string
		for _, step := range steps {
			args := append(append(slices.Clone(prefix), bin, "--db", filepath.Join(dir, "journal.db")), step...)
			cmd := exec.Command(args[0], args[1:]...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := cmd.ProcessState.ExitCode()
			if code < 0 {
				t.Fatalf("%v: %v", args, err)
			}
			got = append(got, fmt.Sprintf("$ %s\nexit %d\n%s\nstderr: %s", strings.Join(step, " "), code, stdout.String(), stderr.String()))
		}
		for _, file := range []string{"report.md", "everything.json"} {
			data, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatalf("%v didn't write %s: %v", prefix, file, err)
			}
			got = append(got, file+":\n"+string(data))
		}
		for i := range got {
			got[i] = timestamps.ReplaceAllString(strings.ReplaceAll(got[i], dir, "DIR"), "TIME")
		}
		return got
	}
	online, offlineOut := run(nil), run(offline)
	for i := range online {
		if online[i] != offlineOut[i] {
			t.Errorf("with no network the output differs:\n--- with the network\n%s\n--- without\n%s", online[i], offlineOut[i])
		}
	}
}

// An entry can hold a Markdown image with a web address, typed or
// imported from another journal. Previewing it must not fetch it: the
// request would tell that server when, and from where, the journal was
// read.
func TestNetwork_PreviewFetchesNoWebImages(t *testing.T) {
	x := startX(t)
	var requests atomic.Int32
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(onePixelPNG)
	}))
	defer server.Close()

	db := filepath.Join(t.TempDir(), "journal.db")
	x.launch(db)
	x.key("ctrl+n")
	x.typeText("A picture")
	x.key("Tab")
	x.typeText("Before the picture. ![pixel](" + server.URL + "/pixel.png) After it.")
	x.key("ctrl+p")
	time.Sleep(1500 * time.Millisecond) // long enough for a fetch and a redraw
	x.screenshot("preview-with-web-image")
	x.key("ctrl+q")
	x.waitExit()
	if n := requests.Load(); n > 0 {
		t.Errorf("previewing an entry with a web image made %d request(s) to %s: the window used the network", n, server.URL)
	}
}

// onePixelPNG is a valid 1x1 PNG, so a fetch, if one happened, would
// succeed and show.
var onePixelPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")
