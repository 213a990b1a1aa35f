package e2e

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// A command's start should cost only what it uses: these packages build
// their templates, word lists, regular expressions and parsers on first
// use, not when the program starts. The Go runtime's own trace of package
// initialisation counts the bytes each allocates, which, unlike time,
// doesn't vary from run to run.
func TestStart_PackagesBuildNothingUntilUsed(t *testing.T) {
	lazy := map[string]bool{
		"github.com/throughline/throughline/journal":         true,
		"github.com/throughline/throughline/journal/store":   true,
		"github.com/throughline/throughline/patterns/report": true,
	}
	const budget = 8 << 10 // bytes: a few small tables, no templates
	cmd := exec.Command(builtBinary(t), "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("throughline version: %v\n%s", err, out)
	}
	line := regexp.MustCompile(`(?m)^init (\S+) @.* ms clock, (\d+) bytes, (\d+) allocs$`)
	seen := 0
	for _, m := range line.FindAllStringSubmatch(string(out), -1) {
		if !lazy[m[1]] {
			continue
		}
		seen++
		if bytes, _ := strconv.Atoi(m[2]); bytes > budget {
			t.Errorf("%s allocates %d bytes (%s allocations) when the program starts, over %d: build what it needs on first use", m[1], bytes, m[3], budget)
		}
	}
	if seen != len(lazy) {
		t.Fatalf("the trace names %d of the %d packages:\n%s", seen, len(lazy), out)
	}
}
