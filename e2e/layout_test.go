package e2e

// The layout the developers' guide promises: a root that holds only the
// composition root and the project's files, and a command line that links
// no GUI toolkit.

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// rootFiles are the only files the repository root may hold; everything
// else lives in a folder.
var rootFiles = map[string]bool{
	"main.go": true, "go.mod": true, "go.sum": true, "FyneApp.toml": true, "Makefile": true,
	"README.md": true, "LICENSE": true, ".gitignore": true,
}

func TestLayout_RootHoldsOnlyMainAndFolders(t *testing.T) {
	out, err := exec.Command("git", "-C", "..", "ls-files").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	for _, f := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if !strings.Contains(f, "/") && !rootFiles[f] {
			t.Errorf("%s is at the repository root: put it in the folder for what it is (cli/, ui/, e2e/, ...)", f)
		}
	}
	main, err := os.ReadFile("../main.go")
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(main, []byte("\n")); n >= 150 {
		t.Errorf("main.go is %d lines: it only puts the parts together, in under 150", n)
	}
}

// TestLayout_ImportsPointOneWay holds main → cli, ui → patterns → journal:
// the toolkit belongs to the window alone and the database to the store
// alone, so the command line, the analysis, the report, import/export and
// the domain link neither, and the store links nothing above it.
func TestLayout_ImportsPointOneWay(t *testing.T) {
	const module = "github.com/throughline/throughline"
	fyne, database := []string{"fyne.io/"}, []string{"gorm.io/", "github.com/glebarez/", "modernc.org/sqlite"}
	for _, tt := range []struct {
		pkgs   []string
		banned []string
	}{
		{[]string{"./cli"}, append([]string{module + "/ui"}, fyne...)},
		{[]string{"./patterns/...", "./journal", "./journal/transfer"}, append(fyne, database...)},
		{[]string{"./assets"}, fyne},
		{[]string{"./journal/store"}, append([]string{module + "/journal/transfer", module + "/patterns", module + "/cli", module + "/ui"}, fyne...)},
	} {
		list := exec.Command("go", append([]string{"list", "-deps"}, tt.pkgs...)...)
		list.Dir = ".."
		out, err := list.CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %v: %v\n%s", tt.pkgs, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, b := range tt.banned {
				if strings.HasPrefix(dep, b) {
					t.Errorf("%v links %s", tt.pkgs, dep)
				}
			}
		}
	}
}
