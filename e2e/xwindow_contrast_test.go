package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// The Journal list with its pattern chips and the Calendar's month of
// moods, in a real window, in the light and the dark theme and at the
// largest text size: the screens docs/light-theme.png and
// docs/dark-theme.png are made from. Both only read the journal.
func TestWindow_ThemesReadable(t *testing.T) {
	for _, look := range []struct{ name, prefs string }{
		{"light", `{"theme":"light"}`},
		{"dark", `{"theme":"dark"}`},
		{"light-largest", `{"theme":"light","text_size":"largest"}`},
	} {
		t.Run(look.name, func(t *testing.T) {
			x := startX(t)
			prefs := filepath.Join(x.home, ".config", "fyne", appID)
			if err := os.MkdirAll(prefs, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(prefs, "preferences.json"), []byte(look.prefs), 0o600); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(t.TempDir(), "journal.db")
			now := time.Now()
			for i, patterns := range [][]string{
				{"people-pleasing", "not saying what I need"}, {"avoidance"}, {"withdrawing under criticism", "rumination", "intellectualisation", "avoidance"},
				{}, {"people-pleasing", "rumination"}, {"not saying what I need"},
			} {
				args := []string{"--db", db, "add", "--title", fmt.Sprintf("Entry %d", i+1), "--mood", fmt.Sprint(10 - (9*i)/5),
					"--at", now.AddDate(0, 0, -i).Format(journal.DateTimeLayout)}
				if i == 1 {
					args = append(args, "--flag")
				}
				for _, p := range patterns {
					args = append(args, "--pattern", p)
				}
				if out, err := exec.Command(builtBinary(t), args...).CombinedOutput(); err != nil {
					t.Fatalf("add: %v\n%s", err, out)
				}
			}
			before := closedJournal(t, db)
			x.launch(db)
			time.Sleep(500 * time.Millisecond)
			x.screenshot("journal-" + look.name)
			x.key("ctrl+3")
			time.Sleep(800 * time.Millisecond)
			x.screenshot("calendar-" + look.name)
			x.key("ctrl+q")
			x.waitExit()
			if !bytes.Equal(closedJournal(t, db), before) {
				t.Errorf("looking at the journal in the %s look changed it", look.name)
			}
		})
	}
}
