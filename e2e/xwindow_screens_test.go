package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Every screen issue 8 added, in a real window, in the light and the dark
// theme, as Settings keeps the choice: the first-run welcome, a prompt in
// a new entry, Settings, the shortcuts sheet, the guide, About, free
// association and a dream.
func TestWindow_NewScreensLightAndDark(t *testing.T) {
	for _, variant := range []string{"light", "dark"} {
		t.Run(variant, func(t *testing.T) {
			x := startX(t)
			prefs := filepath.Join(x.home, ".config", "fyne", appID)
			if err := os.MkdirAll(prefs, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(prefs, "preferences.json"), []byte(`{"theme":"`+variant+`"}`), 0o600); err != nil {
				t.Fatal(err)
			}
			shot := func(name string) { x.screenshot(name + "-" + variant) }
			db := filepath.Join(t.TempDir(), "journal.db")
			x.launch(db)
			shot("welcome")
			x.key("space") // Skip and start writing: a new entry, with a prompt
			shot("prompt")

			x.key("ctrl+comma")
			shot("settings")
			x.key("Return")
			x.key("ctrl+slash")
			shot("shortcuts")
			x.key("Return")
			x.click(124, 13) // Help
			x.click(153, 84) // A short guide
			shot("guide")
			x.key("Return")
			x.click(124, 13)  // Help
			x.click(170, 201) // About Throughline
			shot("about")
			x.key("Return")

			x.key("ctrl+shift+n")
			x.key("Return") // no timer, the focused choice
			x.typeText("whatever comes to mind, without stopping")
			shot("free-association")
			x.key("ctrl+Return")
			time.Sleep(500 * time.Millisecond)
			x.key("ctrl+d")
			shot("dream")
			x.key("ctrl+q")
			x.waitExit()

			list := listJSONOf(t, db)
			if len(list) != 1 || list[0].Kind != "free-association" || !strings.Contains(list[0].Body, "without stopping") {
				t.Errorf("after free association the journal holds %+v", list)
			}
		})
	}
}

// A theme chosen in Settings is kept: after quitting and starting again
// the window is drawn in it.
func TestWindow_SettingsKeptAcrossRestart(t *testing.T) {
	x := startX(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	if out, err := exec.Command(builtBinary(t), "--db", db, "add", "--title", "An entry").CombinedOutput(); err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	x.launch(db)
	if got := brightness(t, x.screenshot("settings-before")); got > 0.5 {
		t.Fatalf("the window starts light (%.2f); the default here is dark", got)
	}
	x.key("ctrl+comma")
	x.click(480, 170) // Settings → Theme → Light
	x.screenshot("settings-light-chosen")
	x.click(549, 641) // Close: the focus is on the radio button now
	x.key("ctrl+q")
	x.waitExit()
	prefs, err := os.ReadFile(filepath.Join(x.home, ".config", "fyne", appID, "preferences.json"))
	if err != nil || !strings.Contains(string(prefs), `"theme":"light"`) {
		t.Fatalf("the preferences hold %s (%v)", prefs, err)
	}
	x.launch(db)
	if got := brightness(t, x.screenshot("settings-kept-light")); got < 0.5 {
		t.Errorf("after a restart the window is dark (%.2f), not the light theme chosen", got)
	}
	x.key("ctrl+q")
	x.waitExit()
}

// brightness is the mean brightness, 0 to 1, of a patch of the window's
// background below the editor.
func brightness(t *testing.T, png string) float64 {
	t.Helper()
	out, err := exec.Command("convert", png, "-crop", "300x30+700+690", "-colorspace", "Gray", "-format", "%[fx:mean]", "info:").Output()
	if err != nil {
		t.Fatal(err)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
