package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// categoryChecks is a tick box for each of a component's CCRT
// categories. Each box takes the focus with Tab and ticks with Space.
type categoryChecks struct {
	comp    journal.Component
	checks  []*widget.Check // in the order the component lists them
	content fyne.CanvasObject
}

func newCategoryChecks(comp journal.Component, chosen []string) *categoryChecks {
	c := &categoryChecks{comp: comp}
	grid := container.NewGridWithColumns(3)
	for _, name := range comp.Categories() {
		check := widget.NewCheck(name, nil)
		check.SetChecked(slices.Contains(chosen, name))
		c.checks = append(c.checks, check)
		grid.Add(check)
	}
	c.content = grid
	return c
}

// chosen is the categories ticked, in the component's order.
func (c *categoryChecks) chosen() []string {
	var out []string
	for i, check := range c.checks {
		if check.Checked {
			out = append(out, c.comp.Categories()[i])
		}
	}
	return out
}

// responseFields are a response's categories, whether it was expected
// or what actually happened, and whether it went well.
type responseFields struct {
	categories *categoryChecks
	expected   *widget.Check
	valence    *widget.RadioGroup
	content    fyne.CanvasObject
}

// Words for the valence choices, as the form shows them.
const (
	valencePositive = "It went well for me"
	valenceNegative = "It went badly for me"
)

func newResponseFields(comp journal.Component, r journal.Response) *responseFields {
	f := &responseFields{categories: newCategoryChecks(comp, r.Categories)}
	f.expected = widget.NewCheck("What I expected, not what actually happened", nil)
	f.expected.SetChecked(r.Expected)
	f.valence = widget.NewRadioGroup([]string{valencePositive, valenceNegative}, nil)
	f.valence.Horizontal = true
	f.valence.Selected = map[journal.Valence]string{"positive": valencePositive, "negative": valenceNegative}[r.Valence]
	f.content = container.NewVBox(f.categories.content, f.expected, f.valence)
	return f
}

func (f *responseFields) response() journal.Response {
	valence := map[string]journal.Valence{valencePositive: "positive", valenceNegative: "negative"}[f.valence.Selected]
	return journal.Response{Categories: f.categories.chosen(), Expected: f.expected.Checked, Valence: valence}
}
