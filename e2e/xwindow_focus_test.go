package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// journalText is every entry's and the draft's text in db.
func journalText(t *testing.T, db string) (entries []journal.Entry, draft journal.Draft) {
	t.Helper()
	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	entries, err = store.Entries(journal.EntryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	draft, _, err = store.Draft()
	if err != nil {
		t.Fatal(err)
	}
	return entries, draft
}

// assertNoCanary fails if any entry or the draft holds canary.
func assertNoCanary(t *testing.T, db, canary string) {
	t.Helper()
	entries, draft := journalText(t, db)
	for _, e := range entries {
		if strings.Contains(e.Title+e.Body, canary) {
			t.Errorf("entry %d took %q, typed on another screen: %q / %q", e.ID, canary, e.Title, e.Body)
		}
	}
	if strings.Contains(draft.Title+draft.Body+draft.WrittenAt, canary) {
		t.Errorf("the draft took %q, typed on another screen: %q / %q", canary, draft.Title, draft.Body)
	}
}

// Keys typed after switching screens by keyboard land on the screen
// shown, never in the journal entry left behind it: for each screen,
// Ctrl+1…9 from the entry's title, then a canary typed.
func TestWindow_KeysStayOnTheScreenShown(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	x.launchNew(db)
	x.key("ctrl+n")
	x.typeText("Saturday morning")
	x.key("Tab")
	x.typeText("Coffee with my sister")
	for n := 2; n <= 9; n++ {
		x.key("ctrl+1") // back to the entry, the focus in its title
		x.key(fmt.Sprintf("ctrl+%d", n))
		time.Sleep(400 * time.Millisecond)
		x.typeText(fmt.Sprintf("canaryk%d", n))
		time.Sleep(300 * time.Millisecond)
		x.screenshot(fmt.Sprintf("focus-screen-%d", n))
	}
	x.key("ctrl+e") // session prep, the tenth screen
	x.typeText("canaryke")
	x.screenshot("focus-screen-prep")
	time.Sleep(2500 * time.Millisecond) // past the autosave delay
	x.key("ctrl+q")
	x.waitExit()

	for _, c := range []string{"canaryk2", "canaryk3", "canaryk4", "canaryk5", "canaryk6", "canaryk7", "canaryk8", "canaryk9", "canaryke"} {
		assertNoCanary(t, db, c)
	}
	// What was written is kept as it was.
	if _, d := journalText(t, db); d.Title != "Saturday morning" || d.Body != "Coffee with my sister" {
		t.Errorf("the draft is %q / %q, not what was written", d.Title, d.Body)
	}
}

// Escape closes a dialog with the focus in one of its fields, keeping
// what the dialog guards; F1 opens the shortcuts from a field that
// isn't the journal's own.
func TestWindow_EscapeAndF1FromAField(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	x.launchNew(db)
	x.key("ctrl+n")
	x.typeText("Saturday morning")

	// A new session: its dialog starts with the focus on the date field.
	x.key("ctrl+7")
	x.key("space")
	time.Sleep(400 * time.Millisecond)
	x.screenshot("escape-session-dialog")
	x.typeText("canaryesc")
	x.key("Escape")
	time.Sleep(400 * time.Millisecond)
	x.screenshot("escape-session-closed")

	// F1 in the search field, then Escape.
	x.key("ctrl+f")
	x.key("F1")
	time.Sleep(400 * time.Millisecond)
	x.screenshot("f1-from-search")
	x.key("Escape")
	time.Sleep(400 * time.Millisecond)
	x.screenshot("f1-closed")
	x.key("ctrl+q")
	x.waitExit()

	store, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	sessions, err := store.Sessions()
	if err != nil || len(sessions) != 0 {
		t.Errorf("Escape saved a session: %+v (%v)", sessions, err)
	}
	d, _, err := store.Draft()
	if err != nil || d.Title != "Saturday morning" {
		t.Errorf("the draft behind the dialogs is %q (%v)", d.Title, err)
	}
	assertNoCanary(t, db, "canaryesc")
}
