package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns"
)

// The words every format shares, so the PDF, HTML and Markdown reports
// say the same things the same way.

// SectionTitle is a section's heading.
func SectionTitle(s Section) string {
	switch s {
	case SectionSummary:
		return "Summary"
	case SectionFlagged:
		return "Entries flagged for the session"
	case SectionEpisodes:
		return "Relationship episodes"
	case SectionPatterns:
		return "Patterns"
	case SectionGoals:
		return "Goals"
	case SectionMeasures:
		return "PHQ-9 and GAD-7"
	case SectionQuestions:
		return "From your last session"
	case SectionCCRT:
		return "Relationship theme (CCRT)"
	}
	return string(s)
}

// emptyText is what a section says when it has nothing to show.
func (r Report) emptyText(s Section) string {
	switch s {
	case SectionFlagged:
		return "No entries were flagged for the session in these days."
	case SectionEpisodes:
		return "No relationship episodes were written in these days."
	case SectionPatterns:
		return "No patterns were named in these days."
	case SectionGoals:
		return "No active goals."
	case SectionMeasures:
		return "No PHQ-9 or GAD-7 questionnaires answered yet."
	case SectionQuestions:
		if r.Last.At.IsZero() {
			return "No session logged yet."
		}
		return "Nothing noted from your session on " + r.Last.At.Format(dateFormat) + "."
	}
	return ""
}

// EmptyText is what section s prints in place of its content when it has
// nothing to show; "" when it has something.
func (r Report) EmptyText(s Section) string {
	if !r.empty(s) {
		return ""
	}
	return r.emptyText(s)
}

// empty reports whether a section has nothing to show.
func (r Report) empty(s Section) bool {
	switch s {
	case SectionFlagged:
		return len(r.Flagged) == 0
	case SectionEpisodes:
		return len(r.Episodes) == 0
	case SectionPatterns:
		return len(r.Patterns.Rows) == 0 && len(r.Patterns.Once) == 0
	case SectionCCRT:
		return len(r.CCRT) == 0
	case SectionGoals:
		return len(r.Goals) == 0
	case SectionMeasures:
		return len(r.Measures) == 0
	case SectionQuestions:
		return r.Last.Takeaways == "" && len(r.Questions) == 0
	}
	return false
}

// Printed are the sections a report prints, in order: those chosen, less
// the CCRT when there is no theme to show, since an empty heading there
// would only lengthen the read.
func (r Report) Printed() []Section {
	var out []Section
	for _, s := range r.Sections {
		if s == SectionCCRT && r.empty(s) {
			continue
		}
		out = append(out, s)
	}
	return out
}

const (
	dateFormat     = "Mon 2 Jan 2006"
	dateTimeFormat = "Mon 2 Jan 2006, 15:04"
)

// Notes are the lines under the title: when it was made, and what was left out.
func (r Report) Notes() []string {
	notes := []string{"Written by Throughline on " + r.Generated.Format(dateFormat) + ". Private: for you and your therapist."}
	if r.FlaggedOnly {
		notes = append(notes, "Only the entries you flagged for the session are included, in the figures too.")
	}
	if r.Redacted {
		notes = append(notes, "Names are hidden: people are shown by who they are to you, like [my manager], or by a letter, like [A].")
	}
	return notes
}

// before names the window the figures are compared with.
func (r Report) before() string { return "the " + r.Window.Length() + " before" }

// SummaryLines are the summary's sentences after the safety lines: where
// the course stands, then the days' figures.
func (r Report) SummaryLines() []string {
	s := r.Summary
	var lines []string
	if r.Course != "" {
		lines = append(lines, r.Course)
	}
	entries := plural(s.Entries, "entry", "entries") + " written"
	if s.Compared {
		entries += fmt.Sprintf(" (%d in %s)", s.PreviousEntries, r.before())
	}
	lines = append(lines, "Entries: "+entries+".")
	if !s.Compared {
		lines = append(lines, patterns.NoComparison(r.Window))
	}
	mood := "Mood: not rated in these days."
	if s.Mood.Rated > 0 {
		over := plural(s.Mood.Rated, "rated entry", "rated entries")
		if c := s.Mood.CheckIns; c > 0 {
			over = plural(s.Mood.Rated-c, "rated entry", "rated entries") + " and " + plural(c, "check-in", "check-ins")
		}
		mood = fmt.Sprintf("Mood: %.1f out of 10 on average, over %s", s.Mood.Value, over)
		if s.Compared && s.PreviousMood.Rated > 0 {
			mood += fmt.Sprintf(" (%.1f in %s: %s)", s.PreviousMood.Value, r.before(), moodChange(s.Mood.Value-s.PreviousMood.Value))
		}
		mood += "."
	}
	lines = append(lines, mood)
	switch {
	case len(s.Top) == 0 && s.NamedOnce == 0:
		return append(lines, "Top patterns: none named.")
	case len(s.Top) == 0:
		return append(lines, fmt.Sprintf("Top patterns: none yet; no pattern came up in more than one entry (%s named once).", plural(s.NamedOnce, "pattern", "patterns")))
	}
	var top []string
	for _, t := range s.Top {
		p := fmt.Sprintf("%s %d", t.Name, t.Count)
		if s.Compared {
			p += " (" + signed(t.Delta) + ")"
		}
		top = append(top, p)
	}
	line := "Top patterns: " + strings.Join(top, ", ")
	if s.NamedOnce > 0 {
		line += fmt.Sprintf("; %d more named once", s.NamedOnce)
	}
	return append(lines, line+".")
}

// LastLines open the last session's section: when it was, and what the
// person took away from it, as they wrote it.
func (r Report) LastLines() []string {
	if r.Last.At.IsZero() || r.empty(SectionQuestions) {
		return nil
	}
	lines := []string{"Your session on " + r.Last.At.Format(dateFormat) + "."}
	if r.Last.Takeaways != "" {
		lines = append(lines, "What you took away: "+strings.Join(strings.Fields(r.Last.Takeaways), " "))
	}
	if len(r.Questions) > 0 {
		lines = append(lines, "Questions you noted to bring:")
	}
	return lines
}

// OnceNote follows the pattern table: the patterns named in one entry
// only, by name, rather than as rows of ones.
func (r Report) OnceNote() string {
	if len(r.Patterns.Once) == 0 {
		return ""
	}
	return "Named in one entry only, too few yet to call a pattern: " + strings.Join(r.Patterns.Once, ", ") + "."
}

// PatternsNote is the line above the pattern table: what its shares are
// of and, when there is no before to compare with, that there isn't,
// rather than a column of rises from nothing.
func (r Report) PatternsNote() string {
	note := "Out of " + plural(r.Patterns.Entries, "entry", "entries") + "."
	if !r.Patterns.Compared {
		note += " " + patterns.NoComparison(r.Window)
	}
	if len(r.Patterns.Rows) == 0 {
		note += " No pattern came up in more than one entry, so there is no table yet."
	}
	return note
}

func moodChange(d float64) string {
	switch {
	case math.Abs(d) < 0.05:
		return "about the same"
	case d > 0:
		return fmt.Sprintf("up %.1f", d)
	}
	return fmt.Sprintf("down %.1f", -d)
}

// signed writes a change with its sign: "+2", "-1", "0".
func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Details is the line under a flagged entry's title.
func (e Entry) Details() string {
	parts := []string{e.WrittenAt.Format(dateTimeFormat), e.Kind}
	if e.Mood != 0 {
		parts = append(parts, fmt.Sprintf("mood %d/10", e.Mood))
	}
	if len(e.Emotions) > 0 {
		parts = append(parts, "feeling "+strings.Join(e.Emotions, ", "))
	}
	if len(e.Patterns) > 0 {
		parts = append(parts, "patterns: "+strings.Join(e.Patterns, ", "))
	}
	return strings.Join(parts, " · ")
}

// Heading is an episode's heading: who it was with, and when.
func (ep Episode) Heading() string {
	return "With " + ep.Person + " · " + ep.WrittenAt.Format(dateFormat) + " · " + ep.EntryTitle
}

// Field is one labelled part of an episode.
type Field struct{ Label, Text string }

// Fields are an episode's parts in the CCRT order, leaving out blank ones.
func (ep Episode) Fields() []Field {
	reminds := ep.Reminds
	if ep.EarlierPerson != "" {
		reminds = strings.TrimSpace(reminds + " (with " + ep.EarlierPerson + ")")
	}
	var out []Field
	for _, f := range []Field{
		{"What I wanted", ep.Wish},
		{"How they responded", ep.OtherResponse},
		{"How I responded", ep.SelfResponse},
		{"It reminds me of", reminds},
		{"Patterns", strings.Join(ep.Patterns, ", ")},
		{"Feelings", strings.Join(ep.Emotions, ", ")},
	} {
		if strings.TrimSpace(f.Text) != "" {
			out = append(out, f)
		}
	}
	return out
}

// Status is where a goal stands, in words.
func (g GoalProgress) Status() string {
	if !g.Rated {
		return "no check-in yet"
	}
	s := fmt.Sprintf("%d/10 on %s", g.Latest, g.LatestAt.Format(dateFormat))
	switch {
	case g.Compared && g.Change == 0 && g.AllTime:
		s += ", the same as at your first check-in"
	case g.Compared && g.Change == 0:
		s += ", the same as when these days began"
	case g.Compared && g.AllTime:
		s += fmt.Sprintf(", %s since your first check-in", signed(g.Change))
	case g.Compared:
		s += fmt.Sprintf(", %s since these days began", signed(g.Change))
	case g.CheckIns == 0:
		s += ", no check-in in these days"
	}
	return s
}

// BandCell is what a table prints beside a score: its band, question 9
// when it was answered above 0, and how difficult things have been.
func (s Score) BandCell() string {
	cell := s.Band
	if s.Safety {
		cell += " · question 9: " + s.SafetyAnswer
	}
	if s.Difficulty != "" {
		cell += " · " + strings.ToLower(s.Difficulty)
	}
	return cell
}

// SafetyLines open the summary: each answer above 0 to question 9 of the
// PHQ-9 in the window, newest first, then the crisis lines chosen. They
// come first so that a low total, or a long report, never hides them.
func (r Report) SafetyLines() []string {
	var lines []string
	for _, m := range r.Measures {
		for i := len(m.InWindow) - 1; i >= 0; i-- {
			s := m.InWindow[i]
			if s.Safety {
				lines = append(lines, fmt.Sprintf("On %s, question 9 of the %s, about thoughts of being better off dead or of hurting yourself, "+
					"was answered “%s”. Worth talking about at the session, or sooner.", s.At.Format(dateFormat), m.Name, s.SafetyAnswer))
			}
		}
	}
	if len(lines) > 0 && r.CrisisText != "" {
		lines = append(lines, "If things feel too much before then: "+strings.Join(strings.Fields(r.CrisisText), " "))
	}
	return lines
}

// MeasureNotes close a report that holds questionnaire scores: what the
// scores are not, and the forms' attribution.
func (r Report) MeasureNotes() []string {
	if !r.Has(SectionMeasures) || len(r.Measures) == 0 {
		return nil
	}
	return []string{journal.ScreeningNotice, journal.MeasureCopyright}
}

// day formats a date for a table cell.
func day(t time.Time) string { return t.Format(dateFormat) }
