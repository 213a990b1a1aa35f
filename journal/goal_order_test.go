package journal

import (
	"slices"
	"testing"
)

func TestGoalOrder(t *testing.T) {
	const a, d, x = GoalActive, GoalCompleted, GoalArchived
	// Under goal 1, in priority order: 2 active, 3 completed, 4 active,
	// 5 archived, 6 active. Goal 7 is another top-level goal.
	goals := []Goal{
		{ID: 1, Status: a},
		{ID: 2, ParentID: 1, Status: a}, {ID: 3, ParentID: 1, Status: d}, {ID: 4, ParentID: 1, Status: a},
		{ID: 5, ParentID: 1, Status: x}, {ID: 6, ParentID: 1, Status: a},
		{ID: 7, Status: a},
	}
	byID := func(id int64) Goal { return goals[slices.IndexFunc(goals, func(g Goal) bool { return g.ID == id })] }
	tests := []struct {
		name      string
		goal      int64
		shown     []int64 // SiblingsShown
		place     int
		position  int     // GoalMoveTo
		afterMove []int64 // all of goal 1's sub-goals once MoveGoal has put it there
	}{
		{"an active goal first, past the completed one", 4, []int64{2, 4, 6}, 0, 0, []int64{4, 2, 3, 5, 6}},
		{"an active goal up one", 6, []int64{2, 4, 6}, 1, 2, []int64{2, 3, 6, 4, 5}},
		{"an active goal last, past the archived one", 2, []int64{2, 4, 6}, 2, 4, []int64{3, 4, 5, 6, 2}},
		{"an active goal down one, past a hidden one", 2, []int64{2, 4, 6}, 1, 2, []int64{3, 4, 2, 5, 6}},
		{"a place before the first is the first", 6, []int64{2, 4, 6}, -3, 0, []int64{6, 2, 3, 4, 5}},
		{"a place past the end is the end", 4, []int64{2, 4, 6}, 99, 4, []int64{2, 3, 5, 6, 4}},
		{"staying put", 4, []int64{2, 4, 6}, 1, 2, []int64{2, 3, 4, 5, 6}},
		{"a finished goal moves among all its siblings", 3, []int64{2, 3, 4, 5, 6}, 0, 0, []int64{3, 2, 4, 5, 6}},
		{"a finished goal last", 3, []int64{2, 3, 4, 5, 6}, 4, 4, []int64{2, 4, 5, 6, 3}},
		{"top-level goals are siblings of each other only", 7, []int64{1, 7}, 0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := byID(tt.goal)
			var shown []int64
			for _, s := range SiblingsShown(goals, g) {
				shown = append(shown, s.ID)
			}
			if !slices.Equal(shown, tt.shown) {
				t.Errorf("SiblingsShown(goal %d) = %v, want %v", tt.goal, shown, tt.shown)
			}
			position := GoalMoveTo(goals, g, tt.place)
			if position != tt.position {
				t.Errorf("GoalMoveTo(goal %d, place %d) = %d, want %d", tt.goal, tt.place, position, tt.position)
			}
			if tt.afterMove == nil {
				return
			}
			// What MoveGoal does with the position: take g out of its
			// siblings, put it back in at position.
			var others []int64
			for _, s := range goals {
				if s.ParentID == 1 && s.ID != g.ID {
					others = append(others, s.ID)
				}
			}
			if got := slices.Insert(others, position, g.ID); !slices.Equal(got, tt.afterMove) {
				t.Errorf("after the move goal 1's sub-goals are %v, want %v", got, tt.afterMove)
			}
		})
	}
}

// The alone case: with nothing shown beside it a goal stays where it is.
func TestGoalMoveTo_AloneStaysPut(t *testing.T) {
	goals := []Goal{{ID: 1, Status: GoalCompleted}, {ID: 2, Status: GoalActive}, {ID: 3, Status: GoalArchived}}
	if got := GoalMoveTo(goals, goals[1], 0); got != 1 {
		t.Errorf("GoalMoveTo of the only active goal = %d, want its own position 1", got)
	}
}
