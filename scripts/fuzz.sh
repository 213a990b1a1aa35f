#!/usr/bin/env bash
# Runs every fuzz target in every package for $1 each, minimizing a
# failure for at most $2. Targets are found with -list, so a new one is
# fuzzed without a change here.
set -euo pipefail
GO=${GO:-go}
fuzztime=${1:?usage: fuzz.sh FUZZTIME MINIMIZETIME}
minimize=${2:?usage: fuzz.sh FUZZTIME MINIMIZETIME}
for pkg in $("$GO" list ./...); do
	targets=$("$GO" test "$pkg" -list '^Fuzz') || { echo "$targets"; exit 1; }
	for target in $(echo "$targets" | grep '^Fuzz' || true); do
		echo "fuzzing $target ($pkg) for $fuzztime"
		"$GO" test "$pkg" -run '^$' -fuzz "^$target\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize"
	done
done
