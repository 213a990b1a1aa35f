package report

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// The fixture journal: a session on Tue 18 Nov 2025 at 17:00, the report
// written on Wed 26 Nov, so the window since the session is 18 Nov 17:00
// to the end of 26 Nov and the one before it is as long, ending at the
// session.

var zone = time.FixedZone("CET", 3600)

func at(day, hour int) time.Time { return time.Date(2025, time.November, day, hour, 0, 0, 0, zone) }

var fixtureNow = at(26, 10)

// The flagged entry the tests look for, with text in three scripts and
// markup that must never reach the HTML as markup.
const (
	flaggedTitle = "Talking to Sam"
	flaggedBody  = "# What happened\n\nSam asked me to stay late again and I said **yes** before thinking.\n\n" +
		"- I felt my chest tighten\n- I told alex about it later\n\n> Why can't I say no?\n\n" +
		"Καλημέρα · Привет · שלום\n\n<script>alert('x')</script> & <b>friends</b>"
	dreamTitle = "A dream about the sea"
	dreamBody  = "Kim and Jo were on a boat. PRIVATE-DREAM-TEXT"
)

// fixture holds the ids tests refer to.
type fixture struct {
	store            *jstore.Store
	talking, dream   int64 // the flagged entries
	friends, quietly int64 // unflagged ones in the window
}

// The journal's store is what the window and the command line hand to Build.
var _ Store = (*jstore.Store)(nil)

func openJournal(tb testing.TB) *jstore.Store {
	tb.Helper()
	store, err := jstore.Open(filepath.Join(tb.TempDir(), "journal.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close() })
	return store
}

func must[T any](tb testing.TB) func(T, error) T {
	return func(v T, err error) T {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
		return v
	}
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	store := openJournal(t)
	for _, p := range []journal.Person{{Name: "Sam", Role: "boss"}, {Name: "Alex", Role: "partner"},
		{Name: "Jo", Role: "friend"}, {Name: "Kim", Role: "friend"}, {Name: "Mum", Role: "parent"}} {
		must[journal.Person](t)(store.AddPerson(p))
	}
	for _, s := range []journal.Session{
		{At: at(4, 17), Questions: []journal.Question{{Text: "An old question"}}},
		{At: at(18, 17), Questions: []journal.Question{{Text: "Ask why I freeze when Sam is around"}, {Text: "Already talked about sleep", Done: true}}},
	} {
		must[journal.Session](t)(store.SaveSession(s))
	}
	add := func(e journal.Entry) int64 { return must[journal.Entry](t)(store.CreateEntry(e)).ID }
	// The week before the session.
	add(journal.Entry{Title: "Before 1", Body: "quiet", WrittenAt: at(12, 9), Mood: 6, Patterns: []string{"avoidance"}})
	add(journal.Entry{Title: "Before 2", Body: "quiet", WrittenAt: at(14, 9), Mood: 7, Patterns: []string{"avoidance", "rumination"}})
	add(journal.Entry{Title: "Before 3", Body: "quiet", WrittenAt: at(16, 9), Mood: 5, Patterns: []string{"people-pleasing"}})
	// Since the session.
	f := fixture{store: store}
	f.talking = add(journal.Entry{Title: flaggedTitle, Body: flaggedBody, WrittenAt: at(19, 20), Mood: 4, Flagged: true,
		Emotions: []string{"anxious"}, Patterns: []string{"people-pleasing", "avoidance"},
		Episodes: []journal.Episode{{Person: "Sam", Wish: "to be asked, not told", OtherResponse: "Sam assumed I would stay",
			SelfResponse: "I agreed and sulked", Reminds: "being the reliable child", EarlierPerson: "Mum",
			Patterns: []string{"people-pleasing"}, Emotions: []string{"resentful"}}}})
	f.friends = add(journal.Entry{Title: "Friends", Body: "Jo didn't call back; Kim did.", WrittenAt: at(21, 9), Mood: 6,
		Patterns: []string{"avoidance"},
		Episodes: []journal.Episode{{Person: "Jo", Wish: "Jo to call me back", OtherResponse: "silence", SelfResponse: "I stopped texting"},
			{Person: "Kim", Wish: "company", OtherResponse: "Kim came round", SelfResponse: "relieved"}}})
	f.dream = add(journal.Entry{Title: dreamTitle, Body: dreamBody, WrittenAt: at(23, 22), Mood: 5, Flagged: true,
		Kind: journal.KindDream, Patterns: []string{"rumination"}})
	f.quietly = add(journal.Entry{Title: "Quietly", Body: "A good day.", WrittenAt: at(24, 12), Mood: 7, Patterns: []string{"people-pleasing"}})
	add(journal.Entry{Title: "Next week", Body: "after the report", WrittenAt: at(28, 9), Mood: 1, Flagged: true})

	alex := must[journal.Goal](t)(store.AddGoal(journal.Goal{Title: "Say what I need to Alex"}))
	must[journal.Goal](t)(store.AddGoal(journal.Goal{Title: "Identify my patterns"}))
	must[journal.Goal](t)(store.AddGoal(journal.Goal{Title: "A finished goal", Status: journal.GoalCompleted}))
	for _, c := range []journal.CheckIn{{At: at(10, 9), Rating: 3}, {At: at(20, 9), Rating: 5}, {At: at(25, 9), Rating: 6, Note: "told Alex"}} {
		c.GoalID = alex.ID
		must[journal.CheckIn](t)(store.AddCheckIn(c))
	}
	must[journal.Measurement](t)(store.SaveMeasurement(journal.PHQ9, []int{2, 2, 1, 1, 1, 1, 1, 1, 1}, journal.NoDifficulty, at(4, 12)))
	must[journal.Measurement](t)(store.SaveMeasurement(journal.PHQ9, []int{1, 1, 1, 1, 1, 1, 1, 1, 0}, journal.NoDifficulty, at(20, 12)))
	must[journal.Measurement](t)(store.SaveMeasurement(journal.GAD7, []int{1, 1, 1, 1, 1, 1, 0}, journal.NoDifficulty, at(22, 12)))
	return f
}

// build builds the fixture's report since the session with opt.
func (f fixture) build(t *testing.T, opt Options) Report {
	t.Helper()
	opt.Now, opt.SinceSession = fixtureNow, true
	r, err := Build(f.store, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
