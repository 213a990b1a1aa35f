package store

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// indexIntact runs FTS5's check of the index against the text it reads
// (rank 1: against the entries, not only its own structure).
func indexIntact(t *testing.T, s *Store) {
	t.Helper()
	if err := s.db.Exec("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").Error; err != nil {
		t.Fatalf("the search index doesn't match the entries: %v", err)
	}
}

// keepsOwnCopy reports whether the journal holds an FTS5 content table:
// a second copy of every entry's text.
func keepsOwnCopy(t *testing.T, s *Store) bool {
	t.Helper()
	var n int
	if err := s.db.Raw("SELECT count(*) FROM sqlite_master WHERE name = 'search_index_content'").Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n > 0
}

// The index of a journal not encrypted reads its text from the entries,
// and every way an entry's text changes keeps it in step: a word gone
// from an entry is no longer found, snippets show the new text, and
// FTS5's own check agrees.
func TestSearchIndex_ReadsTheEntriesText(t *testing.T) {
	s := mustOpen(t)
	if keepsOwnCopy(t, s) {
		t.Fatal("the search index keeps its own copy of the text")
	}
	saved, err := s.CreateEntries([]journal.Entry{
		{WrittenAt: time.Now(), Title: "The lighthouse", Body: "Walked to the lighthouse with my sister."},
		{WrittenAt: time.Now(), Body: "A quiet day.", Episodes: []journal.Episode{{Person: "Sam", Wish: "to be heard", OtherResponse: "  ", SelfResponse: "I withdrew"}}},
		{WrittenAt: time.Now(), Title: "Gone soon", Body: "A harbour at dusk."},
	})
	if err != nil {
		t.Fatal(err)
	}
	indexIntact(t, s)
	edited := saved[0]
	edited.Body, edited.Title = "Talked with my brother about the harbour.", "Harbour"
	if _, err := s.UpdateEntry(edited); err != nil {
		t.Fatal(err)
	}
	withEpisode := saved[1]
	withEpisode.Episodes = []journal.Episode{{Person: "Sam", Wish: "to be understood", Reminds: "school"}}
	if _, err := s.UpdateEntry(withEpisode); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEntry(saved[2].ID); err != nil {
		t.Fatal(err)
	}
	indexIntact(t, s)
	for _, c := range []struct {
		query   string
		ids     []int64
		snippet string
	}{
		{"lighthouse", nil, ""},
		{"heard", nil, ""},
		{"withdrew", nil, ""},
		{"harbour", []int64{saved[0].ID}, "Talked with my brother about the **harbour**."},
		{"understood", []int64{saved[1].ID}, "to be **understood**\nschool"},
		{`"my brother"`, []int64{saved[0].ID}, "Talked with **my brother** about the harbour."},
		{"broth*", []int64{saved[0].ID}, "Talked with my **brother** about the harbour."},
	} {
		res := mustSearch(t, s, SearchQuery{Text: c.query})
		if got := hitIDs(res); !slices64Equal(got, c.ids) {
			t.Errorf("%s: found %v, want %v", c.query, got, c.ids)
			continue
		}
		if len(res.Hits) > 0 && res.Hits[0].Snippet.Markdown() != c.snippet {
			t.Errorf("%s: snippet %q, want %q", c.query, res.Hits[0].Snippet.Markdown(), c.snippet)
		}
	}
	if res := mustSearch(t, s, SearchQuery{Text: "harbour"}); res.Hits[0].Title.Markdown() != "**Harbour**" {
		t.Errorf("title %q, want the match marked", res.Hits[0].Title.Markdown())
	}
}

func slices64Equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Turning encryption on and off moves the index into memory and back to
// one that reads the entries, never reading them while they are sealed.
func TestSearchIndex_EncryptionOnAndOff(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: "Lighthouse", Body: "With my sister."}); err != nil {
		t.Fatal(err)
	}
	if err := s.EnableEncryption("correct horse battery"); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, s, SearchQuery{Text: "sister"}); res.Total != 1 {
		t.Fatalf("encrypted: %d found, want 1", res.Total)
	}
	if err := s.DisableEncryption("correct horse battery"); err != nil {
		t.Fatal(err)
	}
	if keepsOwnCopy(t, s) {
		t.Fatal("after decrypting, the search index keeps its own copy of the text")
	}
	indexIntact(t, s)
	if res := mustSearch(t, s, SearchQuery{Text: "sister"}); res.Total != 1 || res.Hits[0].Snippet.Markdown() != "With my **sister**." {
		t.Fatalf("decrypted: %+v", res)
	}
}

// A journal whose index kept its own copy of the text (steps 9 to 13)
// is converted in one step: the copy goes, what was found is found, and
// the index matches the entries, with progress reported.
func TestMigrations_SearchTextReplacesTheCopy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	old := openWith(t, path, migrations[:13])
	// Written as step 13's store wrote it: rows, then the index's own copy.
	for _, sql := range []string{
		`INSERT INTO entries (id, written_at, written_offset, written_zone, created_at, updated_at, kind, title, body, flagged)
		 VALUES (1, 1767225600, 0, 'UTC', 0, 0, 'reflection', 'The lighthouse', 'Walked there with my sister.', 0),
		        (2, 1767312000, 0, 'UTC', 0, 0, 'dream', '', 'A harbour at dusk.', 0)`,
		`INSERT INTO people (id, name, name_key, role) VALUES (1, 'Sam', 'sam', 'friend')`,
		`INSERT INTO episodes (id, entry_id, position, person_id, wish, other_response) VALUES (1, 2, 0, 1, 'to be heard', 'she listened')`,
		`INSERT INTO search_index (rowid, title, body, episodes) VALUES (1, 'The lighthouse', 'Walked there with my sister.', ''),
		        (2, '', 'A harbour at dusk.', 'to be heard' || char(10) || 'she listened')`,
	} {
		if err := old.db.Exec(sql).Error; err != nil {
			t.Fatal(err)
		}
	}
	if !keepsOwnCopy(t, old) {
		t.Fatal("step 9's index should keep its own copy")
	}
	old.Close()

	var reports []UpgradeProgress
	s, err := Open(path, ReportUpgrade(func(p UpgradeProgress) { reports = append(reports, p) }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if keepsOwnCopy(t, s) {
		t.Fatal("the upgraded index still keeps its own copy of the text")
	}
	indexIntact(t, s)
	if res := mustSearch(t, s, SearchQuery{Text: "listened"}); res.Total != 1 || res.Hits[0].Snippet.Markdown() != "to be heard\nshe **listened**" {
		t.Fatalf("episodes after the upgrade: %+v", res)
	}
	if res := mustSearch(t, s, SearchQuery{Text: "sister"}); res.Total != 1 || res.Hits[0].Snippet.Markdown() != "Walked there with my **sister**." {
		t.Fatalf("bodies after the upgrade: %+v", res)
	}
	last := reports[len(reports)-1]
	if len(reports) < 3 || !last.Tidying || reports[len(reports)-2] != (UpgradeProgress{Done: 2, Total: 2}) {
		t.Errorf("reports %+v, want 0 of 2 up to 2 of 2, then tidying", reports)
	}
	// And the upgraded index follows today's edits.
	e, err := s.Entry(2)
	if err != nil {
		t.Fatal(err)
	}
	e.Episodes = nil
	if _, err := s.UpdateEntry(e); err != nil {
		t.Fatal(err)
	}
	indexIntact(t, s)
}

// A journal made before search, long enough to be indexed in several
// chunks, reports its upgrade as one task counted in entries, rising to
// its end; the words are those the window and the command line show.
func TestOpen_ReportsUpgradeProgress(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	old := openWith(t, path, migrations[:8])
	entries := indexChunk + 500
	if err := old.db.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO entries (id, written_at, written_offset, written_zone, created_at, updated_at, kind, title, body, flagged)
		SELECT i, 1767225600 + i * 60, 0, 'UTC', 0, 0, 'reflection', 'Entry ' || i, 'An ordinary day.', 0 FROM n`, entries).Error; err != nil {
		t.Fatal(err)
	}
	old.Close()

	var reports []UpgradeProgress
	s, err := Open(path, ReportUpgrade(func(p UpgradeProgress) { reports = append(reports, p) }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if len(reports) < 5 {
		t.Fatalf("%d reports, want one a chunk: %+v", len(reports), reports)
	}
	for i, p := range reports {
		// Two passes (step 9, then step 14), shown as one.
		if p.Total != 2*entries || p.Done > p.Total || (i > 0 && p.Done < reports[i-1].Done) {
			t.Fatalf("report %d is %+v after %+v", i, p, reports[max(i-1, 0)])
		}
	}
	if reports[0].Done != 0 || reports[len(reports)-2].Done != 2*entries || !reports[len(reports)-1].Tidying {
		t.Errorf("reports run from %+v to %+v", reports[0], reports[len(reports)-1])
	}
	if got, want := (UpgradeProgress{Done: 40000, Total: 100000}).String(), "Getting your journal ready for search: 40,000 of 100,000 entries"; got != want {
		t.Errorf("in words: %q, want %q", got, want)
	}
	indexIntact(t, s)

	// Opening it again, up to date, reports nothing.
	s.Close()
	reports = nil
	again, err := Open(path, ReportUpgrade(func(p UpgradeProgress) { reports = append(reports, p) }))
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
	if len(reports) != 0 {
		t.Errorf("an up-to-date journal reported %+v", reports)
	}
}

// The fixture other packages' tests upgrade is a journal made before
// search, which needs steps 9 and on.
func TestFixture_JournalBeforeSearch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	src, err := os.Open(filepath.Join("testdata", "journal-before-search.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	var reports []string
	s, err := Open(path, ReportUpgrade(func(p UpgradeProgress) { reports = append(reports, p.String()) }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if len(reports) == 0 || !strings.Contains(reports[0], "of 60 entries") {
		t.Errorf("reports %q, want them counted in the fixture's 30 entries, twice", reports)
	}
	if res := mustSearch(t, s, SearchQuery{Text: "lighthouse"}); res.Total != 1 {
		t.Errorf("lighthouse: %d found, want 1", res.Total)
	}
}
