package e2e

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// syncPassphrase is the one journal's passphrase on every computer of a
// sync test.
const syncPassphrase = "one passphrase, two computers"

// throughlineAt runs the built binary on the journal at db, as a script
// would (the passphrase from the environment), and returns what it
// printed; a failure ends the test.
func throughlineAt(t *testing.T, db string, args ...string) string {
	t.Helper()
	cmd := exec.Command(builtBinary(t), append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), "THROUGHLINE_PASSPHRASE="+syncPassphrase, "THROUGHLINE_NEW_PASSPHRASE="+syncPassphrase)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("throughline %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
