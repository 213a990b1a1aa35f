package main

import (
	"os"
	"path/filepath"
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

			list := listJSON(t, db)
			if len(list) != 1 || list[0].Kind != "free-association" || !strings.Contains(list[0].Body, "without stopping") {
				t.Errorf("after free association the journal holds %+v", list)
			}
		})
	}
}
