package ui

import (
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	analysis "github.com/throughline/throughline/patterns"
)

const (
	anyCategory      = "All patterns"
	emotionsCategory = "emotions" // feelings shown in the pattern views
	anyone           = "Anyone"
	heatMapWeeks     = 26 // half a year of columns still fits a laptop screen
	heatMapRows      = 10
	topPairs         = 10
	moodChartDays    = 366 // the chart shows at most the last year of the period
)

// patternsStore is what the Patterns screen reads from the journal.
type patternsStore interface {
	Taggings(from, before time.Time) ([]journal.Tagging, error)
	Patterns() ([]journal.Pattern, error)
	People() ([]journal.Person, error)
	Sessions() ([]journal.Session, error)
	Entry(id int64) (journal.Entry, error)
	MoodCheckIns(from, before time.Time) ([]journal.MoodCheckIn, error)
}

var _ patternsStore = (*jstore.Store)(nil)

// patternsScreen is the pattern-frequency view: what recurs, how often,
// with whom, and whether it is coming up more or less than before.
type patternsScreen struct {
	*env
	win       fyne.Window
	store     patternsStore
	openEntry func(id int64) // show an entry in the journal

	period   *widget.Select
	from, to *widget.Entry
	custom   *fyne.Container
	category *widget.Select
	person   *widget.Select
	summary  *widget.Label
	bars     *fyne.Container
	rows     []*barRow // the bars shown, for tests and focus
	pairs    *fyne.Container
	mood     *fyne.Container
	weeks    *fyne.Container
	moodDays *fyne.Container
	entries  *fyne.Container
	details  *container.AppTabs
	// entriesTab lists a bar's entries: chosen by what it is, not where
	// it sits, so adding a tab can't send a bar to the wrong one.
	entriesTab *container.TabItem
	content    fyne.CanvasObject

	taggings   []journal.Tagging          // every entry, oldest first
	sessions   []time.Time                // when each therapy session was, oldest first
	vocabulary map[string]journal.Pattern // by name
	shown      []journal.Tagging          // the window's entries, filtered
	checkIns   []journal.MoodCheckIn      // every mood noted without an entry, oldest first
	moods      []journal.Tagging          // shown, with the window's check-ins when no person is chosen
}

var categoryChoices = []string{anyCategory, "Relationship patterns", "Emotional patterns", "Defenses", "My own", "Emotions"}

var categoryOfChoice = map[string]string{
	"Relationship patterns": journal.CategoryRelationship, "Emotional patterns": journal.CategoryEmotional,
	"Defenses": journal.CategoryDefense, "My own": journal.CategoryOwn, "Emotions": emotionsCategory,
}

func newPatternsScreen(e *env, win fyne.Window, store patternsStore) *patternsScreen {
	v := &patternsScreen{win: win, store: store, env: e, openEntry: func(int64) {}}
	v.period = widget.NewSelect(periods, func(string) { v.onFilter() })
	v.from = &widget.Entry{PlaceHolder: "from, like 1 Nov"}
	v.from.ExtendBaseWidget(v.from)
	v.to = &widget.Entry{PlaceHolder: "to, like today"}
	v.to.ExtendBaseWidget(v.to)
	withDatePicker(v.from, v.now)
	withDatePicker(v.to, v.now)
	v.from.OnSubmitted = func(string) { v.onFilter() }
	v.to.OnSubmitted = func(string) { v.onFilter() }
	apply := widget.NewButton("Show", v.onFilter)
	v.custom = container.NewHBox(container.NewGridWrap(fyne.NewSize(170, v.from.MinSize().Height), v.from),
		container.NewGridWrap(fyne.NewSize(170, v.to.MinSize().Height), v.to), apply)
	v.custom.Hide()
	v.category = widget.NewSelect(categoryChoices, func(string) { v.onFilter() })
	v.person = widget.NewSelect([]string{anyone}, func(string) { v.onFilter() })
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.bars = container.NewVBox()
	v.pairs, v.mood, v.weeks, v.entries = container.NewVBox(), container.NewVBox(), container.NewVBox(), container.NewVBox()
	v.moodDays = container.NewStack()
	v.entriesTab = container.NewTabItem("Entries", container.NewVScroll(v.entries))
	v.details = container.NewAppTabs(
		container.NewTabItem("Together", container.NewVScroll(v.pairs)),
		container.NewTabItem("Mood", container.NewVScroll(v.mood)),
		container.NewTabItem("By week", container.NewScroll(v.weeks)),
		container.NewTabItem("Mood over time", v.moodDays),
		v.entriesTab,
	)
	filters := container.NewHBox(widget.NewLabel("Period"), v.period, v.custom,
		widget.NewLabel("Show"), v.category, widget.NewLabel("With"), v.person)
	split := container.NewHSplit(container.NewVScroll(container.NewPadded(v.bars)), v.details)
	split.Offset = 0.58
	v.content = container.NewBorder(container.NewVBox(filters, v.summary), legend(), nil, nil, split)
	// Set without running onFilter: there is nothing loaded yet.
	v.period.Selected, v.category.Selected, v.person.Selected = periodMonth, anyCategory, anyone
	return v
}

// reload reads every entry's tagging again, off the UI goroutine, then
// redraws. Filters work on what it read, so changing them is instant.
func (v *patternsScreen) reload() {
	v.background(func() func() {
		taggings, err := v.store.Taggings(time.Time{}, time.Time{})
		patterns, perr := v.store.Patterns()
		people, qerr := v.store.People()
		sessions, serr := v.store.Sessions()
		checkIns, cerr := v.store.MoodCheckIns(time.Time{}, time.Time{})
		return func() {
			if err = errors.Join(err, perr, qerr, serr, cerr); err != nil {
				v.summary.SetText(err.Error())
				return
			}
			v.taggings, v.checkIns = taggings, checkIns
			v.sessions = v.sessions[:0]
			for _, s := range sessions {
				v.sessions = append(v.sessions, s.At)
			}
			v.offerSinceSession()
			v.vocabulary = make(map[string]journal.Pattern, len(patterns))
			for _, p := range patterns {
				v.vocabulary[p.Name] = p
			}
			names := []string{anyone}
			for _, p := range people {
				names = append(names, p.Name)
			}
			v.person.Options = names
			if !slices.Contains(names, v.person.Selected) {
				v.person.Selected = anyone
			}
			v.person.Refresh()
			v.show()
		}
	})
}

func (v *patternsScreen) onFilter() {
	if v.period.Selected == periodCustom {
		v.custom.Show()
	} else {
		v.custom.Hide()
	}
	if v.taggings != nil {
		v.show()
	}
}

// window is the period picked, or an error for a custom range that
// can't be read.
func (v *patternsScreen) window() (analysis.Window, error) {
	if v.period.Selected == periodCustom {
		if strings.TrimSpace(v.from.Text) == "" || strings.TrimSpace(v.to.Text) == "" {
			return analysis.Window{}, journal.Errorf(journal.EInvalid, "Type the first and last day of the range, like 2026-10-01 and 2026-10-31, then press Show.")
		}
		return analysis.ParseDays(v.from.Text, v.to.Text, v.now())
	}
	if v.period.Selected == periodSinceSession {
		return analysis.SinceSession(v.lastSession(), v.now()), nil
	}
	return periodWindow(v.period.Selected, v.now()), nil
}

// filtered keeps the entries that involve the chosen person and, for the
// Emotions view, puts their emotions where the patterns go.
func (v *patternsScreen) filtered(entries []journal.Tagging) []journal.Tagging {
	person, emotions := v.person.Selected, v.category.Selected == "Emotions"
	if (person == anyone || person == "") && !emotions {
		return entries
	}
	out := make([]journal.Tagging, 0, len(entries))
	for _, t := range entries {
		if person != anyone && person != "" && !slices.Contains(t.People, person) {
			continue
		}
		if emotions {
			t.Patterns = t.Emotions
		}
		out = append(out, t)
	}
	return out
}

// inCategory reports whether a name belongs in the chosen category.
func (v *patternsScreen) inCategory(name string) bool {
	want := categoryOfChoice[v.category.Selected]
	if want == "" || want == emotionsCategory {
		return true
	}
	return v.vocabulary[name].Category == want
}

func (v *patternsScreen) colourFor(name string) color.NRGBA {
	if v.category.Selected == "Emotions" {
		return categoryColours[emotionsCategory]
	}
	return colourOf(v.vocabulary[name])
}

// show redraws every part of the view from the loaded taggings.
func (v *patternsScreen) show() {
	w, err := v.window()
	if err != nil {
		v.summary.SetText(err.Error())
		return
	}
	all := v.filtered(v.taggings)
	summary := analysis.Summarise(all, w)
	v.shown = analysis.Within(all, w)
	// A check-in is with no one, so it belongs in the mood of everyone's
	// entries only.
	v.moods = v.shown
	if v.person.Selected == anyone || v.person.Selected == "" {
		v.moods = analysis.Within(analysis.WithMoodCheckIns(all, v.checkIns), w)
	}
	var trends []analysis.Trend
	for _, t := range summary.Trends {
		if v.inCategory(t.Name) {
			trends = append(trends, t)
		}
	}
	compared := summary.Compared
	v.summary.SetText(v.describe(w, len(v.shown), len(trends), compared))
	v.showBars(trends, compared)
	v.showPairs(summary.Pairs)
	v.showMood()
	v.showWeeks(w)
	v.showMoodDays()
	v.entries.RemoveAll()
	v.entries.Add(note("Choose a bar to list the entries that name it."))
}

func (v *patternsScreen) describe(w analysis.Window, entries, named int, compared bool) string {
	span := "all time"
	if !w.From.IsZero() {
		span = w.From.Format("2 Jan 2006") + " to " + w.To.AddDate(0, 0, -1).Format("2 Jan 2006")
	}
	what := "patterns"
	if v.category.Selected == "Emotions" {
		what = "emotions"
	}
	switch {
	case entries == 0:
		return fmt.Sprintf("No entries from %s. Pick a longer period, or write an entry first.", span)
	case named == 0:
		return fmt.Sprintf("%d entries from %s, but none names any of these %s yet. Pick %s in the editor, or write one in the text like #people-pleasing; they'll be counted here.", entries, span, what, what)
	}
	s := fmt.Sprintf("%s from %s: %d %s named.", plural(entries, "entry", "entries"), span, named, what)
	if compared {
		s += " Arrows compare with the same number of days before."
	} else {
		s += " " + analysis.NoComparison(w)
	}
	return s
}

func (v *patternsScreen) showBars(trends []analysis.Trend, compared bool) {
	v.bars.RemoveAll()
	v.rows = v.rows[:0]
	most := 1
	for _, t := range trends {
		most = max(most, t.Count)
	}
	for _, t := range trends {
		row := newBarRow(t.Name, v.colourFor(t.Name), float32(t.Count)/float32(most), trendText(t, compared), v.listEntries)
		v.rows = append(v.rows, row)
		v.bars.Add(row)
	}
	v.bars.Refresh()
}

func (v *patternsScreen) showPairs(pairs []analysis.Pair) {
	v.pairs.RemoveAll()
	shown := 0
	for _, p := range pairs {
		if shown == topPairs || !v.inCategory(p.A) || !v.inCategory(p.B) {
			continue
		}
		shown++
		v.pairs.Add(wrapped(fmt.Sprintf("%s + %s: %s.", p.A, p.B, p.Text())))
	}
	if shown == 0 {
		v.pairs.Add(note("No two of these have come up together in more than one entry yet."))
	}
}

func (v *patternsScreen) showMood() {
	v.mood.RemoveAll()
	links := analysis.MoodAssociation(v.shown)
	shown := 0
	for _, m := range links {
		if !v.inCategory(m.Name) || m.WithN == 0 {
			continue
		}
		shown++
		if !m.Enough {
			v.mood.Add(wrapped(fmt.Sprintf("%s: not enough data (needs %d rated entries with it and %d without; has %d and %d).",
				m.Name, analysis.MinMoodEntries, analysis.MinMoodEntries, m.WithN, m.WithoutN)))
			continue
		}
		v.mood.Add(wrapped(fmt.Sprintf("%s: mood %.1f on days with it, %.1f without (%d and %d rated entries).",
			m.Name, m.With, m.Without, m.WithN, m.WithoutN)))
	}
	if shown == 0 {
		v.mood.Add(note("Rate your mood on entries to see how it goes with each pattern."))
	}
}

func (v *patternsScreen) showWeeks(w analysis.Window) {
	v.weeks.RemoveAll()
	weeks, series := analysis.Weekly(v.shown, w)
	first := max(len(weeks)-heatMapWeeks, 0)
	var rows []analysis.WeeklySeries
	for _, s := range series {
		if len(rows) == heatMapRows || !v.inCategory(s.Name) {
			continue
		}
		rows = append(rows, analysis.WeeklySeries{Name: s.Name, Counts: s.Counts[first:]})
	}
	if len(rows) == 0 {
		v.weeks.Add(note("Nothing to show by week yet."))
		return
	}
	v.weeks.Add(note(fmt.Sprintf("Weeks from %s to %s, darker for more entries.",
		weeks[first].Format("2 Jan 2006"), weeks[len(weeks)-1].Format("2 Jan 2006"))))
	v.weeks.Add(heatMap(rows, v.colourFor))
}

// showMoodDays charts the window's daily mood against the sessions.
func (v *patternsScreen) showMoodDays() {
	days := analysis.DailyMood(v.moods)
	// A dot a day stops being readable past a year, and years of days
	// would mean tens of thousands of canvas objects.
	if len(days) > moodChartDays {
		days = days[len(days)-moodChartDays:]
	}
	if len(days) == 0 {
		v.moodDays.Objects = []fyne.CanvasObject{note("Rate your mood on entries, or check in, to see it over time here.")}
	} else {
		about := note("Dots: each day's mean mood (1 to 10). Line: the mean over the last 7 days. Upright marks: therapy sessions.")
		v.moodDays.Objects = []fyne.CanvasObject{container.NewBorder(about, nil, nil, nil, newMoodChart(days, v.sessions))}
	}
	v.moodDays.Refresh()
}

// offerSinceSession offers "Since last session" once a session is
// logged, and takes it away when none is.
func (v *patternsScreen) offerSinceSession() {
	options := periods
	if v.lastSession().IsZero() {
		if v.period.Selected == periodSinceSession {
			v.period.Selected = periodMonth
		}
	} else {
		options = append([]string{periodSinceSession}, periods...)
	}
	v.period.Options = options
	v.period.Refresh()
}

// lastSession is when the latest session at or before now was, or zero.
func (v *patternsScreen) lastSession() time.Time {
	now := v.now()
	for i := len(v.sessions) - 1; i >= 0; i-- {
		if !v.sessions[i].After(now) {
			return v.sessions[i]
		}
	}
	return time.Time{}
}

// listEntries shows the entries in the window that name a pattern,
// newest first; choosing one opens it in the journal.
func (v *patternsScreen) listEntries(name string) {
	var ids []int64
	for i := len(v.shown) - 1; i >= 0 && len(ids) < maxListed; i-- {
		if slices.Contains(v.shown[i].Patterns, name) {
			ids = append(ids, v.shown[i].EntryID)
		}
	}
	v.details.Select(v.entriesTab)
	v.entries.RemoveAll()
	v.entries.Add(widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	v.background(func() func() {
		var entries []journal.Entry
		var err error
		for _, id := range ids {
			var e journal.Entry
			if e, err = v.store.Entry(id); err != nil {
				break
			}
			entries = append(entries, e)
		}
		return func() {
			if err != nil {
				v.entries.Add(wrapped(err.Error()))
				return
			}
			for _, e := range entries {
				id := e.ID
				b := widget.NewButton(e.WrittenAt.Format("Mon 2 Jan 2006")+" · "+e.DisplayTitle(), func() { v.openEntry(id) })
				b.Alignment = widget.ButtonAlignLeading
				v.entries.Add(b)
			}
			if len(ids) == maxListed {
				v.entries.Add(note(fmt.Sprintf("The newest %d are listed.", maxListed)))
			}
		}
	})
}

// maxListed caps the entries listed for a bar: enough to read through,
// quick to load.
const maxListed = 100
