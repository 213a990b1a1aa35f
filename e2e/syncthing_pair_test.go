package e2e

// Two real Syncthing instances on loopback sharing one folder, as a
// person's laptop and desktop would, so a test can check that what
// Throughline writes on one computer reaches the other through the
// engine people actually use. Each instance has its own home, ports and
// keys; nothing leaves 127.0.0.1 (no discovery, relays, NAT, usage or
// crash reports, upgrades), and both are stopped when the test ends.

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"text/template"
	"time"

	"github.com/throughline/throughline/internal/testenv"
)

// syncthingFolderID names the one folder the pair shares.
const syncthingFolderID = "throughline"

// syncthingStartLimit bounds start-up: keys, config, both instances up,
// connected and done with their first scan. Measured at a few seconds.
const syncthingStartLimit = 60 * time.Second

// syncthingInstance is one Syncthing: where it keeps its keys, database
// and log, the folder it shares, and how to reach its REST API.
type syncthingInstance struct {
	name, home, dir string
	id, apiKey      string
	guiPort, port   int
	cmd             *exec.Cmd
	exited          chan struct{}
}

// startSyncthingPair starts two Syncthing instances that share one
// folder and returns the folder on each side, once both are up,
// connected to each other and have scanned their (empty) folders. What
// is written under dirA appears under dirB and the other way round,
// usually within a few seconds (see waitForCopies). Each folder holds
// only Syncthing's marker, .stfolder. Both instances are stopped, with
// every process they started, when the test ends; if it failed, their
// logs are printed.
func startSyncthingPair(t *testing.T) (dirA, dirB string) {
	t.Helper()
	bin := testenv.Tool(t, "syncthing", "install it with apt-get install syncthing (make test's scripts/deps.sh test does)")
	began := time.Now()
	ports := freeLoopbackPorts(t, 4)
	a := newSyncthingInstance(t, bin, "A", ports[0], ports[1])
	b := newSyncthingInstance(t, bin, "B", ports[2], ports[3])
	for _, st := range []*syncthingInstance{a, b} {
		st.writeConfig(t, a, b)
	}
	deadline := began.Add(syncthingStartLimit)
	// Each instance dials the other once at start, then only every 20 s
	// or so: started together, both first dials can miss, so B starts
	// once A listens and its first dial finds A.
	a.start(t, bin)
	a.waitListening(t, deadline)
	b.start(t, bin)
	a.waitReady(t, b, deadline)
	b.waitReady(t, a, deadline)
	t.Logf("Syncthing pair up and connected in %v", time.Since(began).Round(time.Millisecond))
	return a.dir, b.dir
}

// newSyncthingInstance gives an instance its own home with fresh keys
// and an empty shared folder holding Syncthing's folder marker.
func newSyncthingInstance(t *testing.T, bin, name string, guiPort, port int) *syncthingInstance {
	t.Helper()
	st := &syncthingInstance{name: name, home: t.TempDir(), dir: t.TempDir(), guiPort: guiPort, port: port}
	if out, err := exec.Command(bin, "generate", "--home="+st.home, "--no-default-folder").CombinedOutput(); err != nil {
		t.Fatalf("syncthing generate for %s: %v\n%s", name, err, out)
	}
	out, err := exec.Command(bin, "serve", "--home="+st.home, "--device-id").Output()
	if err != nil {
		t.Fatalf("syncthing --device-id for %s: %v", name, err)
	}
	st.id = strings.TrimSpace(string(out))
	key := make([]byte, 16)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	st.apiKey = hex.EncodeToString(key)
	// Without the marker Syncthing refuses a folder it did not create.
	if err := os.Mkdir(filepath.Join(st.dir, ".stfolder"), 0o700); err != nil {
		t.Fatal(err)
	}
	return st
}

// freeLoopbackPorts finds n distinct free TCP ports on 127.0.0.1. They
// are held open together so none repeats, then freed for Syncthing.
func freeLoopbackPorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

// syncthingConfig is config.xml (version 36, Syncthing 1.19) for one
// instance of the pair; Syncthing fills in every default left out.
// Everything that would reach beyond loopback is off, the folder is
// rescanned every 2 s and watched with a 1 s delay so changes move
// quickly, and no disk-space floor can stop a busy test machine.
var syncthingConfig = template.Must(template.New("config.xml").Funcs(template.FuncMap{"x": xmlText}).Parse(`<configuration version="36">
    <folder id="{{.Folder}}" label="{{.Folder}}" path="{{x .Self.Dir}}" type="sendreceive" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
{{- range .Devices}}
        <device id="{{.ID}}" introducedBy=""></device>
{{- end}}
        <minDiskFree unit="%">0</minDiskFree>
    </folder>
{{- range .Devices}}
    <device id="{{.ID}}" name="{{.Name}}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:{{.Port}}</address>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>
{{- end}}
    <gui enabled="true" tls="false">
        <address>127.0.0.1:{{.Self.GUIPort}}</address>
        <apikey>{{.Self.APIKey}}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{{.Self.Port}}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <announceLANAddresses>false</announceLANAddresses>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
`))

func xmlText(s string) (string, error) {
	var b strings.Builder
	err := xml.EscapeText(&b, []byte(s))
	return b.String(), err
}

type syncthingDevice struct {
	ID, Name, Dir, APIKey string
	Port, GUIPort         int
}

func (st *syncthingInstance) device() syncthingDevice {
	return syncthingDevice{ID: st.id, Name: st.name, Dir: st.dir, APIKey: st.apiKey, Port: st.port, GUIPort: st.guiPort}
}

// writeConfig replaces the generated config with one that knows both
// devices by address and shares the folder between them.
func (st *syncthingInstance) writeConfig(t *testing.T, a, b *syncthingInstance) {
	t.Helper()
	var buf bytes.Buffer
	err := syncthingConfig.Execute(&buf, map[string]any{
		"Folder":  syncthingFolderID,
		"Self":    st.device(),
		"Devices": []syncthingDevice{a.device(), b.device()},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(st.home, "config.xml"), buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// start runs the instance in its own process group, logging to
// syncthing.log in its home, and stops it when the test ends.
func (st *syncthingInstance) start(t *testing.T, bin string) {
	t.Helper()
	logPath := filepath.Join(st.home, "syncthing.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	st.cmd = exec.Command(bin, "serve", "--home="+st.home, "--no-browser", "--no-restart", "--no-upgrade", "--logflags=3")
	st.cmd.Env = append(os.Environ(), "STNOUPGRADE=1", "STNORESTART=1", "STNODEFAULTFOLDER=1")
	st.cmd.Stdout, st.cmd.Stderr = logFile, logFile
	st.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := st.cmd.Start(); err != nil {
		logFile.Close()
		t.Fatalf("starting syncthing %s: %v", st.name, err)
	}
	st.exited = make(chan struct{})
	go func() {
		st.cmd.Wait()
		logFile.Close()
		close(st.exited)
	}()
	t.Cleanup(func() {
		st.stop(t)
		if t.Failed() {
			data, _ := os.ReadFile(logPath)
			t.Logf("syncthing %s (%s) log:\n%s", st.name, st.id, data)
		}
	})
}

// stop ends the instance's whole process group, asking first.
func (st *syncthingInstance) stop(t *testing.T) {
	pgid := -st.cmd.Process.Pid
	syscall.Kill(pgid, syscall.SIGTERM)
	select {
	case <-st.exited:
	case <-time.After(10 * time.Second):
		t.Errorf("syncthing %s did not stop within 10 s of SIGTERM; killing it", st.name)
		syscall.Kill(pgid, syscall.SIGKILL)
		<-st.exited
	}
	// Anything the instance started shares its group: none may outlive it.
	syscall.Kill(pgid, syscall.SIGKILL)
}

// waitListening waits until the instance accepts connections from
// other devices.
func (st *syncthingInstance) waitListening(t *testing.T, deadline time.Time) {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", st.port)
	for ; time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		select {
		case <-st.exited:
			t.Fatalf("syncthing %s exited while starting: %v", st.name, st.cmd.ProcessState)
		default:
		}
		if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			conn.Close()
			return
		}
	}
	t.Fatalf("syncthing %s not listening on %s within %v", st.name, addr, syncthingStartLimit)
}

// waitReady waits until the instance answers, is connected to peer and
// has finished scanning the shared folder.
func (st *syncthingInstance) waitReady(t *testing.T, peer *syncthingInstance, deadline time.Time) {
	t.Helper()
	var last string
	for ; time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		select {
		case <-st.exited:
			t.Fatalf("syncthing %s exited while starting: %v", st.name, st.cmd.ProcessState)
		default:
		}
		var conns struct {
			Connections map[string]struct{ Connected bool }
		}
		if err := st.get("/rest/system/connections", &conns); err != nil {
			last = err.Error()
			continue
		}
		if !conns.Connections[peer.id].Connected {
			last = "not connected to " + peer.name
			continue
		}
		var status struct{ State string }
		if err := st.get("/rest/db/status?folder="+syncthingFolderID, &status); err != nil {
			last = err.Error()
			continue
		}
		if status.State != "idle" {
			last = "folder " + status.State
			continue
		}
		return
	}
	t.Fatalf("syncthing %s not ready within %v: %s", st.name, syncthingStartLimit, last)
}

// get reads one REST API answer into v.
func (st *syncthingInstance) get(path string, v any) error {
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("http://127.0.0.1:%d%s", st.guiPort, path), nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-API-Key", st.apiKey)
	client := http.Client{Timeout: 5 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// waitForCopies waits until every file under from (but Syncthing's own)
// is under to with the same bytes, and fails the test naming the first
// one that isn't when limit passes. It returns how long that took.
func waitForCopies(t *testing.T, from, to string, limit time.Duration) time.Duration {
	t.Helper()
	began := time.Now()
	var missing string
	if waitFor(limit, func() bool { missing = firstNotCopied(t, from, to); return missing == "" }) {
		return time.Since(began)
	}
	t.Fatalf("after %v, %s is not under %s with the same bytes as under %s", limit, missing, to, from)
	return 0
}

// firstNotCopied is the first file under from missing or different
// under to, or "" when all are there.
func firstNotCopied(t *testing.T, from, to string) string {
	t.Helper()
	var missing string
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".st") || strings.HasPrefix(d.Name(), ".syncthing.") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(from, path)
		want, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // renamed away while walking, as a temporary file is
		}
		if err != nil {
			return err
		}
		if got, err := os.ReadFile(filepath.Join(to, rel)); err != nil || !bytes.Equal(got, want) {
			missing = rel
			return fs.SkipAll
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return missing
}
