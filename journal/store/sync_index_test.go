package store

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// Search on one computer finds what another wrote, changed and deleted
// once it has synced: the encrypted journal's in-memory index follows
// each entry that arrives, and its episodes.
func TestSync_SearchFollowsWhatArrives(t *testing.T) {
	cheapKDF(t)
	dir := filepath.Join(t.TempDir(), "sync")
	laptop := syncFirst(t, dir)
	desktop := syncJoin(t, dir, "desktop")
	found := func(word string) int {
		t.Helper()
		res, err := desktop.Search(SearchQuery{Text: word})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	e, err := laptop.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: "On the train", Body: "a kestrel over the cutting"})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		change func(e *journal.Entry)
		want   map[string]int
	}{
		{"written", nil, map[string]int{"kestrel": 1, "train": 1}},
		{"text changed", func(e *journal.Entry) { e.Body = "a plover on the shore" },
			map[string]int{"kestrel": 0, "plover": 1}},
		{"an episode added", func(e *journal.Entry) {
			e.Episodes = []journal.Episode{{Person: "Sam", Wish: "to be heard by a curlew"}}
		}, map[string]int{"curlew": 1, "plover": 1}},
		{"title changed", func(e *journal.Entry) { e.Title = "Home at last" }, map[string]int{"train": 0, "home": 1}},
	}
	for _, st := range steps {
		if st.change != nil {
			got, err := laptop.Entry(e.ID)
			if err != nil {
				t.Fatal(err)
			}
			st.change(&got)
			if e, err = laptop.UpdateEntry(got); err != nil {
				t.Fatal(err)
			}
		}
		mustSync(t, laptop)
		mustSync(t, desktop)
		for word, want := range st.want {
			if got := found(word); got != want {
				t.Errorf("%s: searching %q on the other computer finds %d, want %d", st.name, word, got, want)
			}
		}
	}
	if err := laptop.DeleteEntry(e.ID); err != nil {
		t.Fatal(err)
	}
	mustSync(t, laptop)
	mustSync(t, desktop)
	for _, word := range []string{"plover", "curlew", "home"} {
		if got := found(word); got != 0 {
			t.Errorf("deleted: searching %q still finds %d", word, got)
		}
	}
}
