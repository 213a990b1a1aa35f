package ui

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// searchDelay is how long typing must pause before the search runs, so a
// search isn't started for every letter of a word.
const searchDelay = 200 * time.Millisecond

const (
	anyPattern   = "Any pattern"
	anyEmotion   = "Any emotion"
	anyMood      = "Any"
	bestFirst    = "Best match first"
	newestFirst  = "Newest first"
	searchPrompt = "Type to search titles, entries and episodes, or choose a filter. " +
		`"a phrase" finds the words together, frust* finds words starting so, and OR, NOT or -word widen and narrow.`
)

var moodChoices = []string{anyMood, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}

// searchStore is what the search screen reads from the journal.
type searchStore interface {
	Search(jstore.SearchQuery) (jstore.SearchResult, error)
	Patterns() ([]journal.Pattern, error)
	Emotions() ([]journal.Emotion, error)
	People() ([]journal.Person, error)
	HighlightEntry(id int64, text string) (jstore.EntryMatches, error)
}

// searchScreen finds entries by their words and filters, the results
// updating as the person types.
type searchScreen struct {
	*env
	win       fyne.Window
	store     searchStore
	openEntry func(id int64)
	activity  func() // the person did something
	// debounce runs a search once typing pauses; tests run it at once.
	debounce func(run func())

	content  fyne.CanvasObject
	query    *widget.Entry
	from, to *widget.Entry
	pattern  *namePicker
	emotion  *namePicker
	person   *namePicker
	moodMin  *widget.Select
	moodMax  *widget.Select
	flagged  *widget.Check
	order    *widget.Select
	status   *widget.Label
	list     *widget.List
	pickers  *fyne.Container // the name pickers' buttons, which widen as names are picked
	reading  *hitReader      // the opened hit, its matches marked
	results  fyne.CanvasObject

	hits    []jstore.SearchHit
	last    jstore.SearchQuery // what hits answers, for its next page
	total   int
	summary jstore.SearchResult // the first page's notes, for the status
	paging  bool                // a next page is being read

	mu    sync.Mutex
	timer *time.Timer
	asked int // searches started; a result older than the last is dropped
}

// pageAhead is how near the end of the shown hits a row drawn starts
// reading the next page, so scrolling rarely waits for it.
const pageAhead = 10

func newSearchScreen(e *env, win fyne.Window, store searchStore) *searchScreen {
	s := &searchScreen{win: win, store: store, env: e, openEntry: func(int64) {}, activity: func() {}}
	s.debounce = s.afterPause
	s.query = widget.NewEntry()
	s.query.SetPlaceHolder(`Search your journal: words, "a phrase", prefix*, OR, NOT, -word`)
	s.query.OnChanged = func(string) { s.activity(); s.debounce(s.run) }
	s.query.OnSubmitted = func(string) { s.run() }
	dateField := func(hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(hint)
		e.OnSubmitted = func(string) { s.run() }
		e.OnChanged = func(text string) {
			if t := strings.TrimSpace(text); t == "" || e.Validate() == nil {
				s.debounce(s.run)
			}
		}
		return withDatePicker(e, s.now)
	}
	s.from, s.to = dateField("from, like 5 Dec"), dateField("to, like today")
	changed := func(string) { s.run() }
	s.pattern = newNamePicker(win, "Patterns", anyPattern, s.run)
	s.emotion = newNamePicker(win, "Emotions", anyEmotion, s.run)
	s.person = newNamePicker(win, "People", anyone, s.run)
	s.moodMin = widget.NewSelect(moodChoices, changed)
	s.moodMax = widget.NewSelect(moodChoices, changed)
	s.order = widget.NewSelect([]string{bestFirst, newestFirst}, changed)
	s.moodMin.Selected, s.moodMax.Selected, s.order.Selected = anyMood, anyMood, bestFirst
	s.flagged = widget.NewCheck("For my next session", func(bool) { s.run() })
	s.status = widget.NewLabel(searchPrompt)
	s.status.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.hits) },
		func() fyne.CanvasObject { return newHitRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*hitRow).set(s.hits[id])
			if id >= len(s.hits)-pageAhead {
				s.nextPage()
			}
		})
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll()
		if id < len(s.hits) {
			s.read(s.hits[id])
		}
	}
	dates := container.NewHBox(widget.NewLabel("Written"), fixedWidth(150, s.from), fixedWidth(150, s.to))
	mood := container.NewHBox(widget.NewLabel("Mood"), s.moodMin, widget.NewLabel("to"), s.moodMax)
	s.pickers = container.NewHBox(s.pattern.button, s.emotion.button, s.person.button, s.flagged)
	filters := container.NewVBox(
		s.pickers,
		container.NewHBox(dates, mood, widget.NewLabel("Order"), fixedWidth(170, s.order)),
	)
	top := container.NewVBox(s.query, filters, s.status)
	s.results = container.NewBorder(container.NewPadded(top), nil, nil, nil, s.list)
	s.reading = newHitReader(s)
	s.reading.Hide()
	s.content = container.NewStack(s.results, s.reading)
	return s
}

// fixedWidth keeps a field at a width that fits what is typed in it.
func fixedWidth(width float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// reload refreshes the filter choices, which the other screens may have
// added to, and the results.
func (s *searchScreen) reload() {
	s.background(func() func() {
		patterns, perr := s.store.Patterns()
		emotions, eerr := s.store.Emotions()
		people, ferr := s.store.People()
		return func() {
			if err := firstError(perr, eerr, ferr); err != nil {
				s.status.SetText(err.Error())
				return
			}
			var names []string
			for _, p := range patterns {
				if !p.Archived {
					names = append(names, p.Name)
				}
			}
			s.pattern.setNames(names)
			names = nil
			for _, e := range emotions {
				names = append(names, e.Name)
			}
			s.emotion.setNames(names)
			names = nil
			for _, p := range people {
				names = append(names, p.Name)
			}
			s.person.setNames(names)
			s.run()
		}
	})
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// focus puts the cursor in the search field, for Ctrl+F.
func (s *searchScreen) focus() {
	if s.reading.Visible() {
		s.reading.close()
	}
	s.win.Canvas().Focus(s.query)
}

// afterPause runs run once typing has paused for searchDelay.
func (s *searchScreen) afterPause(run func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(searchDelay, func() { fyne.Do(run) })
}

// run searches for what the fields say, off the UI goroutine.
func (s *searchScreen) run() {
	s.pickers.Refresh()
	q, err := s.searchQuery()
	if err != nil {
		s.show(nil, err.Error())
		return
	}
	if q.Text == "" && !filtering(q) {
		s.show(nil, searchPrompt)
		return
	}
	s.mu.Lock()
	s.asked++
	asked := s.asked
	s.mu.Unlock()
	s.background(func() func() {
		res, err := s.store.Search(q)
		return func() {
			s.mu.Lock()
			stale := asked != s.asked
			s.mu.Unlock()
			if stale {
				return // the person typed on; a newer search is coming
			}
			if err != nil {
				s.show(nil, err.Error())
				return
			}
			s.last, s.total, s.summary, s.paging = q, res.Total, res, false
			s.show(res.Hits, resultSummary(res, len(res.Hits)))
		}
	})
}

// nextPage reads the hits after those shown, when there are more and
// they aren't already being read: the list asks as its last rows are
// drawn, so scrolling down goes on to the last match.
func (s *searchScreen) nextPage() {
	if s.paging || len(s.hits) == 0 || len(s.hits) >= s.total {
		return
	}
	s.paging = true
	q := s.last
	q.Offset = len(s.hits)
	s.mu.Lock()
	asked := s.asked
	s.mu.Unlock()
	s.background(func() func() {
		res, err := s.store.Search(q)
		return func() {
			s.paging = false
			s.mu.Lock()
			stale := asked != s.asked
			s.mu.Unlock()
			if stale || len(s.hits) != q.Offset {
				return
			}
			if err != nil {
				s.status.SetText(err.Error())
				return
			}
			s.hits = append(s.hits, res.Hits...)
			s.total = res.Total
			s.status.SetText(resultSummary(s.summary, len(s.hits)))
			s.list.Refresh()
		}
	})
}

// searchQuery reads the fields. An entry must carry every pattern,
// emotion and person chosen.
func (s *searchScreen) searchQuery() (jstore.SearchQuery, error) {
	q := jstore.SearchQuery{Text: strings.TrimSpace(s.query.Text), Flagged: s.flagged.Checked, Newest: s.order.Selected == newestFirst,
		Patterns: s.pattern.chosen(), Emotions: s.emotion.chosen(), People: s.person.chosen()}
	q.MinMood, _ = strconv.Atoi(s.moodMin.Selected) // "Any" is 0: no bound
	q.MaxMood, _ = strconv.Atoi(s.moodMax.Selected)
	for _, d := range []struct {
		field *widget.Entry
		into  *time.Time
		next  int
	}{{s.from, &q.From, 0}, {s.to, &q.Before, 1}} {
		if strings.TrimSpace(d.field.Text) == "" {
			continue
		}
		day, err := journal.ParseWhen(d.field.Text, s.now())
		if err != nil {
			return q, err
		}
		*d.into = day.AddDate(0, 0, d.next)
	}
	return q, nil
}

func filtering(q jstore.SearchQuery) bool {
	return !q.From.IsZero() || !q.Before.IsZero() || len(q.Patterns)+len(q.Emotions)+len(q.People) > 0 ||
		q.MinMood != 0 || q.MaxMood != 0 || q.Flagged
}

func (s *searchScreen) show(hits []jstore.SearchHit, status string) {
	s.hits = hits
	if hits == nil {
		s.total = 0
	}
	s.status.SetText(status)
	s.list.Refresh()
	s.list.ScrollToTop()
}

// resultSummary tells how many entries matched, shown of them, and
// anything the person should know about how the search was done.
func resultSummary(res jstore.SearchResult, shown int) string {
	var parts []string
	switch {
	case res.Total == 0:
		parts = append(parts, "No entries match.")
	case res.Total == 1:
		parts = append(parts, "1 entry matches.")
	case shown < res.Total:
		parts = append(parts, fmt.Sprintf("Showing %d of %d matching entries; scroll down for more.", shown, res.Total))
	default:
		parts = append(parts, fmt.Sprintf("%d entries match.", res.Total))
	}
	if res.RankedNewest > 0 {
		parts = append(parts, fmt.Sprintf("So many match that the best are picked from the newest %d, the older ones after them; add words or filters to narrow it down, or order newest first.", res.RankedNewest))
	}
	if res.Loose {
		parts = append(parts, "The search has an unfinished quote, bracket or AND/OR/NOT, so its words were searched on their own.")
	}
	return strings.Join(parts, " ")
}
