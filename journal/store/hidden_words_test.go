package store

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/throughline/throughline/journal"
)

func TestPerson_Aliases(t *testing.T) {
	s := mustOpen(t)
	for _, tt := range []struct {
		name    string
		aliases []string
		want    []string
	}{
		{"Jo Reyes", []string{" Jo ", "Joanna", "", "jo", "JO REYES", "Jojo  Bean"}, []string{"Jo", "Joanna", "Jojo Bean"}},
		{"Sam", nil, nil},
	} {
		added, err := s.AddPerson(journal.Person{Name: tt.name, Role: "friend", Aliases: tt.aliases})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.PersonNamed(tt.name)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Aliases, tt.want) || !reflect.DeepEqual(added.Aliases, tt.want) {
			t.Errorf("%s: aliases %q (added %q), want %q", tt.name, got.Aliases, added.Aliases, tt.want)
		}
	}
	jo, _ := s.PersonNamed("Jo Reyes")
	jo.Aliases = journal.ParseAliases("Jo, Jojo")
	if _, err := s.UpdatePerson(jo); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.PersonNamed("Jo Reyes"); !reflect.DeepEqual(got.Aliases, []string{"Jo", "Jojo"}) {
		t.Errorf("after an edit: %q", got.Aliases)
	}
}

func TestHiddenWords(t *testing.T) {
	s := mustOpen(t)
	if err := s.HideWords("Priya", " priya ", "", "Dr  Okafor"); err != nil {
		t.Fatal(err)
	}
	if err := s.HideWords("PRIYA"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.HiddenWords(); err != nil || !reflect.DeepEqual(got, []string{"Priya", "Dr Okafor"}) {
		t.Fatalf("hidden words = %q, %v", got, err)
	}
	if err := s.ShowWord("priya"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.HiddenWords(); !reflect.DeepEqual(got, []string{"Dr Okafor"}) {
		t.Errorf("after showing Priya: %q", got)
	}
}

// Aliases and hidden words are sealed like names: an encrypted journal
// holds none of them as written.
func TestHiddenWords_Encrypted(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.AddPerson(journal.Person{Name: "Jo Reyes", Role: "boss", Aliases: []string{"Joanna"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.HideWords("Priya"); err != nil {
		t.Fatal(err)
	}
	if err := s.EnableEncryption(testPassphrase); err != nil {
		t.Fatal(err)
	}
	var stored []string
	s.db.Raw("SELECT aliases FROM people UNION ALL SELECT name FROM hidden_words UNION ALL SELECT name_key FROM hidden_words").Scan(&stored)
	for _, v := range stored {
		if v == "Joanna" || v == "Priya" || v == "priya" {
			t.Errorf("stored in the clear: %q", v)
		}
	}
	people, _ := s.People()
	words, _ := s.HiddenWords()
	if len(people) != 1 || !reflect.DeepEqual(people[0].Aliases, []string{"Joanna"}) || !reflect.DeepEqual(words, []string{"Priya"}) {
		t.Errorf("read back: %+v %q", people, words)
	}
}

// A journal made by the schema before aliases (step 11) upgrades: its
// people keep their names, gain no aliases, and take aliases and hidden
// words after.
func TestMigrations_Aliases(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	before := 0
	for i, m := range migrations {
		if m.id == 13 {
			before = i
		}
	}
	old := openWith(t, path, migrations[:before])
	if err := old.db.Exec("INSERT INTO people (id, name, name_key, role) VALUES (1, 'Jo Reyes', 'jo-reyes', 'boss')").Error; err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	people, err := s.People()
	if err != nil || len(people) != 1 || people[0].Name != "Jo Reyes" || people[0].Role != "boss" || people[0].Aliases != nil {
		t.Fatalf("after upgrade: %+v, %v", people, err)
	}
	people[0].Aliases = []string{"Jo"}
	if _, err := s.UpdatePerson(people[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.HideWords("Priya"); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.PersonNamed("jo reyes"); !reflect.DeepEqual(p.Aliases, []string{"Jo"}) {
		t.Errorf("aliases after upgrade: %q", p.Aliases)
	}
}
