package e2e

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The first-run welcome asks where the person lives, from the keyboard
// alone, and the crisis help (Ctrl+Shift+H) then gives the lines there,
// in the calm words for someone who chose to look.
func TestWindow_OnboardingCountryAndCrisisHelp(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	x.launch(db)
	x.key("Tab", "space")              // Set up
	x.key("shift+Tab", "shift+Tab")    // from nothing to Start with these, then Skip for now
	x.key("space")                     // no goals
	x.key("Tab", "Tab", "space")       // from the next session, past its calendar button, to Skip
	time.Sleep(300 * time.Millisecond) // the first place has the focus
	x.key("Tab", "space")              // United Kingdom or Ireland
	x.screenshot("onboarding-country")
	x.key("Tab", "Tab", "Tab", "Tab", "Return") // past the other places to the own line, which Return keeps
	time.Sleep(300 * time.Millisecond)
	x.key("Tab", "Tab", "space") // from the passphrase to Not now
	time.Sleep(500 * time.Millisecond)
	x.key("ctrl+shift+h")
	x.screenshot("crisis-help")
	x.key("Return") // Close has the focus
	x.key("ctrl+q")
	x.waitExit()

	out, err := exec.Command(builtBinary(t), "--db", db, "crisis").CombinedOutput()
	if err != nil {
		t.Fatalf("crisis: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "Samaritans on 116 123") || strings.Contains(string(out), "988") {
		t.Errorf("after choosing the UK in the window, the crisis help gives:\n%s", out)
	}
}
