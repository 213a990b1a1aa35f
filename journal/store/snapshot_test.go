package store

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// fillEverything writes something into every table through the normal
// write paths: a journal a snapshot must carry whole.
func fillEverything(t *testing.T, s *Store) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.AddPerson(journal.Person{Name: "Mum", Role: "parent"})
	must(err)
	_, err = s.AddPerson(journal.Person{Name: "Dr K", Role: "therapist", Aliases: []string{"Katherine", "Kat"}})
	must(err)
	must(s.HideWords("Priya"))
	own, err := s.AddPattern(journal.Pattern{Name: "over-explaining", Description: "Justifying myself at length.", Colour: "#3a7bd5"})
	must(err)
	must(s.ArchivePattern(own.ID, true))
	seeded, err := s.PatternNamed("perfectionism")
	must(err)
	seeded.Colour = "#aa0000"
	_, err = s.UpdatePattern(seeded)
	must(err)

	goals, err := s.AddGoals([]journal.Goal{{Title: "Improve relationships", Description: "Closer, calmer."}, {Title: "Express what I need", ParentID: -1},
		{Title: "Identify my patterns"}, {Title: "Old aim"}})
	must(err)
	done := goals[2]
	done.Status = journal.GoalCompleted
	_, err = s.UpdateGoal(done)
	must(err)
	gone := goals[3]
	gone.Status = journal.GoalArchived
	_, err = s.UpdateGoal(gone)
	must(err)
	must(s.MoveGoal(goals[2].ID, 0))
	for _, c := range []journal.CheckIn{{GoalID: goals[0].ID, At: time.Date(2026, 10, 1, 9, 0, 0, 0, berlin), Rating: 0, Note: "Hard week."},
		{GoalID: goals[1].ID, At: time.Date(2026, 11, 1, 9, 0, 0, 0, time.FixedZone("", -5*3600)), Rating: 7}} {
		_, err = s.AddCheckIn(c)
		must(err)
	}

	for _, c := range []journal.MoodCheckIn{{At: time.Date(2026, 11, 24, 8, 0, 0, 0, berlin), Mood: 3, Emotions: []string{"anxious", "sad"}},
		{At: time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC), Mood: 8}} {
		_, err = s.AddMoodCheckIn(c)
		must(err)
	}

	_, err = s.CreateEntries([]journal.Entry{
		{WrittenAt: time.Date(2026, 11, 25, 18, 30, 0, 0, berlin), Kind: journal.KindReflection, Title: "Quiet in the meeting",
			Body: "I went quiet, again.\n\n\"Quotes\", commas, and 🧑🏽‍🤝‍🧑🏻.", Mood: 4, Flagged: true,
			Emotions: []string{"anxious", "wistful"}, Patterns: []string{"withdrawing under criticism", "humour", "over-explaining"},
			GoalIDs: []int64{goals[0].ID, goals[1].ID},
			Episodes: []journal.Episode{
				{Person: "Mum", Wish: "to be heard", OtherResponse: "changed the subject", SelfResponse: "went quiet",
					Reminds: "dinners as a child", EarlierPerson: "Dad", Patterns: []string{"avoiding conflict"}, Emotions: []string{"hurt"},
					CCRT: journal.CCRT{Wishes: []string{"to be understood"}, Other: journal.Response{Categories: []string{"dismissive", "upset"}, Expected: true, Valence: "negative"},
						Self: journal.Response{Categories: []string{"withdrawn"}, Valence: "negative"}}},
				{Person: "Sam", Wish: "closeness", CCRT: journal.CCRT{Wishes: []string{"to be close"}, Self: journal.Response{Expected: true}}},
			}},
		{WrittenAt: time.Date(2026, 11, 26, 7, 0, 0, 0, time.UTC), Kind: journal.KindDream, Body: "A house with too many doors."},
		{WrittenAt: time.Date(2026, 11, 27, 12, 0, 0, 0, time.FixedZone("", 5*3600+30*60)), Kind: journal.KindAfterSession, Title: "deleted later"},
		{WrittenAt: time.Date(1850, 3, 1, 10, 0, 0, 0, berlin), Kind: journal.KindFreeAssociation, Title: "Before standard time"},
	})
	must(err)
	must(s.DeleteEntry(3)) // leaves a gap in the ids
	_, _, err = s.ImportEntries([]journal.Entry{{WrittenAt: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC), Title: "From jrnl", Body: "tagged",
		Patterns: []string{"night worries"}, Source: "jrnl", SourceID: "abc-1"}})
	must(err)
	humour, err := s.PatternNamed("humour")
	must(err)
	avoidance, err := s.PatternNamed("avoidance")
	must(err)
	must(s.MergePatterns(humour.ID, avoidance.ID))

	_, err = s.SaveSession(journal.Session{At: time.Date(2026, 11, 24, 17, 0, 0, 0, berlin), Format: "individual", Approach: "dynamic interpersonal therapy",
		Takeaways: "Notice the quiet.", Questions: []journal.Question{{Text: "Why the quiet?", Done: true}, {Text: "Dad?"}}, NewCourse: true})
	must(err)
	_, err = s.SaveSession(journal.Session{At: time.Date(2026, 12, 1, 17, 0, 0, 0, berlin), Format: "couples", Approach: "brief"})
	must(err)
	_, err = s.SaveMeasurement(journal.PHQ9, []int{0, 1, 2, 3, 0, 1, 2, 3, 1}, journal.DifficultyAnswer(2), time.Date(2026, 11, 20, 8, 0, 0, 0, berlin))
	must(err)
	_, err = s.SaveMeasurement(journal.GAD7, []int{3, 3, 2, 1, 0, 0, 1}, journal.NoDifficulty, time.Date(2026, 11, 20, 8, 5, 0, 0, berlin))
	must(err)
	must(s.SetSetting(journal.SettingCrisisLine, "Call 0800 111 111"))
	must(s.SetSetting(journal.SettingNextSession, "2026-12-01T17:00:00+01:00"))
}

func mustSnapshot(t *testing.T, s *Store) journal.Snapshot {
	t.Helper()
	snap, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// cloneSnapshot copies snap deeply, so a test can spoil the copy.
func cloneSnapshot(t *testing.T, snap journal.Snapshot) journal.Snapshot {
	t.Helper()
	data, err := json.Marshal(snap)
	if err != nil {
		t.Fatal(err)
	}
	var out journal.Snapshot
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSnapshot_RestoreGivesTheSameJournal(t *testing.T) {
	src := mustOpen(t)
	fillEverything(t, src)
	want := mustSnapshot(t, src)

	dst := mustOpen(t)
	if err := dst.Restore(cloneSnapshot(t, want)); err != nil {
		t.Fatal(err)
	}
	got := mustSnapshot(t, dst)
	if !reflect.DeepEqual(got, want) {
		gotJSON, _ := json.MarshalIndent(got, "", " ")
		wantJSON, _ := json.MarshalIndent(want, "", " ")
		t.Fatalf("restored journal differs:\n got %s\nwant %s", gotJSON, wantJSON)
	}

	// What the rest of the program reads agrees too, so Restore wrote
	// each value to its own column.
	for _, read := range []struct {
		name string
		read func(s *Store) (any, error)
	}{
		{"entries", func(s *Store) (any, error) { return s.Entries(journal.EntryQuery{}) }},
		{"patterns", func(s *Store) (any, error) { return s.Patterns() }},
		{"emotions", func(s *Store) (any, error) { return s.Emotions() }},
		{"people", func(s *Store) (any, error) { return s.People() }},
		{"hidden words", func(s *Store) (any, error) { return s.HiddenWords() }},
		{"goals", func(s *Store) (any, error) { return s.Goals() }},
		{"check-ins", func(s *Store) (any, error) { return s.CheckIns(1) }},
		{"sessions", func(s *Store) (any, error) { return s.Sessions() }},
		{"mood check-ins", func(s *Store) (any, error) { return s.MoodCheckIns(time.Time{}, time.Time{}) }},
		{"phq9", func(s *Store) (any, error) { return s.Measurements(journal.PHQ9) }},
		{"gad7", func(s *Store) (any, error) { return s.Measurements(journal.GAD7) }},
		{"crisis line", func(s *Store) (any, error) { return s.Setting(journal.SettingCrisisLine) }},
		{"episodes with Mum", func(s *Store) (any, error) { return s.EpisodesWith(1) }},
	} {
		w, err := read.read(src)
		if err != nil {
			t.Fatal(err)
		}
		g, err := read.read(dst)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s differ after Restore:\n got %+v\nwant %+v", read.name, g, w)
		}
	}

	// The restored journal carries on from its highest ids.
	e, err := dst.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: "after", Patterns: []string{"brand new"}})
	if err != nil {
		t.Fatal(err)
	}
	if e.ID != 6 {
		t.Errorf("next entry id = %d, want 6", e.ID)
	}
}

func TestSnapshot_KeepsWhatTheTablesHold(t *testing.T) {
	s := mustOpen(t)
	fillEverything(t, s)
	snap := mustSnapshot(t, s)

	ids := func(entries []journal.SnapshotEntry) (out []int64) {
		for _, e := range entries {
			out = append(out, e.ID)
		}
		return out
	}
	if got := ids(snap.Entries); !reflect.DeepEqual(got, []int64{1, 2, 4, 5}) {
		t.Errorf("entry ids = %v, want 1 2 4 5", got)
	}
	first := snap.Entries[0]
	if first.WrittenAt != "2026-11-25T18:30:00+01:00" || first.WrittenZone != "Europe/Berlin" || first.Mood != 4 || !first.Flagged {
		t.Errorf("first entry = %+v", first)
	}
	if want := []string{"withdrawing under criticism", "avoidance", "over-explaining"}; !reflect.DeepEqual(first.Patterns, want) {
		t.Errorf("patterns after the merge = %q, want %q (vocabulary order)", first.Patterns, want)
	}
	if len(first.Episodes) != 2 || first.Episodes[0].EarlierPerson != "Dad" || first.Episodes[1].Person != "Sam" {
		t.Errorf("episodes = %+v", first.Episodes)
	}
	if old := snap.Entries[2]; old.WrittenAt != "1850-03-01T10:00:00+00:53:28" {
		t.Errorf("a time before standard time = %s, want its offset's seconds kept", old.WrittenAt)
	}
	if imported := snap.Entries[3]; imported.Source != "jrnl" || imported.SourceID != "abc-1" {
		t.Errorf("imported entry = %+v", imported)
	}
	if len(snap.Settings) != 2 || snap.Settings[0].Key != journal.SettingCrisisLine {
		t.Errorf("settings = %+v", snap.Settings)
	}
	if q := snap.Sessions[0].Questions; len(q) != 2 || !q[0].Done || q[1].Text != "Dad?" {
		t.Errorf("questions = %+v", q)
	}
	if !snap.Sessions[0].NewCourse || snap.Sessions[1].NewCourse {
		t.Errorf("sessions = %+v, want the first to start a new course and the second not", snap.Sessions)
	}
	if m := snap.Measures[0]; m.Instrument != "phq9" || len(m.Answers) != 9 {
		t.Errorf("measure = %+v", m)
	}
	var archived, recoloured, merged bool
	for _, p := range snap.Patterns {
		archived = archived || p.Name == "over-explaining" && p.Archived && p.Colour == "#3a7bd5" && p.Category == journal.CategoryOwn
		recoloured = recoloured || p.Name == "perfectionism" && p.Colour == "#aa0000"
		merged = merged || p.Name == "humour"
	}
	if !archived || !recoloured || merged {
		t.Errorf("patterns: archived own %v, recoloured %v, merged-away still there %v", archived, recoloured, merged)
	}
	for _, g := range snap.Goals {
		if (g.Status == "active") != (g.DoneAt == "") {
			t.Errorf("goal %+v: done time and status disagree", g)
		}
	}
}

func TestSnapshot_EmptyJournalHasEmptyLists(t *testing.T) {
	data, err := json.Marshal(mustSnapshot(t, mustOpen(t)))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "null") {
		t.Errorf("an empty journal's snapshot has nulls: %s", data)
	}
}

// tagCodec seals text with the field it belongs to, and refuses to open
// it as any other field: a test that every value goes through the codec
// with its own table, column and row.
type tagCodec struct{}

func tag(f Field) string { return fmt.Sprintf("%s.%s.%d|", f.Table, f.Column, f.RowID) }

func (tagCodec) Seal(f Field, plain string) (string, error) { return tag(f) + plain, nil }

func (tagCodec) Open(f Field, stored string) (string, error) {
	plain, ok := strings.CutPrefix(stored, tag(f))
	if !ok {
		return "", fmt.Errorf("%q was not sealed as %s", stored, tag(f))
	}
	return plain, nil
}

func TestRestore_SealsEveryFieldThroughTheCodec(t *testing.T) {
	src := mustOpen(t)
	fillEverything(t, src)
	want := mustSnapshot(t, src)

	dst := mustOpen(t)
	dst.codec = tagCodec{}
	if err := dst.Restore(want); err != nil {
		t.Fatal(err)
	}
	sealed := map[string][]string{
		"entries": {"title", "body"}, "emotions": {"name"}, "patterns": {"name", "description"}, "people": {"name", "aliases"}, "hidden_words": {"name"},
		"episodes": {"wish", "other_response", "self_response", "reminds"}, "goals": {"title", "description"},
		"checkins": {"note"}, "sessions": {"takeaways"}, "session_questions": {"text"},
	}
	for table, columns := range sealed {
		for _, column := range columns {
			var rows []struct {
				ID    int64
				Value string
			}
			if err := dst.db.Raw("SELECT id, " + column + " AS value FROM " + table).Scan(&rows).Error; err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				t.Errorf("%s is empty: fillEverything should cover it", table)
			}
			for _, r := range rows {
				if want := tag(Field{table, column, r.ID}); !strings.HasPrefix(r.Value, want) {
					t.Errorf("%s.%s of row %d is stored as %q, not sealed as %s", table, column, r.ID, r.Value, want)
				}
			}
		}
	}
	if got := mustSnapshot(t, dst); !reflect.DeepEqual(got, want) {
		t.Errorf("the snapshot read through the codec differs from the one restored")
	}
}

func TestRestore_RefusesAJournalWithContent(t *testing.T) {
	src := mustOpen(t)
	fillEverything(t, src)
	snap := mustSnapshot(t, src)
	for _, tt := range []struct {
		name string
		add  func(s *Store) error
		want string
	}{
		{"an entry", func(s *Store) error {
			_, err := s.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: "mine"})
			return err
		}, "This journal already has entries. Import a Throughline export into a new, empty journal: throughline --db NEW.db import FILE"},
		{"a goal", func(s *Store) error { _, err := s.AddGoal(journal.Goal{Title: "mine"}); return err }, "already has goals"},
		{"a person", func(s *Store) error { _, err := s.AddPerson(journal.Person{Name: "Al"}); return err }, "already has people"},
		{"a session", func(s *Store) error { _, err := s.SaveSession(journal.Session{At: time.Now()}); return err }, "already has sessions"},
		{"a questionnaire", func(s *Store) error {
			_, err := s.SaveMeasurement(journal.GAD7, make([]int, 7), journal.NoDifficulty, time.Now())
			return err
		}, "already has questionnaires"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dst := mustOpen(t)
			if err := tt.add(dst); err != nil {
				t.Fatal(err)
			}
			before := mustSnapshot(t, dst)
			err := dst.Restore(snap)
			if journal.ErrorCode(err) != journal.EInvalid || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Restore = %v, want an invalid error saying %q", err, tt.want)
			}
			if after := mustSnapshot(t, dst); !reflect.DeepEqual(after, before) {
				t.Error("a refused Restore changed the journal")
			}
		})
	}
}

func TestRestore_BadSnapshotChangesNothing(t *testing.T) {
	src := mustOpen(t)
	fillEverything(t, src)
	good := mustSnapshot(t, src)
	dst := mustOpen(t)
	if err := dst.SetSetting(journal.SettingCrisisLine, "kept"); err != nil {
		t.Fatal(err)
	}
	before := mustSnapshot(t, dst)

	tests := []struct {
		name  string
		spoil func(s *journal.Snapshot)
		want  string
	}{
		{"mood out of range", func(s *journal.Snapshot) { s.Entries[1].Mood = 11 }, "entry 2 of 4 (id 2): its mood 11 is out of range"},
		{"negative mood", func(s *journal.Snapshot) { s.Entries[0].Mood = -1 }, "its mood -1 is out of range"},
		{"unknown kind", func(s *journal.Snapshot) { s.Entries[0].Kind = "poem" }, `"poem" is not a kind of entry`},
		{"repeated entry id", func(s *journal.Snapshot) { s.Entries[3].ID = 1 }, "entry 4 of 4 (id 1): it has the id 1, which another entry has"},
		{"no entry id", func(s *journal.Snapshot) { s.Entries[3].ID = 0 }, "it has no id"},
		{"unreadable time", func(s *journal.Snapshot) { s.Entries[0].WrittenAt = "25/11/2026" }, "its time “25/11/2026” can't be read"},
		{"unreadable created time", func(s *journal.Snapshot) { s.Entries[0].CreatedAt = "" }, "its time “” can't be read"},
		{"pattern not in the vocabulary", func(s *journal.Snapshot) { s.Entries[0].Patterns = append(s.Entries[0].Patterns, "ghost") }, "names the pattern “ghost”, which isn't in the export's patterns"},
		{"emotion named twice", func(s *journal.Snapshot) { s.Entries[0].Emotions = []string{"anxious", "Anxious"} }, "names the emotion “Anxious” twice"},
		{"goal not there", func(s *journal.Snapshot) { s.Entries[0].GoalIDs = []int64{99} }, "linked to goal 99, which isn't in the export"},
		{"episode person not there", func(s *journal.Snapshot) { s.Entries[0].Episodes[0].Person = "Nobody" }, "an episode with “Nobody”"},
		{"repeated episode id", func(s *journal.Snapshot) { s.Entries[0].Episodes[1].ID = s.Entries[0].Episodes[0].ID }, "its episode 2 has the id"},
		{"same source entry twice", func(s *journal.Snapshot) { s.Entries[2].Source, s.Entries[2].SourceID = "jrnl", "abc-1" }, "came from the same jrnl entry (abc-1)"},
		{"pattern names that match", func(s *journal.Snapshot) { s.Patterns[1].Name = "People Pleasing" }, "is also the name of pattern id 1"},
		{"pattern colour", func(s *journal.Snapshot) { s.Patterns[0].Colour = "red" }, `"red" is not a colour`},
		{"pattern category", func(s *journal.Snapshot) { s.Patterns[0].Category = "vibes" }, `"vibes" is not a pattern category`},
		{"emotion family", func(s *journal.Snapshot) { s.Emotions[0].Family = "meh" }, "“meh” is not a family"},
		{"blank emotion", func(s *journal.Snapshot) { s.Emotions[0].Name = "  " }, "emotion 1 of"},
		{"person role", func(s *journal.Snapshot) { s.People[0].Role = "nemesis" }, `"nemesis" is not a role`},
		{"sub-goal of a sub-goal", func(s *journal.Snapshot) { s.Goals[2].ParentID = 2 }, "is itself a sub-goal"},
		{"goal under itself", func(s *journal.Snapshot) { s.Goals[0].ParentID = s.Goals[0].ID }, "isn't in the export"},
		{"goal status", func(s *journal.Snapshot) { s.Goals[0].Status = "paused" }, `"paused" is not a goal status`},
		{"check-in rating", func(s *journal.Snapshot) { s.CheckIns[0].Rating = 11 }, "its rating 11 is out of range"},
		{"check-in goal", func(s *journal.Snapshot) { s.CheckIns[0].GoalID = 42 }, "it is for goal 42"},
		{"session format", func(s *journal.Snapshot) { s.Sessions[0].Format = "solo" }, "“solo” is not a session format"},
		{"session approach", func(s *journal.Snapshot) { s.Sessions[0].Approach = "cbt" }, "“cbt” is not an approach"},
		{"new course on a couples session", func(s *journal.Snapshot) { s.Sessions[1].NewCourse = true }, "session 2 of 2 (id 2): it starts a new course, which only an individual session of dynamic interpersonal therapy can"},
		{"question id", func(s *journal.Snapshot) { s.Sessions[0].Questions[1].ID = s.Sessions[0].Questions[0].ID }, "its question 2 has the id"},
		{"questionnaire answers", func(s *journal.Snapshot) { s.Measures[0].Answers = []int{1, 2} }, "PHQ-9 has 9 questions"},
		{"questionnaire answer range", func(s *journal.Snapshot) { s.Measures[1].Answers[0] = 4 }, "Question 1 of GAD-7: 4 is not one of the answers"},
		{"questionnaire name", func(s *journal.Snapshot) { s.Measures[0].Instrument = "PHQ-9" }, "“PHQ-9” is not a questionnaire"},
		{"repeated setting", func(s *journal.Snapshot) { s.Settings[1].Key = s.Settings[0].Key }, "setting 2 of 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := cloneSnapshot(t, good)
			tt.spoil(&snap)
			err := dst.Restore(snap)
			if err == nil {
				t.Fatal("Restore accepted a bad snapshot")
			}
			if journal.ErrorCode(err) != journal.EInvalid || !strings.Contains(err.Error(), tt.want) || !strings.HasSuffix(err.Error(), "Nothing was changed.") {
				t.Errorf("Restore = %q (%s), want an invalid error saying %q and that nothing changed", err, journal.ErrorCode(err), tt.want)
			}
			if after := mustSnapshot(t, dst); !reflect.DeepEqual(after, before) {
				t.Error("a refused Restore changed the journal")
			}
		})
	}
}

func TestSnapshotTimes(t *testing.T) {
	for _, tt := range []struct {
		unix   int64
		offset int
		want   string
	}{
		{1795627800, 3600, "2026-11-25T18:30:00+01:00"},
		{1795627800, 0, "2026-11-25T17:30:00Z"},
		{1795627800, -(9*3600 + 30*60), "2026-11-25T08:00:00-09:30"},
		{time.Date(1850, 3, 1, 10, 0, 0, 0, berlin).Unix(), 3208, "1850-03-01T10:00:00+00:53:28"},
	} {
		got := formatAt(tt.unix, tt.offset)
		if got != tt.want {
			t.Errorf("formatAt(%d, %d) = %s, want %s", tt.unix, tt.offset, got, tt.want)
		}
		unix, offset, ok := parseAt(got)
		if !ok || unix != tt.unix || offset != tt.offset {
			t.Errorf("parseAt(%s) = %d, %d, %v; want %d, %d", got, unix, offset, ok, tt.unix, tt.offset)
		}
	}
	const millis = 1764091862123
	if got := formatRecorded(millis); got != "2025-11-25T17:31:02.123Z" {
		t.Errorf("formatRecorded = %s", got)
	}
	if got, ok := parseRecorded(formatRecorded(millis)); !ok || got != millis {
		t.Errorf("parseRecorded = %d, %v", got, ok)
	}
}
