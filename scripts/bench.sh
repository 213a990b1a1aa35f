#!/usr/bin/env bash
# Runs the journal benchmarks on a 100,000-entry journal and keeps the
# results in build/bench/results.txt, measures the built app in a real
# window on that journal (build/bench/window.txt) and the built binary as
# a whole process on 10k and 100k journals, beside jrnl when JRNL_GIT is
# set (build/bench/cli.txt), then prints each figure next to its target
# (build/bench/summary.txt). Extra arguments go to `go test`, e.g.
# scripts/bench.sh -bench FirstPage -count 5.
# BENCH_GO=0, BENCH_WINDOW=0 and BENCH_CLI=0 skip the Go benchmarks, the
# real window and the whole-process figures; scripts/bench_cli.sh lists
# its own switches (RUNS, JRNL_GIT, BENCH_PEER, PEER_SLOW, PEER_SIZES).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

entries=100000
corpus="$PWD/build/bench/corpus-$entries.json"
mkdir -p build/bench
if [[ ! -f "$corpus" ]]; then
	echo "generating $corpus" >&2
	python3 ../shared/corpus/gen_corpus.py "$entries" --format json -o "$corpus.tmp"
	mv "$corpus.tmp" "$corpus"
fi
export THROUGHLINE_CORPUS="$corpus"

# The first run also builds the journal, which can outlast go test's
# default 10-minute timeout. A failed benchmark fails the run, but only
# after the summary of the figures that did come out.
status=0
rm -f build/bench/results.txt
if [[ ${BENCH_GO:-1} == 0 ]]; then
	echo "BENCH_GO=0: the Go benchmarks aren't run" >&2
else
	go test -run '^$' -bench . -benchtime 2s -timeout 60m ./journal/ ./journal/store/ ./journal/transfer/ ./patterns/ ./patterns/report/ ./ui/ "$@" | tee build/bench/results.txt || status=$?
fi

# The real window on the journal the benchmarks just built. Its failure
# costs only its own figures, so the summary still comes out.
rm -f build/bench/window.txt
if [[ ${BENCH_WINDOW:-1} == 0 ]]; then
	echo "BENCH_WINDOW=0: the real window isn't measured" >&2
elif ! scripts/bench_window.sh; then
	echo "scripts/bench_window.sh failed (see above): its figures in the summary are missing or partial" >&2
fi

# The built binary, whole process, on journals of its own, and jrnl.
rm -f build/bench/cli.txt
if [[ ${BENCH_CLI:-1} == 0 ]]; then
	echo "BENCH_CLI=0: the whole-process figures aren't measured" >&2
elif ! scripts/bench_cli.sh; then
	echo "scripts/bench_cli.sh failed (see above): its figures in the summary are missing or partial" >&2
fi

echo
python3 scripts/bench_summary.py build/bench/results.txt build/bench/window.txt build/bench/cli.txt | tee build/bench/summary.txt
exit "$status"
