package store

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

func TestStore_PatternVocabulary(t *testing.T) {
	s := mustOpen(t)
	added, err := s.AddPattern(journal.Pattern{Name: "  Doom   scrolling ", Description: "Scrolling instead of feeling.", Colour: "#3a7bd5"})
	if err != nil {
		t.Fatal(err)
	}
	if added.Name != "Doom scrolling" || added.Category != journal.CategoryOwn {
		t.Errorf("added %+v", added)
	}
	tests := []struct {
		name string
		do   func() error
		want string // "" for success
	}{
		{"same name, other case", func() error { _, err := s.AddPattern(journal.Pattern{Name: "doom-scrolling"}); return err }, "already a pattern"},
		{"seeded name", func() error { _, err := s.AddPattern(journal.Pattern{Name: "DENIAL"}); return err }, "already a pattern"},
		{"blank", func() error { _, err := s.AddPattern(journal.Pattern{Name: " "}); return err }, "needs a name"},
		{"hash in name", func() error { _, err := s.AddPattern(journal.Pattern{Name: "#x"}); return err }, "leave out"},
		{"bad colour", func() error { _, err := s.AddPattern(journal.Pattern{Name: "x", Colour: "blue"}); return err }, "not a colour"},
		{"bad category", func() error { _, err := s.AddPattern(journal.Pattern{Name: "x", Category: "vibes"}); return err }, "not a pattern category"},
		{"rename onto another", func() error {
			_, err := s.UpdatePattern(journal.Pattern{ID: added.ID, Name: "Denial", Category: journal.CategoryOwn})
			return err
		}, "already a pattern"},
		{"rename to own name in other case", func() error {
			_, err := s.UpdatePattern(journal.Pattern{ID: added.ID, Name: "DOOM scrolling", Category: journal.CategoryOwn, Colour: "#000000"})
			return err
		}, ""},
		{"rename missing", func() error { _, err := s.UpdatePattern(journal.Pattern{ID: 999, Name: "new"}); return err }, "no pattern 999"},
		{"merge into itself", func() error { return s.MergePatterns(added.ID, added.ID) }, "into itself"},
		{"merge missing", func() error { return s.MergePatterns(999, added.ID) }, "no pattern 999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// Renaming and merging keep every link from entries and episodes.
func TestStore_RenameAndMergeKeepLinks(t *testing.T) {
	s := mustOpen(t)
	at := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	saved, err := s.CreateEntries([]journal.Entry{
		{Title: "both", WrittenAt: at, Patterns: []string{"avoidance", "denial"}},
		{Title: "avoidance only", WrittenAt: at.Add(time.Hour), Patterns: []string{"avoidance"}},
		{Title: "in an episode", WrittenAt: at.Add(2 * time.Hour), Episodes: []journal.Episode{{Person: "Sam", Patterns: []string{"avoidance"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	avoidance, _ := s.PatternNamed("avoidance")
	denial, _ := s.PatternNamed("denial")

	// Rename: the same links under the new name.
	avoidance.Name = "Steering clear"
	if _, err := s.UpdatePattern(avoidance); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Entry(saved[1].ID); !reflect.DeepEqual(e.Patterns, []string{"Steering clear"}) {
		t.Errorf("after rename, entry names %v", e.Patterns)
	}

	// Merge: every link moves, one link where an entry named both.
	if err := s.MergePatterns(avoidance.ID, denial.ID); err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]string{{"denial"}, {"denial"}, nil} {
		e, _ := s.Entry(saved[i].ID)
		if !reflect.DeepEqual(e.Patterns, want) {
			t.Errorf("entry %q names %v after merge, want %v", e.Title, e.Patterns, want)
		}
	}
	if e, _ := s.Entry(saved[2].ID); !reflect.DeepEqual(e.Episodes[0].Patterns, []string{"denial"}) {
		t.Errorf("episode names %v after merge, want [denial]", e.Episodes[0].Patterns)
	}
	if _, err := s.Pattern(avoidance.ID); journal.ErrorCode(err) != journal.ENotFound {
		t.Errorf("merged pattern still there: %v", err)
	}
	if tg, _ := s.Taggings(time.Time{}, time.Time{}); len(tg) != 3 || !reflect.DeepEqual(tg[2].Patterns, []string{"denial"}) {
		t.Errorf("taggings after merge: %+v", tg)
	}
}

func TestStore_ArchiveKeepsHistory(t *testing.T) {
	s := mustOpen(t)
	e, err := s.CreateEntry(journal.Entry{Title: "x", WrittenAt: time.Now(), Patterns: []string{"humour"}})
	if err != nil {
		t.Fatal(err)
	}
	humour, _ := s.PatternNamed("humour")
	if err := s.ArchivePattern(humour.ID, true); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Pattern(humour.ID); !p.Archived {
		t.Error("pattern not archived")
	}
	if got, _ := s.Entry(e.ID); !reflect.DeepEqual(got.Patterns, []string{"humour"}) {
		t.Errorf("archiving dropped the pattern from its entry: %v", got.Patterns)
	}
	if err := s.ArchivePattern(humour.ID, false); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Pattern(humour.ID); p.Archived {
		t.Error("pattern still archived after restoring")
	}
}

func TestStore_EpisodesAndPeople(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.AddPerson(journal.Person{Name: "Mum", Role: "parent"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPerson(journal.Person{Name: "mum"}); err == nil || !strings.Contains(err.Error(), "already in your people list") {
		t.Errorf("duplicate person: %v", err)
	}
	if _, err := s.AddPerson(journal.Person{Name: "J.", Role: "landlord"}); journal.ErrorCode(err) != journal.EInvalid {
		t.Errorf("bad role: %v", err)
	}
	ep := journal.Episode{Person: "J.", Wish: "to be taken seriously", OtherResponse: "picked the plan apart",
		SelfResponse: "went quiet, explained the logic", Reminds: "dinners when school reports came home", EarlierPerson: "Mum",
		Patterns: []string{"withdrawing under criticism", "intellectualisation"}, Emotions: []string{"hurt"}}
	e, err := s.CreateEntry(journal.Entry{Title: "plan", WrittenAt: time.Now(), Episodes: []journal.Episode{ep, {Person: "Sam", Wish: "a night in"}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Entry(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Episodes) != 2 {
		t.Fatalf("got %d episodes, want 2", len(got.Episodes))
	}
	first := got.Episodes[0]
	first.ID = 0
	if !reflect.DeepEqual(first, ep) {
		t.Errorf("episode came back as\n%+v\nwant\n%+v", first, ep)
	}
	people, _ := s.People()
	var roles []string
	for _, p := range people {
		roles = append(roles, p.Name+":"+string(p.Role))
	}
	if strings.Join(roles, " ") != "Mum:parent J.:other Sam:other" {
		t.Errorf("people = %v; new names in episodes should be added as other", roles)
	}
	mum := people[0]
	with, err := s.EpisodesWith(mum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(with) != 1 || !with[0].Earlier || with[0].EntryTitle != "plan" || with[0].Person != "J." {
		t.Errorf("Mum's episodes = %+v", with)
	}
	tg, _ := s.Taggings(time.Time{}, time.Time{})
	if !reflect.DeepEqual(tg[0].People, []string{"J.", "Sam"}) ||
		!reflect.DeepEqual(tg[0].Patterns, []string{"withdrawing under criticism", "intellectualisation"}) {
		t.Errorf("tagging = %+v", tg[0])
	}

	// Updating the entry replaces its episodes; deleting it removes them.
	got.Episodes = got.Episodes[1:]
	if _, err := s.UpdateEntry(got); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Entry(e.ID); len(again.Episodes) != 1 || again.Episodes[0].Person != "Sam" {
		t.Errorf("after update: %+v", again.Episodes)
	}
	if err := s.DeleteEntry(e.ID); err != nil {
		t.Fatal(err)
	}
	var left int64
	s.db.Raw("SELECT COUNT(*) FROM episodes").Scan(&left)
	if left != 0 {
		t.Errorf("%d episodes outlived their entry", left)
	}
	if _, err := s.CreateEntry(journal.Entry{Title: "x", WrittenAt: time.Now(), Episodes: []journal.Episode{{Wish: "nobody"}}}); journal.ErrorCode(err) != journal.EInvalid {
		t.Errorf("episode without a person: %v", err)
	}
}

func TestStore_UpdatePerson(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.CreateEntry(journal.Entry{Title: "x", WrittenAt: time.Now(), Episodes: []journal.Episode{{Person: "J.", Wish: "be heard"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPerson(journal.Person{Name: "Sam", Role: "partner"}); err != nil {
		t.Fatal(err)
	}
	j, err := s.PersonNamed("j.")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change journal.Person
		want   string // "" for success
	}{
		{"onto another's name", journal.Person{ID: j.ID, Name: "SAM", Role: "boss"}, "already in your people list"},
		{"bad role", journal.Person{ID: j.ID, Name: "J.", Role: "landlord"}, "not a role"},
		{"blank", journal.Person{ID: j.ID, Name: " ", Role: "boss"}, "needs a name"},
		{"missing", journal.Person{ID: 99, Name: "Z", Role: "boss"}, "no person 99"},
		{"rename and role", journal.Person{ID: j.ID, Name: "Jo", Role: "boss"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.UpdatePerson(tt.change)
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
	jo, _ := s.PersonNamed("Jo")
	if jo.ID != j.ID || jo.Role != "boss" {
		t.Errorf("after edit: %+v", jo)
	}
	e, _ := s.Entries(journal.EntryQuery{})
	if e[0].Episodes[0].Person != "Jo" {
		t.Errorf("the episode names %q, want the new name", e[0].Episodes[0].Person)
	}
}
