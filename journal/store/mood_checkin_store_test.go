package store

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

func TestMoodCheckIns_RoundTrip(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(map[bool]string{false: "plain", true: "encrypted"}[encrypted], func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if encrypted {
				if err := s.EnableEncryption(testPassphrase); err != nil {
					t.Fatal(err)
				}
			}
			tokyo := time.FixedZone("JST", 9*3600)
			at := time.Date(2026, 11, 25, 8, 30, 0, 0, tokyo)
			saved, err := s.AddMoodCheckIn(journal.MoodCheckIn{At: at, Mood: 4, Emotions: []string{" Sad ", "anxious", "sad"}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddMoodCheckIn(journal.MoodCheckIn{At: at.Add(time.Hour), Mood: 8}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if encrypted {
				s = mustUnlocked(t, path)
			} else if s, err = Open(path); err != nil {
				t.Fatal(err)
			} else {
				defer s.Close()
			}
			got, err := s.MoodCheckIns(time.Time{}, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].ID != saved.ID || got[0].Mood != 4 || !got[0].At.Equal(at) ||
				slices.Compare(got[0].Emotions, []string{"sad", "anxious"}) != 0 && slices.Compare(got[0].Emotions, []string{"anxious", "sad"}) != 0 ||
				got[1].Mood != 8 || len(got[1].Emotions) != 0 {
				t.Fatalf("read back %+v", got)
			}
			if _, off := got[0].At.Zone(); off != 9*3600 {
				t.Errorf("the check-in's clock is lost: %v", got[0].At)
			}
			// Bounds select by time; no entry was made.
			if some, _ := s.MoodCheckIns(at.Add(time.Minute), time.Time{}); len(some) != 1 || some[0].Mood != 8 {
				t.Errorf("from a minute after: %+v", some)
			}
			if n, _ := s.CountEntries(); n != 0 {
				t.Errorf("a check-in made %d entries", n)
			}
			if err := s.DeleteMoodCheckIn(saved.ID); err != nil {
				t.Fatal(err)
			}
			if left, _ := s.MoodCheckIns(time.Time{}, time.Time{}); len(left) != 1 {
				t.Errorf("after delete: %+v", left)
			}
			if err := s.DeleteMoodCheckIn(saved.ID); journal.ErrorCode(err) != journal.ENotFound {
				t.Errorf("deleting twice: %v", err)
			}
		})
	}
}

func TestMoodCheckIns_BadInputSavesNothing(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Now()
	for _, tc := range []struct {
		name string
		c    journal.MoodCheckIn
		want string
	}{
		{"mood too high", journal.MoodCheckIn{At: now, Mood: 11}, "from 1"},
		{"no mood", journal.MoodCheckIn{At: now}, "from 1"},
		{"no time", journal.MoodCheckIn{Mood: 5}, "needs a time"},
		{"unknown feeling", journal.MoodCheckIn{At: now, Mood: 5, Emotions: []string{"sad", "glorpy"}}, `"glorpy" is not one of your feelings`},
		{"too many feelings", journal.MoodCheckIn{At: now, Mood: 5, Emotions: []string{"a", "b", "c", "d", "e", "f"}}, "at most 5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.AddMoodCheckIn(tc.c)
			if err == nil || !strings.Contains(err.Error(), tc.want) || journal.ErrorCode(err) != journal.EInvalid {
				t.Errorf("got %v, want an invalid-input error saying %q", err, tc.want)
			}
			if got, _ := s.MoodCheckIns(time.Time{}, time.Time{}); len(got) != 0 {
				t.Errorf("saved after bad input: %+v", got)
			}
		})
	}
}

// A journal made before check-ins existed takes them after upgrading.
func TestMigrations_MoodCheckInsFromPreviousSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	old := openWith(t, path, migrationsBefore(20))
	var tables int
	old.db.Raw("SELECT count(*) FROM sqlite_master WHERE name = 'mood_checkins'").Scan(&tables)
	old.Close()
	if tables != 0 {
		t.Fatal("the previous schema already had mood_checkins")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddMoodCheckIn(journal.MoodCheckIn{At: time.Now(), Mood: 6, Emotions: []string{"calm"}}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.MoodCheckIns(time.Time{}, time.Time{}); err != nil || len(got) != 1 || got[0].Emotions[0] != "calm" {
		t.Fatalf("%+v, %v", got, err)
	}
}

// migrationsBefore is the schema's history up to the step with id, as
// the release before that step made journals.
func migrationsBefore(id int) []migration {
	return migrations[:slices.IndexFunc(migrations, func(m migration) bool { return m.id == id })]
}

// A backup is the whole journal: its check-ins come back from it.
func TestMoodCheckIns_InBackups(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.AddMoodCheckIn(journal.MoodCheckIn{At: time.Now(), Mood: 4, Emotions: []string{"sad"}}); err != nil {
		t.Fatal(err)
	}
	made, err := s.Backup(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	copied, err := Open(made)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	if got, err := copied.MoodCheckIns(time.Time{}, time.Time{}); err != nil || len(got) != 1 || got[0].Emotions[0] != "sad" {
		t.Errorf("from the backup: %+v, %v", got, err)
	}
}
