package store

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// Step 19 brings a journal of step 14 up to date: the starter words it
// lacks are added unless the person has one of that name, descriptions
// left empty are filled, adaptive defenses are marked, and the former
// starter text is replaced only where the row still holds it. In an
// encrypted journal it happens at unlock, and everything written is sealed.
func TestMigrations_StarterRefreshUpgradesStep14(t *testing.T) {
	const passphrase = "a long enough passphrase"
	for _, encrypted := range []bool{false, true} {
		name := "plain"
		if encrypted {
			name = "encrypted"
		}
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			old := openWith(t, path, migrationsBefore(19))
			// The vocabulary as step 2 seeded it before step 19, with the
			// person's own changes, written with SQL of step 14's schema.
			k := journal.NameKey
			for _, sql := range [][]any{
				{"DELETE FROM patterns WHERE name_key IN (?, ?, ?, ?, ?, ?, ?)", k("idealisation and devaluation"), k("repression"), k("dissociation"),
					k("somatisation"), k("repeating the same relationship"), k("pursue and withdraw"), k("feelings about my therapist")},
				{"INSERT INTO patterns (id, name, name_key, category, description) VALUES (100, 'Dissociation', ?, 'own', 'my own words')", k("dissociation")},
				{"UPDATE patterns SET description = 'Not letting myself see something that is plainly there.' WHERE name_key = ?", k("denial")},
				{"UPDATE patterns SET name = 'passive aggression', name_key = ?, description = 'Showing anger indirectly: lateness, silence, ''forgetting''.' WHERE name_key = ?",
					k("passive aggression"), k("indirect anger")},
				{"UPDATE patterns SET description = 'When I act before I think.' WHERE name_key = ?", k("acting out")},
				{"DELETE FROM emotions WHERE name_key = ?", k("amazed")},
				{`INSERT INTO goals (id, parent_id, title, description, priority, status, created_at) VALUES
					(1, NULL, 'Put the past in the past', '', 0, 'active', 0),
					(2, NULL, 'Set healthy boundaries', 'Saying no to my mother', 1, 'active', 0),
					(3, NULL, 'Sleep before midnight', '', 2, 'active', 0)`},
			} {
				if err := old.db.Exec(sql[0].(string), sql[1:]...).Error; err != nil {
					t.Fatal(err)
				}
			}
			if encrypted {
				encryptAsStep14(t, old, passphrase)
			}
			old.Close()

			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if encrypted {
				if err := s.Unlock(passphrase); err != nil {
					t.Fatal(err)
				}
			}

			patterns, err := s.Patterns()
			if err != nil {
				t.Fatal(err)
			}
			byName := map[string]journal.Pattern{}
			for _, p := range patterns {
				if _, twice := byName[k(p.Name)]; twice {
					t.Errorf("two patterns called %q", p.Name)
				}
				byName[k(p.Name)] = p
			}
			for _, tt := range []struct {
				name, description string
				adaptive          bool
			}{
				{"denial", "Not letting myself take in something that would hurt to know.", false},
				{"indirect anger", "Letting anger out sideways, through lateness, silence or 'forgetting', when saying it feels unsafe.", false},
				{"acting out", "When I act before I think.", false}, // the person's words stay
				{"dissociation", "my own words", false},             // theirs, not added again
				{"repression", "Keeping a memory or feeling out of mind, so I don't know it's there.", false},
				{"pursue and withdraw", "One of us reaches for closeness and the other pulls back, and each move makes the other's stronger.", false},
				{"humour", "Joking to keep a painful feeling at a distance.", true},
				{"sublimation", "Turning a difficult feeling into something useful or creative.", true},
			} {
				if p, ok := byName[k(tt.name)]; !ok || p.Description != tt.description || p.Adaptive != tt.adaptive {
					t.Errorf("%q: %+v (found %v), want %q adaptive %v", tt.name, p, ok, tt.description, tt.adaptive)
				}
			}
			if _, ok := byName[k("passive aggression")]; ok {
				t.Error(`"passive aggression" is still there beside "indirect anger"`)
			}
			if len(patterns) != len(journal.StarterPatterns) {
				t.Errorf("%d patterns, want %d", len(patterns), len(journal.StarterPatterns))
			}

			emotions, err := s.Emotions()
			if err != nil {
				t.Fatal(err)
			}
			if len(emotions) != len(journal.StarterEmotions) {
				t.Errorf("%d emotions, want %d", len(emotions), len(journal.StarterEmotions))
			}
			for _, e := range emotions {
				if e.Description == "" {
					t.Errorf("emotion %q has no description", e.Name)
				}
			}

			goals, err := s.Goals()
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"Put the past in the past": journal.StarterGoals[3].Description,
				"Set healthy boundaries": "Saying no to my mother", "Sleep before midnight": ""}
			for _, g := range goals {
				if g.Description != want[g.Title] {
					t.Errorf("goal %q: description %q, want %q", g.Title, g.Description, want[g.Title])
				}
			}

			// Done once: nothing is left pending, and in an encrypted
			// journal no new text is on disk in the clear.
			var pending int
			s.db.Raw("SELECT count(*) FROM starter_refresh_pending").Scan(&pending)
			if pending != 0 {
				t.Errorf("%d refreshes still pending", pending)
			}
			var stored []string
			s.db.Raw("SELECT description FROM emotions UNION ALL SELECT name || description FROM patterns UNION ALL SELECT description FROM goals").Scan(&stored)
			for _, text := range stored {
				if encrypted && text != "" && !strings.HasPrefix(text, sealedPrefix) {
					t.Errorf("stored in the clear in an encrypted journal: %q", text)
				}
				if !encrypted && strings.HasPrefix(text, sealedPrefix) {
					t.Errorf("sealed in a plain journal: %q", text)
				}
			}
		})
	}
}

// An encrypted journal upgraded while locked holds the refresh until it
// is unlocked, and nothing of it is readable before.
func TestMigrations_StarterRefreshWaitsForUnlock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	old := openWith(t, path, migrationsBefore(19))
	encryptAsStep14(t, old, "a long enough passphrase")
	old.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var pending, described int
	s.db.Raw("SELECT count(*) FROM starter_refresh_pending").Scan(&pending)
	s.db.Raw("SELECT count(*) FROM emotions WHERE description != ''").Scan(&described)
	if pending != 1 || described != 0 {
		t.Errorf("locked: %d pending, %d emotions described; want 1 and 0", pending, described)
	}
}

// encryptAsStep14 encrypts a journal of step 14 as that release did,
// whose emotions had no description.
func encryptAsStep14(t *testing.T, s *Store, passphrase string) {
	t.Helper()
	saved := sealedColumns
	defer func() { sealedColumns = saved }()
	sealedColumns = nil
	for _, c := range saved {
		if c.table == "emotions" {
			c.columns = []string{"name"}
		}
		sealedColumns = append(sealedColumns, c)
	}
	if err := s.EnableEncryption(passphrase); err != nil {
		t.Fatal(err)
	}
}
