package transfer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/journal/journaltest"
	jstore "github.com/throughline/throughline/journal/store"
)

// exportTime is exported_at in every test export.
var exportTime = time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)

func init() { throughlineNow = func() time.Time { return exportTime } }

func newThroughlineJournal(tb testing.TB) *jstore.Store {
	tb.Helper()
	s, err := jstore.Open(filepath.Join(tb.TempDir(), "journal.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// fillForExport writes something into every table the export carries.
func fillForExport(t *testing.T, s *jstore.Store) {
	t.Helper()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	must(s.AddPerson(journal.Person{Name: "Mum", Role: "parent"}))
	must(s.AddPerson(journal.Person{Name: "Dr K", Role: "therapist"}))
	own, err := s.AddPattern(journal.Pattern{Name: "over-explaining", Description: "Justifying myself at length.", Colour: "#3a7bd5"})
	must(own, err)
	must(nil, s.ArchivePattern(own.ID, true))
	seeded, err := s.PatternNamed("perfectionism")
	must(seeded, err)
	seeded.Colour = "#aa0000"
	must(s.UpdatePattern(seeded))
	goals, err := s.AddGoals([]journal.Goal{{Title: "Improve relationships"}, {Title: "Express what I need", ParentID: -1},
		{Title: "Identify my patterns", Description: "Name them as they happen."}})
	must(goals, err)
	goals[2].Status = journal.GoalCompleted
	must(s.UpdateGoal(goals[2]))
	must(s.AddCheckIn(journal.CheckIn{GoalID: goals[1].ID, At: time.Date(2026, 11, 1, 9, 0, 0, 0, berlin), Rating: 0, Note: "Not yet."}))
	must(s.AddCheckIn(journal.CheckIn{GoalID: goals[1].ID, At: time.Date(2026, 11, 20, 9, 0, 0, 0, berlin), Rating: 6}))
	must(s.CreateEntries([]journal.Entry{
		{WrittenAt: time.Date(2026, 11, 25, 18, 30, 0, 0, berlin), Title: "Quiet in the meeting", Body: "I went quiet.\n\n<again> & \"again\"",
			Mood: 4, Flagged: true, Emotions: []string{"anxious", "wistful"}, Patterns: []string{"humour", "over-explaining"},
			GoalIDs: []int64{goals[0].ID, goals[1].ID},
			Episodes: []journal.Episode{{Person: "Mum", Wish: "to be heard", OtherResponse: "changed the subject", SelfResponse: "went quiet",
				Reminds: "dinners as a child", EarlierPerson: "Dad", Patterns: []string{"avoiding conflict"}, Emotions: []string{"hurt"},
				CCRT: journal.CCRT{Wishes: []string{"to be understood"}, Other: journal.Response{Categories: []string{"dismissive"}, Expected: true, Valence: "negative"},
					Self: journal.Response{Categories: []string{"withdrawn"}, Valence: "positive"}}}}},
		{WrittenAt: time.Date(2026, 11, 26, 7, 0, 0, 0, time.UTC), Kind: journal.KindDream, Body: "A house with too many doors."},
		{WrittenAt: time.Date(2026, 11, 27, 7, 0, 0, 0, time.UTC), Body: "deleted"},
		{WrittenAt: time.Date(1850, 3, 1, 10, 0, 0, 0, berlin), Kind: journal.KindFreeAssociation, Title: "Before standard time"},
	}))
	must(s.AddAttachments(1, []journal.AttachmentFile{{Name: "drawing.png", Data: testPNG(t, 40, 30)}, {Name: "worksheet.pdf", Data: []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3 worksheet\n")}}))
	must(s.AddAttachment(2, "the same drawing.png", testPNG(t, 40, 30)))
	must(s.AddAttachment(3, "gone with its entry.png", testPNG(t, 3, 3)))
	must(nil, s.DeleteEntry(3))
	must(s.CreateEntry(journal.Entry{WrittenAt: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC), Title: "From jrnl", Source: "jrnl", SourceID: "abc-1"}))
	humour, err := s.PatternNamed("humour")
	must(humour, err)
	avoidance, err := s.PatternNamed("avoidance")
	must(avoidance, err)
	must(nil, s.MergePatterns(humour.ID, avoidance.ID))
	must(s.SaveSession(journal.Session{At: time.Date(2026, 11, 24, 17, 0, 0, 0, berlin), Approach: "dynamic interpersonal therapy",
		Takeaways: "Notice the quiet.", Questions: []journal.Question{{Text: "Why the quiet?", Done: true}, {Text: "Dad?"}}, NewCourse: true}))
	must(s.SaveMeasurement(journal.PHQ9, []int{0, 1, 2, 3, 0, 1, 2, 3, 1}, journal.NoDifficulty, time.Date(2026, 11, 20, 8, 0, 0, 0, berlin)))
	must(s.SaveMeasurement(journal.GAD7, []int{3, 3, 2, 1, 0, 0, 1}, journal.NoDifficulty, time.Date(2026, 11, 20, 8, 5, 0, 0, berlin)))
	must(nil, s.SetSetting(journal.SettingCrisisLine, "Call 0800 111 111"))
}

func exportOf(t testing.TB, s *jstore.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteThroughline(s, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestThroughline_ExportImportExportIsIdentical(t *testing.T) {
	src := newThroughlineJournal(t)
	fillForExport(t, src)
	first := exportOf(t, src)

	dst := newThroughlineJournal(t)
	sum, err := ImportThroughline(dst, bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Format != FormatThroughline || sum.Added != 4 || len(sum.Rejected) != 0 {
		t.Errorf("summary = %+v, want 4 entries added from %s", sum, FormatThroughline)
	}
	if len(sum.Notes) != 1 || !strings.Contains(sum.Notes[0], "3 goals, 2 check-ins, 1 session, 2 questionnaires and 1 setting") {
		t.Errorf("notes = %q", sum.Notes)
	}
	second := exportOf(t, dst)
	if !bytes.Equal(first, second) {
		t.Fatalf("export → import → export changed the file:\nfirst:\n%s\nsecond:\n%s", first, second)
	}
	if again := exportOf(t, src); !bytes.Equal(first, again) {
		t.Error("two exports of the same journal differ")
	}
}

func TestThroughline_FileShape(t *testing.T) {
	s := newThroughlineJournal(t)
	fillForExport(t, s)
	data := exportOf(t, s)
	const head = "{\n  \"throughline\": {\n    \"format\": 1,\n    \"exported_at\": \"2026-11-25T18:00:00Z\"\n  },\n  \"journal\": {\n    \"emotions\": [\n"
	if !bytes.HasPrefix(data, []byte(head)) {
		t.Errorf("the export starts\n%.200s\nwant\n%s", data, head)
	}
	var file map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"emotions", "patterns", "people", "goals", "checkins", "sessions", "measures", "settings", "entries"} {
		if len(file["journal"][part]) < 3 {
			t.Errorf("journal.%s is %s, want a list with something in it", part, file["journal"][part])
		}
	}
	for _, want := range []string{`"written_at": "2026-11-25T18:30:00+01:00"`, `"written_zone": "Europe/Berlin"`, `"source_id": "abc-1"`,
		`"goal_ids": [`, `"earlier_person": "Dad"`, `"archived": true`, `"colour": "#aa0000"`, `"parent_id": 1`, `"done_at": "`,
		`"rating": 0`, `"instrument": "gad7"`, `"done": true`, `"new_course": true`, `"key": "crisis_line"`, `<again> & \"again\"`, `"1850-03-01T10:00:00+00:53:28"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the export lacks %s", want)
		}
	}
}

// snapshotSource streams a snapshot as the store does.
type snapshotSource journal.Snapshot

func (s snapshotSource) StreamSnapshot(head func(*journal.Snapshot, int) error, each func(*journal.SnapshotEntry) error) error {
	snap := journal.Snapshot(s)
	entries := snap.Entries
	snap.Entries = nil
	if err := head(&snap, len(entries)); err != nil {
		return err
	}
	for i := range entries {
		if err := each(&entries[i]); err != nil {
			return err
		}
	}
	return nil
}

// The export is streamed item by item, entries as they are read; it
// must be what one Encode of the whole file gives.
func TestThroughline_StreamsAsOneEncodeWould(t *testing.T) {
	s := newThroughlineJournal(t)
	fillForExport(t, s)
	full, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	full.Settings = nil // a nil list too
	empty, err := newThroughlineJournal(t).Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 6, 4, 0, 0, 0, time.UTC)
	defer func(was func() time.Time) { throughlineNow = was }(throughlineNow)
	throughlineNow = func() time.Time { return now }
	for name, snap := range map[string]journal.Snapshot{"full": full, "empty": empty} {
		t.Run(name, func(t *testing.T) {
			file := throughlineFile{Throughline: &throughlineHeader{Format: 1, ExportedAt: now.Format(time.RFC3339)}, Journal: &snap}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(file); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteThroughline(snapshotSource(snap), &got); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("streamed:\n%s\none Encode:\n%s", got.String(), want.String())
			}
		})
	}
}

func TestImportThroughline_RefusesAJournalWithEntries(t *testing.T) {
	src := newThroughlineJournal(t)
	fillForExport(t, src)
	data := exportOf(t, src)
	dst := newThroughlineJournal(t)
	if _, err := dst.CreateEntry(journal.Entry{WrittenAt: time.Now(), Title: "mine"}); err != nil {
		t.Fatal(err)
	}
	before := exportOf(t, dst)
	_, err := ImportThroughline(dst, bytes.NewReader(data))
	const want = "This journal already has entries. Import a Throughline export into a new, empty journal: throughline --db NEW.db import FILE"
	if journal.ErrorCode(err) != journal.EInvalid || err.Error() != want {
		t.Errorf("import into a journal with entries = %v, want %q", err, want)
	}
	if after := exportOf(t, dst); !bytes.Equal(before, after) {
		t.Error("a refused import changed the journal")
	}
}

// spoiled returns data with the first old after the start of entry n
// (from 1) replaced by new.
func spoiled(t *testing.T, data []byte, n int, old, new string) []byte {
	t.Helper()
	at := entryStart(t, data, n)
	i := bytes.Index(data[at:], []byte(old))
	if i < 0 {
		t.Fatalf("%q is not in entry %d", old, n)
	}
	return append(append(append([]byte{}, data[:at+i]...), new...), data[at+i+len(old):]...)
}

// entryStart is the byte offset of entry n (from 1) of an export.
func entryStart(t *testing.T, data []byte, n int) int {
	t.Helper()
	at := bytes.Index(data, []byte(`"entries": [`))
	for range n {
		i := bytes.Index(data[at+1:], []byte("\n      {\n"))
		if i < 0 {
			t.Fatalf("the export has no entry %d", n)
		}
		at += 1 + i
	}
	return at
}

func TestImportThroughline_BrokenFilesChangeNothing(t *testing.T) {
	src := newThroughlineJournal(t)
	fillForExport(t, src)
	good := exportOf(t, src)

	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"cut in the middle of entry 2", good[:entryStart(t, good, 2)+40], []string{"ends early in the middle of entry 2", "cut short"}},
		{"cut after a whole entry", good[:entryStart(t, good, 3)], []string{"ends early in the middle of entry 3"}},
		{"cut in the header", good[:30], []string{"ends early: the file stops at line 3, after 30 bytes"}},
		{"empty", nil, []string{"The export is empty"}},
		{"not JSON", []byte("[2026-11-25 18:30] A jrnl entry"), []string{"not a Throughline export"}},
		{"damaged at the start", []byte("{\n  \"throughline\" {\"format\": 1}}"), []string{"stops being valid JSON", "line 2, column 17 (byte 19)"}},
		{"a stray character", spoiled(t, good, 3, `"kind":`, `"kind" =`), []string{"stops being valid JSON", "in entry 3", "invalid character '='"}},
		{"a mood in words", spoiled(t, good, 2, `"kind": "dream"`, `"kind": "dream", "mood": "low"`), []string{"text where a whole number belongs", "journal.entries.mood", "in entry 2"}},
		{"a field this build doesn't know", spoiled(t, good, 4, `"kind"`, `"tags": ["x"], "kind"`), []string{"doesn't know, “tags”", "in entry 4"}},
		{"a newer format", bytes.Replace(good, []byte(`"format": 1`), []byte(`"format": 2`), 1), []string{"newer version of Throughline (export format 2", "Update Throughline"}},
		{"a newer format with new fields", []byte(`{"throughline": {"format": 7}, "journal": {"sparkles": []}}`), []string{"export format 7"}},
		{"no header", []byte(`{"tags": {}, "entries": []}`), []string{"not a Throughline export"}},
		{"no journal", []byte(`{"throughline": {"format": 1}}`), []string{`no "journal"`}},
		{"a part left out", []byte(`{"throughline": {"format": 1}, "journal": {"emotions": [], "patterns": [], "people": [], "goals": [],` +
			` "checkins": [], "sessions": [], "measures": [], "entries": []}}`), []string{`no "settings" list`}},
		{"a mood out of range", spoiled(t, good, 1, `"mood": 4`, `"mood": 11`), []string{"entry 1 of 4 (id 1): its mood 11 is out of range"}},
		{"trailing data", append(append([]byte{}, good...), "{}"...), []string{"stops being valid JSON", "after top-level value"}},
	}
	dst := newThroughlineJournal(t)
	before := exportOf(t, dst)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ImportThroughline(dst, bytes.NewReader(tt.data))
			if journal.ErrorCode(err) != journal.EInvalid {
				t.Fatalf("import = %v (%s), want an invalid error", err, journal.ErrorCode(err))
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q doesn't say %q", err, want)
				}
			}
			if !strings.Contains(err.Error(), "Nothing was") {
				t.Errorf("error %q doesn't say that nothing changed", err)
			}
			if after := exportOf(t, dst); !bytes.Equal(before, after) {
				t.Error("a refused import changed the journal")
			}
		})
	}
}

func TestImportThroughline_ByteOrderMark(t *testing.T) {
	src := newThroughlineJournal(t)
	fillForExport(t, src)
	data := append([]byte("\xef\xbb\xbf"), exportOf(t, src)...)
	if _, err := ImportThroughline(newThroughlineJournal(t), bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
}

// FuzzImportThroughline feeds damaged exports to the importer: it must
// never panic, and a refused file must leave the journal as it was.
// Seeds are in testdata/fuzz/FuzzImportThroughline.
func FuzzImportThroughline(f *testing.F) {
	f.Add([]byte(`{"throughline":{"format":1,"exported_at":"2026-11-25T18:00:00Z"},"journal":{"emotions":[{"id":1,"name":"calm","family":"calm"}],` +
		`"patterns":[{"id":1,"name":"rumination","category":"emotional"}],"people":[],"goals":[],"checkins":[],"sessions":[],"measures":[],"settings":[],` +
		`"entries":[{"id":1,"written_at":"2026-11-25T18:30:00+01:00","written_zone":"Europe/Berlin","created_at":"2026-11-25T17:30:00.000Z",` +
		`"updated_at":"2026-11-25T17:30:00.000Z","kind":"reflection","title":"t","mood":3,"emotions":["calm"],"patterns":["rumination"]}]}}`))
	dir := f.TempDir()
	var store *jstore.Store
	var empty journal.Snapshot
	f.Cleanup(func() {
		if store != nil {
			store.Close()
		}
	})
	opened := 0
	f.Fuzz(func(t *testing.T, data []byte) {
		if store == nil {
			opened++
			s, err := jstore.Open(filepath.Join(dir, fmt.Sprintf("journal-%d.db", opened)))
			if err != nil {
				t.Fatal(err)
			}
			store = s
			if empty, err = store.Snapshot(); err != nil {
				t.Fatal(err)
			}
		}
		_, err := ImportThroughline(store, bytes.NewReader(data))
		if err == nil {
			store.Close() // no longer empty: the next input gets a new journal
			store = nil
			return
		}
		if journal.ErrorCode(err) == journal.EInternal {
			t.Errorf("import failed as a bug would: %v", err)
		}
		after, serr := store.Snapshot()
		if serr != nil {
			t.Fatal(serr)
		}
		if !reflect.DeepEqual(after, empty) {
			t.Fatalf("a refused import (%v) changed the journal", err)
		}
	})
}

// bytesCounted counts what is written to it, and keeps none of it.
type bytesCounted int64

func (c *bytesCounted) Write(p []byte) (int, error) {
	*c += bytesCounted(len(p))
	return len(p), nil
}

// Target: a full JSON export of 100,000 entries in under 1.5 s, the
// whole process, the file synced (issue 15). MB/s is the export's size.
func BenchmarkExportJSON_100k(b *testing.B) {
	s, err := jstore.Open(journaltest.Large(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	b.ReportAllocs()
	var size bytesCounted
	for b.Loop() {
		size = 0
		if err := WriteThroughline(s, &size); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(size))
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(time.Second), "s/op")
}

// An import of the same 100,000 entries into a new journal, for the
// record: every entry is checked, sealed and written in one transaction.
func BenchmarkImportJSON_100k(b *testing.B) {
	s, err := jstore.Open(journaltest.Large(b))
	if err != nil {
		b.Fatal(err)
	}
	var export bytes.Buffer
	err = WriteThroughline(s, &export)
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		dst := newThroughlineJournal(b)
		b.StartTimer()
		sum, err := ImportThroughline(dst, bytes.NewReader(export.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		if sum.Added != journaltest.LargeEntries {
			b.Fatalf("added %d entries, want %d", sum.Added, journaltest.LargeEntries)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(time.Second), "s/op")
}
