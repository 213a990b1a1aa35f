package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// newJournalWindow opens the window on a journal never opened before.
func newJournalWindow(t *testing.T) (*Window, *jstore.Store) {
	t.Helper()
	store, err := jstore.Open(filepath.Join(t.TempDir(), "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	w := newWindow(test.NewTempApp(t), store, testEnv())
	w.win.Show()
	return w, store
}

func TestOnboarding_SkipGoesStraightToWriting(t *testing.T) {
	w, store := newJournalWindow(t)
	if w.onboarding == nil || w.win.Canvas().Focused() != w.onboarding.skip {
		t.Fatal("a new journal doesn't open on the welcome with Skip focused")
	}
	test.Tap(w.onboarding.skip)
	if w.journal == nil || w.win.Canvas().Focused() != w.journal.editor.title {
		t.Fatal("skipping didn't go straight to a new entry")
	}
	if goals, _ := store.Goals(); len(goals) != 0 {
		t.Errorf("skipping added %d goals", len(goals))
	}
	if seen, _ := store.Setting(journal.SettingOnboarded); seen != "1" {
		t.Error("the welcome would show again")
	}
	// The next start doesn't show it again.
	again := New(test.NewTempApp(t), store)
	if again.onboarding != nil || again.journal == nil {
		t.Error("the welcome showed a second time")
	}
}

func TestOnboarding_Complete(t *testing.T) {
	w, store := newJournalWindow(t)
	o := w.onboarding
	test.Tap(buttonOnScreen(t, w, "Set up"))
	// None of the starter goals is ticked for the person: they choose.
	for _, c := range o.goals.choices {
		if c.check.Checked {
			t.Errorf("%q is ticked at first run", c.title)
		}
	}
	test.Tap(o.goals.choices[0].check)
	test.Tap(o.goals.start)
	o.approach.SetSelected("dynamic interpersonal therapy")
	test.Type(o.next, "someday")
	test.Tap(buttonOnScreen(t, w, "Next"))
	if !strings.Contains(o.problem.Text, "not a date") {
		t.Fatalf("a bad date: %q", o.problem.Text)
	}
	o.next.SetText("")
	test.Type(o.next, "2026-12-02 17:00")
	test.Tap(buttonOnScreen(t, w, "Next"))
	choosePlace(t, o.crisis, "uk-ie")
	test.Tap(buttonOnScreen(t, w, "Next"))
	test.Type(o.pass, "a long enough passphrase")
	test.Type(o.again, "a different passphrase!")
	test.Tap(buttonOnScreen(t, w, "Encrypt and start"))
	if store.Encrypted() || !strings.Contains(o.problem.Text, "weren't the same") {
		t.Fatalf("mismatched passphrases: encrypted %v, says %q", store.Encrypted(), o.problem.Text)
	}
	o.again.SetText("")
	test.Type(o.again, "a long enough passphrase")
	test.Tap(buttonOnScreen(t, w, "Encrypt and start"))

	if !store.Encrypted() || store.Locked() {
		t.Errorf("encrypted %v, locked %v", store.Encrypted(), store.Locked())
	}
	goals, err := store.Goals()
	if err != nil || len(goals) == 0 || goals[0].Title != journal.StarterGoals[0].Title {
		t.Errorf("goals kept: %+v, %v", goals, err)
	}
	next, _ := store.Setting(journal.SettingNextSession)
	if at, err := time.Parse(time.RFC3339, next); err != nil || at.Format("2006-01-02 15:04") != "2026-12-02 17:00" {
		t.Errorf("next session %q", next)
	}
	if approach, _ := store.Setting(journal.SettingApproach); approach != "dynamic interpersonal therapy" {
		t.Errorf("approach %q", approach)
	}
	if region, _ := store.Setting(journal.SettingCrisisRegion); region != "uk-ie" {
		t.Errorf("where the person lives: %q", region)
	}
	if w.journal == nil || w.win.Canvas().Focused() != w.journal.editor.title {
		t.Error("finishing didn't go straight to writing")
	}
	// New sessions start with the approach chosen.
	w.sessions.onAdd()
	if w.sessions.form == nil || w.sessions.form.approach.Selected != "dynamic interpersonal therapy" {
		t.Error("a new session doesn't start with the approach chosen")
	}
}

// The welcome asks where the person lives, so the crisis help gives the
// lines there: a listed place, somewhere else with a line typed, or
// nothing said, which keeps nothing.
func TestOnboarding_AsksWhereThePersonLives(t *testing.T) {
	tests := []struct {
		name   string
		choose func(t *testing.T, o *onboarding)
		next   string // the button that moves on
		want   string // the crisis text after
	}{
		{"Australia", func(t *testing.T, o *onboarding) { choosePlace(t, o.crisis, "au") }, "Next", journal.CrisisText("au", "")},
		{"somewhere else, a line typed", func(t *testing.T, o *onboarding) {
			choosePlace(t, o.crisis, journal.RegionElsewhere)
			test.Type(o.crisis.own, "TelefonSeelsorge: 0800 111 0 111")
		}, "Next", journal.CrisisText(journal.RegionElsewhere, "TelefonSeelsorge: 0800 111 0 111")},
		{"nothing chosen", func(t *testing.T, o *onboarding) {}, "Next", journal.CrisisDefault},
		{"skipped after choosing", func(t *testing.T, o *onboarding) { choosePlace(t, o.crisis, "au") }, "Skip", journal.CrisisDefault},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, store := newJournalWindow(t)
			o := w.onboarding
			test.Tap(buttonOnScreen(t, w, "Set up"))
			test.Tap(o.goals.skip)
			test.Tap(buttonOnScreen(t, w, "Skip")) // the therapy
			if o.crisis == nil {
				t.Fatal("the welcome doesn't ask where the person lives")
			}
			// The first place has the focus: the keyboard reaches every choice.
			if f := w.win.Canvas().Focused(); f == nil || !strings.Contains(fmt.Sprintf("%T", f), "radioItem") {
				t.Errorf("focus is on %T, want the first place", f)
			}
			for _, r := range journal.CrisisRegions {
				if !slices.Contains(o.crisis.where.Options, r.Choice()) {
					t.Errorf("%s isn't offered", r.Name)
				}
			}
			tt.choose(t, o)
			test.Tap(buttonOnScreen(t, w, tt.next))
			if o.pass == nil {
				t.Fatal("the passphrase step didn't follow")
			}
			if got, _ := journal.ConfiguredCrisisText(store); got != tt.want {
				t.Errorf("the crisis text is\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// buttonOnScreen finds a button of the window's content by its text.
func buttonOnScreen(t *testing.T, w *Window, text string) *dialogButton {
	t.Helper()
	var found *dialogButton
	walk(t, w.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*dialogButton); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button on the screen", text)
	}
	return found
}
