package patterns

import (
	"os/exec"
	"strings"
	"testing"
)

// forbidden are the module paths the analysis, the report and the
// embedded assets must not link: the command line runs them too, and the
// toolkit belongs to the window alone.
var forbidden = []string{
	"fyne.io/",
}

func TestDeps_NoForbiddenModule(t *testing.T) {
	for _, pkg := range []string{
		"github.com/throughline/throughline/patterns/...",
		"github.com/throughline/throughline/assets",
	} {
		t.Run(pkg, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
			if err != nil {
				t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
			}
			for _, dep := range strings.Fields(string(out)) {
				for _, prefix := range forbidden {
					if strings.HasPrefix(dep, prefix) {
						t.Errorf("%s links %s", pkg, dep)
					}
				}
			}
		})
	}
}
