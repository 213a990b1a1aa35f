package cli

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// goalList runs goal list --json (with args) and decodes it.
func goalList(t *testing.T, db string, args ...string) []goalJSON {
	t.Helper()
	out := mustCLI(t, db, "", append([]string{"goal", "list", "--json"}, args...)...)
	var goals []goalJSON
	if err := json.Unmarshal([]byte(out), &goals); err != nil {
		t.Fatalf("goal list --json printed something that is not a JSON array of goals: %v\n%s", err, out)
	}
	return goals
}

// goalOrder writes goals as "id" for goals and ">id" for sub-goals, in
// the order listed, with the status when not active: "1 >2 >3 4:archived".
func goalOrder(goals []goalJSON) string {
	var out []string
	for _, g := range goals {
		s := strconv.FormatInt(g.ID, 10)
		if g.ParentID != nil {
			s = ">" + s
		}
		if g.Status != "active" {
			s += ":" + g.Status
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// starterJournal is a journal holding the starter goals:
// 1 Improve relationships (2, 3 and 4 under it), 5, 6 and 7.
func starterJournal(t *testing.T) string {
	t.Helper()
	db := newJournal(t)
	mustCLI(t, db, "", "goal", "starter", "1", "2", "3", "4", "5", "6", "7")
	return db
}

func TestCLI_GoalAddAndList(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)

	out, errOut, code := runCLI(t, db, "", "goal", "list")
	assertFailure(t, out, errOut, code, exitError, "There is no journal")
	assertMissing(t, db)

	// A sub-goal's goal must exist, so it never creates the journal.
	out, errOut, code = runCLI(t, db, "", "goal", "add", "Wind down", "--under", "1")
	assertFailure(t, out, errOut, code, exitError, "There is no journal")
	assertMissing(t, db)

	tests := []struct {
		args    []string // after "goal add"
		wantOut string
	}{
		{[]string{"Sleep earlier", "--description", " Lights out by 23:00 "}, "Added goal 1 “Sleep earlier”.\n"},
		{[]string{"--under", "1", "Wind down"}, "Added goal 2 “Wind down” under goal 1 “Sleep earlier”.\n"},
		{[]string{"  Say what I need  "}, "Added goal 3 “Say what I need”.\n"},
		{[]string{"Put the phone away", "--under=1"}, "Added goal 4 “Put the phone away” under goal 1 “Sleep earlier”.\n"},
		{[]string{"At work", "--under", "3", "--description", "with J."}, "Added goal 5 “At work” under goal 3 “Say what I need”.\n"},
	}
	for _, tt := range tests {
		if out := mustCLI(t, db, "", append([]string{"goal", "add"}, tt.args...)...); out != tt.wantOut {
			t.Errorf("goal add %q printed %q, want %q", tt.args, out, tt.wantOut)
		}
	}
	mustCLI(t, db, "", "goal", "checkin", "2", "4", "--at", "2026-11-01 09:00")
	mustCLI(t, db, "", "goal", "checkin", "2", "7", "--note", "in bed by 11", "--at", "2026-11-08 09:00")
	mustCLI(t, db, "", "goal", "checkin", "2", "3", "--at", "2026-10-01 09:00") // older, so not the latest

	one, three := int64(1), int64(3)
	want := []goalJSON{
		{ID: 1, Title: "Sleep earlier", Description: "Lights out by 23:00", Priority: 0, Status: "active"},
		{ID: 2, ParentID: &one, Title: "Wind down", Priority: 0, Status: "active", LatestRating: intp(7)},
		{ID: 4, ParentID: &one, Title: "Put the phone away", Priority: 1, Status: "active"},
		{ID: 3, Title: "Say what I need", Priority: 1, Status: "active"},
		{ID: 5, ParentID: &three, Title: "At work", Description: "with J.", Priority: 0, Status: "active"},
	}
	if got := goalList(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("goal list --json =\n%+v\nwant\n%+v", got, want)
	}
	wantText := "" +
		"   1  Sleep earlier         active     –\n" +
		"      Lights out by 23:00\n" +
		"   2    Wind down           active     7/10\n" +
		"   4    Put the phone away  active     –\n" +
		"   3  Say what I need       active     –\n" +
		"   5    At work             active     –\n" +
		"        with J.\n"
	if out := mustCLI(t, db, "", "goal", "list"); out != wantText {
		t.Errorf("goal list printed\n%s\nwant\n%s", out, wantText)
	}

	var listed []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "goal", "list", "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	for _, obj := range listed {
		keys := slices.Sorted(maps.Keys(obj))
		if want := []string{"description", "id", "latest_rating", "parent_id", "priority", "status", "title"}; !reflect.DeepEqual(keys, want) {
			t.Errorf("goal list --json has fields %q, want exactly %q", keys, want)
		}
	}
	if got := string(listed[0]["parent_id"]) + " " + string(listed[0]["latest_rating"]); got != "null null" {
		t.Errorf("a top-level goal never checked in on has parent_id and latest_rating %s, want null null", got)
	}
	// Goals are not entries.
	if entries := listJSON(t, db); len(entries) != 0 {
		t.Errorf("list --json = %+v, want no entries", entries)
	}
}

func TestCLI_GoalListEmpty(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	addEntry(t, db, "", "--title", "T")
	if out := mustCLI(t, db, "", "goal", "list"); !strings.Contains(out, "No goals yet") || !strings.Contains(out, "throughline goal starter") {
		t.Errorf("goal list with no goals printed %q, want hints on adding some", out)
	}
	if out := mustCLI(t, db, "", "goal", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("goal list --json with no goals printed %q, want []", out)
	}
	mustCLI(t, db, "", "goal", "add", "Only one")
	mustCLI(t, db, "", "goal", "complete", "1")
	if out := mustCLI(t, db, "", "goal", "list"); !strings.Contains(out, "No active goals") || !strings.Contains(out, "--all") {
		t.Errorf("goal list with every goal completed printed %q, want a hint on --all", out)
	}
	if out := mustCLI(t, db, "", "goal", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("goal list --json with every goal completed printed %q, want []", out)
	}
}

func TestCLI_GoalStarter(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		args      []string
		want      string // goalOrder
		wantTitle []string
	}{
		{[]string{"1", "2", "3", "4", "5", "6", "7"}, "1 >2 >3 >4 5 6 7", []string{"Improve relationships", "Express what I need", "Choose partners who are emotionally available",
			"Set healthy boundaries", "Identify my patterns", "Be more mindful of my choices", "Put the past in the past"}},
		// A sub-goal brings its goal; the others stay out.
		{[]string{"3", "7"}, "1 >2 3", []string{"Improve relationships", "Choose partners who are emotionally available", "Put the past in the past"}},
		{[]string{"--all"}, "1 >2 >3 >4 5 6 7 8 9 10 11 12", []string{"Improve relationships", "Express what I need", "Choose partners who are emotionally available",
			"Set healthy boundaries", "Identify my patterns", "Be more mindful of my choices", "Put the past in the past",
			"Break a habit of repeating unhealthy patterns", "Understand myself better", "Feel my emotions fully", "Make better decisions for myself", "Address my needs"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(append([]string{"starter"}, tt.args...), " "), func(t *testing.T) {
			db := newJournal(t)
			out := mustCLI(t, db, "", append([]string{"goal", "starter"}, tt.args...)...)
			assertExists(t, db) // adding goals may start the journal
			if !strings.HasPrefix(out, "Added ") || !strings.Contains(out, "sub-goal") || !strings.Contains(out, "      Use my past as a roadmap") {
				t.Errorf("goal starter printed %q", out)
			}
			goals := goalList(t, db)
			var titles []string
			for _, g := range goals {
				titles = append(titles, g.Title)
			}
			if got := goalOrder(goals); got != tt.want || !reflect.DeepEqual(titles, tt.wantTitle) {
				t.Errorf("after starter: %s %q\nwant %s %q", got, titles, tt.want, tt.wantTitle)
			}

			// Only while there are no goals: a second time changes nothing.
			before := snapshot(t, db)
			out, errOut, code := runCLI(t, db, "", "goal", "starter", "--all")
			assertFailure(t, out, errOut, code, exitUsage, "You already have")
			assertSameState(t, before, snapshot(t, db))
		})
	}
	t.Run("with no numbers it lists them and adds none", func(t *testing.T) {
		db := newJournal(t)
		out := mustCLI(t, db, "", "goal", "starter")
		for _, want := range []string{"None is added until you choose", "   1  Improve relationships\n", "   3    Choose partners who are emotionally available\n",
			"        Notice who I'm drawn to", "   7  Put the past in the past\n      Use my past as a roadmap", "  12  Address my needs\n"} {
			if !strings.Contains(out, want) {
				t.Errorf("goal starter printed:\n%s\nwant %q", out, want)
			}
		}
		assertMissing(t, db)
	})
	t.Run("a number that isn't a starter goal", func(t *testing.T) {
		db := newJournal(t)
		out, errOut, code := runCLI(t, db, "", "goal", "starter", "2", "13")
		assertFailure(t, out, errOut, code, exitUsage, `"13" is not one of the starter goals' numbers, 1 to 12`)
		assertMissing(t, db)
	})
	t.Run("an archived goal counts", func(t *testing.T) {
		db := newJournal(t)
		mustCLI(t, db, "", "goal", "add", "Mine")
		mustCLI(t, db, "", "goal", "archive", "1")
		before := snapshot(t, db)
		out, errOut, code := runCLI(t, db, "", "goal", "starter", "5")
		assertFailure(t, out, errOut, code, exitUsage, "You already have 1 goal, so the starter goals weren't added")
		assertSameState(t, before, snapshot(t, db))
	})
}

func TestCLI_GoalReorder(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name    string
		setup   [][]string // goal commands run first, on the starter goals
		args    []string   // after "goal reorder"
		wantOut string
		want    string // goalOrder of goal list --all afterwards
	}{
		{"to first", nil, []string{"7", "1"}, "Moved goal 7 “Put the past in the past” to place 1 of 4 among your goals.\n", "7 1 >2 >3 >4 5 6"},
		{"to the middle", nil, []string{"1", "3"}, "Moved goal 1 “Improve relationships” to place 3 of 4 among your goals.\n", "5 6 1 >2 >3 >4 7"},
		{"past the end goes last", nil, []string{"5", "99"}, "Moved goal 5 “Identify my patterns” to place 4 of 4 among your goals.\n", "1 >2 >3 >4 6 7 5"},
		{"up", nil, []string{"6", "up"}, "Moved goal 6 “Be more mindful of my choices” to place 2 of 4 among your goals.\n", "1 >2 >3 >4 6 5 7"},
		{"down, in capitals", nil, []string{"1", "DOWN"}, "Moved goal 1 “Improve relationships” to place 2 of 4 among your goals.\n", "5 1 >2 >3 >4 6 7"},
		{"flags around the arguments", nil, []string{"--db", "{db}", "7", "2"}, "", "1 >2 >3 >4 7 5 6"},
		{"a sub-goal, among its siblings", nil, []string{"4", "1"}, "Moved goal 4 “Set healthy boundaries” to place 1 of 3 among the sub-goals of goal 1.\n", "1 >4 >2 >3 5 6 7"},
		{"a sub-goal up", nil, []string{"3", "up"}, "", "1 >3 >2 >4 5 6 7"},
		{"a sub-goal down", nil, []string{"2", "down"}, "", "1 >3 >2 >4 5 6 7"},
		{"up from first", nil, []string{"1", "up"}, "Goal 1 “Improve relationships” is already first among your goals.\n", "1 >2 >3 >4 5 6 7"},
		{"down from last", nil, []string{"4", "down"}, "Goal 4 “Set healthy boundaries” is already last among the sub-goals of goal 1.\n", "1 >2 >3 >4 5 6 7"},
		{"to where it is", nil, []string{"6", "3"}, "Goal 6 “Be more mindful of my choices” is already at place 3 of 4 among your goals.\n", "1 >2 >3 >4 5 6 7"},
		{"alone", [][]string{{"add", "Wind down", "--under", "5"}}, []string{"8", "up"},
			"There is nothing to reorder: goal 8 “Wind down” is alone among the sub-goals of goal 5.\n", "1 >2 >3 >4 5 >8 6 7"},
		// Places count the goals `goal list` shows: up passes the active
		// goal above, not an archived one in between.
		{"up past an archived goal", [][]string{{"archive", "6"}}, []string{"7", "up"},
			"Moved goal 7 “Put the past in the past” to place 2 of 3 among your goals.\n", "1 >2 >3 >4 7 5 6:archived"},
		{"a place past an archived goal", [][]string{{"archive", "5"}}, []string{"7", "2"},
			"Moved goal 7 “Put the past in the past” to place 2 of 3 among your goals.\n", "1 >2 >3 >4 5:archived 7 6"},
		{"an archived goal among them all", [][]string{{"archive", "6"}}, []string{"6", "1"},
			"Moved goal 6 “Be more mindful of my choices” to place 1 of 4 among your goals.\n", "6:archived 1 >2 >3 >4 5 7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := starterJournal(t)
			for _, args := range tt.setup {
				mustCLI(t, db, "", append([]string{"goal"}, args...)...)
			}
			args := slices.Clone(tt.args)
			for i := range args {
				args[i] = strings.ReplaceAll(args[i], "{db}", db)
			}
			out := mustCLI(t, db, "", append([]string{"goal", "reorder"}, args...)...)
			if tt.wantOut != "" && out != tt.wantOut {
				t.Errorf("goal reorder printed %q, want %q", out, tt.wantOut)
			}
			// Each run reopens the journal, so this is what was saved.
			if got := goalOrder(goalList(t, db, "--all")); got != tt.want {
				t.Errorf("goals after reorder: %s, want %s", got, tt.want)
			}
		})
	}
}

func TestCLI_GoalStatusKeepsHistory(t *testing.T) {
	isolateJournalLocation(t)
	db := starterJournal(t)
	mustCLI(t, db, "", "goal", "checkin", "1", "6", "--note", "better with Sam")
	mustCLI(t, db, "", "goal", "checkin", "5", "8")
	tests := []struct {
		args    []string // after "goal"
		wantOut string
		want    string // goalOrder of goal list
		wantAll string // goalOrder of goal list --all
	}{
		{[]string{"complete", "5"}, "Completed goal 5 “Identify my patterns”.", "1 >2 >3 >4 6 7", "1 >2 >3 >4 5:completed 6 7"},
		{[]string{"complete", "5"}, "Goal 5 “Identify my patterns” is already completed.\n", "1 >2 >3 >4 6 7", "1 >2 >3 >4 5:completed 6 7"},
		{[]string{"archive", "3"}, "Archived goal 3 “Choose partners who are emotionally available”.", "1 >2 >4 6 7", "1 >2 >3:archived >4 5:completed 6 7"},
		// A goal put aside takes its sub-goals out of the list with it.
		{[]string{"archive", "1"}, "Archived goal 1", "6 7", "1:archived >2 >3:archived >4 5:completed 6 7"},
		{[]string{"archive", "5"}, "Archived goal 5", "6 7", "1:archived >2 >3:archived >4 5:archived 6 7"},
		{[]string{"reopen", "1"}, "Goal 1 “Improve relationships” is active again.\n", "1 >2 >4 6 7", "1 >2 >3:archived >4 5:archived 6 7"},
		{[]string{"reopen", "7"}, "Goal 7 “Put the past in the past” is already active.\n", "1 >2 >4 6 7", "1 >2 >3:archived >4 5:archived 6 7"},
	}
	for _, tt := range tests {
		out := mustCLI(t, db, "", append([]string{"goal"}, tt.args...)...)
		if !strings.HasPrefix(out, tt.wantOut) {
			t.Errorf("goal %s printed %q, want it to start %q", strings.Join(tt.args, " "), out, tt.wantOut)
		}
		if got := goalOrder(goalList(t, db)); got != tt.want {
			t.Errorf("after goal %s, goal list: %s, want %s", strings.Join(tt.args, " "), got, tt.want)
		}
		if got := goalOrder(goalList(t, db, "--all")); got != tt.wantAll {
			t.Errorf("after goal %s, goal list --all: %s, want %s", strings.Join(tt.args, " "), got, tt.wantAll)
		}
	}
	// The check-ins stayed with the goals through it all.
	ratings := map[int64]*int{}
	for _, g := range goalList(t, db, "--all") {
		ratings[g.ID] = g.LatestRating
	}
	if moodString(ratings[1]) != "6" || moodString(ratings[5]) != "8" {
		t.Errorf("latest ratings after archiving and reopening: goal 1 %s, goal 5 %s; want 6 and 8", moodString(ratings[1]), moodString(ratings[5]))
	}
	if out := mustCLI(t, db, "", "goal", "list", "--all"); !regexp.MustCompile(`\n   5  Identify my patterns +archived   8/10\n`).MatchString(out) {
		t.Errorf("goal list --all does not show the archived goal's status and rating:\n%s", out)
	}
	mustCLI(t, db, "", "goal", "checkin", "5", "9") // an archived goal can still be checked in on
	for _, g := range goalList(t, db, "--all") {
		if g.ID == 5 && moodString(g.LatestRating) != "9" {
			t.Errorf("latest rating of goal 5 = %s, want 9", moodString(g.LatestRating))
		}
	}
}

func TestCLI_GoalCheckIn(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name    string
		args    []string // after "goal checkin"
		wantOut string
		want    int // latest rating afterwards
	}{
		{"a rating", []string{"2", "6"}, "Checked in on goal 2 “Express what I need”: 6/10 on ", 6},
		{"0 is a rating", []string{"2", "0"}, "", 0},
		{"10 is a rating", []string{"2", "10"}, "", 10},
		{"a note and a date", []string{"2", "7", "--note", "said no once", "--at", "2026-11-20 19:00"}, "Checked in on goal 2 “Express what I need”: 7/10 on Fri 20 Nov 2026.\n", 7},
		{"flags first", []string{"--note=hmm", "2", "3"}, "", 3},
		{"a note that looks like a number", []string{"2", "4", "--note", "-1"}, "", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := starterJournal(t)
			out := mustCLI(t, db, "", append([]string{"goal", "checkin"}, tt.args...)...)
			if !strings.HasPrefix(out, tt.wantOut) {
				t.Errorf("goal checkin printed %q, want it to start %q", out, tt.wantOut)
			}
			if g := goalList(t, db); moodString(g[1].LatestRating) != strconv.Itoa(tt.want) {
				t.Errorf("latest rating = %s, want %d", moodString(g[1].LatestRating), tt.want)
			}
		})
	}
}

func TestCLI_GoalBadInputLeavesJournalUnchanged(t *testing.T) {
	setup := func(t *testing.T) string {
		db := starterJournal(t)
		mustCLI(t, db, "", "goal", "checkin", "1", "5")
		addEntry(t, db, "", "--title", "First", "--pattern", "avoidance")
		return db
	}
	assertRefusals(t, setup, []refusal{
		// checkin: the rating
		{"checkin -1", []string{"goal", "checkin", "1", "-1"}, exitUsage, `Rating "-1" is not a whole number from 0 (not at all) to 10 (fully)`, false},
		{"checkin 11", []string{"goal", "checkin", "1", "11"}, exitUsage, `Rating "11" is not a whole number from 0`, false},
		{"checkin x", []string{"goal", "checkin", "1", "x"}, exitUsage, `Rating "x"`, false},
		{"checkin 7.5", []string{"goal", "checkin", "1", "7.5"}, exitUsage, `Rating "7.5"`, false},
		{"checkin -0.5", []string{"goal", "checkin", "1", "-0.5"}, exitUsage, `Rating "-0.5"`, false},
		{"checkin empty", []string{"goal", "checkin", "1", ""}, exitUsage, `Rating ""`, false},
		{"checkin -1 after flags", []string{"goal", "checkin", "--note", "n", "1", "-1"}, exitUsage, `Rating "-1"`, false},
		{"checkin without a rating", []string{"goal", "checkin", "1"}, exitUsage, "goal checkin needs a goal number and a rating", false},
		{"checkin a bad date", []string{"goal", "checkin", "1", "5", "--at", "soon"}, exitUsage, `"soon" is not a date`, false},
		{"checkin a goal in words", []string{"goal", "checkin", "first", "5"}, exitUsage, `"first" is not a goal number`, false},
		{"checkin goal -1", []string{"goal", "checkin", "-1", "5"}, exitUsage, `"-1" is not a goal number`, false},
		{"checkin a missing goal", []string{"goal", "checkin", "99", "5"}, exitError, "There is no goal 99", true},
		{"checkin an unknown flag", []string{"goal", "checkin", "1", "5", "--mood", "3"}, exitUsage, "-mood", false},
		// add
		{"add a blank title", []string{"goal", "add", "  "}, exitUsage, "A goal needs a title", false},
		{"add without a title", []string{"goal", "add", "--description", "d"}, exitUsage, "goal add needs a title", false},
		{"add an unquoted title", []string{"goal", "add", "Say", "no"}, exitUsage, "in quotes", false},
		{"add under a goal in words", []string{"goal", "add", "x", "--under", "first"}, exitUsage, `"first" is not a goal number`, false},
		{"add under a missing goal", []string{"goal", "add", "x", "--under", "99"}, exitError, "There is no goal 99", true},
		{"add under a sub-goal", []string{"goal", "add", "x", "--under", "2"}, exitUsage, "Goal 2 “Express what I need” is itself a sub-goal of goal 1", true},
		// reorder
		{"reorder to place 0", []string{"goal", "reorder", "5", "0"}, exitUsage, `Position "0" is not a place`, false},
		{"reorder to place -1", []string{"goal", "reorder", "5", "-1"}, exitUsage, `Position "-1" is not a place`, false},
		{"reorder to first in words", []string{"goal", "reorder", "5", "first"}, exitUsage, `Position "first" is not a place`, false},
		{"reorder without a place", []string{"goal", "reorder", "5"}, exitUsage, "goal reorder needs a goal number and where to put it", false},
		{"reorder a missing goal", []string{"goal", "reorder", "99", "1"}, exitError, "There is no goal 99", true},
		// complete, archive, reopen
		{"complete a missing goal", []string{"goal", "complete", "99"}, exitError, "There is no goal 99", true},
		{"archive goal 0", []string{"goal", "archive", "0"}, exitUsage, `"0" is not a goal number`, false},
		{"archive two goals", []string{"goal", "archive", "1", "2"}, exitUsage, "goal archive needs a goal number", false},
		{"reopen without a goal", []string{"goal", "reopen"}, exitUsage, "goal reopen needs a goal number", false},
		// list, and the group
		{"list a stray argument", []string{"goal", "list", "all"}, exitUsage, `goal list: unexpected "all"`, false},
		{"list an unknown flag", []string{"goal", "list", "--archived"}, exitUsage, "-archived", false},
		{"starter a stray argument", []string{"goal", "starter", "please"}, exitUsage, `"please" is not one of the starter goals' numbers`, false},
		{"no sub-command", []string{"goal"}, exitUsage, "goal needs one of: list, add, starter, reorder, checkin, complete, archive or reopen", false},
		{"unknown sub-command", []string{"goal", "delete", "1"}, exitUsage, `"delete" is not a goal command`, false},
	})
}

func TestCLI_GoalHelp(t *testing.T) {
	isolateJournalLocation(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	help := mustCLI(t, db, "", "help")
	for _, sub := range goalCommands {
		if usage := sub.name + " " + sub.args; !strings.Contains(help, usage) {
			t.Errorf("help does not show %q:\n%s", usage, help)
		}
		want := "Usage: throughline goal " + sub.name + " " + sub.args + "\n" + capitalise(sub.summary) + ".\n"
		if out := mustCLI(t, db, "", "goal", sub.name, "--help"); out != want {
			t.Errorf("goal %s --help printed %q, want %q", sub.name, out, want)
		}
	}
	if out := mustCLI(t, db, "", "goal", "--help"); !strings.Contains(out, "throughline goal checkin GOAL RATING") {
		t.Errorf("goal --help printed %q, want the verbs", out)
	}
	assertMissing(t, db)
}
