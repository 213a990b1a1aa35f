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

func TestLayout_CLILinksNoGUI(t *testing.T) {
	list := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./cli")
	list.Dir = ".."
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := fields[0]
		if pkg == "github.com/throughline/throughline/ui" {
			t.Errorf("cli links the window (package ui): main hands it what it needs instead")
		}
		if strings.HasPrefix(pkg, "fyne.io/") {
			continue
		}
		for _, imp := range fields[1:] {
			// assets still wraps its bytes as Fyne resources; the
			// command line links nothing else of Fyne's.
			if strings.HasPrefix(imp, "fyne.io/") && pkg != "github.com/throughline/throughline/assets" {
				t.Errorf("%s imports %s, so the command line links the GUI toolkit", pkg, imp)
			}
		}
	}
}
