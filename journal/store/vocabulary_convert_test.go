package store

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// A pattern turned into a feeling and back keeps every entry and episode
// that named it, plain or encrypted; after reopening, the word reads
// back (so it was sealed for its new row) and the canary is nowhere in
// the file.
func TestStore_ConvertPatternEmotionRoundTrip(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		name := "plain"
		if encrypted {
			name = "encrypted"
		}
		t.Run(name, func(t *testing.T) {
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
			word := canary + " dread"
			at := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
			saved, err := s.CreateEntries([]journal.Entry{
				{Title: "one", WrittenAt: at, Patterns: []string{word, "avoidance"}},
				{Title: "two", WrittenAt: at.Add(time.Hour), Patterns: []string{word}, Emotions: []string{"sad"}},
				{Title: "three", WrittenAt: at.Add(2 * time.Hour), Episodes: []journal.Episode{{Person: "Sam", Patterns: []string{word}}}},
			})
			if err != nil {
				t.Fatal(err)
			}
			p, err := s.PatternNamed(word)
			if err != nil {
				t.Fatal(err)
			}
			c, err := s.PatternToEmotion(p.ID, "fear")
			if err != nil {
				t.Fatal(err)
			}
			if c.Merged || c.Entries != 2 || c.Episodes != 1 || !c.ToEmotion {
				t.Errorf("conversion %+v: want 2 entries, 1 episode, not merged", c)
			}
			if _, err := s.PatternNamed(word); journal.ErrorCode(err) != journal.ENotFound {
				t.Errorf("the pattern is still there: %v", err)
			}
			assertNames := func(when string, emotions, patterns [][]string, episode []string, episodeEmotions []string) {
				t.Helper()
				for i, e := range saved {
					got, err := s.Entry(e.ID)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got.Emotions, emotions[i]) || !reflect.DeepEqual(got.Patterns, patterns[i]) {
						t.Errorf("%s, entry %q has emotions %q, patterns %q; want %q, %q", when, got.Title, got.Emotions, got.Patterns, emotions[i], patterns[i])
					}
					if i == 2 && (!reflect.DeepEqual(got.Episodes[0].Patterns, episode) || !reflect.DeepEqual(got.Episodes[0].Emotions, episodeEmotions)) {
						t.Errorf("%s, the episode names patterns %q, emotions %q; want %q, %q", when, got.Episodes[0].Patterns, got.Episodes[0].Emotions, episode, episodeEmotions)
					}
				}
			}
			assertNames("as a feeling", [][]string{{word}, {"sad", word}, nil}, [][]string{{"avoidance"}, nil, nil}, nil, []string{word})
			emotion, err := s.EmotionNamed(strings.ToUpper(word))
			if err != nil || emotion.Family != "fear" || emotion.Name != word {
				t.Errorf("the new feeling: %+v, %v", emotion, err)
			}

			back, err := s.EmotionToPattern(emotion.ID)
			if err != nil {
				t.Fatal(err)
			}
			if back.Merged || back.Entries != 2 || back.Episodes != 1 || back.ToEmotion {
				t.Errorf("conversion back %+v", back)
			}
			assertNames("back as a pattern", [][]string{nil, {"sad"}, nil}, [][]string{{"avoidance", word}, {word}, nil}, []string{word}, nil)
			if _, err := s.EmotionNamed(word); journal.ErrorCode(err) != journal.ENotFound {
				t.Errorf("the feeling is still there: %v", err)
			}
			s.Close()
			if encrypted {
				assertNoCanary(t, path)
				s = mustUnlocked(t, path)
			} else {
				if s, err = Open(path); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
			}
			if p, err := s.PatternNamed(word); err != nil || p.Name != word || p.Category != journal.CategoryOwn {
				t.Errorf("after reopening, the pattern: %+v, %v", p, err)
			}
			if problems, err := s.IntegrityCheck(); err != nil || !reflect.DeepEqual(problems, []string{"ok"}) {
				t.Errorf("integrity: %v, %v", problems, err)
			}
		})
	}
}

// A word the other vocabulary has already: the links join it, an entry
// that named both keeps one, and nothing is left behind.
func TestStore_ConvertMergesWithTheSameWord(t *testing.T) {
	s := mustOpen(t)
	at := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	saved, err := s.CreateEntries([]journal.Entry{
		{Title: "both", WrittenAt: at, Patterns: []string{"Anxious"}, Emotions: []string{"anxious"}},
		{Title: "pattern only", WrittenAt: at.Add(time.Hour), Patterns: []string{"Anxious"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.PatternNamed("anxious")
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.PatternToEmotion(p.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if !c.Merged || c.Into != "anxious" || c.Entries != 2 {
		t.Errorf("conversion %+v: want merged into anxious, 2 entries", c)
	}
	if msg := c.Message(); !strings.Contains(msg, "was already a feeling (“anxious”)") {
		t.Errorf("message %q", msg)
	}
	for _, e := range saved {
		got, _ := s.Entry(e.ID)
		if !reflect.DeepEqual(got.Emotions, []string{"anxious"}) || len(got.Patterns) != 0 {
			t.Errorf("entry %q: emotions %q, patterns %q", got.Title, got.Emotions, got.Patterns)
		}
	}
	for _, tc := range []struct {
		name string
		do   func() error
		want string
	}{
		{"no such pattern", func() error { _, err := s.PatternToEmotion(999, ""); return err }, "no pattern 999"},
		{"no such feeling", func() error { _, err := s.EmotionToPattern(999); return err }, "no feeling 999"},
		{"no such family", func() error { _, err := s.PatternToEmotion(1, "vibes"); return err }, "not a family"},
	} {
		if err := tc.do(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}
