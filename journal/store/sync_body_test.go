package store

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// syncDevices makes a synced journal on "laptop" holding one entry, and
// joins the others named to it.
func syncDevices(t *testing.T, names ...string) (dir string, stores []*Store, entryID int64) {
	t.Helper()
	cheapKDF(t)
	dir = filepath.Join(t.TempDir(), "sync")
	a := syncFirst(t, dir)
	e, err := a.CreateEntry(journal.Entry{WrittenAt: a.now(), Title: "Thursday", Body: "as first written"})
	if err != nil {
		t.Fatal(err)
	}
	mustSync(t, a)
	stores = []*Store{a}
	for _, name := range names {
		stores = append(stores, syncJoin(t, dir, name))
	}
	return dir, stores, e.ID
}

// syncEveryone syncs each journal twice over, so each has sent and
// received everything.
func syncEveryone(t *testing.T, stores ...*Store) {
	t.Helper()
	for range 2 {
		for _, s := range stores {
			mustSync(t, s)
		}
	}
}

// editBody changes an entry's body, a few milliseconds after the last
// edit so the order of concurrent edits is the order they were made.
func editBody(t *testing.T, s *Store, id int64, body string) {
	t.Helper()
	time.Sleep(3 * time.Millisecond)
	e, err := s.Entry(id)
	if err != nil {
		t.Fatal(err)
	}
	e.Body = body
	if _, err := s.UpdateEntry(e); err != nil {
		t.Fatal(err)
	}
}

type shownVersion struct{ Body, Device string }

// bodyState is what a journal shows of an entry's body and its conflict.
func bodyState(t *testing.T, s *Store, id int64) (body string, conflicted bool, others []shownVersion) {
	t.Helper()
	e, err := s.Entry(id)
	if err != nil {
		t.Fatal(err)
	}
	listed, err := s.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range listed {
		if l.ID == id && l.Conflicted != e.Conflicted {
			t.Errorf("the list says conflicted %v, the entry %v", l.Conflicted, e.Conflicted)
		}
	}
	versions, err := s.BodyConflicts(id)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range versions {
		others = append(others, shownVersion{v.Body, v.Device})
		if v.At.IsZero() || time.Since(v.At) > time.Hour || (i > 0 && v.At.After(versions[i-1].At)) {
			t.Errorf("version %d at %v: not a recent time, newest first", i, v.At)
		}
	}
	return e.Body, e.Conflicted, others
}

func checkBodies(t *testing.T, stores []*Store, id int64, wantBody string, wantOthers []shownVersion) {
	t.Helper()
	for i, s := range stores {
		body, conflicted, others := bodyState(t, s, id)
		if body != wantBody || conflicted != (len(wantOthers) > 0) || !slices.Equal(others, wantOthers) {
			t.Errorf("journal %d shows %q, conflicted %v, other versions %q; want %q with %q", i, body, conflicted, others, wantBody, wantOthers)
		}
	}
}

func TestSync_ConcurrentBodyEdits(t *testing.T) {
	type edit struct {
		device int
		body   string // "" changes the mood only
	}
	tests := []struct {
		name  string
		edits [][]edit // each group made before everyone syncs
		body  string
		other []shownVersion
	}{
		{"two computers at once keep both texts", [][]edit{{{0, "on the laptop"}, {1, "on the desktop"}}},
			"on the desktop", []shownVersion{{"on the laptop", "laptop"}}},
		{"one after the other is no conflict", [][]edit{{{0, "on the laptop"}}, {{1, "then on the desktop"}}},
			"then on the desktop", nil},
		{"three computers at once keep all three", [][]edit{{{1, "on the desktop"}, {0, "on the laptop"}, {2, "on the phone"}}},
			"on the phone", []shownVersion{{"on the laptop", "laptop"}, {"on the desktop", "desktop"}}},
		{"a later edit on one side keeps the other side's text", [][]edit{{{0, "laptop 1"}, {1, "desktop"}, {0, "laptop 2"}}},
			"laptop 2", []shownVersion{{"desktop", "desktop"}}},
		{"an edit of the text on show keeps the other version waiting", [][]edit{{{0, "on the laptop"}, {1, "on the desktop"}}, {{1, "desktop again"}}},
			"desktop again", []shownVersion{{"on the laptop", "laptop"}}},
		{"a mood changed while the other edits the text is no conflict", [][]edit{{{1, "on the desktop"}, {0, ""}}},
			"on the desktop", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stores, id := syncDevices(t, "desktop", "phone")
			for _, group := range tt.edits {
				for _, ed := range group {
					if ed.body != "" {
						editBody(t, stores[ed.device], id, ed.body)
						continue
					}
					time.Sleep(3 * time.Millisecond)
					e, err := stores[ed.device].Entry(id)
					if err != nil {
						t.Fatal(err)
					}
					e.Mood = 7
					if _, err := stores[ed.device].UpdateEntry(e); err != nil {
						t.Fatal(err)
					}
				}
				syncEveryone(t, stores...)
			}
			checkBodies(t, stores, id, tt.body, tt.other)
		})
	}
}

func TestSync_ResolveBodyConflict(t *testing.T) {
	tests := []struct {
		name   string
		choose func(others []journal.BodyVersion, shown string) string
	}{
		{"the other version", func(others []journal.BodyVersion, _ string) string { return others[0].Body }},
		{"the version on show", func(_ []journal.BodyVersion, shown string) string { return shown }},
		{"both joined", func(others []journal.BodyVersion, shown string) string { return others[0].Body + "\n\n" + shown }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stores, id := syncDevices(t, "desktop", "phone")
			editBody(t, stores[0], id, "on the laptop")
			editBody(t, stores[1], id, "on the desktop")
			syncEveryone(t, stores...)
			others, err := stores[1].BodyConflicts(id)
			if err != nil || len(others) != 1 {
				t.Fatalf("before resolving: %+v, %v", others, err)
			}
			chosen := tt.choose(others, "on the desktop")
			if err := stores[1].ResolveBodyConflict(id, chosen); err != nil {
				t.Fatal(err)
			}
			if body, conflicted, _ := bodyState(t, stores[1], id); conflicted || body != chosen {
				t.Errorf("where resolved: %q, conflicted %v", body, conflicted)
			}
			syncEveryone(t, stores...)
			checkBodies(t, stores, id, chosen, nil)
			if got, err := stores[1].Search(SearchQuery{Text: "laptop"}); err != nil || (len(got.Hits) > 0) != strings.Contains(chosen, "laptop") {
				t.Errorf("searching for the chosen text: %+v, %v", got.Hits, err)
			}
		})
	}
}

func TestSync_ResolveWithoutConflict(t *testing.T) {
	_, stores, id := syncDevices(t)
	err := stores[0].ResolveBodyConflict(id, "anything")
	var je *journal.Error
	if !errors.As(err, &je) || je.Code != journal.EInvalid || !strings.Contains(je.Message, "no versions from two computers") {
		t.Fatalf("got %v, want the no-conflict message", err)
	}
	if body, _, _ := bodyState(t, stores[0], id); body != "as first written" {
		t.Errorf("the body changed to %q", body)
	}
}

// The conflict is in the snapshot: a computer that joins after the
// segments were compacted away sees it too.
func TestSync_BodyConflictSurvivesSnapshot(t *testing.T) {
	dir, stores, id := syncDevices(t, "desktop")
	editBody(t, stores[0], id, "on the laptop")
	editBody(t, stores[1], id, "on the desktop")
	syncEveryone(t, stores...)
	snapshotNow(t, stores[0])
	segs, err := filepath.Glob(filepath.Join(dir, "devices", "*", "*.seg"))
	if err != nil || len(segs) == 0 {
		t.Fatalf("segments: %v, %v", segs, err)
	}
	for _, seg := range segs {
		if err := os.Remove(seg); err != nil {
			t.Fatal(err)
		}
	}
	phone := syncJoin(t, dir, "phone")
	checkBodies(t, []*Store{phone}, id, "on the desktop", []shownVersion{{"on the laptop", "laptop"}})

	// And the conflict still ends everywhere when resolved where it was
	// joined.
	if err := phone.ResolveBodyConflict(id, "chosen on the phone"); err != nil {
		t.Fatal(err)
	}
	syncEveryone(t, append(stores, phone)...)
	checkBodies(t, append(stores, phone), id, "chosen on the phone", nil)
}

// snapshotNow writes a snapshot of s as a sync round would when it is due.
func snapshotNow(t *testing.T, s *Store) {
	t.Helper()
	self, _, err := readSyncSelf(s.db)
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.openSyncFolder(self)
	if err != nil {
		t.Fatal(err)
	}
	payload, err := takeSyncSnapshot(s.db, self.HLC)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.WriteSnapshot(self.Device, self.Wrote+1000, s.covers(self.Device, self.Wrote), payload); err != nil {
		t.Fatal(err)
	}
}

// Whatever order the folder delivers the devices' files in, every journal
// ends with the same text and the same versions; a resolve may even
// arrive before a version it resolves.
func TestSync_BodyConflictAnyArrivalOrder(t *testing.T) {
	tests := []struct {
		name    string
		hide    int   // the device whose files arrive last at the phone
		resolve bool  // the desktop resolves before the phone sees anything
		rounds  []int // who syncs, in order, while the hidden files are away
	}{
		{"the laptop's files last", 0, false, []int{1, 2}},
		{"the desktop's files last", 1, false, []int{0, 2}},
		{"a resolve before the version it resolves", 0, true, []int{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, stores, id := syncDevices(t, "desktop", "phone")
			editBody(t, stores[0], id, "on the laptop")
			editBody(t, stores[1], id, "on the desktop")
			mustSync(t, stores[0])
			mustSync(t, stores[1])
			mustSync(t, stores[0])
			want, others := "on the desktop", []shownVersion{{"on the laptop", "laptop"}}
			if tt.resolve {
				want, others = "both, joined", nil
				if err := stores[1].ResolveBodyConflict(id, want); err != nil {
					t.Fatal(err)
				}
				mustSync(t, stores[1])
			}
			hidden := deviceDir(t, stores[tt.hide], dir)
			away := hidden + ".away"
			if err := os.Rename(hidden, away); err != nil {
				t.Fatal(err)
			}
			for _, i := range tt.rounds {
				mustSync(t, stores[i])
			}
			if err := os.Rename(away, hidden); err != nil {
				t.Fatal(err)
			}
			syncEveryone(t, stores...)
			checkBodies(t, stores, id, want, others)
		})
	}
}

func deviceDir(t *testing.T, s *Store, dir string) string {
	t.Helper()
	self, _, err := readSyncSelf(s.db)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "devices", self.Device)
}

func TestSync_DeletingEntryEndsBodyConflict(t *testing.T) {
	_, stores, id := syncDevices(t, "desktop")
	editBody(t, stores[0], id, "on the laptop")
	editBody(t, stores[1], id, "on the desktop")
	syncEveryone(t, stores...)
	checkBodies(t, stores, id, "on the desktop", []shownVersion{{"on the laptop", "laptop"}})
	if err := stores[0].DeleteEntry(id); err != nil {
		t.Fatal(err)
	}
	syncEveryone(t, stores...)
	for i, s := range stores {
		if _, err := s.Entry(id); err == nil {
			t.Errorf("journal %d still has the entry", i)
		}
		var kept int
		s.db.Raw("SELECT (SELECT count(*) FROM sync_conflicts) + (SELECT count(*) FROM sync_body_versions)").Scan(&kept)
		if kept != 0 {
			t.Errorf("journal %d keeps %d rows of the deleted entry's versions", i, kept)
		}
		if others, err := s.BodyConflicts(id); err != nil || len(others) != 0 {
			t.Errorf("journal %d: %+v, %v", i, others, err)
		}
	}
}

// The versions set aside are sealed like the body: no word of them is in
// the journal's file.
func TestSync_BodyConflictsHoldNoPlaintext(t *testing.T) {
	const canary = "canary-otter-vesper"
	_, stores, id := syncDevices(t, "desktop")
	editBody(t, stores[0], id, "laptop "+canary)
	editBody(t, stores[1], id, "on the desktop")
	syncEveryone(t, stores...)
	for i, s := range stores {
		var bodies []string
		s.db.Raw("SELECT body FROM sync_conflicts").Scan(&bodies)
		if len(bodies) != 1 || !strings.HasPrefix(bodies[0], sealedPrefix) {
			t.Fatalf("journal %d's conflicts table holds %q", i, bodies)
		}
		if err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error; err != nil {
			t.Fatal(err)
		}
		for _, suffix := range []string{"", "-wal"} {
			data, err := os.ReadFile(s.path + suffix)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			if bytes.Contains(data, []byte(canary)) {
				t.Errorf("journal %d's file%s holds the set-aside text", i, suffix)
			}
		}
	}
	if others, err := stores[1].BodyConflicts(id); err != nil || len(others) != 1 || others[0].Body != "laptop "+canary {
		t.Errorf("the set-aside version reads %+v, %v", others, err)
	}
}

// Step 22 ends a deleted entry's conflict: a journal of step 21 holding
// a conflict upgrades, shows it, and lets it go with the entry.
func TestMigrations_BodyVersionsUpgradeStep21(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	old := openWith(t, path, migrationsThrough(21))
	if got := appliedStep(t, old); got != 21 {
		t.Fatalf("the old journal is at step %d", got)
	}
	e, err := old.CreateEntry(journal.Entry{WrittenAt: time.Now(), Body: "kept"})
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"INSERT INTO sync_body_versions (entry_id, hlc, device, bases) VALUES (?, 1, 'a', '[]')",
		"INSERT INTO sync_body_versions (entry_id, hlc, device, bases) VALUES (?, 2, 'b', '[]')",
		"INSERT INTO sync_conflicts (entry_id, hlc, device, body) VALUES (?, 1, 'a', 'the other text')",
	} {
		if err := old.db.Exec(stmt, e.ID).Error; err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s := mustOpenAt(t, path)
	if got := appliedStep(t, s); got != 22 {
		t.Fatalf("upgraded to step %d", got)
	}
	if got, err := s.Entry(e.ID); err != nil || !got.Conflicted || got.Body != "kept" {
		t.Fatalf("after the upgrade: %+v, %v", got, err)
	}
	if err := s.DeleteEntry(e.ID); err != nil {
		t.Fatal(err)
	}
	var kept int
	s.db.Raw("SELECT (SELECT count(*) FROM sync_conflicts) + (SELECT count(*) FROM sync_body_versions)").Scan(&kept)
	if kept != 0 {
		t.Errorf("%d rows of the deleted entry's versions kept", kept)
	}
}

// migrationsThrough is the schema's history up to step id, as a journal
// of that release was made.
func migrationsThrough(id int) []migration {
	var out []migration
	for _, m := range migrations {
		if m.id <= id {
			out = append(out, m)
		}
	}
	return out
}

// Applied one at a time in any order, the same body changes leave the
// same text on show, the same versions and the same conflict: among them
// a resolve of two versions made while a third was being written, and an
// edit made after the resolve.
func TestSync_BodyVersionsAnyOrder(t *testing.T) {
	const id = 1000
	body := func(h uint64, device, text string, bases ...string) change {
		c := change{HLC: h, Device: device, Table: "entries", Key: "[1000]", Op: "update", Base: bases,
			Cols: map[string]syncValue{"body": toSyncValue(text)}}
		if h == 1 {
			c.Op = "insert"
			for col, v := range map[string]any{"written_at": int64(0), "written_offset": int64(0), "written_zone": "UTC",
				"created_at": int64(0), "updated_at": int64(0), "kind": "reflection", "title": ""} {
				c.Cols[col] = toSyncValue(v)
			}
		}
		return c
	}
	changes := []change{
		body(1, "a", "first"),
		body(5, "a", "A", "1/a"),
		body(6, "b", "B", "1/a"),
		body(7, "c", "C", "1/a"),
		body(9, "b", "resolved", "5/a", "6/b"),
		body(10, "a", "after the resolve", "9/b"),
	}
	s := mustOpen(t)
	state := func(tx *gorm.DB) string {
		var rows []string
		tx.Raw(`SELECT 'body ' || body FROM entries WHERE id = ?
			UNION ALL SELECT 'version ' || hlc || '/' || device || ' ' || bases FROM sync_body_versions
			UNION ALL SELECT 'conflict ' || hlc || '/' || device || ' ' || body FROM sync_conflicts
			UNION ALL SELECT 'pending ' || change FROM sync_pending`, id).Scan(&rows)
		slices.Sort(rows)
		return strings.Join(rows, "\n")
	}
	wantRows := []string{
		"body after the resolve",
		"conflict 7/c C",
		`version 10/a ["9/b"]`,
		`version 1/a []`,
		`version 5/a ["1/a"]`,
		`version 6/b ["1/a"]`,
		`version 7/c ["1/a"]`,
		`version 9/b ["5/a","6/b"]`,
	}
	slices.Sort(wantRows)
	want := strings.Join(wantRows, "\n")
	rng := rand.New(rand.NewPCG(19, 22))
	for round := range 60 {
		order := slices.Clone(changes)
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		tx := s.db.Begin()
		for _, c := range order {
			if _, err := s.applyChanges(tx, []change{c}); err != nil {
				tx.Rollback()
				t.Fatal(err)
			}
		}
		got := state(tx)
		tx.Rollback()
		if got != want {
			var stamps []string
			for _, c := range order {
				stamps = append(stamps, versionID(c.stamp()))
			}
			t.Fatalf("order %d %v:\n%s\nwant:\n%s", round, stamps, got, want)
		}
	}
}
