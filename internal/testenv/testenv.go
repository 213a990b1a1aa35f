// Package testenv is for tests that need a tool or a privilege the
// machine may lack (Xvfb, pdftotext, a tmpfs mount, a network namespace,
// zone data). Such a test skips, saying what is missing, on a developer's
// machine; under make test, which sets THROUGHLINE_REQUIRE_TOOLS=1, it
// fails instead, so a check that could not run is never counted as passed.
package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// RequireTools is the switch make test sets.
const RequireTools = "THROUGHLINE_REQUIRE_TOOLS"

// Missing ends t because something it needs is missing: a skip, or a
// failure when RequireTools is set. why says what and how to get it.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	why := fmt.Sprintf(format, args...)
	if os.Getenv(RequireTools) != "" {
		t.Fatalf("%s (%s is set, so this fails rather than skips)", why, RequireTools)
	}
	t.Skip(why)
}

// Tool returns the path of the program named, or ends t through
// Missing; install says how to get it.
func Tool(t testing.TB, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "%s is missing: %s", name, install)
	}
	return path
}

// LocalZone makes the zone named the local time zone for the test,
// loaded under the name "Local" as the system's zone is, and returns it.
func LocalZone(t testing.TB, name string) *time.Location {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("/usr/share/zoneinfo", name))
	if err != nil {
		Missing(t, "no zone data for %s (%v): install tzdata", name, err)
	}
	loc, err := time.LoadLocationFromTZData("Local", data)
	if err != nil {
		t.Fatal(err)
	}
	saved := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = saved })
	return loc
}
