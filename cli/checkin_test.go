package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func checkinList(t *testing.T, db string) []checkinJSON {
	t.Helper()
	var out []checkinJSON
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "checkin", "list", "--json")), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCLI_Checkin(t *testing.T) {
	isolateJournalLocation(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	out := mustCLI(t, db, "", "checkin", "--mood", "3", "--emotion", "sad", "--emotion", "Anxious", "--at", "2026-11-20 21:15")
	if !strings.Contains(strings.ToLower(out), "mood 3/10 · sad, anxious") {
		t.Errorf("checkin said %q", out)
	}
	mustCLI(t, db, "", "checkin", "--mood", "8")
	got := checkinList(t, db)
	if len(got) != 2 || got[0].Mood != 3 || !strings.HasPrefix(got[0].At, "2026-11-20T21:15:00") || len(got[0].Emotions) != 2 ||
		got[1].Mood != 8 || got[1].Emotions == nil {
		t.Fatalf("checkin list --json: %+v", got)
	}
	// A check-in is no entry.
	if list := mustCLI(t, db, "", "list", "--json"); strings.TrimSpace(list) != "[]" {
		t.Errorf("a check-in wrote an entry: %s", list)
	}
	if text := mustCLI(t, db, "", "checkin", "list"); !strings.Contains(text, "Fri 20 Nov 2026, 21:15 · mood 3/10") {
		t.Errorf("checkin list: %q", text)
	}
	mustCLI(t, db, "", "checkin", "delete", "1")
	if left := checkinList(t, db); len(left) != 1 || left[0].Mood != 8 {
		t.Errorf("after delete: %+v", left)
	}
	if _, errOut, code := runCLI(t, db, "", "checkin", "delete", "1"); code == exitOK || !strings.Contains(errOut, "There is no check-in 1") {
		t.Errorf("deleting again: exit %d, %q", code, errOut)
	}
}

func TestCLI_CheckinBadInput(t *testing.T) {
	isolateJournalLocation(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	mustCLI(t, db, "", "checkin", "--mood", "5")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"checkin"}, "needs a mood from 1 to 10"},
		{[]string{"checkin", "--mood", "0"}, "from 1 to 10"},
		{[]string{"checkin", "--mood", "eleven"}, "from 1 to 10"},
		{[]string{"checkin", "--mood", "5", "--emotion", "glorpy"}, `"glorpy" is not one of your feelings`},
		{[]string{"checkin", "--mood", "5", "--at", "yesterday-ish"}, "yesterday-ish"},
		{[]string{"checkin", "--mood", "5", "stray"}, `unexpected "stray"`},
	} {
		_, errOut, code := runCLI(t, db, "", tc.args...)
		if code == exitOK || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want a failure saying %q", tc.args, code, errOut, tc.want)
		}
	}
	if got := checkinList(t, db); len(got) != 1 {
		t.Errorf("bad input saved check-ins: %+v", got)
	}
}
