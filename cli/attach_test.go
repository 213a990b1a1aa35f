package cli

// Tests of attach, attachments and detach.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

func fixture(name string) string { return filepath.Join("testdata", "attach", name) }

func TestCLI_AttachListShowDetach(t *testing.T) {
	db := newJournal(t)
	id := addEntry(t, db, "", "--title", "After art therapy")
	sid := strconv.FormatInt(id, 10)
	out := mustCLI(t, db, "", "attach", sid, fixture("drawing.png"), fixture("voice note.m4a"), fixture("worksheet.pdf"))
	if strings.Count(out, "Attached ") != 3 || !strings.Contains(out, "Attached drawing.png (74 bytes) to entry") {
		t.Fatalf("attach printed %q", out)
	}
	var listed []attachmentJSON
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "attachments", sid, "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	png, _ := os.ReadFile(fixture("drawing.png"))
	if len(listed) != 3 || listed[0] != (attachmentJSON{Name: "drawing.png", Size: 74, SHA256: journal.SHA256Hex(png), Kind: "image", MediaType: "image/png"}) ||
		listed[1].Kind != "audio" || listed[2].Kind != "pdf" {
		t.Fatalf("attachments --json: %+v", listed)
	}
	text := mustCLI(t, db, "", "attachments", sid)
	if !strings.Contains(text, "drawing.png\t74 bytes\t"+journal.SHA256Hex(png)) {
		t.Errorf("attachments printed %q", text)
	}
	var shown struct {
		Title       string           `json:"title"`
		Attachments []attachmentJSON `json:"attachments"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "show", sid, "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.Title != "After art therapy" || len(shown.Attachments) != 3 || shown.Attachments[1].Name != "voice note.m4a" {
		t.Errorf("show --json: %+v", shown)
	}
	if !strings.Contains(mustCLI(t, db, "", "show", sid), "Attached: worksheet.pdf (application/pdf, 125 bytes)") {
		t.Error("show doesn't list the attachments")
	}
	mustCLI(t, db, "", "detach", sid, "voice note.m4a")
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "attachments", sid, "--json")), &listed); err != nil || len(listed) != 2 {
		t.Fatalf("after detach: %+v, %v", listed, err)
	}
	// show --json lists none as an empty list, not null.
	other := strconv.FormatInt(addEntry(t, db, "", "--title", "plain"), 10)
	if out := mustCLI(t, db, "", "show", other, "--json"); !strings.Contains(out, `"attachments": []`) {
		t.Errorf("show --json of an entry without files: %s", out)
	}
}

// Bad files are refused with a message, and the journal is left exactly
// as it was, even when good files came in the same command.
func TestCLI_AttachBadInputChangesNothing(t *testing.T) {
	db := newJournal(t)
	id := strconv.FormatInt(addEntry(t, db, "", "--title", "entry"), 10)
	mustCLI(t, db, "", "attach", id, fixture("worksheet.pdf"))
	big := filepath.Join(t.TempDir(), "film.png")
	if err := os.WriteFile(big, make([]byte, journal.MaxAttachmentSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	control := filepath.Join(dir, "bell\a.png")
	png, _ := os.ReadFile(fixture("drawing.png"))
	if err := os.WriteFile(control, png, 0o600); err != nil {
		t.Fatal(err)
	}
	otherPDF := filepath.Join(t.TempDir(), "Worksheet.pdf")
	if err := os.WriteFile(otherPDF, []byte("%PDF-1.4\nanother worksheet\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, db)
	for _, tc := range []struct {
		name string
		args []string
		code int
		say  string
	}{
		{"an image that isn't one", []string{"attach", id, fixture("drawing.png"), fixture("not-a-picture.png")}, exitUsage, "named as an image, but its contents aren't one"},
		{"0 bytes", []string{"attach", id, fixture("empty.png")}, exitUsage, "empty (0 bytes)"},
		{"over the limit", []string{"attach", id, fixture("drawing.png"), big}, exitUsage, "at most 50 MB"},
		{"control character", []string{"attach", id, control}, exitUsage, "control character"},
		{"no such file", []string{"attach", id, filepath.Join(dir, "missing.png")}, exitUsage, "There is no file at"},
		{"a folder", []string{"attach", id, dir}, exitUsage, "is a folder"},
		{"no such entry", []string{"attach", "999", fixture("drawing.png")}, exitError, "There is no entry 999"},
		{"no file named", []string{"attach", id}, exitUsage, "needs an entry number and FILE"},
		{"detach unknown", []string{"detach", id, "nothing.png"}, exitError, "holds no file named \"nothing.png\""},
		{"named as another kind", []string{"attach", id, renamed(t, fixture("drawing.png"), "worksheet.PDF")}, exitUsage, "named as a PDF, but its contents are an image"},
		{"same name, other bytes", []string{"attach", id, otherPDF}, exitUsage, "already holds a different file named \"worksheet.pdf\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, db, "", tc.args...)
			assertFailure(t, stdout, stderr, code, tc.code, tc.say)
			assertSameState(t, before, snapshot(t, db))
		})
	}
}

// renamed copies file under a new name in a temporary folder.
func renamed(t *testing.T, file, name string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// A Day One export zip's photos, recordings and PDFs arrive as the
// entries' attachments; what can't come is said, per file.
func TestCLI_ImportDayOneAttachments(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	out := mustCLI(t, db, "", "import", importSample(t, "dayone-attachments.zip"))
	want := "Imported 3 entries from Day One.\n" +
		"Left behind entry 3's photo 1: photo 1.jpeg is named as an image, but its contents aren't one (the file may be damaged, or named wrongly).\n" +
		"Left behind entry 3's photo 2: the zip doesn't hold it (no file named 0123456789abcdef0123456789abcdef.jpeg).\n" +
		"Left behind 1 video: Throughline keeps photos, audio and PDFs, not videos.\n" +
		"Tags that name a feeling became emotions: 0. Tags that became patterns: 1. In Vocabulary you can turn a pattern into an emotion, and back.\n"
	if out != want {
		t.Errorf("import printed\n%s\nwant\n%s", out, want)
	}
	entries := listJSON(t, db) // newest first
	wantFiles := map[string][]string{
		"After art therapy": {"the sea.png", "audio recording 1.m4a", "PDF 1.pdf"},
		"Photo":             {"photo 1.png"},
		"רישום 🎨":           nil,
	}
	for _, e := range entries {
		var files []attachmentJSON
		if err := json.Unmarshal([]byte(mustCLI(t, db, "", "attachments", strconv.FormatInt(e.ID, 10), "--json")), &files); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range files {
			names = append(names, f.Name)
		}
		if w, ok := wantFiles[e.Title]; !ok || strings.Join(names, "|") != strings.Join(w, "|") {
			t.Errorf("entry %q holds %q, want %q", e.Title, names, w)
		}
	}
}
