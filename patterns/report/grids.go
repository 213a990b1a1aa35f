package report

import (
	"fmt"
	"strconv"
)

// Grid is one of the report's tables as the words in its cells: the
// Markdown, HTML and PDF print it and the window's preview shows it, so
// every format has the same columns and cells.
type Grid struct {
	Header []string
	Right  []bool    // the columns of figures, aligned right
	Widths []float64 // each column's share of the width, in the PDF's millimetres
	Rows   [][]string
}

// PatternGrid is the pattern table: the patterns named in enough entries,
// with the window before when there is one to compare with.
func (r Report) PatternGrid() Grid {
	t := r.Patterns
	g := Grid{Header: []string{"Pattern", "Category", "Entries", "Share"}, Right: []bool{false, false, true, true}, Widths: []float64{70, 40, 16, 16}}
	if t.Compared {
		g.Header = append(g.Header, "Before", "Change")
		g.Right = append(g.Right, true, true)
		g.Widths = []float64{62, 40, 18, 18, 18, 18}
	}
	for _, row := range t.Rows {
		cells := []string{row.Name, row.Category, strconv.Itoa(row.Count), fmt.Sprintf("%.0f%%", 100*row.Share)}
		if t.Compared {
			cells = append(cells, strconv.Itoa(row.Previous), signed(row.Delta))
		}
		g.Rows = append(g.Rows, cells)
	}
	return g
}

// CCRTGrid is the relationship theme's table.
func (r Report) CCRTGrid() Grid {
	g := Grid{Header: []string{"Part", "Category", "Episodes", "First third to last"}, Right: []bool{false, false, true, false}, Widths: []float64{44, 50, 20, 60}}
	for _, c := range r.CCRT {
		g.Rows = append(g.Rows, []string{c.Component, c.Category, strconv.Itoa(c.Count), c.Shift})
	}
	return g
}

// GoalGrid is where each active goal stands, a sub-goal marked as one.
func (r Report) GoalGrid() Grid {
	g := Grid{Header: []string{"Goal", "Where it stands"}, Right: []bool{false, false}, Widths: []float64{84, 90}}
	for _, goal := range r.Goals {
		title := goal.Title
		if goal.Sub {
			title = "↳ " + title
		}
		g.Rows = append(g.Rows, []string{title, goal.Status()})
	}
	return g
}

// Grid is a questionnaire's scores: the last before the window, then
// those in it.
func (m MeasureTrend) Grid() Grid {
	g := Grid{Header: []string{"Date", fmt.Sprintf("Score (0–%d)", m.Max), "Band"}, Right: []bool{false, true, false}, Widths: []float64{64, 30, 80}}
	if b := m.Before; b != nil {
		g.Rows = append(g.Rows, []string{day(b.At) + " (before these days)", strconv.Itoa(b.Score), b.Band})
	}
	for _, s := range m.InWindow {
		g.Rows = append(g.Rows, []string{day(s.At), strconv.Itoa(s.Score), s.BandCell()})
	}
	return g
}
