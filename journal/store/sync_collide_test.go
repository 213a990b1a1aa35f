package store

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/throughline/throughline/journal"
)

// syncPDF is the smallest file an entry can hold: what matters is that
// both computers attach the same bytes.
var syncPDF = []byte("%PDF-1.4\n% the same scan on both computers\n%%EOF\n")

// Two computers offline, each making the same name and attaching the same
// file: once synced, both journals hold both (the later made renamed
// "Name (2)") and one copy of the file, every link kept.
func TestSync_SameNamesAndFilesOnTwoComputers(t *testing.T) {
	cheapKDF(t)
	dir := filepath.Join(t.TempDir(), "sync")
	a := syncFirst(t, dir)
	b := syncJoin(t, dir, "desktop")
	made := map[*Store]journal.Entry{}
	patterns := map[*Store]int64{}
	for _, s := range []*Store{a, b} {
		p, err := s.AddPattern(journal.Pattern{Name: "Shared worry", Category: journal.Categories[0]})
		if err != nil {
			t.Fatal(err)
		}
		patterns[s] = p.ID
		if _, err := s.AddPerson(journal.Person{Name: "Sam", Role: "friend"}); err != nil {
			t.Fatal(err)
		}
		e, err := s.CreateEntry(journal.Entry{WrittenAt: s.now(), Title: "same day", Body: "written apart",
			Patterns: []string{"Shared worry"}, Emotions: []string{"brand new feeling"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddAttachment(e.ID, "scan.pdf", syncPDF); err != nil {
			t.Fatal(err)
		}
		made[s] = e
	}
	for range 2 {
		mustSync(t, a)
		mustSync(t, b)
	}
	if ea, eb := exportJSON(t, a), exportJSON(t, b); ea != eb {
		t.Fatalf("exports differ:\n%s", firstDifference(ea, eb))
	}
	lo, hi := min(patterns[a], patterns[b]), max(patterns[a], patterns[b])
	for _, s := range []*Store{a, b} {
		var pending int
		s.db.Raw("SELECT count(*) FROM sync_pending WHERE " + notClaim).Scan(&pending)
		if pending > 0 {
			t.Errorf("%d changes still waiting", pending)
		}
		for id, want := range map[int64]string{lo: "Shared worry", hi: "Shared worry (2)"} {
			p, err := s.Pattern(id)
			if err != nil || p.Name != want {
				t.Errorf("pattern %d: %q, %v; want %q", id, p.Name, err, want)
			}
		}
		people, err := s.People()
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range people {
			names = append(names, p.Name)
		}
		slices.Sort(names)
		if !slices.Equal(names, []string{"Sam", "Sam (2)"}) {
			t.Errorf("people %v, want Sam and Sam (2)", names)
		}
		var feelings int
		es, _ := s.Emotions()
		for _, e := range es {
			if e.Name == "brand new feeling" || e.Name == "brand new feeling (2)" {
				feelings++
			}
		}
		if feelings != 2 {
			t.Errorf("%d of the two new emotions", feelings)
		}
		var files []int64
		for _, e := range made {
			got, err := s.Entry(e.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Patterns) != 1 || len(got.Emotions) != 1 {
				t.Errorf("entry %d lost its links: %v %v", e.ID, got.Patterns, got.Emotions)
			}
			as, err := s.Attachments(e.ID)
			if err != nil || len(as) != 1 {
				t.Fatalf("entry %d's files: %v, %v", e.ID, as, err)
			}
			files = append(files, as[0].ID)
		}
		if files[0] != files[1] {
			t.Errorf("the same file is kept twice: %v", files)
		}
		var stored int
		s.db.Raw("SELECT count(*) FROM attachments").Scan(&stored)
		if stored != 1 {
			t.Errorf("%d stored files, want 1", stored)
		}
	}
}

// A file one computer let go of (its only entry deleted) while another,
// not yet knowing, attached it to an entry there: the file is kept on
// both, held by that entry.
func TestSync_FileLetGoOfWhileAttachedElsewhere(t *testing.T) {
	cheapKDF(t)
	dir := filepath.Join(t.TempDir(), "sync")
	a := syncFirst(t, dir)
	ea, err := a.CreateEntry(journal.Entry{WrittenAt: a.now(), Title: "first", Body: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddAttachment(ea.ID, "scan.pdf", syncPDF); err != nil {
		t.Fatal(err)
	}
	mustSync(t, a)
	b := syncJoin(t, dir, "desktop")
	eb, err := b.CreateEntry(journal.Entry{WrittenAt: b.now(), Title: "second", Body: "y"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddAttachment(eb.ID, "same scan.pdf", syncPDF); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteEntry(ea.ID); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*Store{a, b, a, b, a} {
		mustSync(t, s)
	}
	if ea, eb := exportJSON(t, a), exportJSON(t, b); ea != eb {
		t.Fatalf("the journals differ:\n%s", firstDifference(ea, eb))
	}
	for _, s := range []*Store{a, b} {
		as, err := s.Attachments(eb.ID)
		if err != nil || len(as) != 1 {
			t.Errorf("the second entry's files: %v, %v", as, err)
		}
	}
}
