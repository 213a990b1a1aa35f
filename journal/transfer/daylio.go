package transfer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
)

// daylioMoods gives Daylio's five standard moods a place on the 1 to 10
// scale. Moods a person named themselves have no number in a CSV export:
// it does not say which of the five levels they belong to (a backup does:
// see readDaylioBackup).
var daylioMoods = map[string]int{"rad": 10, "good": 8, "meh": 5, "bad": 3, "awful": 1}

// daylioColumns are the columns a Daylio export must have.
var daylioColumns = []string{"full_date", "time", "mood"}

// ReadDaylio reads a Daylio CSV export, or a Daylio backup (.daylio; see
// readDaylioBackup). Each row of the CSV is one entry: the note's
// title and text, Daylio's mood as a number (rad 10, good 8, meh 5, bad 3,
// awful 1), and its activities as patterns. The mood's word and the
// activities are also written at the end of the text. Times are local.
func ReadDaylio(r io.Reader) ([]journal.Entry, []Rejected, error) {
	data, err := readAll(r, "The file")
	if err != nil {
		return nil, nil, err
	}
	b, err := readDaylio(data)
	if err != nil {
		return nil, nil, err
	}
	return b.Entries, b.Rejected, nil
}

func readDaylio(data []byte) (*Batch, error) {
	if bytes.HasPrefix(data, zipMagic) {
		return readDaylioBackup(data)
	}
	if err := checkText(data); err != nil {
		return nil, err
	}
	text := bytes.TrimPrefix(data, utf8BOM)
	cr := csv.NewReader(bytes.NewReader(text))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, journal.Errorf(journal.EInvalid, "The file is empty: a Daylio export starts with a line naming its columns (full_date, date, weekday, time, mood, ...). Nothing was imported.")
	} else if err != nil {
		return nil, csvError(err, text)
	}
	col := map[string]int{}
	for i, name := range header {
		key := strings.ToLower(strings.TrimSpace(name))
		if _, seen := col[key]; !seen {
			col[key] = i
		}
	}
	for _, need := range daylioColumns {
		if _, ok := col[need]; !ok {
			return nil, journal.Errorf(journal.EInvalid, "The file is not a Daylio export: its first line should name the columns full_date, date, weekday, time, mood, activities, note_title and note, but it has no %q column. Check that it is the right file. Nothing was imported.", need)
		}
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	b := &Batch{Format: FormatDaylio}
	unrated := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, csvError(err, text)
		}
		line, _ := cr.FieldPos(0)
		where := "line " + number(line)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) < len(header) {
			if off := cr.InputOffset(); int(off) >= len(bytes.TrimRight(text, "\r\n")) {
				return nil, journal.Errorf(journal.EInvalid, "The file ends in the middle of the entry on line %s (byte %s): it has %d of the %d columns, so it may have been cut short. Export it again. Nothing was imported.", number(line), number(len(data)), len(rec), len(header))
			}
			b.reject(where, fmt.Sprintf("it has %d columns, not the %d the first line names", len(rec), len(header)))
			continue
		}
		at, reason := daylioTime(field(rec, "full_date"), field(rec, "time"))
		if reason != "" {
			b.reject(where, reason)
			continue
		}
		mood := strings.TrimSpace(field(rec, "mood"))
		score := daylioMoods[strings.ToLower(mood)]
		if score == 0 && mood != "" {
			unrated[mood]++
		}
		var activities []string
		for a := range strings.SplitSeq(field(rec, "activities"), "|") {
			if a = strings.TrimSpace(a); a != "" {
				activities = append(activities, a)
			}
		}
		body := daylioBody(field(rec, "note"), mood, activities)
		b.add(journal.Entry{
			WrittenAt: at, Title: daylioNote(field(rec, "note_title")), Body: strings.Join(body, "\n"),
			Mood: score, Patterns: activities, Source: FormatDaylio,
		}, line, where)
	}
	if len(unrated) > 0 {
		words := make([]string, 0, len(unrated))
		for w := range unrated {
			words = append(words, "“"+w+"”")
		}
		slices.Sort(words)
		moods, have, them := "moods", "have", "them"
		if len(words) == 1 {
			moods, have, them = "mood", "has", "it"
		}
		b.Notes = append(b.Notes, fmt.Sprintf("Your own Daylio %s %s %s no number here: the CSV export doesn't say how good or bad it is. Each entry keeps the word in its text; a Daylio backup (its .daylio file) says, so importing that instead gives %s a number.",
			moods, strings.Join(words, ", "), have, them))
	}
	return b, nil
}

// daylioBody is an entry's text: the note, then the mood's word and the
// activities, so the words stay with the entry whatever becomes of them.
func daylioBody(note, mood string, activities []string) []string {
	var body []string
	if note := daylioNote(note); note != "" {
		body = append(body, note, "")
	}
	if mood != "" {
		body = append(body, "Daylio mood: "+mood)
	}
	if len(activities) > 0 {
		body = append(body, "Activities: "+strings.Join(activities, ", "))
	}
	return body
}

// daylioTime reads Daylio's full_date and time ("10:00 pm" or "18:52")
// in the local zone.
func daylioTime(date, clock string) (time.Time, string) {
	date, clock = strings.TrimSpace(date), strings.ToUpper(strings.TrimSpace(clock))
	if date == "" {
		return time.Time{}, "it has no date"
	}
	if clock == "" {
		clock = "00:00"
	}
	for _, layout := range []string{"15:04", "3:04 PM", "3:04PM", "15:04:05"} {
		if t, err := time.ParseInLocation("2006-01-02 "+layout, date+" "+clock, time.Local); err == nil {
			return t, ""
		}
	}
	return time.Time{}, fmt.Sprintf("its date and time %q is not one I can read (Daylio writes 2024-03-01 and 9:30 pm)", date+" "+clock)
}

var (
	htmlBreak     = regexp.MustCompile(`(?i)<br\s*/?>`)
	htmlParagraph = regexp.MustCompile(`(?i)</p>\s*<p>`)
	htmlStrong    = regexp.MustCompile(`(?i)</?(b|strong)>`)
	htmlEmphasis  = regexp.MustCompile(`(?i)</?(i|em)>`)
	htmlOther     = regexp.MustCompile(`(?i)</?(p|div|span|u)>`)
)

// daylioNote turns a Daylio note's HTML into plain Markdown text.
func daylioNote(s string) string {
	s = htmlParagraph.ReplaceAllString(s, "\n\n")
	s = htmlBreak.ReplaceAllString(s, "\n")
	s = htmlStrong.ReplaceAllString(s, "**")
	s = htmlEmphasis.ReplaceAllString(s, "*")
	s = htmlOther.ReplaceAllString(s, "")
	return trimBlankLines(html.UnescapeString(s))
}

// csvError explains a CSV the reader can't go on with.
func csvError(err error, data []byte) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return journal.Errorf(journal.EInvalid, "The file can't be read as CSV (%v). Nothing was imported.", err)
	}
	if errors.Is(pe.Err, csv.ErrQuote) && pe.Line >= lineOf(data, len(bytes.TrimRight(data, "\r\n"))) {
		return journal.Errorf(journal.EInvalid, "The file ends inside the quoted text that starts on line %s (byte %s): it may have been cut short. Export it again. Nothing was imported.", number(pe.StartLine), number(len(data)))
	}
	what := "a quote mark where CSV can't have one"
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		what = "the wrong number of columns"
	}
	return journal.Errorf(journal.EInvalid, "The file stops being valid CSV on line %s, column %s: %s. It may have been edited by hand or damaged. Nothing was imported.", number(pe.Line), number(pe.Column), what)
}
