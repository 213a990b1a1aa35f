package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// goalRow is one goal in the list, with the buttons a person (or a
// test) presses.
type goalRow struct {
	goal       journal.Goal
	pick       *widget.Button // shows the goal's page
	up, down   *widget.Button // active goals only
	handle     *dragHandle    // active goals only
	reactivate *widget.Button // completed and archived goals only
	content    fyne.CanvasObject
}

// indented reports whether g is drawn under its goal: it is a sub-goal
// and its goal is in the same section.
func (v *goalsScreen) indented(g journal.Goal) bool {
	p := v.goal(g.ParentID)
	return p != nil && p.Status == g.Status
}

func (v *goalsScreen) showList() {
	v.rows = v.rows[:0]
	v.active.RemoveAll()
	v.completed.RemoveAll()
	v.archived.RemoveAll()
	setVisible(v.emptyList, len(v.goals) == 0)
	if len(v.goals) > 0 {
		sections := map[journal.GoalStatus]*fyne.Container{
			journal.GoalActive: v.active, journal.GoalCompleted: v.completed, journal.GoalArchived: v.archived,
		}
		v.completed.Add(heading("Completed"))
		v.archived.Add(heading("Archived"))
		for _, g := range v.ordered() {
			row := v.newRow(g)
			v.rows = append(v.rows, row)
			sections[g.Status].Add(row.content)
		}
		if len(v.active.Objects) == 0 {
			v.active.Add(note("No active goals. Add one, or make one of these active again."))
		}
	}
	setVisible(v.completed, len(v.completed.Objects) > 1)
	setVisible(v.archived, len(v.archived.Objects) > 1)
	// The sections changed height: lay the whole list out again.
	v.listArea.Refresh()
	v.listBox.Refresh()
}

// newRow is a goal's line in the list: its title, which shows its page,
// its latest rating, and ways to reorder it or make it active again.
func (v *goalsScreen) newRow(g journal.Goal) *goalRow {
	row := &goalRow{goal: g}
	id := g.ID
	row.pick = widget.NewButton("", func() { v.choose(id) })
	row.pick.Importance = widget.LowImportance
	if id == v.selected {
		row.pick.Importance = widget.MediumImportance
	}
	title := widget.NewLabel(g.Title)
	title.Truncation = fyne.TextTruncateEllipsis
	if p := v.goal(g.ParentID); p != nil && !v.indented(g) {
		title.SetText(g.Title + " (under " + p.Title + ")")
	}
	rating := widget.NewLabel(v.latestRating(id))
	if g.Status != journal.GoalActive {
		title.Importance, rating.Importance = widget.LowImportance, widget.LowImportance
	}
	tools := container.NewHBox(rating)
	if g.Status == journal.GoalActive {
		before, after := v.neighbours(g)
		row.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { v.move(g, before, true) })
		row.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { v.move(g, after, false) })
		if before == nil {
			row.up.Disable()
		}
		if after == nil {
			row.down.Disable()
		}
		row.handle = newDragHandle(func(dy float32) { v.dragging(row, dy) }, func(dy float32) { v.dropped(row, dy) })
		tools.Add(row.up)
		tools.Add(row.down)
		tools.Add(row.handle)
	} else {
		row.reactivate = widget.NewButton("Make active again", func() { v.setStatusOf(g, journal.GoalActive) })
		tools.Add(row.reactivate)
	}
	var lead fyne.CanvasObject
	if v.indented(g) {
		lead = indentBy(theme.IconInlineSize() + theme.Padding())
	}
	row.content = container.NewBorder(nil, nil, lead, tools, container.NewStack(row.pick, title))
	return row
}

func indentBy(width float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(width, 0))
	return r
}

func (v *goalsScreen) latestRating(id int64) string {
	checkIns := v.checkIns[id]
	if len(checkIns) == 0 {
		return "–"
	}
	return fmt.Sprintf("%d/%d", checkIns[len(checkIns)-1].Rating, journal.MaxRating)
}

// neighbours are the active siblings just before and after g, or nil.
func (v *goalsScreen) neighbours(g journal.Goal) (before, after *journal.Goal) {
	active := journal.SiblingsShown(v.goals, g)
	i := slices.IndexFunc(active, func(s journal.Goal) bool { return s.ID == g.ID })
	if i > 0 {
		before = &active[i-1]
	}
	if i >= 0 && i+1 < len(active) {
		after = &active[i+1]
	}
	return before, after
}

// move puts g in target's place among the siblings shown with it.
func (v *goalsScreen) move(g journal.Goal, target *journal.Goal, up bool) {
	if target == nil {
		return
	}
	place := slices.IndexFunc(journal.SiblingsShown(v.goals, g), func(s journal.Goal) bool { return s.ID == target.ID })
	position := journal.GoalMoveTo(v.goals, g, place)
	id := g.ID
	v.background(func() func() {
		err := v.store.MoveGoal(id, position)
		return func() {
			if err != nil {
				v.listBox.Refresh() // a dragged row goes back into its place
				showProblem(v.win, "Couldn't move this goal", err)
				return
			}
			// Keep the focus on the goal that moved, so the arrow can be
			// pressed again.
			v.refocus = func() { v.focusRow(id, up) }
			v.reload()
		}
	})
}

// focusRow puts the focus on a goal's row: on its up or down button
// while that can still be pressed, else on its title.
func (v *goalsScreen) focusRow(id int64, up bool) {
	for _, row := range v.rows {
		if row.goal.ID != id {
			continue
		}
		switch {
		case up && row.up != nil && !row.up.Disabled():
			v.win.Canvas().Focus(row.up)
		case !up && row.down != nil && !row.down.Disabled():
			v.win.Canvas().Focus(row.down)
		default:
			v.focusTitle(id)
		}
	}
}

// focusTitle puts the focus on a goal's title in the list.
func (v *goalsScreen) focusTitle(id int64) {
	for _, row := range v.rows {
		if row.goal.ID == id {
			v.win.Canvas().Focus(row.pick)
		}
	}
}

// dragging moves a row with the pointer while its handle is dragged.
func (v *goalsScreen) dragging(row *goalRow, dy float32) {
	if v.dragged != row {
		v.dragged, v.dragFrom = row, row.content.Position()
	}
	row.content.Move(v.dragFrom.AddXY(0, dy))
}

// dropped moves the goal to the place of the active sibling whose row
// is nearest where it was let go.
func (v *goalsScreen) dropped(row *goalRow, dy float32) {
	from := row.content.Position()
	if v.dragged == row {
		from = v.dragFrom
	}
	v.dragged = nil
	centre := from.Y + dy + row.content.Size().Height/2
	var nearest *goalRow
	best := float32(math.MaxFloat32)
	for _, r := range v.rows {
		if r.goal.ParentID != row.goal.ParentID || r.goal.Status != journal.GoalActive {
			continue
		}
		y := r.content.Position().Y + r.content.Size().Height/2
		if r == row {
			y = from.Y + row.content.Size().Height/2
		}
		if d := float32(math.Abs(float64(y - centre))); d < best {
			best, nearest = d, r
		}
	}
	if nearest == nil || nearest == row {
		v.active.Refresh() // back into its place
		return
	}
	target := nearest.goal
	v.move(row.goal, &target, dy < 0)
}

// dragHandle is the grip at the end of an active goal's row: dragging
// it up or down moves the goal among its siblings. The ▲ and ▼ buttons
// beside it do the same from the keyboard.
type dragHandle struct {
	widget.BaseWidget
	dy     float32
	onDrag func(dy float32)
	onDrop func(dy float32)
	icon   *widget.Icon
}

var (
	_ fyne.Draggable     = (*dragHandle)(nil)
	_ desktop.Cursorable = (*dragHandle)(nil)
)

func newDragHandle(onDrag, onDrop func(dy float32)) *dragHandle {
	h := &dragHandle{onDrag: onDrag, onDrop: onDrop, icon: widget.NewIcon(theme.MoreVerticalIcon())}
	h.ExtendBaseWidget(h)
	return h
}

func (h *dragHandle) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewCenter(h.icon))
}

func (h *dragHandle) Cursor() desktop.Cursor { return desktop.VResizeCursor }

func (h *dragHandle) Dragged(ev *fyne.DragEvent) {
	h.dy += ev.Dragged.DY
	h.onDrag(h.dy)
}

func (h *dragHandle) DragEnd() {
	dy := h.dy
	h.dy = 0
	h.onDrop(dy)
}
