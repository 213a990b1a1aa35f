package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// syncBenchJournal is an encrypted journal of n entries, each with two
// patterns and an emotion, syncing through a new folder.
func syncBenchJournal(b *testing.B, n int) (s *Store, dir string) {
	b.Helper()
	saved := defaultKDF
	defaultKDF = kdfParams{Time: 1, Memory: 64, Threads: 1}
	b.Cleanup(func() { defaultKDF = saved })
	s = mustOpen(b)
	patterns := []string{"people-pleasing", "withdrawing", "intellectualising", "rescuing", "testing"}
	entries := make([]journal.Entry, n)
	at := time.Date(2020, 1, 1, 21, 0, 0, 0, time.UTC)
	for i := range entries {
		entries[i] = journal.Entry{
			WrittenAt: at.Add(time.Duration(i) * 6 * time.Hour),
			Title:     fmt.Sprintf("Evening %d", i),
			Body:      strings.Repeat("I went quiet when she raised her voice, and said yes again. ", 8),
			Mood:      1 + i%10,
			Patterns:  []string{patterns[i%5], patterns[(i+2)%5]},
			Emotions:  []string{"anxious"},
		}
	}
	if _, err := s.CreateEntries(entries); err != nil {
		b.Fatal(err)
	}
	if err := s.EnableEncryption(syncPass); err != nil {
		b.Fatal(err)
	}
	dir = filepath.Join(b.TempDir(), "sync")
	if err := s.EnableSync(dir, "laptop"); err != nil {
		b.Fatal(err)
	}
	return s, dir
}

// Target: a round with nothing to send or receive, which the window runs
// every minute, costs nothing that grows with the journal (well under
// 50 ms at 10k).
func BenchmarkSyncIdleRound_10k(b *testing.B) {
	s, _ := syncBenchJournal(b, 10_000)
	for b.Loop() {
		if r, err := s.Sync(); err != nil || r.Sent+r.Received > 0 {
			b.Fatal(r, err)
		}
	}
	reportSyncMillis(b)
}

// Target: receiving one new entry from another computer at 10k entries
// in under 150 ms: what the open window does, in the background, each
// time one arrives. Most of it is rebuilding the link tables from their
// registers (linkRows), which still grows with the journal.
func BenchmarkSyncReceiveOne_10k(b *testing.B) {
	laptop, dir := syncBenchJournal(b, 10_000)
	desktop, err := JoinSync(filepath.Join(b.TempDir(), "desktop.db"), dir, syncPass, "desktop")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { desktop.Close() })
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		if _, err := laptop.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: fmt.Sprintf("From the laptop %d", i), Patterns: []string{"rescuing"}}); err != nil {
			b.Fatal(err)
		}
		if _, err := laptop.Sync(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if r, err := desktop.Sync(); err != nil || r.Received == 0 {
			b.Fatal(r, err)
		}
	}
	reportSyncMillis(b)
}

func reportSyncMillis(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}
