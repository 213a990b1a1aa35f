package store

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

func titles(goals []journal.Goal) string {
	var t []string
	for _, g := range goals {
		prefix := ""
		if g.ParentID != 0 {
			prefix = "  "
		}
		t = append(t, prefix+g.Title+"("+string(g.Status)+")")
	}
	return strings.Join(t, "|")
}

func TestStore_GoalsOrderAndStatusPersist(t *testing.T) {
	path := mustOpen(t).Path()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// The starter set: a goal with sub-goals added with it.
	added, err := s.AddGoals([]journal.Goal{
		{Title: "Improve relationships"}, {Title: "Express what I need", ParentID: -1}, {Title: "Set healthy boundaries", ParentID: -2},
		{Title: "Identify my patterns"}, {Title: "Put the past in the past"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if added[1].ParentID != added[0].ID || added[2].ParentID != added[0].ID {
		t.Fatalf("sub-goals not under their goal: %+v", added)
	}
	if err := s.MoveGoal(added[4].ID, 0); err != nil { // Put the past first
		t.Fatal(err)
	}
	if err := s.MoveGoal(added[2].ID, 0); err != nil { // boundaries before express
		t.Fatal(err)
	}
	patterns := added[3]
	patterns.Status = journal.GoalArchived
	if _, err := s.UpdateGoal(patterns); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCheckIn(journal.CheckIn{GoalID: patterns.ID, At: time.Now(), Rating: 6, Note: "kept"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// After reopening, the order and status are as left.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	goals, err := s.Goals()
	if err != nil {
		t.Fatal(err)
	}
	want := "Put the past in the past(active)|Improve relationships(active)|  Set healthy boundaries(active)|  Express what I need(active)|Identify my patterns(archived)"
	if got := titles(goals); got != want {
		t.Errorf("goals:\n%s\nwant\n%s", got, want)
	}
	if g, _ := s.Goal(patterns.ID); g.DoneAt.IsZero() {
		t.Error("archiving didn't note when")
	}
	if c, _ := s.CheckIns(patterns.ID); len(c) != 1 || c[0].Note != "kept" {
		t.Errorf("an archived goal lost its check-ins: %+v", c)
	}
}

func TestStore_GoalInputErrors(t *testing.T) {
	s := mustOpen(t)
	g, err := s.AddGoal(journal.Goal{Title: "Say what I need"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		do   func() error
		want string
	}{
		{"blank title", func() error { _, err := s.AddGoal(journal.Goal{Title: " "}); return err }, "needs a title"},
		{"missing parent", func() error { _, err := s.AddGoal(journal.Goal{Title: "x", ParentID: 99}); return err }, "no goal 99"},
		{"parent before the list", func() error { _, err := s.AddGoals([]journal.Goal{{Title: "x", ParentID: -1}}); return err }, "isn't in the list"},
		{"a sub-goal's sub-goal", func() error {
			sub, err := s.AddGoal(journal.Goal{Title: "step", ParentID: g.ID})
			if err != nil {
				return err
			}
			_, err = s.AddGoal(journal.Goal{Title: "x", ParentID: sub.ID})
			return err
		}, "already a sub-goal"},
		{"rating too high", func() error {
			_, err := s.AddCheckIn(journal.CheckIn{GoalID: g.ID, At: time.Now(), Rating: 11})
			return err
		}, "out of range"},
		{"rating negative", func() error {
			_, err := s.AddCheckIn(journal.CheckIn{GoalID: g.ID, At: time.Now(), Rating: -1})
			return err
		}, "out of range"},
		{"check-in on a missing goal", func() error {
			_, err := s.AddCheckIn(journal.CheckIn{GoalID: 99, At: time.Now(), Rating: 1})
			return err
		}, "no goal 99"},
		{"entry for a missing goal", func() error {
			_, err := s.CreateEntry(journal.Entry{Title: "x", WrittenAt: time.Now(), GoalIDs: []int64{99}})
			return err
		}, "no goal 99"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
	if n, _ := s.CountEntries(); n != 0 {
		t.Errorf("a refused entry was saved")
	}
}

func TestStore_EntriesAsGoalEvidence(t *testing.T) {
	s := mustOpen(t)
	g, _ := s.AddGoal(journal.Goal{Title: "Express what I need"})
	e, err := s.CreateEntry(journal.Entry{Title: "Today I said what I needed", WrittenAt: time.Now(), GoalIDs: []int64{g.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Entry(e.ID); !reflect.DeepEqual(got.GoalIDs, []int64{g.ID}) {
		t.Errorf("entry goals = %v", got.GoalIDs)
	}
	if ev, _ := s.GoalEvidence(g.ID); len(ev) != 1 || ev[0].ID != e.ID {
		t.Errorf("evidence = %+v", ev)
	}
}

func TestStore_SessionsAndSinceLastSession(t *testing.T) {
	s := mustOpen(t)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 17, 0, 0, 0, berlin) }
	for _, sess := range []journal.Session{
		{At: day(4), Approach: "dynamic interpersonal therapy", Takeaways: "first", Questions: []journal.Question{{Text: "Why Sundays?"}, {Text: " "}}},
		{At: day(11), Approach: "dynamic interpersonal therapy"},
		{At: day(18), Approach: "psychodynamic", Format: "couples"},
		{At: day(25), Approach: "dynamic interpersonal therapy"},
	} {
		if _, err := s.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
	}
	sessions, err := s.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	if len(sessions[0].Questions) != 1 || sessions[0].Questions[0].Text != "Why Sundays?" || sessions[0].Takeaways != "first" {
		t.Errorf("first session = %+v", sessions[0])
	}
	var numbers []int
	for _, p := range journal.DITPositions(sessions) {
		numbers = append(numbers, p.Number)
	}
	if !reflect.DeepEqual(numbers, []int{1, 2, 0, 3}) {
		t.Errorf("DIT session numbers = %v, want [1 2 0 3]", numbers)
	}
	for _, tt := range []struct {
		now  time.Time
		want time.Time
		ok   bool
	}{
		{day(3), time.Time{}, false},
		{day(4), day(4), true}, // the session's own start counts
		{day(12), day(11), true},
		{day(20), day(18), true},
		{day(30), day(25), true},
	} {
		got, ok, err := s.LastSession(tt.now)
		if err != nil || ok != tt.ok || ok && !got.At.Equal(tt.want) {
			t.Errorf("last session before %s = %v %v %v, want %v", tt.now, got.At, ok, err, tt.want)
		}
	}
	if _, err := s.SaveSession(journal.Session{At: day(1), Format: "solo"}); journal.ErrorCode(err) != journal.EInvalid {
		t.Errorf("bad format: %v", err)
	}
	if err := s.SetSetting(journal.SettingCrisisLine, "Call 116 123"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(journal.SettingCrisisLine); v != "Call 116 123" {
		t.Errorf("setting = %q", v)
	}
}

func TestStore_Measurements(t *testing.T) {
	s := mustOpen(t)
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	m, err := s.SaveMeasurement(journal.PHQ9, []int{1, 1, 1, 1, 1, 1, 1, 1, 1}, journal.NoDifficulty, at)
	if err != nil {
		t.Fatal(err)
	}
	if m.Score != 9 || m.Band != "mild" || !m.Safety {
		t.Errorf("saved %+v", m)
	}
	if _, err := s.SaveMeasurement(journal.PHQ9, []int{1, 2}, journal.NoDifficulty, at); journal.ErrorCode(err) != journal.EInvalid {
		t.Errorf("wrong count: %v", err)
	}
	if _, err := s.SaveMeasurement(journal.GAD7, []int{0, 0, 0, 0, 0, 0, 4}, journal.NoDifficulty, at); journal.ErrorCode(err) != journal.EInvalid {
		t.Errorf("value 4: %v", err)
	}
	got, err := s.Measurements(journal.PHQ9)
	if err != nil || len(got) != 1 || got[0].Score != 9 || !got[0].At.Equal(at) {
		t.Fatalf("measurements = %+v, %v", got, err)
	}
	if gad, _ := s.Measurements(journal.GAD7); len(gad) != 0 {
		t.Errorf("a refused GAD-7 was stored: %+v", gad)
	}
}

func TestStore_ImportTwiceAddsNothing(t *testing.T) {
	s := mustOpen(t)
	at := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	batch := []journal.Entry{
		{Title: "from jrnl", Body: "text", WrittenAt: at, Source: "jrnl", Patterns: []string{"avoidance", "sunday-blues"}},
		{Title: "with an id", WrittenAt: at, Source: "dayone", SourceID: "ABC"},
		{Title: "from jrnl", Body: "text", WrittenAt: at, Source: "jrnl"}, // the same entry twice in one file
	}
	added, skipped, err := s.ImportEntries(batch)
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 2 || len(skipped) != 1 || skipped[0].Item != 3 {
		t.Fatalf("first import: added %d, skipped %+v", len(added), skipped)
	}
	if p, err := s.PatternNamed("sunday-blues"); err != nil || p.Category != journal.CategoryImported {
		t.Errorf("a new tag became %+v, %v; want a pattern in the imported category", p, err)
	}
	if p, _ := s.PatternNamed("avoidance"); p.Category != journal.CategoryDefense {
		t.Errorf("an existing pattern changed category: %+v", p)
	}
	added, skipped, err = s.ImportEntries(batch)
	if err != nil || len(added) != 0 || len(skipped) != 3 {
		t.Errorf("second import: added %d, skipped %d, %v; want nothing added", len(added), len(skipped), err)
	}
	// One bad entry and nothing is imported.
	if _, _, err := s.ImportEntries([]journal.Entry{{Title: "fine", WrittenAt: at.Add(time.Hour)}, {WrittenAt: at}}); journal.ErrorCode(err) != journal.EInvalid {
		t.Errorf("bad batch: %v", err)
	}
	if n, _ := s.CountEntries(); n != 2 {
		t.Errorf("%d entries after a refused import, want 2", n)
	}
}
