package report

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// Hand-made journals for the report's order and wording, each a few
// entries written on purpose, built since the last session on 18 Nov.

const dit = journal.ApproachDIT

// courseJournal is five DIT sessions, the last on 18 Nov with takeaways
// and questions; since then, patterns named twice and once, a flagged
// entry, a goal that moved and a PHQ-9 with question 9 above 0.
func courseJournal(t *testing.T) *jstore.Store {
	store := openJournal(t)
	for i, day := range []int{4, 8, 11, 14, 18} {
		s := journal.Session{At: at(day, 17), Format: "individual", Approach: dit}
		if i == 4 {
			s.Takeaways = "I go quiet when I expect to be let down."
			s.Questions = []journal.Question{{Text: "Ask about my father's silences"}, {Text: "Already asked", Done: true}}
		}
		must[journal.Session](t)(store.SaveSession(s))
	}
	add := func(e journal.Entry) { must[journal.Entry](t)(store.CreateEntry(e)) }
	add(journal.Entry{Title: "Before", Body: "quiet", WrittenAt: at(12, 9), Mood: 6, Patterns: []string{"avoidance"}})
	add(journal.Entry{Title: "Work", Body: "quiet", WrittenAt: at(19, 9), Mood: 5, Patterns: []string{"avoidance", "rumination"}})
	add(journal.Entry{Title: "Why did I freeze?", Body: "FLAGGED-BODY", WrittenAt: at(20, 9), Mood: 4, Flagged: true, Patterns: []string{"avoidance"}})
	add(journal.Entry{Title: "Home", Body: "quiet", WrittenAt: at(21, 9), Mood: 6, Patterns: []string{"people-pleasing"}})
	goal := must[journal.Goal](t)(store.AddGoal(journal.Goal{Title: "Sleep before midnight"}))
	for _, c := range []journal.CheckIn{{At: at(19, 9), Rating: 3}, {At: at(24, 9), Rating: 5}} {
		c.GoalID = goal.ID
		must[journal.CheckIn](t)(store.AddCheckIn(c))
	}
	must[journal.Measurement](t)(store.SaveMeasurement(journal.PHQ9, []int{1, 1, 1, 1, 1, 1, 1, 1, 1}, journal.NoDifficulty, at(25, 9)))
	if err := store.SetCrisisLines("uk-ie", ""); err != nil {
		t.Fatal(err)
	}
	return store
}

// onceJournal is the report: eight entries since the session,
// each naming a different pattern once, and a flagged entry whose title
// reads like a question.
func onceJournal(t *testing.T) *jstore.Store {
	store := openJournal(t)
	must[journal.Session](t)(store.SaveSession(journal.Session{At: at(18, 17)}))
	add := func(e journal.Entry) { must[journal.Entry](t)(store.CreateEntry(e)) }
	add(journal.Entry{Title: "Before", Body: "quiet", WrittenAt: at(15, 9), Patterns: []string{"denial"}})
	for i, p := range []string{"avoidance", "rumination", "people-pleasing", "perfectionism", "catastrophising", "withdrawal", "splitting", "projection"} {
		add(journal.Entry{Title: fmt.Sprintf("Day %d", i), Body: "quiet", WrittenAt: at(19+i/2, 9+i), Patterns: []string{p}, Flagged: i == 0})
	}
	return store
}

// markdownTags are what flat text drops from the HTML, so every format
// is searched as words.
var markdownTags = regexp.MustCompile(`<[^>]*>`)

// flatRenderings are a report in each format as words: the PDF as
// pdftotext reads it, the HTML without its tags.
func flatRenderings(t *testing.T, r Report) map[string]string {
	t.Helper()
	out := renderings(t, r)
	out["HTML"] = strings.Join(strings.Fields(html.UnescapeString(markdownTags.ReplaceAllString(r.HTML(), " "))), " ")
	return out
}

// inOrder reports the first of want not found after the one before it.
func inOrder(text string, want []string) (missing string, ok bool) {
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return w, false
		}
		at += i + len(w)
	}
	return "", true
}

func TestReport_ReadsInTwoMinutes(t *testing.T) {
	tests := []struct {
		name    string
		journal func(*testing.T) *jstore.Store
		opt     Options
		ccrt    []CCRTRow // filled by hand, as the lead's CCRT step will
		order   []string  // in this order, in every format
		absent  []string  // in no format
	}{
		{
			name:    "safety, course, last session, what changed, flagged",
			journal: courseJournal,
			opt:     Options{SinceSession: true},
			ccrt:    []CCRTRow{{Component: "What I wanted", Category: "to be close", Count: 3, Shift: "from 1 to 2"}},
			order: []string{
				"Summary",
				"question 9 of the PHQ-9",
				"Dynamic interpersonal therapy: session 5 of 16, 11 left · middle phase.",
				"Entries: 3 entries written",
				"From your last session",
				"Your session on Tue 18 Nov 2025.",
				"What you took away: I go quiet when I expect to be let down.",
				"Ask about my father's silences",
				"Patterns", "avoidance", "Named in one entry only, too few yet to call a pattern: people-pleasing, rumination.",
				"Relationship theme (CCRT)", "to be close",
				"Goals", "Sleep before midnight", "+2 since these days began",
				"PHQ-9 and GAD-7", "Depression (PHQ-9)",
				"Entries flagged for the session", "Why did I freeze?", "FLAGGED-BODY",
			},
			absent: []string{"Already asked", "Questions to bring"},
		},
		{
			name:    "every pattern named once",
			journal: onceJournal,
			opt:     Options{SinceSession: true},
			order: []string{
				"Top patterns: none yet; no pattern came up in more than one entry (8 patterns named once).",
				"From your last session", "Nothing noted from your session on Tue 18 Nov 2025.",
				"Patterns", "No pattern came up in more than one entry, so there is no table yet.",
				"Named in one entry only, too few yet to call a pattern:",
				"Entries flagged for the session", "Day 0",
			},
			// No row of ones, no table, no CCRT heading without a theme,
			// and the flagged entry is not repeated as a question.
			absent: []string{" 1 (", "Share", "Relationship theme", "Why did I", "Questions you noted"},
		},
		{
			name:    "all time has no earlier period",
			journal: courseJournal,
			opt:     Options{},
			order: []string{
				"Entries: 4 entries written.",
				"There is no earlier period of the same length to compare with.",
				"Patterns", "There is no earlier period of the same length to compare with.",
				"Goals", "Sleep before midnight", "+2 since your first check-in",
			},
			absent: []string{"(+", "Before", "Change", "since these days began"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.Now = fixtureNow
			r, err := Build(tt.journal(t), opt)
			if err != nil {
				t.Fatal(err)
			}
			r.CCRT = tt.ccrt
			for format, text := range flatRenderings(t, r) {
				if missing, ok := inOrder(text, tt.order); !ok {
					t.Errorf("%s: %q is missing or out of order:\n%s", format, missing, text)
				}
				for _, a := range tt.absent {
					if strings.Contains(text, a) {
						t.Errorf("%s says %q:\n%s", format, a, text)
					}
				}
			}
		})
	}
}

// The course line is the last DIT session's place up to the window's
// end, in the Sessions screen's words, and nothing without a course.
func TestCoursePosition(t *testing.T) {
	session := func(day int, approach string) journal.Session {
		return journal.Session{At: at(day, 17), Format: "individual", Approach: approach}
	}
	var long []journal.Session
	for day := 1; day <= 18; day++ {
		long = append(long, session(day, dit))
	}
	tests := []struct {
		name     string
		sessions []journal.Session
		end      int // the day the report ends
		want     string
	}{
		{"no sessions", nil, 26, ""},
		{"no DIT session", []journal.Session{session(4, "psychodynamic")}, 26, ""},
		{"two DIT sessions then another kind", []journal.Session{session(4, dit), session(11, dit), session(18, "psychodynamic")}, 26,
			"Dynamic interpersonal therapy: session 2 of 16, 14 left · beginning phase: engagement and the interpersonal focus."},
		{"a session after the window is not counted", []journal.Session{session(4, dit), session(27, dit)}, 26,
			"Dynamic interpersonal therapy: session 1 of 16, 15 left · beginning phase: engagement and the interpersonal focus."},
		{"past the course", long, 26, "Dynamic interpersonal therapy: session 18, 2 past the 16 planned."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := coursePosition(tt.sessions, at(tt.end, 23)); got != tt.want {
				t.Errorf("coursePosition = %q, want %q", got, tt.want)
			}
		})
	}
}

// The last session's takeaways are the person's own words: names in them
// are hidden like everywhere else.
func TestReport_TakeawaysRedacted(t *testing.T) {
	store := openJournal(t)
	must[journal.Person](t)(store.AddPerson(journal.Person{Name: "Sam", Role: "boss"}))
	must[journal.Session](t)(store.SaveSession(journal.Session{At: at(18, 17), Takeaways: "Sam never asks; I never say.",
		Questions: []journal.Question{{Text: "Why does Sam get to me?"}}}))
	r, err := Build(store, Options{SinceSession: true, RedactPeople: true, Now: fixtureNow, Sections: []Section{SectionQuestions}})
	if err != nil {
		t.Fatal(err)
	}
	for format, text := range renderings(t, r) {
		if strings.Contains(text, "Sam") || !strings.Contains(text, "What you took away: [My manager] never asks; I never say.") {
			t.Errorf("%s: the takeaways' names aren't hidden:\n%s", format, text)
		}
	}
}
