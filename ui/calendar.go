package ui

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	analysis "github.com/throughline/throughline/patterns"
)

const (
	viewMonth = "Month"
	viewYear  = "Year"
	// monthCells is six weeks: every month fits, so the grid never
	// changes height as a person steps through the months.
	monthCells = 42
	// onThisDayYears bounds "On this day" to one small query per year.
	// Looking for the first entry instead would mean reading them all.
	onThisDayYears = 20
)

// calendarStore is what the calendar reads from the journal.
type calendarStore interface {
	Taggings(from, before time.Time) ([]journal.Tagging, error)
	Entries(journal.EntryQuery) ([]journal.Entry, error)
	MoodCheckIns(from, before time.Time) ([]journal.MoodCheckIn, error)
	Sessions() ([]journal.Session, error)
	Setting(key string) (string, error)
}

// moodBands colour a day's mean mood in five steps of two, from low to
// high. Calm, not alarming, for low days; muted enough that text on them
// reads on light and dark themes.
var moodBands = [5]color.NRGBA{
	{0x6a, 0x72, 0xc9, 0xa0}, // 1-2
	{0x5a, 0x9b, 0xd5, 0xa0}, // 3-4
	{0x4f, 0xb3, 0xa5, 0xa0}, // 5-6
	{0x95, 0xc4, 0x62, 0xa0}, // 7-8
	{0xe8, 0xbf, 0x4a, 0xa0}, // 9-10
}

// unratedColour is a day with no rating: grey, on either theme.
var unratedColour = color.NRGBA{0x9e, 0x9e, 0x9e, 0x50}

// emptyDayColour is a day in the year view with nothing written: fainter
// than unrated, so the days written on show as the year's shape.
var emptyDayColour = color.NRGBA{0x9e, 0x9e, 0x9e, 0x1c}

// moodColour is the band of a day's mean mood, or nil when nothing that
// day was rated.
func moodColour(s analysis.DayStats) color.Color {
	if s.Rated == 0 {
		return nil
	}
	band := (int(math.Round(s.Mean)) - 1) / 2
	return moodBands[min(max(band, 0), len(moodBands)-1)]
}

// calendarScreen shows the journal by date: a month of days with their
// entry counts and mood, or a year of mood as one square a day; the
// entries of the day chosen; and what was written on that date in
// earlier years.
type calendarScreen struct {
	*env
	win       fyne.Window
	store     calendarStore
	openEntry func(id int64) // show an entry in the journal

	byYear   bool
	shown    analysis.Date // the first of the month shown; the year view shows its year
	selected analysis.Date // the day whose entries are listed; zero until the first reload
	days     map[analysis.Date]analysis.DayStats
	sessions map[analysis.Date]dayMark // the days of sessions had and of the next one

	view              *widget.RadioGroup
	prev, next, today *widget.Button
	heading           *widget.Label
	problem           *widget.Label
	shownErr, dayErr  error      // the last failed read of each kind, shown together in problem
	cells             []*dayCell // the month grid, Monday first
	month             fyne.CanvasObject
	year              *yearPixels
	body              *fyne.Container // the month or the year
	dayHeading        *widget.Label
	dayEntries        *fyne.Container
	dayButtons        []*widget.Button // one per entry of the day, in order
	earlier           *fyne.Container
	earlierButtons    []*widget.Button // one per earlier entry, newest year first
	side              *fyne.Container  // the day's entries and the earlier ones
	content           fyne.CanvasObject
}

func newCalendarScreen(e *env, win fyne.Window, store calendarStore) *calendarScreen {
	s := &calendarScreen{win: win, store: store, env: e, openEntry: func(int64) {}}
	s.view = widget.NewRadioGroup([]string{viewMonth, viewYear}, s.onView)
	s.view.Horizontal = true
	s.view.Required = true
	s.view.Selected = viewMonth
	s.prev = widget.NewButton("‹", func() { s.step(-1) })
	s.next = widget.NewButton("›", func() { s.step(1) })
	s.today = widget.NewButton("Today", s.onToday)
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.heading.SizeName = theme.SizeNameSubHeadingText
	s.problem = wrapped("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Hide()

	weekdays, grid := container.NewGridWithColumns(7), container.NewGridWithColumns(7)
	for _, name := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		weekdays.Add(widget.NewLabelWithStyle(name, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	for range monthCells {
		c := newDayCell(s.selectDay, s.moveFocus)
		s.cells = append(s.cells, c)
		grid.Add(c)
	}
	s.month = container.NewBorder(weekdays, nil, nil, nil, grid)
	s.year = newYearPixels(s.onPickInYear)
	s.body = container.NewStack(s.month)

	s.dayHeading = heading("")
	s.dayEntries, s.earlier = container.NewVBox(), container.NewVBox()
	s.side = container.NewVBox(s.dayHeading, s.dayEntries, widget.NewSeparator(),
		heading("On this day in earlier years"), s.earlier)
	side := container.NewVScroll(container.NewPadded(s.side))
	bar := container.NewHBox(s.prev, s.next, s.today, s.heading, layout.NewSpacer(), s.view)
	// The month scrolls rather than holding the window taller than its
	// default 720 px: six weeks of cells, each with its marks, need more.
	split := container.NewHSplit(container.NewPadded(container.NewVScroll(s.body)), side)
	split.Offset = 0.64
	s.content = container.NewBorder(container.NewVBox(bar, s.problem), container.NewVBox(moodLegend(), markLegend()), nil, nil, split)
	return s
}

// moodLegend says what each colour means, so colour is never the only
// way to read a day: the cells also give the mean in words.
func moodLegend() fyne.CanvasObject {
	row := container.NewHBox(widget.NewLabel("Mood"))
	swatch := func(c color.Color, label string) {
		r := canvas.NewRectangle(c)
		r.CornerRadius = 3
		r.SetMinSize(fyne.NewSize(14, 14))
		row.Add(container.NewCenter(r))
		row.Add(widget.NewLabel(label))
	}
	for i, c := range moodBands {
		swatch(c, fmt.Sprintf("%d–%d", 2*i+1, 2*i+2))
	}
	swatch(unratedColour, "not rated")
	return row
}

// reload reads the month or year shown and the chosen day again, as when
// the tab is opened; it starts on today.
func (s *calendarScreen) reload() {
	if s.selected == (analysis.Date{}) {
		s.onToday()
		return
	}
	s.loadShown()
	s.loadDay()
}

func (s *calendarScreen) onToday() {
	today := analysis.DateOf(s.now())
	s.shown, s.selected = analysis.Date{Year: today.Year, Month: today.Month, Day: 1}, today
	s.loadShown()
	s.loadDay()
}

// step moves a month or a year back (-1) or forward (1). The chosen day
// stays chosen: its panel names its date.
func (s *calendarScreen) step(by int) {
	if s.byYear {
		by *= 12
	}
	s.shown = s.shown.AddMonths(by)
	s.loadShown()
}

func (s *calendarScreen) onView(choice string) {
	s.byYear = choice == viewYear
	s.loadShown()
}

// selectDay lists a day's entries, showing its month if it isn't shown.
func (s *calendarScreen) selectDay(d analysis.Date) {
	s.selected = d
	if s.byYear || d.Year != s.shown.Year || d.Month != s.shown.Month {
		s.byYear, s.shown = false, analysis.Date{Year: d.Year, Month: d.Month, Day: 1}
		s.view.Selected = viewMonth // not SetSelected: that would load twice
		s.view.Refresh()
		s.days = nil // the new month's days, blank until they are read
		s.showMonth()
		s.loadShown()
	} else {
		s.showMonth()
	}
	s.loadDay()
}

// onPickInYear shows a day picked in the year, with the focus on it so
// the arrow keys carry on from there.
func (s *calendarScreen) onPickInYear(d analysis.Date) {
	s.selectDay(d)
	if i := slices.IndexFunc(s.cells, func(c *dayCell) bool { return c.date == d }); i >= 0 {
		s.win.Canvas().Focus(s.cells[i])
	}
}

// span is the first and last date the month or year shown covers.
func (s *calendarScreen) span() (analysis.Date, analysis.Date) {
	if s.byYear {
		return analysis.Date{Year: s.shown.Year, Month: time.January, Day: 1}, analysis.Date{Year: s.shown.Year, Month: time.December, Day: 31}
	}
	return s.shown, analysis.Date{Year: s.shown.Year, Month: s.shown.Month, Day: analysis.DaysIn(s.shown.Year, s.shown.Month)}
}

// loadShown counts the entries of the month or year shown, in one read,
// then draws them, unless the person moved on meanwhile.
func (s *calendarScreen) loadShown() {
	shown, byYear := s.shown, s.byYear
	first, last := s.span()
	if byYear {
		s.heading.SetText(strconv.Itoa(shown.Year))
		s.body.Objects = []fyne.CanvasObject{s.year}
	} else {
		s.heading.SetText(shown.Midnight(time.UTC).Format("January 2006"))
		s.body.Objects = []fyne.CanvasObject{s.month}
	}
	s.body.Refresh()
	s.background(func() func() {
		from, before := analysis.Instants(first, last)
		taggings, err := s.store.Taggings(from, before)
		checkIns, cerr := s.store.MoodCheckIns(from, before)
		marks, merr := s.sessionMarks()
		err = errors.Join(err, cerr, merr)
		days := analysis.ByDate(analysis.WithMoodCheckIns(taggings, checkIns))
		return func() {
			if s.shown != shown || s.byYear != byYear {
				return
			}
			// On a failed read the dates still change, blank, so no
			// other month's counts stand under this month's name.
			s.showProblem(&s.shownErr, err)
			s.days, s.sessions = days, marks
			if byYear {
				s.year.set(shown.Year, days, marks, analysis.DateOf(s.now()))
			} else {
				s.showMonth()
			}
		}
	})
}

// showProblem keeps the outcome of a read in slot and shows at the top
// of the screen whatever is still failing; it reports whether this read
// failed. Two slots, so one read going well doesn't hide the other
// failing.
func (s *calendarScreen) showProblem(slot *error, err error) bool {
	*slot = err
	if both := errors.Join(s.shownErr, s.dayErr); both != nil {
		s.problem.SetText("The calendar couldn't be read from your journal. Nothing in it was changed.\n" + both.Error())
		s.problem.Show()
	} else {
		s.problem.Hide()
	}
	return err != nil
}

func (s *calendarScreen) showMonth() {
	today := analysis.DateOf(s.now())
	d := analysis.MondayOnOrBefore(s.shown)
	for _, c := range s.cells {
		c.set(d, d.Month == s.shown.Month, s.days[d], s.sessions[d], today, d == s.selected)
		d = d.AddDays(1)
	}
}

// moveFocus moves the focus by arrow key within the month shown.
func (s *calendarScreen) moveFocus(from *dayCell, by int) {
	i := slices.Index(s.cells, from) + by
	if i >= 0 && i < len(s.cells) && !s.cells[i].Disabled() {
		s.win.Canvas().Focus(s.cells[i])
	}
}

// loadDay lists the chosen day's entries and what was written on its
// date in earlier years.
func (s *calendarScreen) loadDay() {
	day := s.selected
	s.background(func() func() {
		entries, err := s.entriesOn(day)
		var earlier []journal.Entry
		for y := day.Year - 1; y >= day.Year-onThisDayYears && err == nil; y-- {
			then := analysis.Date{Year: y, Month: day.Month, Day: day.Day}
			if !then.Exists() { // 29 February, outside leap years
				continue
			}
			var found []journal.Entry
			found, err = s.entriesOn(then)
			earlier = append(earlier, found...)
		}
		return func() {
			if s.selected != day {
				return
			}
			failed := s.showProblem(&s.dayErr, err)
			s.showDay(day, entries, failed)
			s.showEarlier(day, earlier, failed)
			s.side.Refresh() // the lists' new heights
		}
	})
}

// entriesOn reads the entries written on a date, in the order written.
// The store selects by instant, so it reads the widest span the date can
// have in any zone and keeps those whose own date it is.
func (s *calendarScreen) entriesOn(d analysis.Date) ([]journal.Entry, error) {
	from, before := analysis.Instants(d, d)
	list, err := s.store.Entries(journal.EntryQuery{From: from, Before: before})
	if err != nil {
		return nil, err
	}
	list = slices.DeleteFunc(list, func(e journal.Entry) bool { return analysis.DateOf(e.WrittenAt) != d })
	slices.Reverse(list)
	return list, nil
}

func (s *calendarScreen) showDay(d analysis.Date, entries []journal.Entry, failed bool) {
	s.dayHeading.SetText(d.Midnight(time.UTC).Format("Monday 2 January 2006"))
	s.dayEntries.RemoveAll()
	s.dayButtons = s.dayButtons[:0]
	switch {
	case failed:
		s.dayEntries.Add(note("This day's entries couldn't be read."))
	case len(entries) == 0:
		s.dayEntries.Add(note("Nothing written on this day."))
	}
	for _, e := range entries {
		text := e.WrittenAt.Format("15:04") + " · " + e.DisplayTitle()
		if e.HasMood() {
			text += fmt.Sprintf(" · mood %d/10", e.Mood)
		}
		if e.Flagged {
			text += " · ⚑ for session"
		}
		b := s.openButton(text, e.ID)
		s.dayButtons = append(s.dayButtons, b)
		s.dayEntries.Add(b)
	}
}

// showEarlier lists the earlier entries, which come newest year first.
func (s *calendarScreen) showEarlier(d analysis.Date, entries []journal.Entry, failed bool) {
	s.earlier.RemoveAll()
	s.earlierButtons = s.earlierButtons[:0]
	switch {
	case failed:
		s.earlier.Add(note("Earlier years couldn't be read."))
	case len(entries) == 0:
		s.earlier.Add(note("Nothing written on this day in earlier years."))
	}
	for _, e := range entries {
		ago := plural(d.Year-e.WrittenAt.Year(), "year ago", "years ago")
		b := s.openButton(ago+" — "+e.WrittenAt.Format("2 Jan 2006")+" — "+e.DisplayTitle(), e.ID)
		s.earlierButtons = append(s.earlierButtons, b)
		s.earlier.Add(b)
	}
}

func (s *calendarScreen) openButton(text string, id int64) *widget.Button {
	b := widget.NewButtonWithIcon(text, theme.DocumentIcon(), func() { s.openEntry(id) })
	b.Alignment = widget.ButtonAlignLeading
	b.Importance = widget.LowImportance
	return b
}
