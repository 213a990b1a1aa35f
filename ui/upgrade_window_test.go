package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	jstore "github.com/throughline/throughline/journal/store"
)

// within polls cond until it holds, failing after a few seconds.
func within(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
	}
}

// Opening waits for a journal that needs no upgrade, and for one whose
// upgrade ends within upgradeWait; a longer upgrade leaves Run to show
// its progress.
func TestLaunch_UpgradeShowsProgressOnlyWhenLong(t *testing.T) {
	saved := upgradeWait
	upgradeWait = 50 * time.Millisecond
	defer func() { upgradeWait = saved }()
	quick := startOpeningWith(func(report func(jstore.UpgradeProgress)) (*jstore.Store, error) {
		report(jstore.UpgradeProgress{Total: 10})
		report(jstore.UpgradeProgress{Done: 10, Total: 10})
		return nil, nil
	})
	if quick.upgrading() {
		t.Error("a quick upgrade showed a progress window")
	}
	none := startOpeningWith(func(func(jstore.UpgradeProgress)) (*jstore.Store, error) {
		time.Sleep(2 * upgradeWait) // slow for another reason: no upgrade to show
		return nil, nil
	})
	if none.upgrading() {
		t.Error("opening without an upgrade showed a progress window")
	}
	release := make(chan struct{})
	long := startOpeningWith(func(report func(jstore.UpgradeProgress)) (*jstore.Store, error) {
		report(jstore.UpgradeProgress{Total: 100000})
		<-release
		return nil, nil
	})
	if !long.upgrading() {
		t.Error("a long upgrade showed no progress")
	}
	close(release)
	<-long.done
}

// The progress window says how far the upgrade has got in words and
// with a bar, and shows a failure to open in the same window.
func TestUpgrade_WindowShowsProgressThenAnError(t *testing.T) {
	a := test.NewTempApp(t)
	o := newOpening()
	u := showUpgrading(a, o)
	defer u.win.Close()
	if !strings.HasPrefix(u.view.words.Text, "Getting your journal ready for search") {
		t.Errorf("at first: %q", u.view.words.Text)
	}
	o.report(jstore.UpgradeProgress{Done: 40000, Total: 100000})
	within(t, "the window shows 40,000 of 100,000", func() bool {
		return u.view.words.Text == "Getting your journal ready for search: 40,000 of 100,000 entries…" && u.view.bar.Value == 0.4
	})
	o.err = errors.New("The journal couldn't be read.")
	close(o.done)
	within(t, "the window says the journal couldn't be opened", func() bool {
		c, ok := u.win.Content().(*fyne.Container)
		return ok && strings.Contains(textOf(c), "Couldn't open your journal")
	})
	if u.main != nil {
		t.Error("a journal that failed to open got a main window")
	}
}
