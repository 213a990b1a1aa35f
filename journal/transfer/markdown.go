package transfer

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/throughline/throughline/journal"
)

// ReadMarkdown reads every Markdown file (.md or .markdown) in dir and
// the folders inside it, each as one entry. Hidden files and folders
// (.obsidian, .git) are left alone. A file that can't be read is left out
// with the reason; the rest are read.
func ReadMarkdown(dir string) ([]journal.Entry, []Rejected, error) {
	b, err := readMarkdownFolder(dir)
	if err != nil {
		return nil, nil, err
	}
	return b.Entries, b.Rejected, nil
}

func readMarkdownFolder(dir string) (*Batch, error) {
	type file struct {
		rel  string
		path string
	}
	b := &Batch{Format: FormatMarkdown}
	var files []file
	var total int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			if p == dir {
				return err
			}
			b.reject(rel, fmt.Sprintf("it can't be read (%v)", unwrapPath(err)))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(path.Ext(rel))
		if d.IsDir() || !d.Type().IsRegular() || ext != ".md" && ext != ".markdown" {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			b.reject(rel, fmt.Sprintf("it can't be read (%v)", unwrapPath(err)))
			return nil
		}
		total += info.Size()
		files = append(files, file{rel: rel, path: p})
		return nil
	})
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "Couldn't read the folder %s: %v. Nothing was imported.", dir, unwrapPath(err))
	}
	if len(files) == 0 {
		return nil, journal.Errorf(journal.EInvalid, "There are no Markdown files (.md) in %s or the folders inside it. Nothing was imported.", dir)
	}
	if total > maxImportSize {
		return nil, journal.Errorf(journal.EInvalid, "The Markdown files in %s come to %s, more than %s, the most an import reads. Import the folders inside it one by one. Nothing was imported.", dir, journal.ByteSize(total), journal.ByteSize(maxImportSize))
	}
	for i, f := range files {
		e, err := readMarkdownPath(f.path, f.rel)
		if err != nil {
			b.reject(f.rel, asReason(err))
			continue
		}
		b.add(e, i+1, f.rel)
	}
	return b, nil
}

// readMarkdownPath reads one Markdown file from disk; name is the entry's
// source id.
func readMarkdownPath(p, name string) (journal.Entry, error) {
	f, err := os.Open(p)
	if err != nil {
		return journal.Entry{}, journal.Errorf(journal.EInvalid, "Couldn't read %s: %v.", name, unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return journal.Entry{}, journal.Errorf(journal.EInvalid, "Couldn't read %s: %v.", name, unwrapPath(err))
	}
	return ReadMarkdownFile(name, f, info.ModTime())
}

// asReason turns a reader's error into a reason an item was left out.
func asReason(err error) string {
	var je *journal.Error
	msg := err.Error()
	if errors.As(err, &je) {
		msg = je.Message
	}
	msg = strings.TrimSuffix(strings.TrimSuffix(msg, " Nothing was imported."), ".")
	if rest, ok := strings.CutPrefix(msg, "The file "); ok {
		return "it " + rest
	}
	return msg
}

// ReadMarkdownFile reads one Markdown file as an entry. name is its path
// within the folder being imported, which becomes the entry's source id.
// The title is the front matter's title, else a first "# " heading, else
// the file's name; the date is the front matter's date, else a date in
// the file's name (2024-03-01.md, 2024-03-01 0930 Session.md), else
// modTime (the zero time when not known). Tags are the front matter's
// tags and the #tags in the text.
func ReadMarkdownFile(name string, r io.Reader, modTime time.Time) (journal.Entry, error) {
	data, err := readAll(r, name)
	if err != nil {
		return journal.Entry{}, err
	}
	if err := checkText(data); err != nil {
		return journal.Entry{}, err
	}
	text := strings.ReplaceAll(strings.TrimPrefix(string(data), string(utf8BOM)), "\r\n", "\n")
	if strings.TrimSpace(text) == "" {
		return journal.Entry{}, journal.Errorf(journal.EInvalid, "The file is empty.")
	}
	meta, body := frontMatter(text)
	e := journal.Entry{Source: FormatMarkdown, SourceID: name}
	stem := strings.TrimSuffix(path.Base(name), path.Ext(name))
	if t := meta["title"].items; len(t) > 0 {
		e.Title = strings.Join(t, ", ")
	} else if title, rest := splitTitle(body); title != "" {
		e.Title, body = title, rest
	} else if t := strings.Trim(fileDate.ReplaceAllString(stem, ""), " -_."); strings.IndexFunc(t, unicode.IsLetter) >= 0 {
		e.Title = t
	}
	e.Body = trimBlankLines(body)
	if d := firstOf(meta, "date", "created"); d != "" {
		t, err := looseDate(d)
		if err != nil {
			return journal.Entry{}, journal.Errorf(journal.EInvalid, "Its date %q, in the front matter, is not one I can read. Write it like 2024-03-01 or 2024-03-01 09:30.", d)
		}
		e.WrittenAt = t
	} else if t, ok := nameDate(stem); ok {
		e.WrittenAt = t
	} else if !modTime.IsZero() {
		e.WrittenAt = modTime.In(time.Local).Truncate(time.Second)
	}
	if m := firstOf(meta, "mood"); m != "" {
		if n, err := strconv.Atoi(m); err == nil && n >= journal.MinMood && n <= journal.MaxMood {
			e.Mood = n
		}
	}
	for _, key := range []string{"tags", "tag"} {
		e.Patterns = append(e.Patterns, frontTags(meta[key])...)
	}
	e.Patterns = append(e.Patterns, journal.InlineTags(e.Title+"\n\n"+e.Body)...)
	return e, nil
}

// frontValue is a front matter value: one scalar, or a list.
type frontValue struct {
	items []string
	list  bool
}

// frontMatter reads the YAML front matter at the top of a Markdown file:
// "key: value" lines, lists as "[a, b]" or "- a" lines. It returns the
// values by lower-case key and the text after it. Text without a closed
// front matter block is all body.
func frontMatter(text string) (map[string]frontValue, string) {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return nil, text
	}
	meta := map[string]frontValue{}
	key := ""
	for {
		line, after, found := strings.Cut(rest, "\n")
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			return meta, after
		}
		if !found {
			return nil, text
		}
		rest = after
		if item, ok := strings.CutPrefix(strings.TrimSpace(line), "- "); ok && key != "" {
			meta[key] = frontValue{items: append(meta[key].items, unquote(item)), list: true}
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, " ") || strings.HasPrefix(line, "#") {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch {
		case v == "":
		case strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]"):
			list := frontValue{list: true}
			for item := range strings.SplitSeq(v[1:len(v)-1], ",") {
				if item = unquote(item); item != "" {
					list.items = append(list.items, item)
				}
			}
			meta[key] = list
		default:
			meta[key] = frontValue{items: []string{unquote(v)}}
		}
	}
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

func firstOf(meta map[string]frontValue, keys ...string) string {
	for _, k := range keys {
		if v := meta[k].items; len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
	}
	return ""
}

// frontTags are the tags of a front matter value: a list's items, or a
// scalar split at commas ("a, b") or else at spaces ("a b").
func frontTags(v frontValue) []string {
	if v.list || len(v.items) == 0 {
		return v.items
	}
	if strings.Contains(v.items[0], ",") {
		return strings.Split(v.items[0], ",")
	}
	return strings.Fields(v.items[0])
}

// looseDate reads a front matter date: a date, a date and time, or RFC
// 3339, in the local zone unless it gives its own.
func looseDate(s string) (time.Time, error) {
	if t, err := journal.ParseWrittenAt(s, time.Local); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.Truncate(time.Second), nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04 -0700", "2006/01/02", "2006/01/02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("not a date")
}

// fileDate is a date, and maybe a time, in a file's name.
var fileDate = regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})(?:[ T_-]?(\d{2})[:.h-]?(\d{2}))?`)

// nameDate finds the date in a file's name, like 2024-03-01 or
// 2024-03-01 0930, in the local zone.
func nameDate(stem string) (time.Time, bool) {
	m := fileDate.FindStringSubmatch(stem)
	if m == nil {
		return time.Time{}, false
	}
	n := make([]int, 6)
	for i, s := range m[1:] {
		n[i], _ = strconv.Atoi(s)
	}
	if m[4] != "" && (n[3] > 23 || n[4] > 59) {
		n[3], n[4] = 0, 0
	}
	t := time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], 0, 0, time.Local)
	if t.Month() != time.Month(n[1]) || t.Day() != n[2] || n[0] == 0 {
		return time.Time{}, false // 2024-02-31 is not a date
	}
	return t, true
}
