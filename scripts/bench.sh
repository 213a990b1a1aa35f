#!/usr/bin/env bash
# Runs the journal benchmarks on a 100,000-entry journal and keeps the
# results in build/bench/results.txt. Extra arguments go to `go test`,
# e.g. scripts/bench.sh -bench FirstPage -count 5
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
# default 10-minute timeout.
go test -run '^$' -bench . -benchtime 2s -timeout 60m ./journal/ ./journal/transfer/ ./patterns/ ./patterns/report/ ./ui/ "$@" | tee build/bench/results.txt
