package cli

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

var goalCommands = []subcommand{
	{"list", "[--json] [--all]", "list your goals by priority, sub-goals under their goal, with the last check-in; --all includes completed and archived ones", runGoalList},
	{"add", "TITLE [--description D] [--under GOAL]", "add a goal, or with --under a sub-goal of goal number GOAL", runGoalAdd},
	{"starter", "[NUMBER]... [--all]", "list the common aims of therapy, numbered; add the ones you choose by number (a sub-goal brings its goal), or --all; only while you have no goals", runGoalStarter},
	{"reorder", "GOAL POSITION|up|down", "move a goal among its sibling goals; POSITION 1 is first", runGoalReorder},
	{"checkin", "GOAL RATING [--note N] [--at DATE]", "record how a goal is going, RATING from 0 (not at all) to 10 (fully)", runGoalCheckIn},
	{"complete", "GOAL", "mark a goal as reached; its check-ins are kept", runGoalComplete},
	{"archive", "GOAL", "put a goal aside; its check-ins are kept", runGoalArchive},
	{"reopen", "GOAL", "make a completed or archived goal active again", runGoalReopen},
}

func runGoal(c *cli, args []string) error { return c.runGroup("goal", goalCommands, args) }

// goalJSON is the stable JSON shape of a goal for scripts.
type goalJSON struct {
	ID           int64  `json:"id"`
	ParentID     *int64 `json:"parent_id"` // null for a top-level goal
	Title        string `json:"title"`
	Description  string `json:"description"`
	Priority     int    `json:"priority"` // 0 first, among goals with the same parent
	Status       string `json:"status"`
	LatestRating *int   `json:"latest_rating"` // null before the first check-in
}

// goalID reads a goal number typed by a person.
func goalID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id < 1 {
		return 0, usagef("%q is not a goal number. `throughline goal list` shows the numbers.", s)
	}
	return id, nil
}

// parseRating reads a check-in rating, 0 to journal.MaxRating.
func parseRating(s string) (int, error) {
	r, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || r < 0 || r > journal.MaxRating {
		return 0, journal.Errorf(journal.EInvalid, "Rating %q is not a whole number from 0 (not at all) to %d (fully), like 6.", s, journal.MaxRating)
	}
	return r, nil
}

// latestRatings is each goal's last check-in rating; goals never checked
// in on are missing.
func latestRatings(store *jstore.Store, goals []journal.Goal) (map[int64]int, error) {
	ratings := map[int64]int{}
	for _, g := range goals {
		checkIns, err := store.CheckIns(g.ID)
		if err != nil {
			return nil, err
		}
		if len(checkIns) > 0 {
			ratings[g.ID] = checkIns[len(checkIns)-1].Rating
		}
	}
	return ratings, nil
}

// activeOnly keeps the goals `goal list` shows without --all: active
// goals whose goal, for a sub-goal, is active too. Goals come parents
// first, as Store.Goals lists them.
func activeOnly(goals []journal.Goal) []journal.Goal {
	var out []journal.Goal
	shown := map[int64]bool{}
	for _, g := range goals {
		if g.Status == journal.GoalActive && (g.ParentID == 0 || shown[g.ParentID]) {
			shown[g.ID] = true
			out = append(out, g)
		}
	}
	return out
}

func runGoalList(c *cli, args []string) error {
	fs := c.flags("goal list")
	asJSON := fs.Bool("json", false, "print JSON")
	all := fs.Bool("all", false, "include completed and archived goals")
	if _, err := positionals(fs, args, 0, ""); err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		every, err := store.Goals()
		if err != nil {
			return err
		}
		goals := every
		if !*all {
			goals = activeOnly(every)
		}
		ratings, err := latestRatings(store, goals)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]goalJSON, len(goals))
			for i, g := range goals {
				out[i] = goalJSON{ID: g.ID, Title: g.Title, Description: g.Description, Priority: g.Priority, Status: string(g.Status)}
				if g.ParentID != 0 {
					parent := g.ParentID
					out[i].ParentID = &parent
				}
				if r, ok := ratings[g.ID]; ok {
					out[i].LatestRating = &r
				}
			}
			return writeJSON(c.stdout, out)
		}
		switch {
		case len(every) == 0:
			fmt.Fprintln(c.stdout, "No goals yet. Add one with: throughline goal add \"Say what I need at work\"")
			fmt.Fprintln(c.stdout, "or start from the common aims of therapy with: throughline goal starter")
		case len(goals) == 0:
			fmt.Fprintln(c.stdout, "No active goals: every one is completed or archived. `throughline goal list --all` shows them.")
		default:
			printGoals(c.stdout, goals, ratings)
		}
		return nil
	})
}

// printGoals writes goals as a table: number, title (sub-goals indented),
// status and the last check-in's rating, with a description below.
func printGoals(w io.Writer, goals []journal.Goal, ratings map[int64]int) {
	title := func(g journal.Goal) string {
		if g.ParentID != 0 {
			return "  " + g.Title
		}
		return g.Title
	}
	width := 0
	for _, g := range goals {
		width = max(width, utf8.RuneCountInString(title(g)))
	}
	for _, g := range goals {
		rating := "–"
		if r, ok := ratings[g.ID]; ok {
			rating = fmt.Sprintf("%d/%d", r, journal.MaxRating)
		}
		t := title(g)
		fmt.Fprintf(w, "%4d  %s%*s  %-9s  %s\n", g.ID, t, width-utf8.RuneCountInString(t), "", g.Status, rating)
		if g.Description != "" {
			indent := 6
			if g.ParentID != 0 {
				indent += 2
			}
			fmt.Fprintf(w, "%*s%s\n", indent, "", g.Description)
		}
	}
}

func runGoalAdd(c *cli, args []string) error {
	fs := c.flags("goal add")
	description := fs.String("description", "", "a line or two about the goal")
	under := fs.String("under", "", "the number of the goal this is a sub-goal of")
	rest, err := positionals(fs, args, 1, "a title, like `throughline goal add \"Say what I need at work\"`")
	if err != nil {
		return err
	}
	g := journal.Goal{Title: strings.TrimSpace(rest[0]), Description: strings.TrimSpace(*description)}
	// Checked before the journal is opened, so bad input never creates one.
	if g.Title == "" {
		return journal.Errorf(journal.EInvalid, "A goal needs a title, like “Say what I need at work”.")
	}
	if *under != "" {
		if g.ParentID, err = goalID(*under); err != nil {
			return err
		}
	}
	// A sub-goal's goal must already be there, and so must the journal.
	store, err := c.open(g.ParentID == 0)
	if err != nil {
		return err
	}
	defer store.Close()
	var parent journal.Goal
	if g.ParentID != 0 {
		if parent, err = store.Goal(g.ParentID); err != nil {
			return err
		}
		if parent.ParentID != 0 {
			return journal.Errorf(journal.EInvalid, "Goal %d “%s” is itself a sub-goal of goal %d, and sub-goals can't have their own. Put it under goal %d with --under %d.",
				parent.ID, parent.Title, parent.ParentID, parent.ParentID, parent.ParentID)
		}
	}
	added, err := store.AddGoal(g)
	if err != nil {
		return err
	}
	if parent.ID == 0 {
		fmt.Fprintf(c.stdout, "Added goal %d “%s”.\n", added.ID, added.Title)
		return nil
	}
	fmt.Fprintf(c.stdout, "Added goal %d “%s” under goal %d “%s”.\n", added.ID, added.Title, parent.ID, parent.Title)
	if parent.Status != journal.GoalActive {
		fmt.Fprintf(c.stdout, "Goal %d is %s, so `throughline goal list` shows the new one only with --all, until you reopen goal %d.\n", parent.ID, parent.Status, parent.ID)
	}
	return nil
}

// starterChoice is one starter goal as `goal starter` numbers them: in
// order, each sub-goal after its goal, so the numbers are the ones the
// goals get in a journal that has none.
type starterChoice struct {
	goal   journal.StarterGoal
	parent int // the number of its goal; 0 for a goal of its own
}

func starterChoices() []starterChoice {
	var out []starterChoice
	for _, s := range journal.StarterGoals {
		out = append(out, starterChoice{goal: s})
		parent := len(out)
		for _, sub := range s.Sub {
			out = append(out, starterChoice{goal: sub, parent: parent})
		}
	}
	return out
}

// chosenStarterGoals are the starter goals numbered in picks (all of them
// when all) as goals to add in one go, each sub-goal pointing back to its
// goal, which comes along when only the sub-goal was picked.
func chosenStarterGoals(picks []string, all bool) ([]journal.Goal, error) {
	choices := starterChoices()
	chosen := make([]bool, len(choices)+1)
	for _, p := range picks {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 || n > len(choices) {
			return nil, usagef("%q is not one of the starter goals' numbers, 1 to %d. `throughline goal starter` lists them.", p, len(choices))
		}
		chosen[n] = true
		chosen[choices[n-1].parent] = true
	}
	var goals []journal.Goal
	at := map[int]int{} // starter number -> index in goals
	for i, c := range choices {
		if !all && !chosen[i+1] {
			continue
		}
		g := journal.Goal{Title: c.goal.Title, Description: c.goal.Description}
		if c.parent != 0 {
			g.ParentID = int64(at[c.parent] - len(goals))
		}
		at[i+1] = len(goals)
		goals = append(goals, g)
	}
	return goals, nil
}

// printStarterChoices lists the starter goals, numbered, none chosen.
func printStarterChoices(w io.Writer) {
	fmt.Fprintln(w, "Some aims that often come up in therapy. None is added until you choose:")
	for i, c := range starterChoices() {
		indent := ""
		if c.parent != 0 {
			indent = "  "
		}
		fmt.Fprintf(w, "%4d  %s%s\n%6s%s%s\n", i+1, indent, c.goal.Title, "", indent, c.goal.Description)
	}
	fmt.Fprintln(w, "Add the ones that fit by number, like `throughline goal starter 1 2 5`, or every one with --all; a sub-goal brings its goal.")
}

func runGoalStarter(c *cli, args []string) error {
	fs := c.flags("goal starter")
	all := fs.Bool("all", false, "add every starter goal")
	picks, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(picks) == 0 && !*all {
		printStarterChoices(c.stdout)
		return nil
	}
	chosen, err := chosenStarterGoals(picks, *all)
	if err != nil {
		return err
	}
	return c.withJournal(true, func(store *jstore.Store) error {
		existing, err := store.Goals()
		if err != nil {
			return err
		}
		if len(existing) > 0 {
			return journal.Errorf(journal.EInvalid, "You already have %s, so the starter goals weren't added. Add more one at a time with `throughline goal add TITLE`; `throughline goal list --all` shows the ones you have.",
				count(len(existing), "goal", "goals"))
		}
		added, err := store.AddGoals(chosen)
		if err != nil {
			return err
		}
		top := 0
		for _, g := range added {
			if g.ParentID == 0 {
				top++
			}
		}
		fmt.Fprintf(c.stdout, "Added %s and %s:\n", count(top, "goal", "goals"), count(len(added)-top, "sub-goal", "sub-goals"))
		printGoals(c.stdout, added, nil)
		fmt.Fprintln(c.stdout, "Reorder them with `throughline goal reorder GOAL POSITION`, or put one aside with `throughline goal archive GOAL`.")
		return nil
	})
}

// onGoal opens the journal and finds goal id for a verb. Verbs check
// their input first, so bad input never opens the journal.
func (c *cli) onGoal(id int64, do func(*jstore.Store, journal.Goal) error) error {
	return c.withJournal(false, func(store *jstore.Store) error {
		g, err := store.Goal(id)
		if err != nil {
			return err
		}
		return do(store, g)
	})
}

// reorderTarget reads a reorder POSITION: a place counted from 1, or up
// or down (returned as -1 and +1 with move set).
func reorderTarget(s string) (place int, move bool, err error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "up":
		return -1, true, nil
	case "down":
		return +1, true, nil
	}
	place, err = strconv.Atoi(strings.TrimSpace(s))
	if err != nil || place < 1 {
		return 0, false, journal.Errorf(journal.EInvalid, "Position %q is not a place among the goals. Use 1 for first, 2 for second, and so on, or up or down.", s)
	}
	return place, false, nil
}

func runGoalReorder(c *cli, args []string) error {
	rest, err := numberPositionals(c.flags("goal reorder"), args, 2, "a goal number and where to put it, like `throughline goal reorder 3 1` (1 is first) or `throughline goal reorder 3 up`")
	if err != nil {
		return err
	}
	id, err := goalID(rest[0])
	if err != nil {
		return err
	}
	place, move, err := reorderTarget(rest[1])
	if err != nil {
		return err
	}
	return c.onGoal(id, func(store *jstore.Store, g journal.Goal) error {
		goals, err := store.Goals()
		if err != nil {
			return err
		}
		// Places are counted among the siblings `goal list` shows with
		// the goal: for an active goal, its active siblings.
		shown := journal.SiblingsShown(goals, g)
		current := slices.IndexFunc(shown, func(s journal.Goal) bool { return s.ID == g.ID })
		among := "your goals"
		if g.ParentID != 0 {
			among = fmt.Sprintf("the sub-goals of goal %d", g.ParentID)
		}
		target := place - 1
		if move {
			target = current + place
		}
		target = max(0, min(target, len(shown)-1))
		switch {
		case len(shown) == 1:
			fmt.Fprintf(c.stdout, "There is nothing to reorder: goal %d “%s” is alone among %s.\n", g.ID, g.Title, among)
			return nil
		case target == current && move && place < 0:
			fmt.Fprintf(c.stdout, "Goal %d “%s” is already first among %s.\n", g.ID, g.Title, among)
			return nil
		case target == current && move:
			fmt.Fprintf(c.stdout, "Goal %d “%s” is already last among %s.\n", g.ID, g.Title, among)
			return nil
		case target == current:
			fmt.Fprintf(c.stdout, "Goal %d “%s” is already at place %d of %d among %s.\n", g.ID, g.Title, current+1, len(shown), among)
			return nil
		}
		if err := store.MoveGoal(g.ID, journal.GoalMoveTo(goals, g, target)); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Moved goal %d “%s” to place %d of %d among %s.\n", g.ID, g.Title, target+1, len(shown), among)
		return nil
	})
}

func runGoalCheckIn(c *cli, args []string) error {
	fs := c.flags("goal checkin")
	note := fs.String("note", "", "a line on how it's going")
	at := fs.String("at", "", "when, like 2026-12-05 21:00, yesterday 21:00 or next thu 17:00; now when not given")
	rest, err := numberPositionals(fs, args, 2, "a goal number and a rating from 0 to 10, like `throughline goal checkin 3 6 --note \"said no once\"`")
	if err != nil {
		return err
	}
	id, err := goalID(rest[0])
	if err != nil {
		return err
	}
	checkIn := journal.CheckIn{GoalID: id, At: time.Now(), Note: strings.TrimSpace(*note)}
	if checkIn.Rating, err = parseRating(rest[1]); err != nil {
		return err
	}
	if *at != "" {
		if checkIn.At, err = journal.ParseWhen(*at, time.Now()); err != nil {
			return err
		}
	}
	return c.onGoal(id, func(store *jstore.Store, g journal.Goal) error {
		if _, err := store.AddCheckIn(checkIn); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Checked in on goal %d “%s”: %d/%d on %s.\n", g.ID, g.Title, checkIn.Rating, journal.MaxRating, checkIn.At.Format("Mon 2 Jan 2006"))
		return nil
	})
}

func runGoalComplete(c *cli, args []string) error {
	return c.setGoalStatus("goal complete", args, journal.GoalCompleted)
}

func runGoalArchive(c *cli, args []string) error {
	return c.setGoalStatus("goal archive", args, journal.GoalArchived)
}

func runGoalReopen(c *cli, args []string) error {
	return c.setGoalStatus("goal reopen", args, journal.GoalActive)
}

// setGoalStatus completes, archives or reopens the goal args names.
// Its check-ins stay either way.
func (c *cli) setGoalStatus(name string, args []string, status journal.GoalStatus) error {
	rest, err := numberPositionals(c.flags(name), args, 1, "a goal number, like `throughline "+name+" 3`. `throughline goal list` shows the numbers")
	if err != nil {
		return err
	}
	id, err := goalID(rest[0])
	if err != nil {
		return err
	}
	return c.onGoal(id, func(store *jstore.Store, g journal.Goal) error {
		if g.Status == status {
			fmt.Fprintf(c.stdout, "Goal %d “%s” is already %s.\n", g.ID, g.Title, status)
			return nil
		}
		g.Status = status
		if _, err := store.UpdateGoal(g); err != nil {
			return err
		}
		switch status {
		case journal.GoalActive:
			fmt.Fprintf(c.stdout, "Goal %d “%s” is active again.\n", g.ID, g.Title)
			return nil
		case journal.GoalCompleted:
			fmt.Fprintf(c.stdout, "Completed goal %d “%s”. Well done.", g.ID, g.Title)
		default:
			fmt.Fprintf(c.stdout, "Archived goal %d “%s”.", g.ID, g.Title)
		}
		fmt.Fprintf(c.stdout, " Its check-ins are kept; `throughline goal list --all` shows it, and `throughline goal reopen %d` makes it active again.\n", g.ID)
		return nil
	})
}
