package e2e

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/throughline/throughline/journal"
)

// The People screen's CCRT panel in a real window, reached by keyboard
// (Ctrl+5), over episodes added with `episode add`: the screen
// docs/ccrt-panel.png is made from. It only reads the journal.
func TestWindow_CCRTPanel(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	now := time.Now()
	run := func(args ...string) string {
		out, err := exec.Command(builtBinary(t), append([]string{"--db", db}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	for i, ep := range [][]string{
		{"--person", "Sam", "--wish", "to be close", "--other", "rejecting", "--self", "withdrawn", "--other-valence", "negative"},
		{"--person", "Mum", "--wish", "to be close", "--wish", "to be understood", "--other", "controlling", "--self", "angry"},
		{"--person", "Sam", "--wish", "to be close", "--other", "rejecting", "--other-expected", "--self", "withdrawn", "--self", "self-blaming"},
		{"--person", "J.", "--wish", "to be respected", "--other", "dismissive", "--self", "withdrawn"},
		{"--person", "Mum", "--wish", "to be independent", "--other", "upset", "--self", "assertive"},
		{"--person", "Sam", "--wish", "to be independent", "--other", "supportive", "--self", "assertive", "--other-valence", "positive"},
	} {
		run("add", "--title", fmt.Sprintf("Entry %d", i+1), "--body", "", "--at", now.AddDate(0, 0, -12*(5-i)).Format(journal.DateTimeLayout))
		run(append([]string{"episode", "add", fmt.Sprint(i + 1)}, ep...)...)
	}
	before := closedJournal(t, db)
	x.launch(db)
	x.key("ctrl+5")
	time.Sleep(800 * time.Millisecond)
	x.screenshot("ccrt-panel")
	x.click(100, 128) // Sam, first in the list
	time.Sleep(500 * time.Millisecond)
	x.screenshot("ccrt-person")
	x.key("ctrl+q")
	x.waitExit()
	if !bytes.Equal(closedJournal(t, db), before) {
		t.Error("looking at the CCRT panel changed the journal")
	}
}
