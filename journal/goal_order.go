package journal

// Goals are reordered among the goals a person sees beside them, in the
// window and on the command line alike; MoveGoal counts among all of a
// goal's siblings, hidden ones included. These two rules translate.

// SiblingsShown are the goals listed beside g, g included, in priority
// order: for an active goal its active siblings (finished and archived
// goals are listed apart), for any other goal all its siblings.
func SiblingsShown(goals []Goal, g Goal) []Goal {
	var shown []Goal
	for _, s := range goals {
		if s.ParentID == g.ParentID && (s.ID == g.ID || shownBeside(g, s)) {
			shown = append(shown, s)
		}
	}
	return shown
}

// GoalMoveTo is the position MoveGoal takes to put g at place among
// SiblingsShown(goals, g): 0 is first, and a place past either end is
// that end. g takes the place of the one shown there, going just before
// it when moving up and just after it when moving down, so the goals it
// passes keep their order with any hidden ones beside them.
func GoalMoveTo(goals []Goal, g Goal, place int) int {
	others, now, current := 0, 0, 0 // g's other siblings; how many, and how many shown, come before g
	var shown []int                 // the positions among the others of those shown
	for _, s := range goals {
		switch {
		case s.ParentID != g.ParentID:
		case s.ID == g.ID:
			now, current = others, len(shown)
		default:
			if shownBeside(g, s) {
				shown = append(shown, others)
			}
			others++
		}
	}
	switch place = max(0, min(place, len(shown))); {
	case place < current:
		return shown[place]
	case place > current:
		return shown[place-1] + 1
	default:
		return now
	}
}

// shownBeside says whether sibling s is listed with g.
func shownBeside(g, s Goal) bool {
	return g.Status != GoalActive || s.Status == GoalActive
}
