package store

import (
	"os/exec"
	"strings"
	"testing"
)

// The store is the one door to the database: the domain, the analysis
// and import/export take what they need of it through small interfaces,
// so none of them links GORM or SQLite, and the store depends on none
// of them.
func TestOnlyTheStoreLinksTheDatabase(t *testing.T) {
	for _, tt := range []struct {
		pkgs   []string
		banned []string
	}{
		{[]string{"./journal", "./journal/transfer", "./patterns/..."}, []string{"gorm.io/", "glebarez/", "modernc.org/sqlite"}},
		{[]string{"./journal/store"}, []string{"/journal/transfer", "/patterns", "fyne.io/"}},
	} {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}")
		cmd.Args = append(cmd.Args, tt.pkgs...)
		cmd.Dir = "../.."
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list %v: %v\n%s", tt.pkgs, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, b := range tt.banned {
				if strings.Contains(dep, b) {
					t.Errorf("%v links %s", tt.pkgs, dep)
				}
			}
		}
	}
}
