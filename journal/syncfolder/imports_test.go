package syncfolder

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The folder code moves sealed bytes and nothing else: it links no
// database, no toolkit and nothing that talks over a network.
func TestImports_PureGo(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	prefixes := []string{"gorm.io/", "github.com/glebarez/", "modernc.org/", "fyne.io/",
		"github.com/throughline/throughline/journal/store", "github.com/throughline/throughline/ui"}
	network := []string{"net", "net/http", "net/rpc", "net/smtp", "crypto/tls"}
	for _, dep := range strings.Fields(string(out)) {
		if slices.Contains(network, dep) || slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(dep, p) }) {
			t.Errorf("syncfolder links %s", dep)
		}
	}
}
