package store

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// mustOpen opens a fresh journal in a temporary folder.
func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(filepath.Join(tb.TempDir(), "journal.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

var berlin = mustLoad("Europe/Berlin")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func TestStore_RoundTrip(t *testing.T) {
	s := mustOpen(t)
	megabyte := strings.Repeat("I noticed I went quiet again. ", 1<<20/30)
	tests := []struct {
		name  string
		entry journal.Entry
	}{
		{"1 MB body", journal.Entry{Title: "long", Body: megabyte}},
		{"emoji with ZWJ sequences", journal.Entry{Title: "👩‍👩‍👧‍👦 family dinner 🧑🏽‍🤝‍🧑🏻", Body: "🏳️‍🌈 and 👨‍❤️‍💋‍👨"}},
		{"right-to-left text", journal.Entry{Title: "שלום", Body: "مرحبا بالعالم — mixed עברית text"}},
		{"NUL bytes", journal.Entry{Title: "a\x00b", Body: "before\x00after\x00"}},
		{"markdown", journal.Entry{Body: "# Heading\n\n- one\n- two\n\n`code #not-a-tag`"}},
		{"all fields", journal.Entry{Kind: journal.KindDream, Title: "t", Body: "b", Mood: 7, Flagged: true,
			Emotions: []string{"hopeful", "anxious"}, Patterns: []string{"people-pleasing", "avoidance"}}},
	}
	for m := journal.MinMood; m <= journal.MaxMood; m++ {
		tests = append(tests, struct {
			name  string
			entry journal.Entry
		}{"mood " + string(rune('0'+m%10)), journal.Entry{Title: "mood", Mood: m}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.entry.WrittenAt = time.Date(2026, 11, 25, 18, 30, 0, 0, berlin)
			saved, err := s.CreateEntry(tt.entry)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Entry(saved.ID)
			if err != nil {
				t.Fatal(err)
			}
			assertSameEntry(t, got, saved)
		})
	}
}

func assertSameEntry(t *testing.T, got, want journal.Entry) {
	t.Helper()
	if got.Title != want.Title || got.Body != want.Body || got.Mood != want.Mood || got.Flagged != want.Flagged || got.Kind != want.Kind {
		t.Errorf("entry changed on the way through the store:\n got %+.80v\nwant %+.80v", got, want)
	}
	if !got.WrittenAt.Equal(want.WrittenAt) || got.WrittenAt.Format(time.RFC3339) != want.WrittenAt.Format(time.RFC3339) {
		t.Errorf("written at: got %s, want %s", got.WrittenAt.Format(time.RFC3339), want.WrittenAt.Format(time.RFC3339))
	}
	if !reflect.DeepEqual(got.Emotions, want.Emotions) || !reflect.DeepEqual(got.Patterns, want.Patterns) {
		t.Errorf("links: got %v %v, want %v %v", got.Emotions, got.Patterns, want.Emotions, want.Patterns)
	}
}

func TestStore_UpdateClearsZeroValues(t *testing.T) {
	s := mustOpen(t)
	e, err := s.CreateEntry(journal.Entry{Title: "title", Body: "body", Mood: 4, Flagged: true,
		WrittenAt: time.Now(), Patterns: []string{"denial"}, Emotions: []string{"sad"}})
	if err != nil {
		t.Fatal(err)
	}
	e.Title, e.Mood, e.Flagged, e.Patterns, e.Emotions = "", 0, false, nil, nil
	if _, err := s.UpdateEntry(e); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entry(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "" || got.Mood != 0 || got.Flagged || len(got.Patterns)+len(got.Emotions) != 0 {
		t.Errorf("cleared fields came back: %+v", got)
	}
	if !got.CreatedAt.Equal(e.CreatedAt.Truncate(time.Millisecond)) {
		t.Errorf("update changed created time: %v, was %v", got.CreatedAt, e.CreatedAt)
	}
}

func TestStore_KeepsWrittenZone(t *testing.T) {
	s := mustOpen(t)
	tokyo := mustLoad("Asia/Tokyo")
	at := time.Date(2026, 3, 29, 1, 30, 0, 0, tokyo)
	e, err := s.CreateEntry(journal.Entry{Title: "far away", WrittenAt: at})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Entry(e.ID)
	if got.WrittenAt.Format("2006-01-02 15:04 -0700") != "2026-03-29 01:30 +0900" {
		t.Errorf("written at %s, want the Tokyo wall clock 2026-03-29 01:30 +0900", got.WrittenAt)
	}
}

func TestStore_InvalidInputChangesNothing(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.CreateEntry(journal.Entry{Title: "keep me", WrittenAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		entry journal.Entry
		want  string
	}{
		{"empty", journal.Entry{Title: "  ", Body: "\n\t", WrittenAt: time.Now()}, "empty"},
		{"mood too low", journal.Entry{Title: "x", Mood: -1, WrittenAt: time.Now()}, "out of range"},
		{"mood too high", journal.Entry{Title: "x", Mood: 11, WrittenAt: time.Now()}, "out of range"},
		{"no date", journal.Entry{Title: "x"}, "no date"},
		{"bad kind", journal.Entry{Title: "x", Kind: "poem", WrittenAt: time.Now()}, "not a kind"},
		{"blank pattern", journal.Entry{Title: "x", Patterns: []string{" "}, WrittenAt: time.Now()}, "blank"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.CreateEntry(tt.entry)
			if journal.ErrorCode(err) != journal.EInvalid || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an invalid-input error mentioning %q", err, tt.want)
			}
			if n, _ := s.CountEntries(); n != 1 {
				t.Errorf("journal has %d entries after a refused save, want 1", n)
			}
		})
	}
}

func TestStore_DeleteAndNotFound(t *testing.T) {
	s := mustOpen(t)
	e, err := s.CreateEntry(journal.Entry{Title: "to go", WrittenAt: time.Now(), Patterns: []string{"denial"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEntry(e.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Entry(e.ID); journal.ErrorCode(err) != journal.ENotFound {
		t.Errorf("read after delete: got %v, want not found", err)
	}
	if err := s.DeleteEntry(e.ID); journal.ErrorCode(err) != journal.ENotFound {
		t.Errorf("second delete: got %v, want not found", err)
	}
	var links int64
	s.db.Raw("SELECT COUNT(*) FROM entry_patterns").Scan(&links)
	if links != 0 {
		t.Errorf("%d pattern links outlived their entry", links)
	}
}

func TestStore_UnknownNamesAreCreatedOnce(t *testing.T) {
	s := mustOpen(t)
	before, _ := s.Patterns()
	for _, name := range []string{"Doom scrolling", "doom-scrolling", "  DOOM   scrolling "} {
		if _, err := s.CreateEntry(journal.Entry{Title: "x", WrittenAt: time.Now(), Patterns: []string{name, "People pleasing"}}); err != nil {
			t.Fatal(err)
		}
	}
	after, _ := s.Patterns()
	if len(after) != len(before)+1 {
		t.Fatalf("got %d patterns, want %d: one new one for all spellings", len(after), len(before)+1)
	}
	if p := after[len(after)-1]; p.Name != "Doom scrolling" || p.Category != journal.CategoryOwn {
		t.Errorf("new pattern = %+v", p)
	}
}

func TestStore_PagesNewestFirst(t *testing.T) {
	s := mustOpen(t)
	base := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	var batch []journal.Entry
	for i := range 25 {
		// Pairs share a time, so the id must break ties.
		batch = append(batch, journal.Entry{Title: "e", WrittenAt: base.Add(time.Duration(i/2) * time.Hour)})
	}
	if _, err := s.CreateEntries(batch); err != nil {
		t.Fatal(err)
	}
	var seen []int64
	var after *journal.Cursor
	for {
		page, err := s.Entries(journal.EntryQuery{After: after, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, e := range page {
			seen = append(seen, e.ID)
		}
		after = journal.CursorAfter(page[len(page)-1])
	}
	if len(seen) != 25 {
		t.Fatalf("paging saw %d entries, want 25", len(seen))
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] >= seen[i-1] {
			t.Fatalf("not newest first at %d: %v", i, seen)
		}
	}
}

func TestStore_FromBefore(t *testing.T) {
	s := mustOpen(t)
	for _, day := range []int{1, 2, 3, 4} {
		if _, err := s.CreateEntry(journal.Entry{Title: "d", WrittenAt: time.Date(2026, 5, day, 12, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Entries(journal.EntryQuery{From: time.Date(2026, 5, 2, 0, 0, 0, 0, time.UTC), Before: time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].WrittenAt.Day() != 3 || got[1].WrittenAt.Day() != 2 {
		t.Errorf("got %d entries, want the 3rd and the 2nd", len(got))
	}
}

func TestStore_Draft(t *testing.T) {
	s := mustOpen(t)
	if _, ok, err := s.Draft(); ok || err != nil {
		t.Fatalf("new journal has a draft: %v %v", ok, err)
	}
	want := journal.Draft{EntryID: 3, Title: "half", Body: "written\x00 👩‍👩‍👧", WrittenAt: "2026-11-2", Mood: 5, Patterns: []string{"denial"}}
	if err := s.SaveDraft(want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Draft()
	if !ok || err != nil {
		t.Fatalf("draft missing: %v", err)
	}
	got.SavedAt = time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("draft = %+v, want %+v", got, want)
	}
	if err := s.DiscardDraft(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Draft(); ok {
		t.Error("draft still there after discard")
	}
}

func TestOpen_PrivateFiles(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "new", "place")
	s, err := Open(filepath.Join(dir, "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateEntry(journal.Entry{Title: "private", WrittenAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{
		dir: 0o700, s.Path(): 0o600, s.Path() + "-wal": 0o600, s.Path() + "-shm": 0o600,
	} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", filepath.Base(path), got, want)
		}
	}
}

func TestOpen_RefusesWhatIsNotAJournal(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	// A SQLite database of another program.
	s, err := Open(filepath.Join(dir, "scratch.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA application_id = 42")
	s.Close()
	os.Rename(filepath.Join(dir, "scratch.db"), other)
	os.Remove(filepath.Join(dir, "scratch.db-wal"))
	os.Remove(filepath.Join(dir, "scratch.db-shm"))

	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("my shopping list, definitely not SQLite, but long enough to have a header........................................."), 0o600)
	short := filepath.Join(dir, "short.db")
	os.WriteFile(short, []byte("SQLite"), 0o600)
	underFile := filepath.Join(text, "journal.db")

	tests := []struct {
		name, path, code, want string
	}{
		{"text file", text, journal.ENotJournal, "not a Throughline database"},
		{"truncated", short, journal.ENotJournal, "not a Throughline database"},
		{"other SQLite database", other, journal.ENotJournal, "not a Throughline journal"},
		{"folder", dir, journal.ENotJournal, "is a folder"},
		{"parent is a file", underFile, journal.EUnwritable, "Couldn't create the folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			_, err := Open(tt.path)
			if journal.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v (%s), want %s mentioning %q", err, journal.ErrorCode(err), tt.code, tt.want)
			}
			after, _ := os.ReadFile(tt.path)
			if string(before) != string(after) {
				t.Error("the refused file was changed")
			}
			if _, err := os.Stat(tt.path + "-wal"); err == nil {
				t.Error("a -wal file was left beside the refused file")
			}
		})
	}
}

func TestOpen_RefusesNewerJournal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'from the future', 0)")
	s.Close()
	if _, err := Open(path); journal.ErrorCode(err) != journal.ETooNew {
		t.Fatalf("got %v, want a too-new error", err)
	}
}

// The CLI opens the journal while the window has it open: the header
// check must see our id even before a checkpoint.
func TestOpen_WhileOpenElsewhere(t *testing.T) {
	first := mustOpen(t)
	if _, err := first.CreateEntry(journal.Entry{Title: "from the window", WrittenAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	second, err := Open(first.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	if n, _ := second.CountEntries(); n != 1 {
		t.Errorf("second opener sees %d entries, want 1", n)
	}
}

func TestStore_Taggings(t *testing.T) {
	s := mustOpen(t)
	day := func(d int) time.Time { return time.Date(2026, 5, d, 12, 0, 0, 0, berlin) }
	if _, err := s.CreateEntries([]journal.Entry{
		{Title: "a", WrittenAt: day(3), Mood: 6, Patterns: []string{"avoidance", "denial"}, Emotions: []string{"sad"}},
		{Title: "b", WrittenAt: day(1), Patterns: []string{"denial"}},
		{Title: "c", WrittenAt: day(5), Body: "no names"},
	}); err != nil {
		t.Fatal(err)
	}
	all, err := s.Taggings(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || !all[0].WrittenAt.Equal(day(1)) || all[2].Patterns != nil {
		t.Fatalf("taggings not oldest first with their names: %+v", all)
	}
	if got := all[1]; got.Mood != 6 || !reflect.DeepEqual(got.Patterns, []string{"denial", "avoidance"}) || !reflect.DeepEqual(got.Emotions, []string{"sad"}) {
		t.Errorf("tagging of the 3rd = %+v", got)
	}
	window, err := s.Taggings(day(2), day(5))
	if err != nil {
		t.Fatal(err)
	}
	if len(window) != 1 || window[0].WrittenAt.Day() != 3 || len(window[0].Patterns) != 2 {
		t.Errorf("taggings in [2nd, 5th) = %+v", window)
	}
}

// A synced journal's entries from another computer have ids from that
// computer's range, past 2^40: reading them must not size anything by id.
func TestStore_TaggingsWithAnotherComputersIDs(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.CreateEntry(journal.Entry{Title: "here", WrittenAt: time.Now(), Patterns: []string{"denial"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Exec("INSERT INTO id_counters (name, next) VALUES ('entries', ?) ON CONFLICT (name) DO UPDATE SET next = excluded.next", int64(3)<<40).Error; err != nil {
		t.Fatal(err)
	}
	far, err := s.CreateEntry(journal.Entry{Title: "there", WrittenAt: time.Now(), Patterns: []string{"avoidance"}})
	if err != nil {
		t.Fatal(err)
	}
	if far.ID < int64(3)<<40 {
		t.Fatalf("the second entry's id is %d, not from the far range", far.ID)
	}
	all, err := s.Taggings(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[1].EntryID != far.ID || !reflect.DeepEqual(all[1].Patterns, []string{"avoidance"}) {
		t.Errorf("taggings = %+v", all)
	}
}

func TestOpen_PathWithSpacesAndAccents(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "My Journal – café #1 ?x=y")
	s, err := Open(filepath.Join(dir, "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateEntry(journal.Entry{Title: "here", WrittenAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "journal.db-wal")); err != nil {
		t.Errorf("the journal is not where asked (or not in WAL mode): %v", err)
	}
	files, _ := os.ReadDir(filepath.Dir(dir))
	if len(files) != 1 {
		t.Errorf("files were made outside the journal's folder: %v", files)
	}
}

// Deleting the newest entry doesn't free its id: something still holding
// that id (the window's editor) must never save over a newer entry.
func TestStore_IDsAreNeverReused(t *testing.T) {
	s := mustOpen(t)
	saved, err := s.CreateEntries([]journal.Entry{{Title: "one", WrittenAt: time.Now()}, {Title: "two", WrittenAt: time.Now()}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEntry(saved[1].ID); err != nil {
		t.Fatal(err)
	}
	next, err := s.CreateEntry(journal.Entry{Title: "three", WrittenAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if next.ID <= saved[1].ID {
		t.Errorf("the new entry got id %d, at or below the deleted %d", next.ID, saved[1].ID)
	}
	stale := saved[1]
	stale.Title = "saved from a stale editor"
	if _, err := s.UpdateEntry(stale); journal.ErrorCode(err) != journal.ENotFound {
		t.Errorf("saving the deleted entry: %v, want not found", err)
	}
}

// A report reads in full only the entries it prints: those flagged and
// those with an episode, each alone or both.
func TestStore_FlaggedAndWithEpisodes(t *testing.T) {
	s := mustOpen(t)
	day := func(d int) time.Time { return time.Date(2026, 5, d, 12, 0, 0, 0, time.UTC) }
	for _, e := range []journal.Entry{
		{Title: "plain", WrittenAt: day(1)},
		{Title: "flagged", WrittenAt: day(2), Flagged: true},
		{Title: "episode", WrittenAt: day(3), Episodes: []journal.Episode{{Person: "Sam", Wish: "to be heard"}}},
		{Title: "both", WrittenAt: day(4), Flagged: true, Episodes: []journal.Episode{{Person: "Jo"}, {Person: "Kim"}}},
		{Title: "both, too late", WrittenAt: day(9), Flagged: true, Episodes: []journal.Episode{{Person: "Jo"}}},
	} {
		if _, err := s.CreateEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		q    journal.EntryQuery
		want []string
	}{
		{"flagged", journal.EntryQuery{Before: day(8), Flagged: true}, []string{"both", "flagged"}},
		{"with episodes", journal.EntryQuery{Before: day(8), WithEpisodes: true}, []string{"both", "episode"}},
		{"both", journal.EntryQuery{Before: day(8), Flagged: true, WithEpisodes: true}, []string{"both"}},
		{"neither narrows", journal.EntryQuery{Before: day(8)}, []string{"both", "episode", "flagged", "plain"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Entries(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, e := range got {
				titles = append(titles, e.Title)
			}
			if !slices.Equal(titles, tc.want) {
				t.Errorf("got %q, want %q", titles, tc.want)
			}
		})
	}
}
