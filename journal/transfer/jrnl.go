package transfer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/throughline/throughline/journal"
)

// ReadJrnl reads a jrnl journal: the JSON that `jrnl --format json`
// writes, or jrnl's own plain-text journal file. Times are read in the
// local zone, as jrnl writes them.
func ReadJrnl(r io.Reader) ([]journal.Entry, []Rejected, error) {
	data, err := readAll(r, "The file")
	if err != nil {
		return nil, nil, err
	}
	b, err := readJrnl(data)
	if err != nil {
		return nil, nil, err
	}
	return b.Entries, b.Rejected, nil
}

func readJrnl(data []byte) (*Batch, error) {
	if err := checkText(data); err != nil {
		return nil, err
	}
	if t := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n"); len(t) > 0 && (t[0] == '{' || t[0] == '[' && !jrnlHeading.Match(t)) {
		return readJrnlJSON(data)
	}
	return readJrnlText(data)
}

// jrnlEntry is an entry as jrnl's JSON export writes it.
type jrnlEntry struct {
	Title   string   `json:"title"`
	Body    string   `json:"body"`
	Date    string   `json:"date"`
	Time    string   `json:"time"`
	Tags    []string `json:"tags"`
	Starred bool     `json:"starred"`
}

func readJrnlJSON(data []byte) (*Batch, error) {
	b := &Batch{Format: FormatJrnl}
	if err := b.addJrnlJSON(func(each entryFunc) error { return eachEntry(data, jrnlExport, each) }); err != nil {
		return nil, err
	}
	return b, nil
}

// jrnlExport names jrnl's JSON export in messages.
const jrnlExport = "a jrnl export"

// addJrnlJSON adds the entries of a jrnl JSON export that walk goes
// through.
func (b *Batch) addJrnlJSON(walk walkFunc) error {
	return walk(func(n int, dec *json.Decoder) error {
		var je jrnlEntry
		where := "entry " + number(n)
		reason, err := decodeEntry(dec, &je)
		if err != nil || reason != "" {
			b.reject(where, reason)
			return err
		}
		at, reason := jrnlTime(je.Date, je.Time)
		if reason != "" {
			b.reject(where, reason)
			return nil
		}
		b.add(journal.Entry{
			WrittenAt: at, Title: strings.TrimSpace(je.Title), Body: trimBlankLines(je.Body),
			Patterns: je.Tags, Flagged: je.Starred, Source: FormatJrnl,
		}, n, where)
		return b.sinkErr
	})
}

// jrnlTimeLayouts are the clock times jrnl writes, by its timeformat.
var jrnlTimeLayouts = []string{"15:04", "15:04:05", "3:04 PM", "3:04PM", "3:04:05 PM"}

// jrnlTime reads a jrnl date and time in the local zone, or says why it
// can't.
func jrnlTime(date, clock string) (time.Time, string) {
	date, clock = strings.TrimSpace(date), strings.ToUpper(strings.TrimSpace(clock))
	if date == "" {
		return time.Time{}, "it has no date"
	}
	if clock == "" {
		t, err := time.ParseInLocation("2006-01-02", date, time.Local)
		if err != nil {
			return time.Time{}, fmt.Sprintf("its date %q is not a date I can read (jrnl writes 2024-03-01)", date)
		}
		return t, ""
	}
	for _, layout := range jrnlTimeLayouts {
		if t, err := time.ParseInLocation("2006-01-02 "+layout, date+" "+clock, time.Local); err == nil {
			return t, ""
		}
	}
	return time.Time{}, fmt.Sprintf("its date and time %q is not one I can read (jrnl writes 2024-03-01 and 09:30)", date+" "+clock)
}

// jrnlTextHeading is the line that starts an entry in a jrnl journal
// file: "[2020-08-29 11:11] Title." or, from jrnl 1.x, without brackets.
var jrnlTextHeading = regexp.MustCompile(`^(?:\[(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)\]|(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)(?:\s|$))\s*(.*)$`)

// jrnlAtTag is a jrnl tag in text: '@' at a word's start.
var jrnlAtTag = regexp.MustCompile(`(?:^|\s)@([-+*/\p{L}\p{M}\p{N}_]+)`)

// sentenceEnd ends jrnl's title: the first sentence of the first line.
var sentenceEnd = regexp.MustCompile(`[.!?。？！]['’"”)]?\s+`)

// jrnlDraft is an entry of a jrnl journal file being read.
type jrnlDraft struct {
	line  int
	at    time.Time
	bad   string // why it can't be imported, when its date is wrong
	title string
	lines []string
}

func readJrnlText(data []byte) (*Batch, error) {
	b := &Batch{Format: FormatJrnl}
	var cur *jrnlDraft
	var before []int // lines with text before the first entry
	finish := func() {
		if cur != nil {
			b.addJrnlText(cur)
		}
	}
	text := strings.TrimPrefix(string(data), string(utf8BOM))
	n := 0
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimRight(line, "\r\n")
		m := jrnlTextHeading.FindStringSubmatch(line)
		if m == nil {
			if cur != nil {
				cur.lines = append(cur.lines, line)
			} else if strings.TrimSpace(line) != "" {
				before = append(before, n)
			}
			continue
		}
		finish()
		stamp := m[1] + m[2]
		cur = &jrnlDraft{line: n, title: m[3]}
		date, clock, _ := strings.Cut(strings.Replace(stamp, "T", " ", 1), " ")
		if cur.at, cur.bad = jrnlTime(date, clock); cur.bad != "" {
			cur.bad = fmt.Sprintf("its date %q is not a real date and time", stamp)
		}
	}
	finish()
	if len(b.Entries)+len(b.Rejected) == 0 {
		return nil, journal.Errorf(journal.EInvalid, "The file holds no jrnl entries: in a jrnl journal each entry starts with a line like “[2024-03-01 09:30] A title.”. Check that it is the right file. Nothing was imported.")
	}
	if len(before) > 0 {
		where := "line " + number(before[0])
		if last := before[len(before)-1]; last != before[0] {
			where = fmt.Sprintf("lines %s–%s", number(before[0]), number(last))
		}
		b.Rejected = append([]Rejected{{Where: where, Reason: "text before the first dated entry, so it has no date"}}, b.Rejected...)
	}
	return b, nil
}

// addJrnlText turns a jrnl file's entry into a journal entry.
func (b *Batch) addJrnlText(d *jrnlDraft) {
	where := "line " + number(d.line)
	if d.bad != "" {
		b.reject(where, d.bad)
		return
	}
	title := strings.TrimSpace(d.title)
	starred := false
	if t, ok := strings.CutSuffix(title, "*"); ok && (t == "" || strings.HasSuffix(t, " ")) {
		title, starred = strings.TrimSpace(t), true
	} else if t, ok := strings.CutPrefix(title, "* "); ok {
		title, starred = strings.TrimSpace(t), true
	}
	body := trimBlankLines(strings.Join(d.lines, "\n"))
	if loc := sentenceEnd.FindStringIndex(title); loc != nil && loc[1] < len(title) {
		rest := title[loc[1]:]
		title = strings.TrimSpace(title[:loc[1]])
		body = trimBlankLines(rest + "\n" + body)
	}
	var tags []string
	for _, m := range jrnlAtTag.FindAllStringSubmatch(title+"\n"+body, -1) {
		tags = append(tags, m[1])
	}
	tags = append(tags, journal.InlineTags(title+"\n\n"+body)...)
	b.add(journal.Entry{
		WrittenAt: d.at, Title: title, Body: body, Patterns: tags, Flagged: starred, Source: FormatJrnl,
	}, d.line, where)
}

// trimBlankLines drops blank lines and trailing spaces at the start and
// end of s, keeping the indent of its first line.
func trimBlankLines(s string) string {
	s = strings.TrimRight(s, " \t\r\n")
	for {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok || strings.TrimSpace(line) != "" {
			return s
		}
		s = rest
	}
}
