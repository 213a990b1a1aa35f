package store

import (
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// FuzzStoreRoundTrip: whatever text a person writes comes back exactly.
func FuzzStoreRoundTrip(f *testing.F) {
	for _, seed := range []string{"", "plain", "👩‍👩‍👧‍👦", "שלום", "a\x00b", "\xff\xfe", "'); DROP TABLE entries; --"} {
		f.Add(seed, seed+" body")
	}
	s := mustOpen(f)
	f.Fuzz(func(t *testing.T, title, body string) {
		e, err := s.CreateEntry(journal.Entry{Title: title, Body: body, WrittenAt: time.Now()})
		if err != nil {
			if journal.ErrorCode(err) == journal.EInvalid {
				return // an empty entry
			}
			t.Fatal(err)
		}
		got, err := s.Entry(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != title || got.Body != body {
			t.Fatalf("round trip changed the text: %q/%q became %q/%q", title, body, got.Title, got.Body)
		}
	})
}
