#!/usr/bin/env bash
# Runs every fuzz target in every package for $1 each, minimizing a
# failure for at most $2. Targets are found with -list, so a new one is
# fuzzed without a change here.
#
# Go 1.26's fuzzing coordinator can end a run whose time is up with a bare
# "context deadline exceeded" and no input (golang/go#75804, fixed in Go
# 1.27): on a loaded machine a worker is still mid-call when -fuzztime
# ends. Such a run, and only such a run, is tried again, twice at most; a
# real failure names its input ("Failing input written to ...") or
# carries the test's own message, and fails at once.
set -euo pipefail
GO=${GO:-go}
fuzztime=${1:?usage: fuzz.sh FUZZTIME MINIMIZETIME}
minimize=${2:?usage: fuzz.sh FUZZTIME MINIMIZETIME}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for pkg in $("$GO" list ./...); do
	targets=$("$GO" test "$pkg" -list '^Fuzz') || { echo "$targets"; exit 1; }
	for target in $(echo "$targets" | grep '^Fuzz' || true); do
		for try in 1 2 3; do
			echo "fuzzing $target ($pkg) for $fuzztime"
			if "$GO" test "$pkg" -run '^$' -fuzz "^$target\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize" 2>&1 | tee "$log"; then
				break
			fi
			if [ "$try" = 3 ] || ! grep -q '^    context deadline exceeded$' "$log" ||
				grep -Eq 'Failing input written|panic:|_test\.go:[0-9]+:' "$log"; then
				exit 1
			fi
			echo "the run ended on Go's fuzzing deadline race (golang/go#75804), with no failing input: trying again"
		done
	done
done
