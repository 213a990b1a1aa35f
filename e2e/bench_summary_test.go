package e2e

// make bench's summary (scripts/bench_summary.py) judges the whole-process
// figures and the ratios against jrnl that scripts/bench_cli.sh writes.

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/throughline/throughline/internal/testenv"
)

func TestBenchSummary_JudgesWholeProcessFiguresAndRatios(t *testing.T) {
	python := testenv.Tool(t, "python3", "apt-get install python3")
	// No Go benchmark results: the summary still comes out, saying so.
	out, err := exec.Command(python, "../scripts/bench_summary.py", t.TempDir()+"/results.txt", "testdata/bench/cli.txt").CombinedOutput()
	if err != nil {
		t.Fatalf("bench_summary.py: %v\n%s", err, out)
	}
	summary := string(out)
	for _, tc := range []struct{ row, want string }{
		{"version (start only)", `44\.0 ms +\| 20 ms +\| MISSED`},
		{"search lighthouse at 100k", `not measured +\| — +\| —`},
		{"journal file at 100k", `200 MB +\| 247\.1 MB +\| ok`},
		{"pattern frequency at 10k", `30\.5× \(jrnl 3\.05 s / 0\.1 s\) +\| ≥ 30× +\| ok`},
		{"search at 10k", `6\.18× \(jrnl 0\.84 s / 0\.136 s\) +\| ≥ 20× +\| MISSED`},
		{"pattern frequency at 100k", `not measured \(PEER_SLOW=0: jrnl --tags takes about 11 minutes at 100k\) +\| ≥ 1000× +\| —`},
		{"import at 100k", `0\.263× \(jrnl 5\.76 s / 21\.9 s\); jrnl ran once +\| ≥ 1× +\| MISSED`},
	} {
		t.Run(tc.row, func(t *testing.T) {
			re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(tc.row) + ` +\| ` + tc.want + `$`)
			if !re.MatchString(summary) {
				t.Errorf("no row %q matching %s in the summary:\n%s", tc.row, tc.want, summary)
			}
		})
	}
	for _, want := range []string{
		"go test -bench: not measured",
		"whole process, a fixture (testdata/bench/cli.txt)",
		"3 target(s) MISSED, 2 figure(s) not measured; parts not measured: go test -bench",
	} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary doesn't say %q:\n%s", want, summary)
		}
	}
}
