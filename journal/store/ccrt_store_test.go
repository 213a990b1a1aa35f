package store

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// An episode's categories, expected/actual and valence come back as
// saved, in the lists' order; its free text stays sealed when the
// journal is encrypted.
func TestEpisodes_CCRTRoundTrip(t *testing.T) {
	s := mustOpen(t)
	if err := s.EnableEncryption("a long enough passphrase"); err != nil {
		t.Fatal(err)
	}
	want := journal.CCRT{Wishes: []string{"to be close", "to be understood"},
		Other: journal.Response{Categories: []string{"rejecting"}, Expected: true, Valence: "negative"},
		Self:  journal.Response{Categories: []string{"withdrawn", "anxious"}, Valence: "negative"}}
	e, err := s.CreateEntry(journal.Entry{Title: "Dinner", WrittenAt: time.Date(2026, 11, 2, 20, 0, 0, 0, time.UTC),
		Episodes: []journal.Episode{{Person: "Sam", Wish: "secret wish words", CCRT: want}}})
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Episodes()
	if err != nil || len(all) != 1 {
		t.Fatalf("episodes: %+v, %v", all, err)
	}
	got := all[0]
	// Stored in list order, not the order given.
	want.Wishes, want.Self.Categories = []string{"to be understood", "to be close"}, []string{"withdrawn", "anxious"}
	if !reflect.DeepEqual(got.CCRT, want) || got.Person != "Sam" || got.Wish != "secret wish words" || got.EntryID != e.ID {
		t.Errorf("got %+v\nwant CCRT %+v", got, want)
	}
	var stored string
	s.db.Raw("SELECT wish FROM episodes").Scan(&stored)
	if stored == "secret wish words" {
		t.Error("the wish's text is stored in the clear in an encrypted journal")
	}
	// An unknown category is refused and nothing changes.
	bad := e
	bad.Episodes = []journal.Episode{{Person: "Sam", CCRT: journal.CCRT{Wishes: []string{"to be adored"}}}}
	if _, err := s.UpdateEntry(bad); journal.ErrorCode(err) != journal.EInvalid {
		t.Errorf("an unknown wish: %v", err)
	}
	if again, _ := s.Episodes(); len(again) != 1 || len(again[0].CCRT.Wishes) != 2 {
		t.Errorf("after a refused edit: %+v", again)
	}
}

// Step 17 adds the categories: a journal of step 14 keeps its episodes,
// with no categories, and takes categorised ones afterwards.
func TestMigrations_CCRTUpgradesStep14(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	before := -1
	for i, m := range migrations {
		if m.id == 14 {
			before = i
		}
	}
	old := openWith(t, path, migrations[:before+1])
	for _, sql := range []string{
		`INSERT INTO entries (id, written_at, written_offset, written_zone, created_at, updated_at, kind, title, body) VALUES (1, 1790000000, 0, 'UTC', 0, 0, 'reflection', 't', 'b')`,
		`INSERT INTO people (id, name, name_key, role) VALUES (1, 'Mum', 'mum', 'parent')`,
		`INSERT INTO episodes (id, entry_id, position, person_id, wish) VALUES (1, 1, 0, 1, 'to be heard')`,
		// As that release indexed what it wrote, so a later edit can unindex it.
		`INSERT INTO ` + searchTable + ` (` + searchTable + `) VALUES ('rebuild')`,
	} {
		if err := old.db.Exec(sql).Error; err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	eps, err := s.Episodes()
	if err != nil || len(eps) != 1 || eps[0].Wish != "to be heard" || eps[0].Person != "Mum" || !reflect.DeepEqual(eps[0].CCRT, journal.CCRT{}) {
		t.Fatalf("after the upgrade: %+v, %v", eps, err)
	}
	e, err := s.Entry(1)
	if err != nil {
		t.Fatal(err)
	}
	e.Episodes[0].CCRT = journal.CCRT{Wishes: []string{"to be respected"}, Other: journal.Response{Categories: []string{"dismissive"}, Valence: "negative"}}
	if _, err := s.UpdateEntry(e); err != nil {
		t.Fatal(err)
	}
	if eps, _ := s.Episodes(); len(eps) != 1 || eps[0].CCRT.Wishes[0] != "to be respected" || eps[0].CCRT.Other.Valence != "negative" {
		t.Errorf("after a categorised save: %+v", eps)
	}
	// The columns refuse what no form offers, whoever writes it.
	if err := s.db.Exec("UPDATE episodes SET other_valence = 'meh'").Error; err == nil {
		t.Error("the journal took a valence of meh")
	}
}
