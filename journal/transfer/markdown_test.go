package transfer

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// writeFolder writes files (path → content) under a new folder.
func writeFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadMarkdown_Folder(t *testing.T) {
	loc := useLocalZone(t, "Europe/Berlin")
	dir := writeFolder(t, map[string]string{
		"2024-03-01.md":                    "# Hard session\n\nFelt #shame when she asked.\n",
		"notes/therapy thoughts.md":        "I keep going back to it. #avoidance\n",
		"front.md":                         "---\ntitle: \"From the front\"\ndate: 2024-03-02 18:30\ntags:\n  - people pleasing\n  - \"#anger\"\nmood: 4\n---\n# A heading in the body\n\nText.\n",
		"flow.markdown":                    "---\ntags: [a, 'b c']\ndate: 2024-03-03T08:00:00+09:00\n---\nFlow tags.\n",
		"2024-03-04 0915 Morning pages.md": "Pages.\n",
		".obsidian/workspace.md":           "# not a note\n",
		"README.txt":                       "not Markdown",
		"binary.md":                        "\x00\x01PNG",
		"empty.md":                         "\n\n",
		"bad date.md":                      "---\ndate: someday\n---\ntext\n",
	})
	mod := time.Date(2023, 12, 24, 17, 45, 0, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "notes", "therapy thoughts.md"), mod, mod); err != nil {
		t.Fatal(err)
	}
	entries, rejected, err := ReadMarkdown(dir)
	if err != nil {
		t.Fatal(err)
	}
	type mdBrief struct {
		ID, At, Title, Body string
		Patterns            []string
		Mood                int
	}
	var got []mdBrief
	for _, e := range entries {
		got = append(got, mdBrief{e.SourceID, e.WrittenAt.Format("2006-01-02 15:04 -0700"), e.Title, e.Body, e.Patterns, e.Mood})
		if e.Source != FormatMarkdown {
			t.Errorf("source %q, want markdown", e.Source)
		}
	}
	want := []mdBrief{
		{"2024-03-01.md", "2024-03-01 00:00 +0100", "Hard session", "Felt #shame when she asked.", []string{"shame"}, 0},
		{"2024-03-04 0915 Morning pages.md", "2024-03-04 09:15 +0100", "Morning pages", "Pages.", nil, 0},
		{"flow.markdown", "2024-03-03 08:00 +0900", "flow", "Flow tags.", []string{"a", "b c"}, 0},
		{"front.md", "2024-03-02 18:30 +0100", "From the front", "# A heading in the body\n\nText.", []string{"people pleasing", "anger"}, 4},
		{"notes/therapy thoughts.md", mod.In(loc).Format("2006-01-02 15:04 -0700"), "therapy thoughts", "I keep going back to it. #avoidance", []string{"avoidance"}, 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read\n%v\nwant\n%v", got, want)
	}
	wantRejected := []Rejected{
		{"bad date.md", `Its date "someday", in the front matter, is not one I can read. Write it like 2024-03-01 or 2024-03-01 09:30`},
		{"binary.md", "it holds binary data, not text: there is a zero byte at line 1, column 1 (byte 1). It is not an export an import can read; check that it is the right file"},
		{"empty.md", "it is empty"},
	}
	if !reflect.DeepEqual(rejected, wantRejected) {
		t.Errorf("left out\n%v\nwant\n%v", rejected, wantRejected)
	}

	s := mustOpen(t)
	for i, wantAdded := range []int{5, 0} {
		sum, err := Import(s, dir, "")
		if err != nil {
			t.Fatal(err)
		}
		if sum.Added != wantAdded || sum.Skipped != 5-wantAdded {
			t.Errorf("import %d: added %d, skipped %d; want %d added", i+1, sum.Added, sum.Skipped, wantAdded)
		}
	}
}

func TestReadMarkdown_NoFiles(t *testing.T) {
	dir := writeFolder(t, map[string]string{"a.txt": "x", ".hidden/b.md": "# b"})
	_, err := Read(dir, "")
	wantInvalid(t, err, "There are no Markdown files (.md) in", "Nothing was imported.")
}

func TestReadMarkdownFile(t *testing.T) {
	useLocalZone(t, "UTC")
	mod := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, title, body string
	}{
		{"a.md", "# Title\nbody", "Title", "body"},
		{"a.md", "\ufeff# Title\r\n\r\nbody\r\n", "Title", "body"},
		{"a.md", "## Not a title\n\nbody", "a", "## Not a title\n\nbody"},
		{"2024-01-01.md", "no heading", "", "no heading"},
		{"a.md", "---\nunclosed: front matter\n\ntext", "a", "---\nunclosed: front matter\n\ntext"},
		{"a.md", "---\ntitle: Only front matter\n---\n", "Only front matter", ""},
	}
	for _, tt := range tests {
		e, err := ReadMarkdownFile(tt.name, strings.NewReader(tt.text), mod)
		if err != nil {
			t.Errorf("%q: %v", tt.text, err)
			continue
		}
		if e.Title != tt.title || e.Body != tt.body {
			t.Errorf("%q: title %q, body %q; want %q and %q", tt.text, e.Title, e.Body, tt.title, tt.body)
		}
	}
	if e, _ := ReadMarkdownFile("2024-02-30.md", strings.NewReader("x"), mod); !e.WrittenAt.Equal(mod) {
		t.Errorf("a file named for a day that doesn't exist: written at %v, want its modification time", e.WrittenAt)
	}
	e, _ := ReadMarkdownFile("a.md", strings.NewReader("x"), time.Time{})
	b := &Batch{}
	b.add(e, 1, "a.md")
	if want := []Rejected{{"a.md", "it has no date"}}; !reflect.DeepEqual(b.Rejected, want) {
		t.Errorf("no date anywhere: left out %v, want %v", b.Rejected, want)
	}
}

func FuzzReadMarkdownFile(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndate: 2024-03-01\ntags: [a, b]\n---\n# H\n\n#tag text"))
	s := mustOpen(f)
	mod := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ReadMarkdownFile("2024-03-01 fuzz.md", bytes.NewReader(data), mod)
		if err != nil {
			err = named(err, "fuzz.md")
			checkRead(t, s, FormatMarkdown, nil, nil, err)
			return
		}
		checkRead(t, s, FormatMarkdown, []journal.Entry{e}, nil, nil)
	})
}

// Markdown's tags (front matter and #tags) go through the same rule:
// the feelings become emotions.
func TestImport_MarkdownTagsThatNameFeelings(t *testing.T) {
	useLocalZone(t, "UTC")
	path := writeTemp(t, "2026-03-02.md", []byte("---\ntitle: Before the session\ndate: 2026-03-02 08:00\ntags: [Anxiety, perfectionism]\n---\nI felt #shame again, and some #relief after. #people-pleasing\n"))
	s := mustOpen(t)
	sum, err := Import(s, path, "")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := s.Entries(journal.EntryQuery{})
	if err != nil || len(entries) != 1 {
		t.Fatalf("%d entries, %v", len(entries), err)
	}
	e := entries[0]
	if !reflect.DeepEqual(e.Emotions, []string{"relieved", "anxious", "ashamed"}) {
		t.Errorf("emotions %q", e.Emotions)
	}
	if sum.TagsAsEmotions != 3 || sum.TagsAsPatterns != 2 || !reflect.DeepEqual(e.Patterns, []string{"people-pleasing", "perfectionism"}) {
		t.Errorf("patterns %q; summary %+v", e.Patterns, sum)
	}
}
