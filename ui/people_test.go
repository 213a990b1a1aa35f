package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// newTestPeople builds the people screen in a window of its own, on a
// fresh journal, loading synchronously.
func newTestPeople(t *testing.T) (*peopleScreen, fyne.Window, *jstore.Store) {
	t.Helper()
	store := mustOpenJournal(t)
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	v := newPeopleScreen(testEnv(), w, store)
	w.SetContent(v.content)
	w.Resize(fyne.NewSize(1100, 720))
	w.Show()
	return v, w, store
}

// seedPeople gives J. (boss) and Sam (partner) episodes that share
// withdrawing under criticism; Dad comes up only as the one from earlier.
func seedPeople(t *testing.T, store *jstore.Store) []journal.Entry {
	t.Helper()
	for _, p := range []journal.Person{{Name: "J.", Role: "boss"}, {Name: "Sam", Role: "partner"}} {
		if _, err := store.AddPerson(p); err != nil {
			t.Fatal(err)
		}
	}
	day := func(daysAgo int) time.Time { return fixedNow.AddDate(0, 0, -daysAgo) }
	saved, err := store.CreateEntries([]journal.Entry{
		{Title: "review", WrittenAt: day(10), Episodes: []journal.Episode{{Person: "J.", Wish: "some credit",
			Patterns: []string{"withdrawing under criticism", "people-pleasing"}}}},
		{Title: "dishes", WrittenAt: day(5), Episodes: []journal.Episode{{Person: "Sam", Wish: "to rest",
			OtherResponse: "sighed", SelfResponse: "left the room", Patterns: []string{"withdrawing under criticism"}}}},
		{Title: "the plan", WrittenAt: day(3), Episodes: []journal.Episode{{Person: "J.", Wish: "to be heard",
			OtherResponse: "cut me off", SelfResponse: "went quiet", Reminds: "being told off at dinner", EarlierPerson: "Dad",
			Patterns: []string{"withdrawing under criticism"}, Emotions: []string{"ashamed"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

// choosePerson selects a person in the list by name.
func choosePerson(t *testing.T, v *peopleScreen, name string) {
	t.Helper()
	i := slices.IndexFunc(v.people, func(p journal.Person) bool { return p.Name == name })
	if i < 0 {
		t.Fatalf("%q is not in the list of people", name)
	}
	v.list.Select(i)
}

// shownText is the text of every label and button under o, a line
// each. Labels draw their text with a RichText, so that is what is read.
func shownText(t *testing.T, o fyne.CanvasObject) string {
	var sb strings.Builder
	walk(t, o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			sb.WriteString(x.Text + "\n")
		case *widget.RichText:
			sb.WriteString(x.String() + "\n")
		}
	})
	return sb.String()
}

// dialogButtonIn finds a button of the dialog on top of w.
func dialogButtonIn(t *testing.T, w fyne.Window, text string) *dialogButton {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open, looking for %q", text)
	}
	var found *dialogButton
	walk(t, top, func(o fyne.CanvasObject) {
		if b, ok := o.(*dialogButton); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("the dialog has no %q button", text)
	}
	return found
}

func TestPeople_PersonShowsPatternsAcrossRelationships(t *testing.T) {
	v, _, store := newTestPeople(t)
	seedPeople(t, store)

	// When the screen loads and J. is chosen,
	v.reload()
	if got := len(v.people); got != 3 { // J., Sam, and Dad named in an episode
		t.Fatalf("list has %d people, want 3", got)
	}
	choosePerson(t, v, "J.")

	// then their page says who they are,
	if v.name.Text != "J." || v.role.Text != "Your boss" {
		t.Errorf("heading = %q, %q", v.name.Text, v.role.Text)
	}
	// lists the patterns of the entries with them, with counts,
	want := "withdrawing under criticism — 2 of 2 entries\npeople-pleasing — 1 of 2 entries\n"
	if got := shownText(t, v.patterns); got != want {
		t.Errorf("patterns with J.:\n%s\nwant:\n%s", got, want)
	}
	// shows that the same pattern comes up with Sam,
	if got := shownText(t, v.across); got != "withdrawing under criticism: also with Sam (partner) in 1 of 1 entry\n" {
		t.Errorf("across relationships:\n%s", got)
	}
	// and lists the episodes, newest first, with what was written.
	episodes := shownText(t, v.episodes)
	for _, line := range []string{
		"Sun 22 Nov 2026 · the plan", "I wanted: to be heard", "They: cut me off", "I: went quiet",
		"It reminded me of: being told off at dinner (Dad)", "Patterns: withdrawing under criticism", "Emotions: ashamed",
		"Sun 15 Nov 2026 · review", "I wanted: some credit",
	} {
		if !strings.Contains(episodes, line+"\n") {
			t.Errorf("episodes don't show %q:\n%s", line, episodes)
		}
	}
	if strings.Index(episodes, "the plan") > strings.Index(episodes, "review") {
		t.Errorf("episodes aren't newest first:\n%s", episodes)
	}
	if strings.Contains(episodes, "Remembered") {
		t.Errorf("J.'s own episodes are labelled as remembered:\n%s", episodes)
	}

	// Sam's page points back to J.
	choosePerson(t, v, "Sam")
	if got := shownText(t, v.across); !strings.Contains(got, "withdrawing under criticism: also with J. (boss) in 2 of 2 entries") {
		t.Errorf("Sam's page, across relationships:\n%s", got)
	}

	// Dad comes up only as the one from earlier in life.
	choosePerson(t, v, "Dad")
	if v.role.Text != "Someone in your life" {
		t.Errorf("Dad's role = %q", v.role.Text)
	}
	episodes = shownText(t, v.episodes)
	if !strings.Contains(episodes, "Remembered in an episode with J.\n") || !strings.Contains(episodes, "the plan") {
		t.Errorf("Dad's episodes:\n%s", episodes)
	}
	if got := shownText(t, v.patterns); !strings.Contains(got, "No entry has a relationship episode with Dad yet") {
		t.Errorf("Dad's patterns:\n%s", got)
	}
}

func TestPeople_AddPerson(t *testing.T) {
	v, w, store := newTestPeople(t)
	v.reload()
	// Given no one yet, the screen says what people are for.
	if got := v.hint.Text; !strings.Contains(got, "Add the people who come up in your reflections") ||
		!strings.Contains(got, "relationship episode") || v.listArea.Objects[0] != v.emptyList {
		t.Errorf("empty state: %q", got)
	}

	// When Sam is added as a partner,
	test.Tap(v.add)
	test.Type(v.addName, "Sam")
	v.addRole.SetSelected("partner")
	test.Type(v.aliases, "Sammy, Samantha")
	test.Tap(dialogButtonIn(t, w, "Add"))
	// then Sam is in the journal, the list, and on the page.
	people, err := store.People()
	if err != nil {
		t.Fatal(err)
	}
	if len(people) != 1 || people[0].Name != "Sam" || people[0].Role != "partner" || strings.Join(people[0].Aliases, "|") != "Sammy|Samantha" {
		t.Fatalf("people = %+v", people)
	}
	if len(v.people) != 1 || v.listArea.Objects[0] != v.list {
		t.Errorf("list shows %d people", len(v.people))
	}
	if v.name.Text != "Sam" || v.role.Text != "Your partner · also Sammy, Samantha" || v.right.Objects[0] != v.page {
		t.Errorf("page shows %q, %q", v.name.Text, v.role.Text)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is still open after adding")
	}

	tests := []struct {
		name, typed, shown string
	}{
		{"duplicate ignoring case", "sam", "already in your people list"},
		{"blank", "   ", "needs a name or initials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// When a name that can't be added is typed,
			test.Tap(v.add)
			test.Type(v.addName, tt.typed)
			test.Tap(dialogButtonIn(t, w, "Add"))
			// then the problem is shown and nothing changes.
			if got := shownText(t, w.Canvas().Overlays().Top()); !strings.Contains(got, tt.shown) {
				t.Errorf("problem shown:\n%s\nwant it to say %q", got, tt.shown)
			}
			test.Tap(dialogButtonIn(t, w, "OK"))
			if people, _ := store.People(); len(people) != 1 {
				t.Errorf("people = %+v, want only Sam", people)
			}
			if len(v.people) != 1 || v.name.Text != "Sam" {
				t.Errorf("the screen changed: %d people, showing %q", len(v.people), v.name.Text)
			}
		})
	}

	// Return in the name field adds, as the button does; Cancel adds nothing.
	test.Tap(v.add)
	test.Type(v.addName, "J.")
	v.addName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Tap(v.add)
	test.Type(v.addName, "Mum")
	test.Tap(dialogButtonIn(t, w, "Cancel"))
	if people, _ := store.People(); len(people) != 2 || people[1].Name != "J." || people[1].Role != "other" {
		t.Errorf("after Return and Cancel, people = %+v", people)
	}
	if w.Canvas().Overlays().Top() != nil || v.name.Text != "J." {
		t.Errorf("after Return: a dialog is open, or the page shows %q", v.name.Text)
	}
}

func TestPeople_EpisodeOpensItsEntry(t *testing.T) {
	v, _, store := newTestPeople(t)
	saved := seedPeople(t, store)
	var opened []int64
	v.openEntry = func(id int64) { opened = append(opened, id) }
	v.reload()
	choosePerson(t, v, "J.")

	// When the newest episode's entry is chosen,
	if len(v.openButtons) != 2 {
		t.Fatalf("%d episode entries shown, want 2", len(v.openButtons))
	}
	test.Tap(v.openButtons[0])
	// then that entry, "the plan", is opened.
	if want := saved[2].ID; len(opened) != 1 || opened[0] != want {
		t.Errorf("opened %v, want [%d]", opened, want)
	}
}

func TestPeople_EditPerson(t *testing.T) {
	v, w, store := newTestPeople(t)
	seedPeople(t, store)
	v.reload()
	choosePerson(t, v, "J.")

	// Given J.'s page, when their name and role are changed,
	test.Tap(v.edit)
	v.addName.SetText("Jo")
	v.addRole.SetSelected("colleague")
	test.Tap(dialogButtonIn(t, w, "Save"))
	// then the journal and the page say so, and the episodes follow.
	p, err := store.PersonNamed("Jo")
	if err != nil || p.Role != "colleague" {
		t.Fatalf("after edit: %+v, %v", p, err)
	}
	if v.name.Text != "Jo" || v.role.Text != "Your colleague" {
		t.Errorf("page shows %q, %q", v.name.Text, v.role.Text)
	}
	for _, e := range entries(t, store) {
		for _, ep := range e.Episodes {
			if ep.Person == "J." || ep.EarlierPerson == "J." {
				t.Errorf("an episode still names J.: %+v", ep)
			}
		}
	}

	// Renaming onto someone else shows the problem and changes nothing.
	test.Tap(v.edit)
	v.addName.SetText("sam")
	test.Tap(dialogButtonIn(t, w, "Save"))
	if _, err := store.PersonNamed("Jo"); err != nil {
		t.Errorf("Jo is gone after a refused rename: %v", err)
	}
}
