package store

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

var syncLong = flag.Bool("sync-long", false, "run the sync property test over many more seeds")

// syncWorld is several journals sharing one sync folder, each offline for
// spells, driven by a seeded random sequence of what people do.
type syncWorld struct {
	t       *testing.T
	rng     *rand.Rand
	dir     string
	devices []*Store
	online  []bool
	n       int
	at      time.Time
}

func newSyncWorld(t *testing.T, seed uint64, devices int) *syncWorld {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "sync")
	w := &syncWorld{t: t, dir: dir, rng: rand.New(rand.NewPCG(seed, 19)), at: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	w.devices = append(w.devices, syncFirst(t, dir))
	for i := 1; i < devices; i++ {
		w.devices = append(w.devices, syncJoin(t, dir, fmt.Sprintf("computer %d", i)))
	}
	w.online = make([]bool, devices)
	for i := range w.online {
		w.online[i] = true
	}
	return w
}

func (w *syncWorld) ids(s *Store, query string) []int64 {
	var ids []int64
	if err := s.db.Raw(query).Scan(&ids).Error; err != nil {
		w.t.Fatal(err)
	}
	return ids
}

func (w *syncWorld) pick(ids []int64) (int64, bool) {
	if len(ids) == 0 {
		return 0, false
	}
	return ids[w.rng.IntN(len(ids))], true
}

func (w *syncWorld) names(s *Store) (patterns, emotions []string) {
	ps, err := s.Patterns()
	if err != nil {
		w.t.Fatal(err)
	}
	for _, p := range ps {
		if !p.Archived && w.rng.IntN(6) == 0 {
			patterns = append(patterns, p.Name)
		}
	}
	es, err := s.Emotions()
	if err != nil {
		w.t.Fatal(err)
	}
	for _, e := range es {
		if w.rng.IntN(12) == 0 {
			emotions = append(emotions, e.Name)
		}
	}
	return patterns, emotions
}

var syncWords = []string{"quiet", "angry", "the bus", "my sister", "work", "sleep", "again", "a walk", "laughed", "tired"}

func (w *syncWorld) text(n int) string {
	out := ""
	for range n {
		out += syncWords[w.rng.IntN(len(syncWords))] + " "
	}
	return out
}

// step does one random thing on one random device; errors a person could
// meet (a row deleted meanwhile) are fine, anything else fails the test.
func (w *syncWorld) step() {
	d := w.rng.IntN(len(w.devices))
	s := w.devices[d]
	w.n++
	w.at = w.at.Add(time.Duration(w.rng.IntN(90)+1) * time.Minute)
	tag := fmt.Sprintf("%d-%d", d, w.n)
	var err error
	switch op := w.rng.IntN(14); op {
	case 0, 1, 2:
		ps, es := w.names(s)
		if w.rng.IntN(4) == 0 {
			es = append(es, fmt.Sprintf("shared feeling %d", w.rng.IntN(2)))
		}
		_, err = s.CreateEntry(journal.Entry{WrittenAt: w.at, Title: "t " + tag, Body: w.text(8), Mood: w.rng.IntN(5) + 1, Patterns: ps, Emotions: es})
	case 3, 4:
		if id, ok := w.pick(w.ids(s, "SELECT id FROM entries ORDER BY id")); ok {
			var e journal.Entry
			if e, err = s.Entry(id); err == nil {
				switch w.rng.IntN(4) {
				case 0:
					e.Title = "edited " + tag
				case 1:
					e.Mood = w.rng.IntN(5) + 1
				case 2:
					e.Patterns, e.Emotions = w.names(s)
				default:
					// Episodes, with people two computers may each add.
					ps, es := w.names(s)
					wishes := journal.WishComponent.Categories()
					e.Episodes = append(e.Episodes, journal.Episode{Person: fmt.Sprintf("person %d", w.rng.IntN(3)),
						Wish: "wanted " + tag, SelfResponse: w.text(3), Patterns: ps, Emotions: es,
						CCRT: journal.CCRT{Wishes: []string{wishes[w.rng.IntN(len(wishes))]}}})
					if len(e.Episodes) > 2 {
						e.Episodes = e.Episodes[1:]
					}
				}
				_, err = s.UpdateEntry(e)
			}
		}
	case 5:
		if id, ok := w.pick(w.ids(s, "SELECT id FROM entries ORDER BY id")); ok {
			err = s.DeleteEntry(id)
		}
	case 6:
		// Shared names: two computers apart may each make the same one.
		name := "pattern " + tag
		if w.rng.IntN(2) == 0 {
			name = fmt.Sprintf("shared %d", w.rng.IntN(3))
		}
		_, err = s.AddPattern(journal.Pattern{Name: name, Category: journal.Categories[0]})
	case 7:
		if id, ok := w.pick(w.ids(s, "SELECT id FROM patterns ORDER BY id")); ok {
			var p journal.Pattern
			if p, err = s.Pattern(id); err == nil {
				p.Name = "renamed " + tag
				_, err = s.UpdatePattern(p)
			}
		}
	case 8:
		ids := w.ids(s, "SELECT id FROM patterns ORDER BY id")
		from, ok1 := w.pick(ids)
		into, ok2 := w.pick(ids)
		if ok1 && ok2 && from != into {
			err = s.MergePatterns(from, into)
		}
	case 9:
		_, err = s.AddGoal(journal.Goal{Title: "goal " + tag})
	case 10:
		if id, ok := w.pick(w.ids(s, "SELECT id FROM goals WHERE parent_id IS NULL ORDER BY id")); ok {
			err = s.MoveGoal(id, w.rng.IntN(4))
		}
	case 11:
		if id, ok := w.pick(w.ids(s, "SELECT id FROM entries ORDER BY id")); ok {
			// A few files, so two computers apart may attach the same one.
			_, err = s.AddAttachment(id, "scan-"+tag+".pdf", fmt.Appendf(nil, "%%PDF-1.4\n%% scan %d\n", w.rng.IntN(3)))
		}
	case 12:
		_, err = s.SaveSession(journal.Session{At: w.at, Format: journal.SessionFormats[0], Approach: journal.SessionApproaches[0], Takeaways: w.text(4)})
	case 13:
		_, err = s.SaveMeasurement(journal.PHQ9, make([]int, 9), journal.NoDifficulty, w.at)
	}
	if err != nil && journal.ErrorCode(err) != journal.ENotFound && journal.ErrorCode(err) != journal.EInvalid {
		w.t.Fatalf("step %d on device %d: %v", w.n, d, err)
	}
	// Spells offline: a device drops out now and then, and comes back.
	if w.rng.IntN(10) == 0 {
		w.online[d] = !w.online[d]
	}
	if w.online[d] && w.rng.IntN(3) == 0 {
		w.sync(d)
	}
}

func (w *syncWorld) sync(d int) journal.SyncReport {
	w.t.Helper()
	r, err := w.devices[d].Sync()
	if err != nil {
		w.t.Fatalf("sync on device %d after step %d: %v", d, w.n, err)
	}
	if len(r.Problems) > 0 {
		w.t.Fatalf("sync on device %d: %v", d, r.Problems)
	}
	return r
}

// settle syncs every device until a whole round moves nothing.
func (w *syncWorld) settle() {
	for round := 0; round < 10; round++ {
		moved := 0
		for d := range w.devices {
			r := w.sync(d)
			moved += r.Sent + r.Received
		}
		if moved == 0 {
			return
		}
	}
	w.t.Fatal("the devices never went quiet")
}

func (w *syncWorld) assertSame() {
	w.t.Helper()
	want := exportJSON(w.t, w.devices[0])
	for d := 1; d < len(w.devices); d++ {
		if got := exportJSON(w.t, w.devices[d]); got != want {
			for i, s := range w.devices {
				var p []string
				s.db.Raw("SELECT change FROM sync_pending").Scan(&p)
				var a []string
				s.db.Raw("SELECT tbl||' '||from_id||'>'||to_id FROM sync_aliases").Scan(&a)
				w.t.Logf("device %d: waiting %v, aliases %v", i, p, a)
			}
			w.t.Fatalf("device %d's export differs from device 0's after %d steps:\n%s", d, w.n, firstDifference(want, got))
		}
	}
}

// firstDifference shows the lines around the first that differ.
func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(la) && i < len(lb) && la[i] == lb[i] {
		i++
	}
	lo := max(0, i-25)
	return fmt.Sprintf("device 0 from line %d:\n%s\nother:\n%s", lo, strings.Join(la[lo:min(len(la), i+8)], "\n"), strings.Join(lb[lo:min(len(lb), i+8)], "\n"))
}

// The property that matters most: whatever two or three computers do,
// offline for spells, once all have synced their journals are the same.
func TestSync_ConvergesOverRandomOperations(t *testing.T) {
	seeds, ops, counts := 8, 60, []int{2, 3}
	if *syncLong {
		seeds = 200
	}
	cheapKDF(t)
	start := time.Now()
	t.Run("all", func(t *testing.T) {
		for _, devices := range counts {
			for seed := range seeds {
				t.Run(fmt.Sprintf("devices=%d/seed=%d", devices, seed), func(t *testing.T) {
					w := newSyncWorld(t, uint64(seed), devices)
					for range ops {
						w.step()
					}
					w.settle()
					w.assertSame()
				})
			}
		}
	})
	t.Logf("%v devices, %d seeds × %d operations each: %v", counts, seeds, ops, time.Since(start))
}
