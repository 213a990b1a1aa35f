package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal/journaltest"
	jstore "github.com/throughline/throughline/journal/store"

	"github.com/throughline/throughline/journal"
)

// Target: unlocking a 10,000-entry encrypted journal, Argon2id and the
// in-memory search index included, in under 2 s.
func BenchmarkUnlock_10k(b *testing.B) {
	path := journaltest.Encrypted(b, 10_000)
	for b.Loop() {
		s, err := jstore.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Unlock(journaltest.Passphrase); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	reportMillis(b)
}

// Target: an encrypted save in under 15 ms.
func BenchmarkEncryptedSave_10k(b *testing.B) {
	s := openBench(b, journaltest.Copy(b, journaltest.Encrypted(b, 10_000)))
	if err := s.Unlock(journaltest.Passphrase); err != nil {
		b.Fatal(err)
	}
	e := journal.Entry{
		WrittenAt: time.Date(2026, 11, 2, 21, 15, 0, 0, time.Local),
		Title:     "Quiet in the meeting again",
		Body:      strings.Repeat("When my manager questioned the plan I went quiet, agreed to everything. ", 12),
		Mood:      4,
		Patterns:  []string{"withdrawing under criticism"},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.CreateEntry(e); err != nil {
			b.Fatal(err)
		}
	}
	reportMillis(b)
}
