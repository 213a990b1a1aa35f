package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// Eight Stores, each with its own connection as eight programs would
// have, open one journal at the same moment and write to it: exactly one
// makes (or upgrades) it, the others wait, and every write waits its turn.
func TestWriters_EightStoresAtOnce(t *testing.T) {
	const stores, writes = 8, 20
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string) int // entries already there
	}{
		{"a new journal", func(*testing.T, string) int { return 0 }},
		{"a journal of the previous schema", func(t *testing.T, path string) int {
			old := openWith(t, path, migrations[:len(migrations)-1])
			defer old.Close()
			// As that release wrote it: today's code expects today's tables.
			err := old.db.Exec(`INSERT INTO entries (written_at, written_offset, written_zone, created_at, updated_at, kind, title)
				VALUES (0, 0, 'UTC', 0, 0, 'reflection', 'Before the upgrade')`).Error
			if err != nil {
				t.Fatal(err)
			}
			return 1
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			before := tt.prepare(t, path)
			start := make(chan struct{})
			errs := make([]error, stores)
			var wg sync.WaitGroup
			for i := range stores {
				wg.Go(func() {
					<-start
					s, err := Open(path)
					if err != nil {
						errs[i] = fmt.Errorf("store %d: opening: %w", i, err)
						return
					}
					defer s.Close()
					for j := 0; j < writes; j += 2 {
						e, err := s.CreateEntry(journal.Entry{Title: fmt.Sprintf("Store %d, write %d", i, j), WrittenAt: time.Now()})
						if err == nil {
							e.Body = "Edited."
							_, err = s.UpdateEntry(e)
						}
						if err != nil {
							errs[i] = fmt.Errorf("store %d, write %d: %w", i, j, err)
							return
						}
					}
				})
			}
			close(start)
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				t.Fatal(err)
			}

			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var steps []int
			s.db.Raw("SELECT id FROM schema_migrations ORDER BY id").Scan(&steps)
			if len(steps) != len(migrations) || steps[len(steps)-1] != SchemaVersion() {
				t.Errorf("steps recorded: %v, want each of the %d once", steps, len(migrations))
			}
			entries, err := s.Entries(journal.EntryQuery{})
			if err != nil {
				t.Fatal(err)
			}
			edited := 0
			for _, e := range entries {
				if e.Body == "Edited." {
					edited++
				}
			}
			if want := stores * writes / 2; len(entries) != before+want || edited != want {
				t.Errorf("%d entries, %d of them edited; want %d, %d edited", len(entries), edited, before+want, want)
			}
		})
	}
}

// A checkpoint can't empty the log while another program reads an older
// snapshot, and it holds the writers' lock while it waits: it gives up
// soon rather than keep every other writer waiting, and the next one,
// once the reader is done, empties the log.
func TestWriters_CheckpointDoesNotHoldWritersBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	a, b := mustOpenAt(t, path), mustOpenAt(t, path)
	e, err := a.CreateEntry(journal.Entry{Title: "Read while edited", WrittenAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	reader, err := sql.Open("sqlite", fileURI(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	tx, err := reader.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRow("SELECT COUNT(*) FROM entries").Scan(&n); err != nil {
		t.Fatal(err)
	}

	const patience = 2500 * time.Millisecond
	edited := make(chan error, 1)
	started := time.Now()
	go func() {
		e.Body = "Edited while another program reads."
		_, err := a.UpdateEntry(e)
		edited <- err
	}()
	time.Sleep(100 * time.Millisecond) // a's checkpoint is waiting for the reader by now
	writeStarted := time.Now()
	if _, err := b.CreateEntry(journal.Entry{Title: "Written meanwhile", WrittenAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(writeStarted); took > patience {
		t.Errorf("a write waited %s behind another's checkpoint", took.Round(time.Millisecond))
	}
	if err := <-edited; err != nil {
		t.Fatal(err)
	}
	if took := time.Since(started); took > patience {
		t.Errorf("an edit took %s, waiting for a reader to let its checkpoint finish", took.Round(time.Millisecond))
	}

	tx.Rollback()
	e.Body = "Edited again."
	if _, err := a.UpdateEntry(e); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path + "-wal"); err != nil || info.Size() != 0 {
		t.Errorf("the log after the reader finished: %v, %v; want it emptied", info.Size(), err)
	}
}

// When a writer can't wait any longer, or the journal is being made by
// another program for longer than a writer waits, it says so, and
// nothing changes.
func TestWriters_SaysSoWhenItCantWait(t *testing.T) {
	saved := writeWait
	writeWait = 300 * time.Millisecond
	defer func() { writeWait = saved }()

	t.Run("another writer keeps the journal", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "journal.db")
		s := mustOpenAt(t, path)
		holder, err := sql.Open("sqlite", fileURI(path, nil))
		if err != nil {
			t.Fatal(err)
		}
		defer holder.Close()
		conn, err := holder.Conn(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
			t.Fatal(err)
		}
		_, err = s.CreateEntry(journal.Entry{Title: "Never saved", WrittenAt: time.Now()})
		conn.ExecContext(t.Context(), "ROLLBACK")
		if journal.ErrorCode(err) != journal.EBusy || !strings.Contains(err.Error(), "another program has been writing to the journal for over 0.3 seconds") || !strings.Contains(err.Error(), "Nothing was changed") {
			t.Errorf("got %v (%s), want a message that it waited its turn and gave up", err, journal.ErrorCode(err))
		}
		if n, err := s.CountEntries(); err != nil || n != 0 {
			t.Errorf("%d entries (%v) after the write that gave up, want none", n, err)
		}
	})

	t.Run("another program is making the journal", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "journal.db")
		maker := &upgradeLock{path: path}
		if err := maker.hold(); err != nil {
			t.Fatal(err)
		}
		defer maker.release()
		_, err := Open(path)
		if journal.ErrorCode(err) != journal.EBusy || !strings.Contains(err.Error(), "creating or upgrading the journal at "+path) {
			t.Errorf("got %v (%s), want a message that it waited for the journal to be made", err, journal.ErrorCode(err))
		}
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("the journal file: %v; want it left to the program making it", err)
		}
	})

	t.Run("the upgrade lock can't be taken", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "journal.db")
		if err := os.Mkdir(path+".upgrade.lock", 0o700); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path)
		if journal.ErrorCode(err) != journal.EUnwritable || !strings.Contains(err.Error(), path+".upgrade.lock") || !strings.Contains(err.Error(), "Choose another place with --db") {
			t.Errorf("got %v (%s), want a message naming the lock and what to do", err, journal.ErrorCode(err))
		}
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("the journal file: %v; want none made without the lock", err)
		}
	})
}

func mustOpenAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
