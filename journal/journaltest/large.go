// Package journaltest builds large journals for benchmarks and tests of
// other packages: real SQLite files, filled from the shared corpus.
package journaltest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// LargeEntries is how many entries Large's journal holds.
const LargeEntries = 100_000

// buildBatch is how many entries go in one CreateEntries transaction
// while building.
const buildBatch = 5_000

var cache struct {
	once sync.Once
	path string
	skip string
	err  error
}

// Large returns the path of a shared journal of LargeEntries entries from
// the deterministic corpus generator in shared/corpus. It is built once
// and kept in the temp folder between runs; the name carries the schema
// version, so a new migration rebuilds it. Tests that write must work on
// a Copy. Without python3 or the generator, the test is skipped.
func Large(tb testing.TB) string {
	tb.Helper()
	cache.once.Do(func() {
		cache.path, cache.skip, cache.err = prepareLarge()
	})
	if cache.skip != "" {
		tb.Skip(cache.skip)
	}
	if cache.err != nil {
		tb.Fatal(cache.err)
	}
	return cache.path
}

func prepareLarge() (path, skip string, err error) {
	path = filepath.Join(os.TempDir(), fmt.Sprintf("throughline-bench-v%d-%d.db", jstore.SchemaVersion(), LargeEntries))
	if _, err := os.Stat(path); err == nil {
		return path, "", nil
	}
	// Build in a folder of our own beside the cache, then rename: an
	// interrupted build leaves no half journal under the cached name.
	dir, err := os.MkdirTemp(os.TempDir(), "throughline-bench-build-")
	if err != nil {
		return "", "", err
	}
	defer os.RemoveAll(dir)
	corpus, skip, err := benchCorpus(dir)
	if skip != "" || err != nil {
		return "", skip, err
	}
	fmt.Fprintf(os.Stderr, "building a %d-entry journal for the benchmarks at %s (once)\n", LargeEntries, path)
	start := time.Now()
	built := filepath.Join(dir, "journal.db")
	if err := fillJournal(built, corpus); err != nil {
		return "", "", err
	}
	if err := os.Rename(built, path); err != nil {
		return "", "", err
	}
	fmt.Fprintf(os.Stderr, "built the journal in %s\n", time.Since(start).Round(100*time.Millisecond))
	return path, "", nil
}

// Corpus returns the path of the LargeEntries-entry corpus, as jrnl's
// JSON export: THROUGHLINE_CORPUS, or one generated into the test's temp
// folder. Without python3 or the generator, the test is skipped.
func Corpus(tb testing.TB) string {
	tb.Helper()
	path, skip, err := benchCorpus(tb.TempDir())
	if skip != "" {
		tb.Skip(skip)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return path
}

// benchCorpus returns the corpus named by THROUGHLINE_CORPUS, or generates
// one into dir with shared/corpus/gen_corpus.py, found beside the repository.
func benchCorpus(dir string) (path, skip string, err error) {
	if path := os.Getenv("THROUGHLINE_CORPUS"); path != "" {
		if _, err := os.Stat(path); err != nil {
			return "", "", fmt.Errorf("THROUGHLINE_CORPUS: %w", err)
		}
		return path, "", nil
	}
	const howTo = "; run the benchmarks with `bash scripts/bench.sh`, or set THROUGHLINE_CORPUS to the output of `gen_corpus.py 100000 --format json`"
	python, err := exec.LookPath("python3")
	if err != nil {
		return "", "python3 is needed to generate the benchmark corpus" + howTo, nil
	}
	gen, ok := findCorpusGenerator()
	if !ok {
		return "", "shared/corpus/gen_corpus.py was not found in any folder above this one" + howTo, nil
	}
	path = filepath.Join(dir, "corpus.json")
	fmt.Fprintf(os.Stderr, "generating %d corpus entries with %s\n", LargeEntries, gen)
	start := time.Now()
	cmd := exec.Command(python, gen, strconv.Itoa(LargeEntries), "--format", "json", "-o", path)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", "", fmt.Errorf("%s: %w", gen, err)
	}
	fmt.Fprintf(os.Stderr, "generated the corpus in %s\n", time.Since(start).Round(100*time.Millisecond))
	return path, "", nil
}

func findCorpusGenerator() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		gen := filepath.Join(dir, "shared", "corpus", "gen_corpus.py")
		if _, err := os.Stat(gen); err == nil {
			return gen, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// fillJournal creates the journal at path from the corpus, buildBatch
// entries per transaction.
func fillJournal(path, corpus string) error {
	s, err := jstore.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	f, err := os.Open(corpus)
	if err != nil {
		return err
	}
	defer f.Close()
	batch := make([]journal.Entry, 0, buildBatch)
	saved := 0
	flush := func() error {
		if _, err := s.CreateEntries(batch); err != nil {
			return err
		}
		saved += len(batch)
		batch = batch[:0]
		return nil
	}
	err = eachCorpusEntry(bufio.NewReaderSize(f, 1<<20), func(c corpusEntry) error {
		e, err := c.entry()
		if err != nil {
			return err
		}
		if batch = append(batch, e); len(batch) == buildBatch {
			return flush()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("%s: %w", corpus, err)
	}
	if saved != LargeEntries {
		return fmt.Errorf("%s has %d entries, want %d", corpus, saved, LargeEntries)
	}
	if err := s.Close(); err != nil {
		return err
	}
	// Closing the last connection checkpoints the log into the file; if
	// it did not, renaming the file alone would lose entries.
	if info, err := os.Stat(path + "-wal"); err == nil && info.Size() > 0 {
		return fmt.Errorf("%s-wal was not checkpointed on close", path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// corpusEntry is one entry of gen_corpus.py's JSON, which follows jrnl's export.
type corpusEntry struct {
	Title   string   `json:"title"`
	Body    string   `json:"body"`
	Date    string   `json:"date"`
	Time    string   `json:"time"`
	Tags    []string `json:"tags"`
	Starred bool     `json:"starred"`
}

func (c corpusEntry) entry() (journal.Entry, error) {
	at, err := journal.ParseWrittenAt(c.Date+" "+c.Time, time.Local)
	if err != nil {
		return journal.Entry{}, err
	}
	e := journal.Entry{WrittenAt: at, Title: c.Title, Body: c.Body, Mood: corpusMood(c.Body), Flagged: c.Starred}
	for _, tag := range c.Tags {
		e.Patterns = append(e.Patterns, strings.TrimPrefix(tag, "@"))
	}
	return e, nil
}

// corpusMood reads the body's last line, "Mood: N/5.", as N*2 on the
// journal's 1-10 scale, or 0 when there is no such line.
func corpusMood(body string) int {
	line := body[strings.LastIndexByte(body, '\n')+1:]
	rest, ok := strings.CutPrefix(line, "Mood: ")
	if !ok {
		return 0
	}
	rest, ok = strings.CutSuffix(rest, "/5.")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 1 || n > 5 {
		return 0
	}
	return n * 2
}

// eachCorpusEntry streams the "entries" array, so the whole corpus
// (about 150 MB) is never held in memory at once.
func eachCorpusEntry(r io.Reader, fn func(corpusEntry) error) error {
	dec := json.NewDecoder(r)
	expect := func(want json.Delim) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if tok != want {
			return fmt.Errorf("corpus JSON: got %v, want %v", tok, want)
		}
		return nil
	}
	if err := expect('{'); err != nil {
		return err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		if key != "entries" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return err
			}
			continue
		}
		if err := expect('['); err != nil {
			return err
		}
		for dec.More() {
			var c corpusEntry
			if err := dec.Decode(&c); err != nil {
				return err
			}
			if err := fn(c); err != nil {
				return err
			}
		}
		if err := expect(']'); err != nil {
			return err
		}
	}
	return expect('}')
}

// Copy copies the journal at src into the test's temp folder, so a test
// that writes never changes the cached journal.
func Copy(tb testing.TB, src string) string {
	tb.Helper()
	dst := filepath.Join(tb.TempDir(), "journal.db")
	in, err := os.Open(src)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
	return dst
}
