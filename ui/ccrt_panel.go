package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	analysis "github.com/throughline/throughline/patterns"
)

// ccrtPeriods are the periods the CCRT panel offers: episodes are few,
// so all time comes first.
var ccrtPeriods = []string{periodAll, periodQuarter, periodMonth, periodWeek}

// ccrtPanel shows the Core Conflictual Relationship Theme of the
// episodes in a period: the most frequent wish, response of the other
// and response of self, with counts, how each moved from the first third
// of the period to the last, and, for everyone, the same per person.
type ccrtPanel struct {
	now      func() time.Time
	person   string // "" for everyone
	episodes []journal.PersonEpisode

	period  *widget.Select
	counts  *fyne.Container // a column per component
	total   *widget.Label
	people  *fyne.Container // one line per person, for everyone's panel
	content fyne.CanvasObject
}

func newCCRTPanel(now func() time.Time, person string) *ccrtPanel {
	p := &ccrtPanel{now: now, person: person, total: wrapped(""), counts: container.NewGridWithColumns(3), people: container.NewVBox()}
	p.period = widget.NewSelect(ccrtPeriods, func(string) { p.refresh() })
	p.period.Selected = periodAll
	title := "The theme across your episodes (CCRT)"
	if person != "" {
		title = "The theme with " + person
	}
	parts := []fyne.CanvasObject{
		container.NewBorder(nil, nil, nil, p.period, heading(title)),
		note("What you wanted, how the other responded and how you responded, counted over the categories ticked in your episodes. A shape that repeats is worth bringing to a session."),
		p.total, p.counts,
	}
	if person == "" {
		parts = append(parts, heading("With each person"), p.people)
	}
	p.content = container.NewVBox(parts...)
	return p
}

// show sets the episodes the panel counts; person panels are given
// every episode and count only theirs.
func (p *ccrtPanel) show(episodes []journal.PersonEpisode) {
	p.episodes = episodes
	p.refresh()
}

func (p *ccrtPanel) window() analysis.Window { return periodWindow(p.period.Selected, p.now()) }

func (p *ccrtPanel) refresh() {
	w := p.window()
	var s analysis.CCRTSummary
	if p.person == "" {
		s = analysis.SummariseCCRT(p.episodes, w)
	} else {
		s = analysis.CCRTFor(p.episodes, p.person, w)
	}
	p.counts.RemoveAll()
	p.people.RemoveAll()
	if s.Episodes == 0 {
		p.total.SetText("No episodes in this period yet. In an entry, add a relationship episode and tick what fits.")
		return
	}
	span := "in the " + strings.ToLower(p.period.Selected)
	if p.period.Selected == periodAll {
		span = "over all time"
	}
	p.total.SetText(plural(s.Episodes, "episode", "episodes") + " " + span + ".")
	for _, comp := range journal.Components {
		p.counts.Add(ccrtColumn(comp, s))
	}
	if p.person != "" {
		return
	}
	for _, pc := range analysis.CCRTByPerson(p.episodes, w) {
		p.people.Add(wrapped(personCCRTLine(pc)))
	}
}

// ccrtColumn is one component's categories, most frequent first, and
// how the most frequent moved.
func ccrtColumn(comp journal.Component, s analysis.CCRTSummary) fyne.CanvasObject {
	col := container.NewVBox(heading(comp.Label()))
	counts := s.Of(comp)
	if len(counts) == 0 {
		col.Add(note("None ticked yet"))
	}
	for _, cc := range counts {
		col.Add(widget.NewLabel(fmt.Sprintf("%s — %d", cc.Category, cc.Count)))
	}
	if shift := s.Shift(comp); shift != "" {
		col.Add(note("Most frequent: " + shift + "."))
	}
	return col
}

// personCCRTLine is one person's most frequent category of each
// component on a line.
func personCCRTLine(pc analysis.PersonCCRT) string {
	parts := []string{fmt.Sprintf("%s (%s)", pc.Person, plural(pc.Episodes, "episode", "episodes"))}
	for _, comp := range journal.Components {
		if counts := pc.Of(comp); len(counts) > 0 {
			parts = append(parts, fmt.Sprintf("%s: %s (%d)", strings.ToLower(comp.Label()), counts[0].Category, counts[0].Count))
		}
	}
	return strings.Join(parts, " · ")
}
