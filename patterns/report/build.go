package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns"
)

// TopPatterns is how many patterns the summary names.
const TopPatterns = 5

// MinPatternEntries is how many entries must name a pattern in a window
// before the report counts it as something that changed: named once, it
// is one day's word for what happened; named twice or more, it begins to
// be a pattern. The rest are listed by name, not as rows of ones.
const MinPatternEntries = 2

// Build gathers a report from the journal.
func Build(store Store, opt Options) (Report, error) {
	now := opt.now()
	r := Report{Window: opt.Window, Generated: now, FlaggedOnly: opt.FlaggedOnly, Redacted: opt.RedactPeople}
	for _, s := range AllSections {
		if opt.Sections == nil || hasSection(opt.Sections, s) {
			r.Sections = append(r.Sections, s)
		}
	}
	w, session, err := Covered(store, opt, now)
	if err != nil {
		return Report{}, err
	}
	r.Window = w
	if opt.SinceSession {
		r.Title = "Since your session on " + session.Format(dayFormat(session, now))
	} else {
		r.Title = rangeTitle(r.Window, now)
	}
	b := builder{store: store, opt: opt, r: &r, excluded: map[int64]bool{}}
	for _, id := range opt.Exclude {
		b.excluded[id] = true
	}
	steps := []func() error{b.entries, b.images, b.figures, b.ccrt, b.course, b.goals, b.measures, b.lastSession, b.redact}
	for _, step := range steps {
		if err := step(); err != nil {
			return Report{}, err
		}
	}
	return r, nil
}

// dayFormat is "Tue 18 Nov", with the year when it isn't now's.
func dayFormat(t, now time.Time) string {
	if t.Year() != now.Year() {
		return "Mon 2 Jan 2006"
	}
	return "Mon 2 Jan"
}

func rangeTitle(w patterns.Window, now time.Time) string {
	switch {
	case w.From.IsZero() && w.To.IsZero():
		return "All your entries"
	case w.From.IsZero():
		return "Everything up to " + w.To.AddDate(0, 0, -1).Format("Mon 2 Jan 2006")
	case w.To.IsZero():
		return "Since " + w.From.Format("Mon 2 Jan 2006")
	}
	last := w.To.Add(-time.Nanosecond)
	first := w.From.Format("Mon 2 Jan 2006")
	if w.From.Year() == last.Year() {
		first = w.From.Format("Mon 2 Jan")
	}
	return first + " to " + last.Format("Mon 2 Jan 2006")
}

type builder struct {
	store    Store
	opt      Options
	r        *Report
	excluded map[int64]bool // entries left out by id
	kept     map[int64]bool // with FlaggedOnly, the flagged entries not excluded: the only ones counted
	flagged  []Entry
}

// compared reports whether the window has one of equal length before it.
func (b *builder) compared() bool { return !b.r.Window.Previous().Empty() }

// entries reads in full only the window's entries the report prints or
// needs: the flagged ones and those with episodes. Reading every entry
// made a report over years cost seconds.
func (b *builder) entries() error {
	w := b.r.Window
	q := journal.EntryQuery{From: w.From, Before: w.To}
	if b.opt.FlaggedOnly && b.compared() {
		q.From = w.Previous().From // the window before counts flagged entries only, too
	}
	var entries []journal.Entry
	if b.r.Has(SectionFlagged) || b.opt.FlaggedOnly {
		fq := q
		fq.Flagged = true
		flagged, err := b.store.Entries(fq)
		if err != nil {
			return err
		}
		entries = flagged
	}
	if b.r.Has(SectionEpisodes) {
		eq := q
		eq.WithEpisodes, eq.Flagged = true, b.opt.FlaggedOnly
		withEpisodes, err := b.store.Entries(eq)
		if err != nil {
			return err
		}
		entries = append(entries, withEpisodes...)
	}
	// Oldest first, each entry once.
	slices.SortFunc(entries, func(a, b journal.Entry) int {
		return cmp.Or(cmp.Compare(a.WrittenAt.Unix(), b.WrittenAt.Unix()), cmp.Compare(a.ID, b.ID))
	})
	entries = slices.CompactFunc(entries, func(a, b journal.Entry) bool { return a.ID == b.ID })
	if b.opt.FlaggedOnly {
		b.kept = map[int64]bool{}
	}
	for _, e := range entries {
		if b.opt.LeftOut(e) {
			b.excluded[e.ID] = true
		}
		if b.excluded[e.ID] {
			continue
		}
		if b.kept != nil {
			b.kept[e.ID] = true
		}
		if !w.Contains(e.WrittenAt) {
			continue
		}
		if e.Flagged {
			b.flagged = append(b.flagged, Entry{ID: e.ID, Title: e.DisplayTitle(), WrittenAt: e.WrittenAt, Kind: e.Kind.Label(),
				Body: e.Body, Mood: e.Mood, Emotions: e.Emotions, Patterns: e.Patterns})
		}
		// Each part reads as the window and the CLI show it: its CCRT
		// categories, then the person's own words.
		for _, ep := range e.Episodes {
			b.r.Episodes = append(b.r.Episodes, Episode{EntryTitle: e.DisplayTitle(), WrittenAt: e.WrittenAt, Person: ep.Person,
				Wish: ep.Describe(journal.WishComponent), OtherResponse: ep.Describe(journal.OtherComponent),
				SelfResponse: ep.Describe(journal.SelfComponent), Reminds: ep.Reminds,
				EarlierPerson: ep.EarlierPerson, Patterns: ep.Patterns, Emotions: ep.Emotions})
		}
	}
	if b.r.Has(SectionFlagged) {
		b.r.Flagged = b.flagged
	}
	if !b.r.Has(SectionEpisodes) {
		b.r.Episodes = nil // the flagged entries' episodes came too
	}
	return nil
}

// leftOut says whether the figures leave out the entry with this id.
func (b *builder) leftOut(id int64) bool {
	return b.excluded[id] || (b.kept != nil && !b.kept[id])
}

// figures counts entries, moods and patterns in the window and the one before.
func (b *builder) figures() error {
	if !b.r.Has(SectionSummary) && !b.r.Has(SectionPatterns) {
		return nil
	}
	w := b.r.Window
	from := w.From
	if b.compared() {
		from = w.Previous().From
	}
	all, err := b.store.Taggings(from, w.To)
	if err != nil {
		return err
	}
	if len(b.excluded) > 0 || b.kept != nil {
		all = slices.DeleteFunc(slices.Clone(all), func(t journal.Tagging) bool { return b.leftOut(t.EntryID) })
	}
	// Moods noted without an entry count in the mood figures, except in
	// a report of chosen entries only, which they are not among.
	moods := all
	if b.kept == nil {
		checkIns, err := b.store.MoodCheckIns(from, w.To)
		if err != nil {
			return err
		}
		moods = patterns.WithMoodCheckIns(all, checkIns)
	}
	s := patterns.Summarise(all, w)
	current := patterns.Within(all, w)
	currentMoods := patterns.Within(moods, w)
	sum := Summary{Entries: s.Entries, Compared: s.Compared, Mood: meanMood(currentMoods)}
	if s.Compared {
		previous := patterns.Within(all, w.Previous())
		sum.PreviousEntries, sum.PreviousMood = len(previous), meanMood(patterns.Within(moods, w.Previous()))
	}
	for _, t := range s.Trends {
		switch {
		case t.Count < MinPatternEntries:
			sum.NamedOnce++
		case len(sum.Top) < TopPatterns:
			sum.Top = append(sum.Top, t)
		}
	}
	if b.r.Has(SectionSummary) {
		b.r.Summary = sum
		for _, d := range patterns.DailyMood(currentMoods) {
			b.r.Mood = append(b.r.Mood, MoodDay{Day: d.Day, Mean: d.Mean, Rolling: d.Rolling})
		}
	}
	if !b.r.Has(SectionPatterns) {
		return nil
	}
	vocabulary, err := b.store.Patterns()
	if err != nil {
		return err
	}
	category := map[string]string{}
	for _, p := range vocabulary {
		category[p.Name] = journal.CategoryTitle(p.Category)
		if p.Adaptive {
			category[p.Name] += " (adaptive)"
		}
	}
	b.r.Patterns = Table{Entries: s.Entries, Compared: s.Compared}
	var previous []journal.Tagging
	if s.Compared {
		previous = patterns.Within(all, w.Previous())
	}
	// Trends, not s.Trends: a pattern that stopped coming up is news too.
	for _, t := range patterns.Trends(current, previous) {
		if t.Count < MinPatternEntries && t.Previous < MinPatternEntries {
			if t.Count > 0 {
				b.r.Patterns.Once = append(b.r.Patterns.Once, t.Name)
			}
			continue
		}
		row := PatternRow{Name: t.Name, Category: category[t.Name], Count: t.Count, Previous: t.Previous, Delta: t.Delta}
		if s.Entries > 0 {
			row.Share = float64(t.Count) / float64(s.Entries)
		}
		b.r.Patterns.Rows = append(b.r.Patterns.Rows, row)
	}
	return nil
}

func meanMood(entries []journal.Tagging) Mean {
	var m Mean
	sum := 0
	for _, e := range entries {
		if e.Mood != 0 {
			sum += e.Mood
			m.Rated++
			if e.CheckInID != 0 {
				m.CheckIns++
			}
		}
	}
	if m.Rated > 0 {
		m.Value = float64(sum) / float64(m.Rated)
	}
	return m
}

// goals finds where each active goal stands at the window's end, against
// where it stood when the window began.
func (b *builder) goals() error {
	if !b.r.Has(SectionGoals) {
		return nil
	}
	goals, err := b.store.Goals()
	if err != nil {
		return err
	}
	w := b.r.Window
	for _, g := range goals {
		if g.Status != journal.GoalActive {
			continue
		}
		checkIns, err := b.store.CheckIns(g.ID)
		if err != nil {
			return err
		}
		p := GoalProgress{Title: g.Title, Sub: g.ParentID != 0, AllTime: w.From.IsZero()}
		var start, latest *journal.CheckIn
		for i := range checkIns {
			c := &checkIns[i]
			switch {
			case !w.From.IsZero() && c.At.Before(w.From):
				start = c // the rating the window started with
			case w.Contains(c.At):
				p.CheckIns++
				if start == nil {
					start = c
				}
				latest = c
			}
		}
		if latest == nil {
			latest = start // no check-in in the window: the last before it still stands
		}
		if latest != nil {
			p.Rated, p.Latest, p.LatestAt, p.LatestNote = true, latest.Rating, latest.At, latest.Note
			if start != latest {
				p.Compared, p.Change = true, latest.Rating-start.Rating
			}
		}
		b.r.Goals = append(b.r.Goals, p)
	}
	return nil
}

// measures lists each questionnaire's scores in the window, and the last before.
func (b *builder) measures() error {
	if !b.r.Has(SectionMeasures) {
		return nil
	}
	w := b.r.Window
	for _, in := range journal.Instruments {
		list, err := b.store.Measurements(in)
		if err != nil {
			return err
		}
		m := MeasureTrend{Name: in.Name, Title: in.Title, Max: len(in.Items) * (len(in.Options) - 1), Bands: in.Bands}
		for _, x := range list {
			s := Score{At: x.At, Score: x.Score, Band: x.Band, Safety: x.Safety, Difficulty: x.Difficulty.String()}
			if x.Safety {
				s.SafetyAnswer = in.Options[x.Answers[in.SafetyItem]]
			}
			switch {
			case !w.From.IsZero() && x.At.Before(w.From):
				m.Before = &s
			case w.Contains(x.At):
				m.InWindow = append(m.InWindow, s)
			}
		}
		if m.Before != nil || len(m.InWindow) > 0 {
			b.r.Measures = append(b.r.Measures, m)
		}
	}
	if len(b.r.SafetyLines()) > 0 {
		text, err := journal.ConfiguredCrisisText(b.store)
		if err != nil {
			return err
		}
		b.r.CrisisText = text
	}
	return nil
}

// ccrtTied is how many categories tied for most frequent a part's rows
// show; past it, the tie says nothing about the theme.
const ccrtTied = 3

// ccrt sums up the window's relationship episodes as their Core
// Conflictual Relationship Theme: for each part, the most frequent
// category (those tied with it too), and how it moved from the first
// third of the days to the last.
func (b *builder) ccrt() error {
	if !b.r.Has(SectionCCRT) {
		return nil
	}
	episodes, err := b.store.Episodes()
	if err != nil {
		return err
	}
	sum := patterns.SummariseCCRT(episodes, b.r.Window)
	for _, comp := range journal.Components {
		counts := sum.Of(comp)
		for i, c := range counts {
			if i == ccrtTied || c.Count < counts[0].Count {
				break
			}
			row := CCRTRow{Component: comp.Label(), Category: c.Category, Count: c.Count}
			if i == 0 {
				row.Shift = sum.Shift(comp)
			}
			b.r.CCRT = append(b.r.CCRT, row)
		}
	}
	return nil
}

// course finds where the course of therapy stands at the window's end.
func (b *builder) course() error {
	if !b.r.Has(SectionSummary) {
		return nil
	}
	sessions, err := b.store.Sessions()
	if err != nil {
		return err
	}
	b.r.Course = coursePosition(sessions, b.end())
	return nil
}

// end is the last moment the report covers: the window's end, or now.
func (b *builder) end() time.Time {
	end := b.r.Generated
	if !b.r.Window.To.IsZero() && b.r.Window.To.Before(end) {
		end = b.r.Window.To.Add(-time.Nanosecond)
	}
	return end
}

// lastSession is what the last session before the window's end left: its
// takeaways and the questions not yet ticked. Only the person's own
// questions: the flagged entries have their own section.
func (b *builder) lastSession() error {
	if !b.r.Has(SectionQuestions) {
		return nil
	}
	last, ok, err := b.store.LastSession(b.end())
	if err != nil || !ok {
		return err
	}
	b.r.Last = LastSession{At: last.At, Takeaways: strings.TrimSpace(last.Takeaways)}
	for _, q := range last.Questions {
		if !q.Done {
			b.r.Questions = append(b.r.Questions, Question{Text: q.Text})
		}
	}
	return nil
}
