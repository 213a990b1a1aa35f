package cli

import (
	"testing"
	"time"
)

func TestTmpSearchProfile(t *testing.T) {
	st := time.Now()
	for i := 0; i < 40; i++ {
		if _, e, code := runCLI(t, "/tmp/lead/j10k.db", "", "search", "lighthouse"); code != 0 {
			t.Fatal(e)
		}
	}
	t.Logf("per search %v", time.Since(st)/40)
	st = time.Now()
	for i := 0; i < 40; i++ {
		runCLI(t, "/tmp/lead/j10k.db", "", "list", "--limit", "1")
	}
	t.Logf("per list %v", time.Since(st)/40)
}
