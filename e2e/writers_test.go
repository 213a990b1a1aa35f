package e2e

// Many programs writing to one journal at once: each writer is a process
// of its own, because SQLite's locks and ours are taken between
// processes, and goroutines sharing one process would not show a race
// between them.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/throughline/throughline/cli"
	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// writerEnv, when set, makes the test binary one writer of
// TestWriters_EightProcessesWriteAtOnce: "DB WRITER WRITES".
const writerEnv = "THROUGHLINE_TEST_WRITER"

// Eight processes, each running the command line 200 times (an add, then
// an edit of what it added), all on one journal: every write waits its
// turn, none fails, and every one is there afterwards. Starting the
// built binary 1,600 times takes minutes on two cores, so each writer is
// the test binary running the command line's App.Run in a loop: still one
// process per writer, opening and closing the journal for every command
// as the command line does.
func TestWriters_EightProcessesWriteAtOnce(t *testing.T) {
	const writers, writes = 8, 200
	db := filepath.Join(t.TempDir(), "journal.db")
	mustCLI(t, db, "add", "--title", "Before the writers")

	start := time.Now()
	var wg sync.WaitGroup
	failures := make([]string, writers)
	for w := range writers {
		wg.Go(func() {
			cmd := exec.Command(os.Args[0], "-test.run=^TestWriters_WriterProcess$", "-test.count=1")
			cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s %d %d", writerEnv, db, w, writes))
			if out, err := cmd.CombinedOutput(); err != nil {
				failures[w] = fmt.Sprintf("writer %d: %v\n%s", w, err, out)
			}
		})
	}
	wg.Wait()
	t.Logf("%d writes by %d processes took %s", writers*writes, writers, time.Since(start).Round(time.Millisecond))
	if msg := strings.Join(failures, ""); msg != "" {
		t.Fatal(msg)
	}

	want := map[string]string{"Before the writers": ""}
	for w := range writers {
		for i := 0; i < writes; i += 2 {
			want[fmt.Sprintf("Writer %d, write %d", w, i)] = fmt.Sprintf("Edited by writer %d in write %d.", w, i+1)
		}
	}
	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	entries, err := store.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		got[e.Title] = e.Body
	}
	if len(got) != len(want) || len(entries) != len(want) {
		t.Errorf("%d entries (%d titles) after the writers, want %d", len(entries), len(got), len(want))
	}
	for title, body := range want {
		if b, ok := got[title]; !ok || b != body {
			t.Errorf("entry %q: body %q (there: %v), want %q", title, b, ok, body)
		}
	}
}

// TestWriters_WriterProcess is one writer of the test above; run on its
// own it does nothing.
func TestWriters_WriterProcess(t *testing.T) {
	spec := os.Getenv(writerEnv)
	if spec == "" {
		return
	}
	var db string
	var writer, writes int
	if _, err := fmt.Sscanf(spec, "%s %d %d", &db, &writer, &writes); err != nil {
		t.Fatalf("%s=%q: %v", writerEnv, spec, err)
	}
	var id string
	for i := range writes {
		args := []string{"add", "--title", fmt.Sprintf("Writer %d, write %d", writer, i)}
		if i%2 == 1 {
			args = []string{"edit", id, "--body", fmt.Sprintf("Edited by writer %d in write %d.", writer, i)}
		}
		var out, errOut bytes.Buffer
		if code := (cli.App{}).Run(append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errOut); code != 0 || errOut.Len() > 0 {
			t.Fatalf("write %d (%s): exit %d: %s", i, strings.Join(args, " "), code, errOut.String())
		}
		if i%2 == 0 {
			m := savedEntryRE.FindStringSubmatch(out.String())
			if m == nil {
				t.Fatalf("write %d: add printed %q", i, out.String())
			}
			id = m[1]
		}
	}
}

// Eight copies of the built program started at once on a path with no
// journal yet, each adding an entry: exactly one makes the journal, the
// others wait for it, and every entry is there.
func TestWriters_EightProcessesCreateTheJournalAtOnce(t *testing.T) {
	bin := builtBinary(t)
	for round := range 3 {
		db := filepath.Join(t.TempDir(), "new", "journal.db")
		cmds := make([]*exec.Cmd, 8)
		outs := make([]bytes.Buffer, 8)
		for i := range cmds {
			cmds[i] = exec.Command(bin, "add", "--title", "Entry "+strconv.Itoa(i))
			cmds[i].Env = append(os.Environ(), "THROUGHLINE_DB="+db)
			cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
		}
		for _, cmd := range cmds {
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("round %d, process %d: %v: %s", round, i, err, outs[i].String())
			}
		}
		got := map[string]bool{}
		for _, e := range listJSONOf(t, db) {
			got[e.Title] = true
		}
		for i := range cmds {
			if !got["Entry "+strconv.Itoa(i)] {
				t.Errorf("round %d: entry %d is missing; the journal holds %v", round, i, got)
			}
		}
		if t.Failed() {
			return
		}
	}
}
