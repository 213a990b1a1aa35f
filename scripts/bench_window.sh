#!/usr/bin/env bash
# Measures the built app in a real X window on the 100,000-entry benchmark
# journal, the way a person meets it: how long until the window shows,
# and how much memory it holds after every screen has been opened.
#
# Needs the journal the Go benchmarks build and cache in the temp folder
# (throughline-bench-v<schema>-100000.db; run scripts/bench.sh first), and
# xdotool and imagemagick, plus Xvfb unless $DISPLAY already works
# (make bench installs them). Works on a copy: the cached journal is never
# opened by the app.
#
# Writes build/bench/window.txt, one figure a line, for bench_summary.py:
#   figure<TAB>value<TAB>unit<TAB>target      (target "-" when none)
# and build/bench/window.png (journal) and window-patterns.png.
#
# BENCH_KEYS overrides the shortcuts pressed, one screen each.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=build/bench
figures=$out/window.txt
bin=$out/throughline
# ctrl+1 to ctrl+9 are the View menu's screens, ctrl+e the session prep.
keys=${BENCH_KEYS:-ctrl+2 ctrl+3 ctrl+4 ctrl+5 ctrl+6 ctrl+7 ctrl+8 ctrl+9 ctrl+e ctrl+1}
settle=1.5        # seconds on each screen
start_limit=20    # seconds a start may take before it counts as failed
upgrade_limit=300 # the same for a start that upgrades the journal first

die() { echo "bench_window: $*" >&2; exit 1; }
mkdir -p "$out"
rm -f "$figures" "$out/window.png" "$out/window-patterns.png"

for tool in xdotool import python3; do
	command -v "$tool" >/dev/null || die "$tool is missing; make bench installs it (scripts/deps.sh test)"
done

# The newest cached benchmark journal: the highest schema version, in
# $TMPDIR (where Go's os.TempDir looks first) or /tmp.
cached=$(ls -1 "${TMPDIR:-/tmp}"/throughline-bench-v*-100000.db /tmp/throughline-bench-v*-100000.db 2>/dev/null |
	sed -E 's/.*-v([0-9]+)-100000\.db$/\1 &/' | sort -n -k1,1 | tail -n 1 | cut -d' ' -f2-) || true
[[ -n $cached && -f $cached ]] ||
	die "no benchmark journal (throughline-bench-v*-100000.db) in ${TMPDIR:-/tmp}; scripts/bench.sh builds it with the Go benchmarks first"

echo "building $bin" >&2
go build -o "$bin" .

work=$(mktemp -d "${TMPDIR:-/tmp}/throughline-window-bench.XXXXXX")
app_pid=""
xvfb_pid=""
cleanup() {
	if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
		kill -TERM "$app_pid" 2>/dev/null || true
		sleep 2
		kill -KILL "$app_pid" 2>/dev/null || true
	fi
	if [[ -n $xvfb_pid ]]; then
		kill -TERM "$xvfb_pid" 2>/dev/null || true # TERM lets Xvfb remove its lock
		wait "$xvfb_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

db=$work/journal.db
echo "copying $cached" >&2
cp "$cached" "$db"
for side in -wal -shm; do
	[[ -f $cached$side ]] && cp "$cached$side" "$db$side"
done

schema() {
	python3 -c 'import sqlite3, sys
con = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(con.execute("SELECT max(id) FROM schema_migrations").fetchone()[0])' "$1" 2>/dev/null || echo "?"
}

# A display of our own unless $DISPLAY already answers.
if [[ -n ${DISPLAY:-} ]] && xdotool getdisplaygeometry >/dev/null 2>&1; then
	echo "using the X display $DISPLAY" >&2
else
	command -v Xvfb >/dev/null || die "Xvfb is missing and \$DISPLAY doesn't work; make bench installs it"
	in_use() { # a lock whose process is gone is stale: Xvfb replaces it
		local lock=/tmp/.X$1-lock pid
		if [[ -f $lock ]]; then
			read -r pid <"$lock" || return 0
			kill -0 "$pid" 2>/dev/null
		else
			[[ -e /tmp/.X11-unix/X$1 ]]
		fi
	}
	for n in $(seq 97 160); do
		in_use "$n" && continue
		Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
		xvfb_pid=$!
		for _ in $(seq 100); do
			[[ -e /tmp/.X11-unix/X$n ]] && break
			kill -0 "$xvfb_pid" 2>/dev/null || break
			sleep 0.05
		done
		if kill -0 "$xvfb_pid" 2>/dev/null && [[ -e /tmp/.X11-unix/X$n ]]; then
			export DISPLAY=:$n
			break
		fi
		kill -KILL "$xvfb_pid" 2>/dev/null || true
		wait "$xvfb_pid" 2>/dev/null || true
		xvfb_pid=""
	done
	[[ -n $xvfb_pid ]] || die "couldn't start Xvfb on any display from :97 to :160"
	echo "started Xvfb on $DISPLAY" >&2
fi

# The app gets a home of its own, so Fyne's settings stay out of yours.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share LANG=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

figure() { # figure NAME VALUE UNIT TARGET
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$figures"
	if [[ $4 == - ]]; then
		echo "$1: $2 $3"
	else
		echo "$1: $2 $3 (target $4 $3)"
	fi
}
now_us() { echo "${EPOCHREALTIME/./}"; }
colours() { import -window "$1" -format '%k' info: 2>/dev/null || echo 0; }

# launch LIMIT: starts the app on the copy and sets app_pid, win,
# visible_ms (launch until the window is mapped) and drawn_ms (until it
# shows more than a blank fill). xdotool's own --sync polls only every
# half second, too coarse for a 1 s target, so this polls every 20 ms.
launch() {
	local limit=$1 started deadline
	started=$(now_us)
	deadline=$((started + limit * 1000000))
	"$bin" --db "$db" >>"$work/app.log" 2>&1 &
	app_pid=$!
	win=""
	until win=$(xdotool search --all --onlyvisible --pid "$app_pid" --name '^Throughline$' 2>/dev/null | head -n 1) && [[ -n $win ]]; do
		if ! kill -0 "$app_pid" 2>/dev/null; then
			tail -n 20 "$work/app.log" >&2
			die "the app exited before its window appeared"
		fi
		(($(now_us) < deadline)) || { tail -n 20 "$work/app.log" >&2; die "the window didn't appear within $limit s"; }
		sleep 0.02
	done
	visible_ms=$((($(now_us) - started) / 1000))
	until (($(colours "$win") >= 16)); do
		(($(now_us) < deadline)) || die "the window drew nothing within $limit s"
		sleep 0.02
	done
	drawn_ms=$((($(now_us) - started) / 1000))
}

# quit: SIGTERM, which the app answers by saving and quitting.
quit() {
	kill -TERM "$app_pid"
	for _ in $(seq 300); do
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 0.05
	done
	if kill -0 "$app_pid" 2>/dev/null; then
		kill -KILL "$app_pid"
		die "the app didn't quit within 15 s of SIGTERM"
	fi
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
}

memory_mb() { # memory_mb FIELD: VmHWM (peak) or VmRSS (now), in MB of 10^6 bytes
	awk -v f="$1:" '$1 == f { printf "%.0f", $2 * 1024 / 1e6 }' "/proc/$app_pid/status"
}

# The first start on the copy can upgrade the journal to the binary's
# schema (a one-time index build), so it's reported apart; the figure
# is the second start, on the upgraded journal.
before=$(schema "$db")
launch "$upgrade_limit"
sleep 1
first_peak=$(memory_mb VmHWM)
quit
after=$(schema "$db")
if [[ $before != "$after" ]]; then
	first="first start after upgrade (schema v$before to v$after)"
else
	first="first start (schema v$after, no upgrade)"
fi
figure "window visible, $first" "$visible_ms" ms -
figure "peak resident memory, $first" "$first_peak" MB -

launch "$start_limit"
figure "window visible" "$visible_ms" ms 1000
figure "window drawn" "$drawn_ms" ms 1000
figure "resident memory at start" "$(memory_mb VmRSS)" MB -

xdotool windowfocus --sync "$win"
sleep 0.5
for key in $keys; do
	xdotool key --clearmodifiers "$key"
	sleep "$settle"
	if [[ $key == ctrl+4 ]]; then
		import -window root "$out/window-patterns.png"
	fi
done
kill -0 "$app_pid" 2>/dev/null || die "the app exited while its screens were opened"
figure "peak resident memory, after every screen" "$(memory_mb VmHWM)" MB 300
figure "resident memory, after every screen" "$(memory_mb VmRSS)" MB -
import -window root "$out/window.png"
(($(colours root) >= 16)) || echo "bench_window: $out/window.png looks blank: the window may not have drawn" >&2
quit
echo "screenshots: $out/window.png, $out/window-patterns.png" >&2
