package e2e

// A real window on a long journal made before search: opening it shows
// how far getting it ready for search has got, then the journal.

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/glebarez/go-sqlite" // the "sqlite" driver, to write entries as an old release did

	jstore "github.com/throughline/throughline/journal/store"
)

// upgradeEntries is enough entries for the upgrade to last seconds.
const upgradeEntries = 40000

func TestWindow_UpgradeShowsProgress(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	fixture, err := os.ReadFile(filepath.Join("..", "journal", "store", "testdata", "journal-before-search.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, fixture, 0o600); err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	// Written as the release before search wrote them: rows alone.
	_, err = old.Exec(`WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO entries (id, written_at, written_offset, written_zone, created_at, updated_at, kind, title, body, flagged)
		SELECT i, 1767225600 - i * 3600, 0, 'UTC', 0, 0, 'reflection', 'Evening ' || i,
			'Went quiet in the meeting again when my manager questioned the plan, and replayed it all the way home. ' || i, 0 FROM n`,
		upgradeEntries+99)
	old.Close()
	if err != nil {
		t.Fatal(err)
	}

	x := startX(t)
	x.launch(db)
	progress := x.window
	x.screenshot("upgrade-progress")
	if !waitFor(2*time.Minute, func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		out, err := x.xdotool(ctx, "search", "--onlyvisible", "--pid", strconv.Itoa(x.app.Process.Pid))
		if err != nil {
			return false
		}
		for _, id := range strings.Fields(out) {
			if id != progress {
				x.window = id
				return true
			}
		}
		return false
	}) {
		t.Fatal("the journal's window didn't replace the progress window within 2 minutes")
	}
	time.Sleep(time.Second) // its first frames
	x.screenshot("upgrade-done")
	x.closeWindow()
	x.waitExit()

	s, err := jstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if res, err := s.Search(jstore.SearchQuery{Text: "lighthouse"}); err != nil || res.Total != 1 {
		t.Errorf("after the upgrade, lighthouse: %+v, %v", res, err)
	}
}
