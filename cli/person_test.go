package cli

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// personList runs person list --json and decodes it.
func personList(t *testing.T, db string) []personJSON {
	t.Helper()
	out := mustCLI(t, db, "", "person", "list", "--json")
	var people []personJSON
	if err := json.Unmarshal([]byte(out), &people); err != nil {
		t.Fatalf("person list --json printed something that is not a JSON array of people: %v\n%s", err, out)
	}
	return people
}

func TestCLI_PersonAdd(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name    string
		args    []string // after "person add"
		want    personJSON
		wantOut string
	}{
		{"name and role", []string{"Mum", "--role", "parent"}, personJSON{Name: "Mum", Role: "parent"}, "Added “Mum” (parent).\n"},
		{"role in any case", []string{"Sam", "--role", " Partner "}, personJSON{Name: "Sam", Role: "partner"}, "Added “Sam” (partner).\n"},
		{"no role is other", []string{"J."}, personJSON{Name: "J.", Role: "other"}, "Added “J.” (other).\n"},
		{"empty role is other", []string{"J.", "--role", ""}, personJSON{Name: "J.", Role: "other"}, ""},
		{"spacing tidied", []string{"  Aunt   Jo ", "--role", "other"}, personJSON{Name: "Aunt Jo", Role: "other"}, "Added “Aunt Jo” (other).\n"},
		{"flags before the name", []string{"--role", "therapist", "Dr K"}, personJSON{Name: "Dr K", Role: "therapist"}, ""},
		{"flags with =", []string{"--role=boss", "R"}, personJSON{Name: "R", Role: "boss"}, ""},
		{"unicode", []string{"שרה", "--role", "friend"}, personJSON{Name: "שרה", Role: "friend"}, "Added “שרה” (friend).\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newJournal(t)
			out := mustCLI(t, db, "", append([]string{"person", "add"}, tt.args...)...)
			if tt.wantOut != "" && out != tt.wantOut {
				t.Errorf("person add printed %q, want %q", out, tt.wantOut)
			}
			assertExists(t, db) // add makes the journal, like the first entry does
			want := tt.want
			want.ID = 1
			if got := personList(t, db); !reflect.DeepEqual(got, []personJSON{want}) {
				t.Errorf("person list --json = %+v, want [%+v]", got, want)
			}
			if text := mustCLI(t, db, "", "person", "list"); text != want.Name+"  "+want.Role+"\n" {
				t.Errorf("person list printed %q, want %q", text, want.Name+"  "+want.Role+"\n")
			}
		})
	}
}

func TestCLI_PersonList(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)

	out, errOut, code := runCLI(t, db, "", "person", "list")
	assertFailure(t, out, errOut, code, exitError, "There is no journal")
	assertMissing(t, db)

	addEntry(t, db, "", "--title", "T") // a journal with no people yet
	if out := mustCLI(t, db, "", "person", "list"); !strings.Contains(out, "No people yet") || !strings.Contains(out, "throughline person add") {
		t.Errorf("person list with nobody printed %q, want a hint on adding someone", out)
	}
	if out := mustCLI(t, db, "", "person", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("person list --json with nobody printed %q, want []", out)
	}

	for _, p := range [][]string{{"Mum", "parent"}, {"J.", "colleague"}, {"Aunt Josephine", "other"}, {"שרה", "friend"}} {
		mustCLI(t, db, "", "person", "add", p[0], "--role", p[1])
	}
	want := []personJSON{{1, "Mum", "parent", nil}, {2, "J.", "colleague", nil}, {3, "Aunt Josephine", "other", nil}, {4, "שרה", "friend", nil}}
	if got := personList(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("person list --json = %+v, want in the order added %+v", got, want)
	}
	// Names padded to the longest, counting letters, not bytes.
	wantText := "Mum             parent\n" +
		"J.              colleague\n" +
		"Aunt Josephine  other\n" +
		"שרה             friend\n"
	if out := mustCLI(t, db, "", "person", "list"); out != wantText {
		t.Errorf("person list printed\n%s\nwant\n%s", out, wantText)
	}

	var listed []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "person", "list", "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	for _, obj := range listed {
		var keys []string
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if want := []string{"id", "name", "role"}; !reflect.DeepEqual(keys, want) {
			t.Errorf("person list --json has fields %q, want exactly %q", keys, want)
		}
	}
	// People are not entries: the entries are as they were.
	if list := listJSON(t, db); len(list) != 1 || list[0].Title != "T" {
		t.Errorf("list --json = %+v, want just the one entry", list)
	}
}

func TestCLI_PersonBadInputLeavesJournalUnchanged(t *testing.T) {
	setup := func(t *testing.T) string {
		db := newJournal(t)
		addEntry(t, db, "", "--title", "First", "--pattern", "avoidance")
		mustCLI(t, db, "", "person", "add", "Mum", "--role", "parent")
		mustCLI(t, db, "", "person", "add", "Aunt Jo")
		return db
	}
	assertRefusals(t, setup, []refusal{
		{"add a name in other case", []string{"person", "add", "mum"}, exitUsage, "“mum” is already in your people list", true},
		{"add a name with other spacing", []string{"person", "add", " AUNT  jo ", "--role", "other"}, exitUsage, "already in your people list", true},
		{"add a taken name with a new role", []string{"person", "add", "Mum", "--role", "friend"}, exitUsage, "already in your people list", true},
		{"add a bad role", []string{"person", "add", "Sam", "--role", "landlord"}, exitUsage, `"landlord" is not a role`, false},
		{"add a role's plural", []string{"person", "add", "Sam", "--role", "friends"}, exitUsage, "is not a role", false},
		{"add a bad role and a taken name", []string{"person", "add", "Mum", "--role", "mother"}, exitUsage, `"mother" is not a role`, false},
		{"add a blank name", []string{"person", "add", "  ", "--role", "friend"}, exitUsage, "A person needs a name or initials", false},
		{"add an empty name", []string{"person", "add", ""}, exitUsage, "A person needs a name or initials", false},
		{"add without a name", []string{"person", "add", "--role", "friend"}, exitUsage, "person add needs a name or initials", false},
		{"add an unquoted name", []string{"person", "add", "Aunt", "Jo"}, exitUsage, "Put a name with spaces in quotes", false},
		{"add --role without a value", []string{"person", "add", "Sam", "--role"}, exitUsage, "flag needs an argument", false},
		{"add an unknown flag", []string{"person", "add", "Sam", "--category", "own"}, exitUsage, "-category", false},
		{"list a stray argument", []string{"person", "list", "Mum"}, exitUsage, `person list: unexpected "Mum"`, false},
		{"list an unknown flag", []string{"person", "list", "--all"}, exitUsage, "-all", false},
		{"no sub-command", []string{"person"}, exitUsage, "person needs one of: list, add or edit", false},
		{"unknown sub-command", []string{"person", "remove", "Mum"}, exitUsage, `"remove" is not a person command. Use one of: list, add or edit`, false},
	})
}

func TestCLI_PersonHelp(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	help := mustCLI(t, db, "", "help")
	for _, sub := range personCommands {
		if usage := sub.name + " " + sub.args; !strings.Contains(help, usage) {
			t.Errorf("help does not show %q:\n%s", usage, help)
		}
		want := "Usage: throughline person " + sub.name + " " + sub.args + "\n" + capitalise(sub.summary) + ".\n"
		if out := mustCLI(t, db, "", "person", sub.name, "--help"); out != want {
			t.Errorf("person %s --help printed %q, want %q", sub.name, out, want)
		}
	}
	out := mustCLI(t, db, "", "person", "--help")
	if !strings.Contains(out, "throughline person add NAME [--role R]") || !strings.Contains(out, "therapist") {
		t.Errorf("person --help printed %q, want the verbs and the roles", out)
	}
	assertMissing(t, db)
}

func TestCLI_PersonEdit(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	mustCLI(t, db, "", "person", "add", "J.")
	mustCLI(t, db, "", "person", "add", "Sam", "--role", "partner")
	before := snapshot(t, db)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"J."}, exitUsage, "--name, --role or --aliases"},
		{[]string{"J.", "--role", "landlord"}, exitUsage, "not a role"},
		{[]string{"Nobody", "--role", "boss"}, exitError, "no one called"},
		{[]string{"J.", "--name", "sam"}, exitUsage, "already in your people list"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stderr, code := runCLI(t, db, "", append([]string{"person", "edit"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d mentioning %q", code, stderr, tt.code, tt.want)
			}
			assertSameState(t, before, snapshot(t, db))
		})
	}
	out := mustCLI(t, db, "", "person", "edit", "j.", "--role", "boss", "--name", "Jo")
	if !strings.Contains(out, "“J.” is now “Jo” (boss)") {
		t.Errorf("edit printed %q", out)
	}
	if list := mustCLI(t, db, "", "person", "list"); !strings.Contains(list, "Jo") || !strings.Contains(list, "boss") {
		t.Errorf("list after edit:\n%s", list)
	}
}
