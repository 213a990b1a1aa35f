package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// missingEnv, when set, makes the test binary run
// TestMissing_Child, which needs a tool no machine has.
const missingEnv = "TESTENV_CHILD"

func TestMissing_Child(t *testing.T) {
	if os.Getenv(missingEnv) == "" {
		return
	}
	Tool(t, "throughline-no-such-tool", "it exists nowhere")
	t.Error("Tool returned for a tool that is missing")
}

// A missing tool skips a test on a developer's machine, and fails it
// under make test.
func TestMissing(t *testing.T) {
	tests := []struct {
		name, require string
		fails         bool
		says          string
	}{
		{"a developer's machine", "", false, "--- SKIP: TestMissing_Child"},
		{"make test", "1", true, "--- FAIL: TestMissing_Child"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestMissing_Child$", "-test.v", "-test.count=1")
			cmd.Env = append(os.Environ(), missingEnv+"=1", RequireTools+"="+tt.require)
			out, err := cmd.CombinedOutput()
			if failed := err != nil; failed != tt.fails {
				t.Errorf("the test failed: %v, want %v\n%s", failed, tt.fails, out)
			}
			if !strings.Contains(string(out), tt.says) || !strings.Contains(string(out), "throughline-no-such-tool is missing: it exists nowhere") {
				t.Errorf("the test printed:\n%s\nwant %q and what is missing", out, tt.says)
			}
		})
	}
}
