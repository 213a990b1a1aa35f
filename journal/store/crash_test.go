package store

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// The crash test kills a process that is saving entries with SIGKILL, at
// random moments, and checks after each kill that the journal is intact
// and holds every save the process reported done. The saving process is
// this test binary run again as TestCrashChild; these variables tell it
// what to do.
const (
	crashChildEnv = "THROUGHLINE_CRASH_CHILD" // the journal's path; unset in a normal run
	crashRoundEnv = "THROUGHLINE_CRASH_ROUND" // the round, for unique titles
	crashSeedEnv  = "THROUGHLINE_CRASH_SEED"  // set by hand to replay a run's choices
)

// crashBody is the text of an entry at a version, a few KB, so a save
// spans several pages and overflow pages, and a torn write would show.
func crashBody(title string, version int) string {
	head := fmt.Sprintf("%s version %d\n", title, version)
	return head + strings.Repeat("I noticed I went quiet when she raised her voice, and later felt the old knot. ", 40)
}

// crashEpisodes and crashPatterns are saved with every entry, so each save
// writes several tables in one transaction; an entry found without them
// would mean a transaction was only half kept.
var (
	crashPatterns = []string{"going quiet under criticism"}
	crashEpisodes = []journal.Episode{{Person: "Sam", Wish: "to be heard", OtherResponse: "talked over me", SelfResponse: "went quiet"}}
)

// TestCrashChild is not a test on its own: TestCrash runs this binary
// again with crashChildEnv set, and then this saves, updates and deletes
// entries until it is killed, printing a line when each call starts and
// when it has returned without error. stdout is unbuffered and each line
// is one write, shorter than a pipe's atomic size, so the parent never
// sees half a line.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		return
	}
	fail := func(step string, err error) {
		fmt.Fprintf(os.Stderr, "crash child: %s: %v\n", step, err)
		os.Exit(3)
	}
	round, _ := strconv.Atoi(os.Getenv(crashRoundEnv))
	seed, _ := strconv.ParseUint(os.Getenv(crashSeedEnv), 10, 64)
	rng := rand.New(rand.NewPCG(seed, uint64(round)))
	s, err := Open(path)
	if err != nil {
		fail("open", err)
	}
	fmt.Fprintln(os.Stdout, "ready")
	var mine []journal.Entry // this process's entries that are not deleted
	for n := 0; ; n++ {
		switch op := rng.IntN(10); {
		case op < 2 && len(mine) > 0: // update one of ours
			i := rng.IntN(len(mine))
			e := mine[i]
			version, _ := strconv.Atoi(strings.Fields(e.Body)[2])
			e.Body = crashBody(e.Title, version+1)
			fmt.Fprintf(os.Stdout, "updating %d %d\n", e.ID, version+1)
			if _, err := s.UpdateEntry(e); err != nil {
				fail("update", err)
			}
			mine[i] = e
			fmt.Fprintf(os.Stdout, "updated %d %d\n", e.ID, version+1)
		case op < 3 && len(mine) > 0: // delete one of ours (a checkpoint follows)
			i := rng.IntN(len(mine))
			id := mine[i].ID
			fmt.Fprintf(os.Stdout, "deleting %d\n", id)
			if err := s.DeleteEntry(id); err != nil {
				fail("delete", err)
			}
			mine = slices.Delete(mine, i, i+1)
			fmt.Fprintf(os.Stdout, "deleted %d\n", id)
		default:
			title := fmt.Sprintf("r%03d-n%04d", round, n)
			fmt.Fprintf(os.Stdout, "saving %s\n", title)
			e, err := s.CreateEntry(journal.Entry{Title: title, Body: crashBody(title, 1), WrittenAt: time.Now(),
				Patterns: crashPatterns, Episodes: crashEpisodes})
			if err != nil {
				fail("save", err)
			}
			mine = append(mine, e)
			fmt.Fprintf(os.Stdout, "saved %d %s\n", e.ID, title)
		}
	}
}

// crashModel is what the journal must hold, from what the children
// reported.
type crashModel struct {
	entries  map[int64]*crashEntry // saved and not deleted
	deleted  map[string]bool       // titles reported deleted: must stay gone (ids are reused)
	saving   string                // the title of a save in flight when the child died
	deleting map[int64]bool        // deletes in flight when the child died
}

type crashEntry struct {
	title    string
	version  int // the last update reported done
	updating int // an update in flight when the child died, else 0
}

// apply reads one child's output into the model.
func (m *crashModel) apply(t *testing.T, lines []string) {
	t.Helper()
	m.saving = ""
	for _, line := range lines {
		f := strings.Fields(line)
		id, _ := strconv.ParseInt(f[min(1, len(f)-1)], 10, 64)
		switch f[0] {
		case "ready":
		case "saving":
			m.saving = f[1]
		case "saved":
			m.entries[id] = &crashEntry{title: f[2], version: 1}
			m.saving = ""
		case "updating":
			m.entries[id].updating, _ = strconv.Atoi(f[2])
		case "updated":
			m.entries[id].version, _ = strconv.Atoi(f[2])
			m.entries[id].updating = 0
		case "deleting":
			m.deleting[id] = true
		case "deleted":
			m.deleted[m.entries[id].title] = true
			delete(m.entries, id)
			delete(m.deleting, id)
		default:
			t.Fatalf("the child printed %q", line)
		}
	}
}

// check compares the journal with the model, settling what was in flight
// when the child died: each such change is either wholly there or not at
// all.
func (m *crashModel) check(t *testing.T, round int, s *Store) {
	t.Helper()
	var problems []string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&problems).Error; err != nil || len(problems) != 1 || problems[0] != "ok" {
		t.Fatalf("round %d: integrity_check after the kill: %q %v", round, problems, err)
	}
	entries, err := s.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	found := map[int64]bool{}
	for _, e := range entries {
		found[e.ID] = true
		want, ok := m.entries[e.ID]
		switch {
		case m.deleted[e.Title]:
			t.Fatalf("round %d: entry %d (%q) was reported deleted, but is back", round, e.ID, e.Title)
		case !ok && m.saving != "" && e.Title == m.saving:
			// The save in flight was committed before the kill.
			want = &crashEntry{title: e.Title, version: 1}
			m.entries[e.ID], m.saving = want, ""
		case !ok:
			t.Fatalf("round %d: entry %d (%q) was never saved by the child", round, e.ID, e.Title)
		}
		if e.Title != want.title {
			t.Fatalf("round %d: entry %d has the title %q, want %q", round, e.ID, e.Title, want.title)
		}
		switch e.Body {
		case crashBody(want.title, want.version):
		case crashBody(want.title, want.updating):
			want.version = want.updating // the update in flight was committed
		default:
			t.Fatalf("round %d: entry %d's body is neither version %d nor %d: %.60q…", round, e.ID, want.version, want.updating, e.Body)
		}
		want.updating = 0
		if !slices.Equal(e.Patterns, crashPatterns) || len(e.Episodes) != 1 || e.Episodes[0].Wish != crashEpisodes[0].Wish {
			t.Fatalf("round %d: entry %d is there without all it was saved with: patterns %q, episodes %+v", round, e.ID, e.Patterns, e.Episodes)
		}
		delete(m.deleting, e.ID) // a delete in flight that didn't commit
	}
	for id, want := range m.entries {
		if found[id] {
			continue
		}
		if !m.deleting[id] {
			t.Fatalf("round %d: entry %d (%q) was reported saved, but is missing", round, id, want.title)
		}
		delete(m.entries, id) // the delete in flight was committed
		delete(m.deleting, id)
		m.deleted[want.title] = true
	}
	m.saving = ""
}

// TestCrash kills a saving process 100 times (10 with -short) on one
// growing journal. The kill comes 5 to 120 ms after the child opened the
// journal, so most land inside a transaction or a checkpoint; one round
// in eight kills it while it is still opening. After each kill the
// journal must pass integrity_check and hold every save reported done.
func TestCrash(t *testing.T) {
	rounds := 100
	if testing.Short() {
		rounds = 10
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(crashSeedEnv); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (replay with %s=%d)", seed, crashSeedEnv, seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path) // made here, so every round starts on a journal
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	m := &crashModel{entries: map[int64]*crashEntry{}, deleted: map[string]bool{}, deleting: map[int64]bool{}}
	start := time.Now()
	var beforeReady, midCall int
	for round := range rounds {
		child := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		child.Env = append(os.Environ(), crashChildEnv+"="+path, crashRoundEnv+"="+strconv.Itoa(round), fmt.Sprintf("%s=%d", crashSeedEnv, seed))
		var stderr bytes.Buffer
		child.Stderr = &stderr
		out, err := child.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		ready := make(chan struct{})
		output := make(chan []string, 1)
		go func() {
			var lines []string
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if sc.Text() == "ready" {
					close(ready)
				}
				lines = append(lines, sc.Text())
			}
			output <- lines
		}()

		// Mostly while saving, after the child has opened the journal;
		// one round in eight from its start, so some kills land while it
		// opens (recovering the log, checking, migrating).
		if rng.IntN(8) == 0 {
			time.Sleep(time.Duration(rng.IntN(60)) * time.Millisecond)
		} else {
			select {
			case <-ready:
			case <-time.After(10 * time.Second):
				child.Process.Kill()
				t.Fatalf("round %d: the child didn't open the journal within 10 s: %s", round, stderr.String())
			}
			time.Sleep(time.Duration(5+rng.IntN(116)) * time.Millisecond)
		}
		child.Process.Signal(syscall.SIGKILL)
		lines := <-output
		child.Wait()
		if ws, ok := child.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: the child ended by itself (%v) before it was killed:\n%s", round, child.ProcessState, stderr.String())
		}
		if len(lines) == 0 {
			beforeReady++
		} else if strings.HasSuffix(strings.Fields(lines[len(lines)-1])[0], "ing") { // saving, updating, deleting
			midCall++
		}
		m.apply(t, lines)

		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: opening the journal after the kill: %v", round, err)
		}
		m.check(t, round, s)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d rounds in %s: %d entries kept, %d deleted; %d kills while a save, update or delete was in progress, %d before the journal was open",
		rounds, time.Since(start).Round(time.Millisecond), len(m.entries), len(m.deleted), midCall, beforeReady)
}
