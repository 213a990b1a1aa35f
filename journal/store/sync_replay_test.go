package store

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal/syncfolder"
)

// folderChanges reads every change every device wrote to the folder.
func folderChanges(t *testing.T, w *syncWorld) []change {
	t.Helper()
	f, err := syncfolder.Open(w.dir, w.devices[0].keys.data)
	if err != nil {
		t.Fatal(err)
	}
	devices, err := f.Devices()
	if err != nil {
		t.Fatal(err)
	}
	var all []change
	for _, d := range devices {
		segs, err := f.Read(d, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, seg := range segs {
			var cs []change
			if err := json.Unmarshal(seg.Payload, &cs); err != nil {
				t.Fatal(err)
			}
			all = append(all, cs...)
		}
	}
	return all
}

// replay applies changes to s in the order given, a few at a time, as
// rounds of sync would, then once more for what still waits.
func replay(t *testing.T, s *Store, changes []change, rng *rand.Rand) {
	t.Helper()
	apply := func(batch []change) {
		err := s.db.Transaction(func(tx *gorm.DB) error {
			if _, err := s.applyChanges(tx, batch); err != nil {
				return err
			}
			return tx.Exec("DELETE FROM sync_outbox").Error
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for len(changes) > 0 {
		n := min(len(changes), 1+rng.IntN(12))
		apply(slices.Clone(changes[:n]))
		changes = changes[n:]
	}
	apply(nil)
}

// Changes arrive in any order (a file-sync service moves files as it
// likes, and a computer may be offline for months): the same set of
// changes, replayed in shuffled orders into journals joined before any of
// them were made, gives the journal the computers that made them hold.
func TestSync_ReplayInShuffledOrderGivesTheSameJournal(t *testing.T) {
	cheapKDF(t)
	seeds := 3
	if *syncLong {
		seeds = 40
	}
	for seed := range seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			w := newSyncWorld(t, uint64(100+seed), 3)
			var replayers []*Store
			for i := range 3 {
				replayers = append(replayers, syncJoin(t, w.dir, fmt.Sprintf("replay %d", i)))
			}
			for range 60 {
				w.step()
			}
			w.settle()
			w.assertSame()
			want := exportJSON(t, w.devices[0])
			changes := folderChanges(t, w)
			for i, r := range replayers {
				rng := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
				rng.Shuffle(len(changes), func(a, b int) { changes[a], changes[b] = changes[b], changes[a] })
				replay(t, r, changes, rng)
				if got := exportJSON(t, r); got != want {
					t.Fatalf("replay %d of %d changes differs from the journal that made them:\n%s", i, len(changes), firstDifference(want, got))
				}
			}
		})
	}
}
