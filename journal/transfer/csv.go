package transfer

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
)

// csvColumns heads an entries CSV, one column per field a spreadsheet
// can use.
var csvColumns = []string{"id", "written_at", "kind", "title", "body", "mood", "emotions", "patterns", "flagged", "people"}

// csvListSeparator joins a cell's names.
const csvListSeparator = "; "

// WriteCSV writes entries as CSV (RFC 4180: CRLF line ends, quotes where
// a cell needs them), a header then one row per entry. Times are RFC
// 3339; an unrated mood is an empty cell; lists are joined with "; ";
// people are everyone in the entry's episodes. Errors from w are
// returned as they are.
func WriteCSV(entries []journal.Entry, w io.Writer) error {
	out := csv.NewWriter(w)
	out.UseCRLF = true
	if err := out.Write(csvColumns); err != nil {
		return err
	}
	for _, e := range entries {
		mood := ""
		if e.HasMood() {
			mood = strconv.Itoa(e.Mood)
		}
		row := []string{strconv.FormatInt(e.ID, 10), e.WrittenAt.Format(time.RFC3339), string(e.Kind), e.Title, e.Body, mood,
			strings.Join(e.Emotions, csvListSeparator), strings.Join(e.Patterns, csvListSeparator), strconv.FormatBool(e.Flagged),
			strings.Join(episodePeople(e.Episodes), csvListSeparator)}
		if err := out.Write(row); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}

// episodePeople lists everyone in episodes, each once, in the order they
// come up: the person each was with, then the one from earlier in life.
func episodePeople(episodes []journal.Episode) []string {
	seen := map[string]bool{}
	var people []string
	for _, ep := range episodes {
		for _, name := range []string{ep.Person, ep.EarlierPerson} {
			if key := journal.NameKey(name); key != "" && !seen[key] {
				seen[key] = true
				people = append(people, name)
			}
		}
	}
	return people
}
