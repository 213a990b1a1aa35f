// Package report builds the session-prep document: what a person brings
// to their next therapy session. Build gathers plain data from the
// journal; Markdown, HTML and PDF print it.
package report

import (
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns"
)

// Store is what a report reads from the journal.
type Store interface {
	Entries(q journal.EntryQuery) ([]journal.Entry, error)
	Taggings(from, before time.Time) ([]journal.Tagging, error)
	MoodCheckIns(from, before time.Time) ([]journal.MoodCheckIn, error)
	Patterns() ([]journal.Pattern, error)
	Emotions() ([]journal.Emotion, error)
	People() ([]journal.Person, error)
	HiddenWords() ([]string, error)
	Goals() ([]journal.Goal, error)
	CheckIns(goalID int64) ([]journal.CheckIn, error)
	Sessions() ([]journal.Session, error)
	LastSession(now time.Time) (journal.Session, bool, error)
	Measurements(in journal.Instrument) ([]journal.Measurement, error)
	Setting(key string) (string, error)
	Attachments(entryID int64) ([]journal.Attachment, error)
	AttachmentData(entryID int64, name string) ([]byte, error)
	Episodes() ([]journal.PersonEpisode, error)
}

// Section is one part of the report a person can choose.
type Section string

const (
	SectionSummary   Section = "summary"   // anything about safety, the course position, entries written, mood, top patterns
	SectionQuestions Section = "questions" // the last session's takeaways and the questions left from it
	SectionPatterns  Section = "patterns"  // the pattern table and chart
	SectionCCRT      Section = "ccrt"      // the relationship theme across episodes; printed only when it has rows
	SectionGoals     Section = "goals"     // progress on active goals
	SectionMeasures  Section = "measures"  // PHQ-9 and GAD-7 scores
	SectionFlagged   Section = "flagged"   // entries flagged for the session, in full
	SectionEpisodes  Section = "episodes"  // relationship episodes
)

// AllSections lists every section in the order a report prints them: a
// therapist with two minutes reads what matters most first (safety, where
// the course stands, what was left from last time), then what changed,
// then the entries themselves.
var AllSections = []Section{SectionSummary, SectionQuestions, SectionPatterns, SectionCCRT, SectionGoals, SectionMeasures, SectionFlagged, SectionEpisodes}

// ParseSections reads a comma-separated list such as "summary,flagged".
// Case and spaces don't matter; "" or "all" means every section.
func ParseSections(list string) ([]Section, error) {
	if s := strings.TrimSpace(list); s == "" || strings.EqualFold(s, "all") {
		return AllSections, nil
	}
	var out []Section
	for _, part := range strings.Split(list, ",") {
		name := Section(strings.ToLower(strings.TrimSpace(part)))
		if name == "" {
			continue
		}
		if !hasSection(AllSections, name) {
			return nil, journal.Errorf(journal.EInvalid, "%q is not a section of the report. Choose from: %s.", strings.TrimSpace(part), sectionList())
		}
		if !hasSection(out, name) {
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		return nil, journal.Errorf(journal.EInvalid, "No sections were named. Choose from: %s.", sectionList())
	}
	return out, nil
}

func sectionList() string {
	names := make([]string, len(AllSections))
	for i, s := range AllSections {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

func hasSection(list []Section, s Section) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Options says what goes in a report.
type Options struct {
	Window       patterns.Window // the days covered; Window{} is all time
	SinceSession bool            // cover the days since the last session instead of Window
	Sections     []Section       // nil means AllSections; always printed in AllSections' order
	Exclude      []int64         // entries left out of every part of the report
	FlaggedOnly  bool            // draw only on entries flagged for the session, as if the rest were excluded
	RedactPeople bool            // hide people's names, showing who they are instead ("[my manager]")
	Hide         []string        // with RedactPeople, words to hide in this report besides the people and the journal's hidden words
	Now          time.Time       // zero means time.Now()
}

// ErrNoSession is Build's error for SinceSession when no session is logged.
var ErrNoSession = journal.Errorf(journal.ENotFound, "No session logged yet: choose the days the report covers, or log a session first.")

// Report is a session-prep document as plain data, ready to print.
type Report struct {
	Title       string // "Since your session on Tue 18 Nov", or the range of days
	Window      patterns.Window
	Generated   time.Time
	Sections    []Section // the sections to print, in AllSections' order
	FlaggedOnly bool
	Redacted    bool
	Hidden      []HiddenName // with Redacted, the names hidden, and what shows instead
	NameLike    []string     // with Redacted, words left in that look like names (see NameLikeWords)

	Summary Summary
	// Course is where the person stands in a course of therapy, one line
	// ("Dynamic interpersonal therapy: session 5 of 16"); "" when there is
	// no course. coursePosition (course.go) is its only source.
	Course    string
	Flagged   []Entry   // entries flagged for the session, oldest first
	Episodes  []Episode // relationship episodes, oldest first
	Patterns  Table
	CCRT      []CCRTRow // the relationship theme; nil leaves its section out
	Mood      []MoodDay // daily mood across the window, for the trend chart
	Goals     []GoalProgress
	Measures  []MeasureTrend
	Last      LastSession
	Questions []Question

	// CrisisText is the crisis lines the person chose, printed with a
	// safety answer above 0 in the window; "" when there is none.
	CrisisText string
}

// Has reports whether the report prints section s.
func (r Report) Has(s Section) bool { return hasSection(r.Sections, s) }

// Summary is the report's opening figures.
type Summary struct {
	Entries         int
	Compared        bool // there is a window of equal length before to compare with
	PreviousEntries int
	Mood            Mean             // mean mood of the rated entries in the window
	PreviousMood    Mean             // the same for the window before
	Top             []patterns.Trend // patterns named in at least MinPatternEntries entries, most first
	NamedOnce       int              // patterns named in the window, but in one entry only
}

// LastSession is what the session before the window's end left: when it
// was, and what the person took away from it.
type LastSession struct {
	At        time.Time // zero when no session is logged
	Takeaways string
}

// CCRTRow is one of the most frequent categories of a part of the Core
// Conflictual Relationship Theme across the window's episodes.
type CCRTRow struct {
	Component string // journal.Component's label: "Wish", "Response of the other" or "My response"
	Category  string // "to be close", "rejecting"
	Count     int    // episodes naming it
	Shift     string // how it moved from the first third of the days to the last, in words; "" when not worked out
}

// Mean is an average mood and how many ratings it is of.
type Mean struct {
	Value    float64
	Rated    int // rated entries and check-ins
	CheckIns int // of Rated, the moods noted without an entry
}

// Entry is an entry printed in full.
type Entry struct {
	ID        int64
	Title     string
	WrittenAt time.Time
	Kind      string // as shown to a person: "Dream"
	Body      string // Markdown
	Mood      int    // 0 when not rated
	Emotions  []string
	Patterns  []string
	Images    []Image // pictures attached, in the order added (see images)
	// ImagesNote says which attached pictures are not printed, and why.
	ImagesNote string
}

// Episode is a relationship episode in the Core Conflictual Relationship
// Theme form, with the entry it came from.
type Episode struct {
	EntryTitle    string
	WrittenAt     time.Time
	Person        string
	Wish          string // what I wanted
	OtherResponse string // how they responded
	SelfResponse  string // how I responded
	Reminds       string // what it reminds me of
	EarlierPerson string
	Patterns      []string
	Emotions      []string
}

// Table is the pattern-frequency table.
type Table struct {
	Entries  int  // entries in the window, the shares' denominator
	Compared bool // Previous and Delta mean something
	Rows     []PatternRow
	Once     []string // patterns named in one entry only, in the window and before: too few to mean something alone
}

// PatternRow is one pattern's line in the table.
type PatternRow struct {
	Name     string
	Category string // as a heading: "Defenses"
	Count    int    // entries naming it in the window
	Share    float64
	Previous int // entries naming it in the window before
	Delta    int
}

// MoodDay is one day's mood: the mean of its rated entries (0 when none),
// and the rolling mean of the week ending with it.
type MoodDay struct {
	Day     time.Time
	Mean    float64
	Rolling float64
}

// GoalProgress is where one active goal stands.
type GoalProgress struct {
	Title      string
	Sub        bool // a sub-goal of the one before
	Rated      bool // it has a check-in by the window's end
	Latest     int
	LatestAt   time.Time
	Compared   bool // there is an earlier rating to compare with
	Change     int  // Latest minus the rating the window started with
	AllTime    bool // the window has no start, so Change is since the first check-in
	CheckIns   int  // check-ins in the window
	LatestNote string
}

// MeasureTrend is one questionnaire's scores.
type MeasureTrend struct {
	Name     string // "PHQ-9"
	Title    string // "Depression (PHQ-9)"
	Max      int    // the highest possible score
	Bands    []journal.Band
	Before   *Score // the latest score before the window, if any
	InWindow []Score
}

// Score is one questionnaire result.
type Score struct {
	At           time.Time
	Score        int
	Band         string
	Safety       bool   // the self-harm question was answered above 0
	SafetyAnswer string // that answer in words, "Several days"; "" when 0
	Difficulty   string // the last, unscored question's answer; "" when not given
}

// Question is something the person noted to bring to the session.
type Question struct {
	Text string
}
