package journal

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
)

// The benchmarks run on a journal of benchEntries entries from the shared
// corpus generator. Targets (from the issue): save under 10 ms, first page
// under 20 ms, open under 200 ms.
const (
	benchEntries = 100_000
	benchBatch   = 5_000 // entries per CreateEntries transaction while building
	benchPage    = 60
)

var benchCache struct {
	once sync.Once
	path string
	skip string
	err  error
}

// benchJournal returns the path of the shared 100,000-entry journal. It is
// built once and kept in the temp folder between runs; the name carries
// the schema version, so a new migration rebuilds it. Benchmarks that
// write must work on a copy (copyJournal).
func benchJournal(b *testing.B) string {
	b.Helper()
	benchCache.once.Do(func() {
		benchCache.path, benchCache.skip, benchCache.err = prepareBenchJournal()
	})
	if benchCache.skip != "" {
		b.Skip(benchCache.skip)
	}
	if benchCache.err != nil {
		b.Fatal(benchCache.err)
	}
	return benchCache.path
}

func prepareBenchJournal() (path, skip string, err error) {
	path = filepath.Join(os.TempDir(), fmt.Sprintf("throughline-bench-v%d-%d.db", len(migrations), benchEntries))
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
	fmt.Fprintf(os.Stderr, "building a %d-entry journal for the benchmarks at %s (once)\n", benchEntries, path)
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
	fmt.Fprintf(os.Stderr, "generating %d corpus entries with %s\n", benchEntries, gen)
	start := time.Now()
	cmd := exec.Command(python, gen, strconv.Itoa(benchEntries), "--format", "json", "-o", path)
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

// fillJournal creates the journal at path from the corpus, benchBatch
// entries per transaction.
func fillJournal(path, corpus string) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	f, err := os.Open(corpus)
	if err != nil {
		return err
	}
	defer f.Close()
	batch := make([]Entry, 0, benchBatch)
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
		if batch = append(batch, e); len(batch) == benchBatch {
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
	if saved != benchEntries {
		return fmt.Errorf("%s has %d entries, want %d", corpus, saved, benchEntries)
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

func (c corpusEntry) entry() (Entry, error) {
	at, err := ParseWrittenAt(c.Date+" "+c.Time, time.Local)
	if err != nil {
		return Entry{}, err
	}
	e := Entry{WrittenAt: at, Title: c.Title, Body: c.Body, Mood: corpusMood(c.Body), Flagged: c.Starred}
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

// copyJournal copies the journal at src into b's temp folder, so a
// benchmark that writes never changes the cached journal.
func copyJournal(b *testing.B, src string) string {
	b.Helper()
	dst := filepath.Join(b.TempDir(), "journal.db")
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dst
}

func openBench(b *testing.B, path string) *Store {
	b.Helper()
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// reportMillis adds ms/op, the unit the targets are given in.
func reportMillis(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(time.Millisecond), "ms/op")
}

// Target: under 10 ms. Each save is its own transaction, synced to disk.
func BenchmarkSaveEntry_100k(b *testing.B) {
	s := openBench(b, copyJournal(b, benchJournal(b)))
	e := Entry{
		WrittenAt: time.Date(2026, 11, 2, 21, 15, 0, 0, time.Local),
		Title:     "Quiet in the meeting again",
		Body: strings.Repeat("When my manager questioned the plan I went quiet, agreed to everything, "+
			"and then replayed the meeting all the way home on the train. ", 12),
		Mood:     4,
		Emotions: []string{"anxious"},
		Patterns: []string{"withdrawing under criticism", "rumination"},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.CreateEntry(e); err != nil {
			b.Fatal(err)
		}
	}
	reportMillis(b)
}

// Target: under 20 ms. Reads only, so the cached journal itself is used.
func BenchmarkFirstPage_100k(b *testing.B) {
	s := openBench(b, benchJournal(b))
	b.ReportAllocs()
	for b.Loop() {
		page, err := s.Entries(EntryQuery{Limit: benchPage})
		if err != nil {
			b.Fatal(err)
		}
		if len(page) != benchPage {
			b.Fatalf("first page has %d entries, want %d", len(page), benchPage)
		}
	}
	reportMillis(b)
}

// The 1000th page should cost what the first does: paging is by cursor,
// not OFFSET.
func BenchmarkNextPage_100k(b *testing.B) {
	const depth = 1000
	s := openBench(b, benchJournal(b))
	before, err := s.Entries(EntryQuery{Limit: (depth - 1) * benchPage})
	if err != nil {
		b.Fatal(err)
	}
	after := CursorAfter(before[len(before)-1])
	b.ReportAllocs()
	for b.Loop() {
		page, err := s.Entries(EntryQuery{Limit: benchPage, After: after})
		if err != nil {
			b.Fatal(err)
		}
		if len(page) != benchPage {
			b.Fatalf("page %d has %d entries, want %d", depth, len(page), benchPage)
		}
	}
	reportMillis(b)
}

// Target: under 200 ms. Open includes the header check and the migrations
// check; Close is timed too, as every open is paired with one.
func BenchmarkOpen_100k(b *testing.B) {
	path := copyJournal(b, benchJournal(b))
	b.ReportAllocs()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	reportMillis(b)
}

// What the Vocabulary screen (and later pattern views) reads for "all
// time": every entry's date, mood and names, without text.
func BenchmarkTaggings_100k(b *testing.B) {
	s := openBench(b, benchJournal(b))
	b.ReportAllocs()
	for b.Loop() {
		t, err := s.Taggings(time.Time{}, time.Time{})
		if err != nil {
			b.Fatal(err)
		}
		if len(t) != benchEntries {
			b.Fatalf("%d taggings, want %d", len(t), benchEntries)
		}
	}
	reportMillis(b)
}
