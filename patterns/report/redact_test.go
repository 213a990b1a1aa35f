package report

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// Nothing of a hidden name is left in any section of any format: the
// first name, the surname, an alias, a one-off hidden word, possessives.
func TestRedact_EveryFormatEverySection(t *testing.T) {
	store := openJournal(t)
	must[journal.Person](t)(store.AddPerson(journal.Person{Name: "Jo Reyes", Role: "boss", Aliases: []string{"Joanna"}}))
	must[journal.Person](t)(store.AddPerson(journal.Person{Name: "Mum", Role: "parent"}))
	if err := store.HideWords("Priya"); err != nil {
		t.Fatal(err)
	}
	must[journal.Pattern](t)(store.AddPattern(journal.Pattern{Name: "freezing around Jo", Category: "defense"}))
	must[journal.Session](t)(store.SaveSession(journal.Session{At: at(18, 17), Questions: []journal.Question{{Text: "Why does Joanna's tone get to me?"}}}))
	must[journal.Entry](t)(store.CreateEntry(journal.Entry{Title: "Jo's review", WrittenAt: at(19, 20), Mood: 4, Flagged: true,
		Body:     "Jo said my work was sloppy. Reyes never says that to Priya. A Jolly mood later with Tomasz, and my mum was kind.",
		Patterns: []string{"freezing around Jo"},
		Episodes: []journal.Episode{{Person: "Jo Reyes", Wish: "for Jo to see the effort", OtherResponse: "Joanna shrugged",
			SelfResponse: "I told Priya", Reminds: "how Mum was", EarlierPerson: "Mum"}}}))
	goal := must[journal.Goal](t)(store.AddGoal(journal.Goal{Title: "Speak up to Jo"}))
	must[journal.CheckIn](t)(store.AddCheckIn(journal.CheckIn{GoalID: goal.ID, At: at(20, 9), Rating: 4, Note: "Told Priya first"}))

	r, err := Build(store, Options{RedactPeople: true, SinceSession: true, Now: fixtureNow, Hide: []string{"Tomasz"}})
	if err != nil {
		t.Fatal(err)
	}
	hidden := regexp.MustCompile(`(?i)\b(jo|reyes|joanna|priya|tomasz)\b`)
	outputs := map[string]string{"Markdown": r.Markdown(), "HTML": r.HTML(), "PDF": pdfText(t, renderPDF(t, r))}
	for format, out := range outputs {
		if m := hidden.FindString(out); m != "" {
			t.Errorf("%s still shows %q:\n%s", format, m, out)
		}
		for _, want := range []string{"[my manager]", "Jolly", "my mum was kind", "freezing around [my manager]", "Speak up to [my manager]", "[A]"} {
			if format == "HTML" {
				want = strings.ReplaceAll(want, "'", "&#39;")
			}
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q", format, want)
			}
		}
	}
	if i := slices.IndexFunc(r.Hidden, func(h HiddenName) bool { return h.Name == "Jo" }); i < 0 || r.Hidden[i].Label != "[my manager]" {
		t.Errorf("Hidden = %+v", r.Hidden)
	}
	if !slices.Equal(r.NameLike, []string{"Jolly"}) { // capitalised mid-sentence, so it may be a name
		t.Errorf("NameLike = %q, want only Jolly: every name is hidden", r.NameLike)
	}

	// Without the one-off word, Tomasz is left, and said to look like a name.
	r, err = Build(store, Options{RedactPeople: true, SinceSession: true, Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.NameLike, []string{"Jolly", "Tomasz"}) {
		t.Errorf("NameLike = %q, want Tomasz", r.NameLike)
	}
}
