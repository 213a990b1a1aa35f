#!/usr/bin/env bash
# Times the built binary as a whole process, the way the command line is
# used, on journals of 10,000 and 100,000 entries made by importing the
# corpus's jrnl-style JSON, and, when a jrnl checkout is given, times jrnl
# on the same corpus in the same run (../shared/bench/peer_jrnl.sh) for
# the ratios of issue 15.
#
# Writes build/bench/cli.txt for bench_summary.py, one figure a line:
#   figure<TAB>value<TAB>unit<TAB>target          (target "-": none; value "-": not measured)
#   ratio<TAB>figure<TAB>jrnl s<TAB>Throughline s<TAB>goal<TAB>note
# A ratio is jrnl's time over Throughline's, so 30 means 30 times faster;
# with no jrnl time its note says why.
#
# Each Throughline figure is the best of RUNS runs (default 3); a ratio
# divides jrnl's median (what peer_jrnl.sh prints) by Throughline's
# median of the same runs. Commands write to /dev/null or a file in a
# scratch folder; the journals are never the cached benchmark ones.
#
#   RUNS=3                 runs of each Throughline command
#   JRNL_GIT=DIR           a git directory of jrnl-org/jrnl (or JRNL=launcher): measure jrnl
#   BENCH_PEER=0           leave jrnl out
#   PEER_SLOW=0            leave out jrnl --tags at 100k, about 11 minutes of CPU
#                          (O(T^2) in tag uses), which otherwise runs once, not RUNS times
#   PEER_SIZES="10000 100000"  the sizes jrnl is timed at
#   PEERBENCH_DIR=/tmp/peerbench  where peer_jrnl.sh keeps jrnl, its journals and logs
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${RUNS:-3}
peer_sizes=${PEER_SIZES:-10000 100000}
out=build/bench
figures=$out/cli.txt
bin=bin/throughline
word=lighthouse # the word peer_jrnl.sh's contains op looks for

die() { echo "bench_cli: $*" >&2; exit 1; }
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a whole number above 0, not '$runs'"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"
mkdir -p "$out"
echo "# section: whole process, bin/throughline on journals imported from the corpus (best of $runs; ratios: medians)" >"$figures"

corpus() { # corpus N: the path of the N-entry corpus JSON, made once
	local path=$PWD/$out/corpus-$1.json
	if [[ ! -f $path ]]; then
		echo "generating $path" >&2
		python3 ../shared/corpus/gen_corpus.py "$1" --format json -o "$path.tmp"
		mv "$path.tmp" "$path"
	fi
	echo "$path"
}

echo "building $bin" >&2
go build -o "$bin" .
bin=$PWD/$bin

# The floor under `version`: a program that links what Throughline is built
# on (Fyne, GORM, SQLite) and does nothing, timed the same way. Package
# initialisation in those libraries is most of a start, and no code of
# ours runs before it. Built here, before the home below is swapped,
# so go finds its module and build caches.
floor=$(mktemp "${TMPDIR:-/tmp}/throughline-startfloor.XXXXXX")
floor_dir=build/startfloor
mkdir -p "$floor_dir"
cat >"$floor_dir/main.go" <<'GO'
package main

import (
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/dialog"
	_ "fyne.io/fyne/v2/widget"
	_ "github.com/glebarez/sqlite"
	_ "gorm.io/gorm"
)

func main() {}
GO
go build -o "$floor" "./$floor_dir"
rm -r "$floor_dir"

work=$(mktemp -d "${TMPDIR:-/tmp}/throughline-cli-bench.XXXXXX")
trap 'rm -rf "$work" "$floor"' EXIT
# The binary gets a home of its own, so nothing of yours is read or written.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

figure() { # figure NAME VALUE UNIT TARGET
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$figures"
	if [[ $4 == - ]]; then
		echo "$1: $2 $3" >&2
	else
		echo "$1: $2 $3 (target $4 $3)" >&2
	fi
}
ratio() { # ratio NAME JRNL_S THROUGHLINE_S GOAL NOTE
	printf 'ratio\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$figures"
}

now_us() { echo "${EPOCHREALTIME/./}"; }
size() { echo "$(($1 / 1000))k"; } # 10000: 10k

# timed NAME PREP CMD...: runs PREP (a shell function, or :) and then CMD,
# RUNS times, each with a fresh scratch folder $run_dir, and sets best_ms,
# worst_ms and median_s. Only CMD is timed, from just before it starts to its
# exit. A failed run stops the script, with the command's own message.
timed() {
	local name=$1 prep=$2 r t0 t1 ms
	shift 2
	local walls=()
	for ((r = 1; r <= runs; r++)); do
		run_dir=$work/run
		rm -rf "$run_dir" && mkdir -p "$run_dir"
		"$prep"
		t0=$(now_us)
		if ! "$@" >"$run_dir/stdout" 2>"$run_dir/stderr"; then
			cat "$run_dir/stderr" >&2
			die "$name failed: $*"
		fi
		t1=$(now_us)
		ms=$(((t1 - t0) / 1000))
		walls+=("$ms")
		echo "  $name run $r: $ms ms" >&2
	done
	best_ms=$(printf '%s\n' "${walls[@]}" | sort -n | head -n 1)
	worst_ms=$(printf '%s\n' "${walls[@]}" | sort -n | tail -n 1)
	median_s=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) / 1000}')
}

declare -A median # Throughline's median seconds by op and size, for the ratios

# import_into N: imports the N-entry corpus into an empty journal RUNS
# times, keeps the last journal as $work/journal-N.db and records the
# time and peak resident memory.
import_into() {
	local n=$1 src rss_kb=0 kb
	src=$(corpus "$n")
	imported() {
		/usr/bin/time -v -o "$run_dir/time" "$bin" --db "$run_dir/journal.db" import "$src"
	}
	local walls=() r t0 t1
	for ((r = 1; r <= runs; r++)); do
		run_dir=$work/import-$n
		rm -rf "$run_dir" && mkdir -p "$run_dir"
		t0=$(now_us)
		imported >"$run_dir/stdout" 2>"$run_dir/stderr" || { cat "$run_dir/stderr" >&2; die "importing $src failed"; }
		t1=$(now_us)
		walls+=($(((t1 - t0) / 1000)))
		kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$run_dir/time")
		((kb > rss_kb)) && rss_kb=$kb
		echo "  import $n run $r: ${walls[-1]} ms, peak ${kb} KB" >&2
	done
	best_ms=$(printf '%s\n' "${walls[@]}" | sort -n | head -n 1)
	median[import_$n]=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) / 1000}')
	rm -f "$run_dir/time"
	for f in "$run_dir"/journal.db*; do
		mv "$f" "$work/journal-$n.db${f#"$run_dir/journal.db"}"
	done
	if ((n == 100000)); then
		figure "import of the 100k corpus JSON into an empty journal" "$best_ms" ms 5800
		figure "peak resident memory of that import (max of $runs)" "$(awk -v k="$rss_kb" 'BEGIN {printf "%.0f", k * 1024 / 1e6}')" MB 300
	else
		figure "import of the $(size "$n") corpus JSON into an empty journal" "$best_ms" ms -
	fi
}

# The ops jrnl is compared on, at size N, on the imported journal.
compared_ops() {
	local n=$1 db=$work/journal-$1.db label
	label=$(size "$n")

	timed "patterns $n" : "$bin" --db "$db" patterns --period all
	figure "patterns --period all at $label" "$best_ms" ms -
	median[tags_$n]=$median_s

	timed "search $n" : "$bin" --db "$db" search "$word"
	figure "search $word at $label" "$best_ms" ms -
	median[contains_$n]=$median_s

	# Every entry as one Markdown file, as jrnl --format markdown writes.
	md_export() { "$bin" --db "$db" export --entries -o "$run_dir/export.md"; }
	timed "export md $n" : md_export
	figure "Markdown export of every entry at $label" "$best_ms" ms -
	median[export_md_$n]=$median_s
}

echo "== Throughline, whole process, best of $runs ==" >&2
import_into 10000
compared_ops 10000
import_into 100000
db=$work/journal-100000.db

timed version : "$bin" version
figure "version (start only)" "$best_ms" ms 20

timed "start floor" : "$floor"
figure "start of a program linking Fyne, GORM and SQLite that does nothing (the floor)" "$best_ms" ms -

# add writes to a copy made once, which grows by one entry a run.
# The copy is synced before the first add is timed: otherwise that add's
# fsync writes back the 234 MB cp left dirty (120-140 ms), which is the
# copy's cost, not the add's.
copy_journal() {
	[[ -f $work/add.db ]] && return
	for f in "$db"*; do cp "$f" "$work/add.db${f#"$db"}"; done
	sync "$work"/add.db*
}
timed "add 100000" copy_journal "$bin" --db "$work/add.db" add --title "A bench entry" --body "Written by scripts/bench_cli.sh."
figure "add one entry at 100k (on a copy, +1 entry a run)" "$best_ms" ms 40
rm -f "$work"/add.db*

# The best of a few adds hides the one that pays for merging the search
# index's segments; the slowest of twenty in a row, right after the
# import, shows it.
adds_in_a_row() { local runs=20; timed "add after import 100000" copy_journal "$@"; }
adds_in_a_row "$bin" --db "$work/add.db" add --title "A bench entry" --body "Written by scripts/bench_cli.sh."
figure "slowest of 20 adds in a row right after the import at 100k" "$worst_ms" ms 40
rm -f "$work"/add.db*

# One page is the window's page of 60.
timed "list 100000" : "$bin" --db "$db" list --limit 60
figure "list one page (--limit 60) at 100k" "$best_ms" ms 40

compared_ops 100000

json_export() { "$bin" --db "$db" export --format json -o "$run_dir/export.json"; }
timed "export json 100000" : json_export
figure "full JSON export at 100k" "$best_ms" ms 1500

# The file against the text it holds: the UTF-8 bytes of every entry's
# title and body in the corpus (MB of 10^6 bytes).
text_bytes=$(python3 -c 'import json, sys
print(sum(len(e["title"].encode()) + len(e["body"].encode()) for e in json.load(open(sys.argv[1]))["entries"]))' "$(corpus 100000)")
# A cleanly closed journal has no -wal file.
file_bytes=$(cat "$db" "$db-wal" 2>/dev/null | wc -c || true)
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1e6}'; }
figure "text held at 100k (titles and bodies, UTF-8)" "$(mb "$text_bytes")" MB -
figure "journal file at 100k (with its -wal), at most twice its text" "$(mb "$file_bytes")" MB "$(mb $((text_bytes * 2)))"

# ---- jrnl on the same corpus, in the same run ----
goal() { # goal OP N: the issue's ratio goal
	case $1_$2 in
		tags_10000) echo 30 ;; contains_10000) echo 20 ;; export_md_10000) echo 3 ;;
		tags_100000) echo 1000 ;; contains_100000) echo 50 ;; export_md_100000) echo 5 ;;
		import_100000) echo 1 ;;
	esac
}
what() {
	case $1 in
		tags) echo "pattern frequency (jrnl --tags / patterns --period all)" ;;
		contains) echo "search (jrnl -contains $word / search $word)" ;;
		export_md) echo "Markdown export (jrnl --format markdown / export --entries)" ;;
		import) echo "import (jrnl importing its own text / import of the corpus JSON)" ;;
	esac
}
peer_ops() { # the ops with a goal at size N
	if (($1 == 100000)); then echo tags contains export_md import; else echo tags contains export_md; fi
}
unmeasured() { # unmeasured WHY: every ratio row, not measured
	local n op
	for n in 10000 100000; do
		for op in $(peer_ops "$n"); do
			ratio "$(what "$op") at $(size "$n")" - "${median[${op}_$n]:--}" "$(goal "$op" "$n")" "$1"
		done
	done
}

if [[ ${BENCH_PEER:-1} == 0 ]]; then
	unmeasured "BENCH_PEER=0"
elif [[ -z ${JRNL_GIT:-} && -z ${JRNL:-} ]]; then
	unmeasured "set JRNL_GIT; see ../shared/bench/README.md"
else
	echo "== jrnl (../shared/bench/peer_jrnl.sh), the same corpus ==" >&2
	declare -A peer
	peer_file=$work/peer.txt
	for n in 10000 100000; do
		[[ " $peer_sizes " == *" $n "* ]] || continue
		ops=$(peer_ops "$n")
		slow=""
		if ((n == 100000)); then
			ops=${ops/tags /}
			[[ ${PEER_SLOW:-1} == 0 ]] || slow=tags
		fi
		# A failure costs only its rows, which then say they weren't measured.
		RUNS=$runs OPS="$ops" ../shared/bench/peer_jrnl.sh "$n" >"$peer_file" || echo "bench_cli: peer_jrnl.sh $n failed (see above)" >&2
		[[ -z $slow ]] || RUNS=1 OPS="$slow" ../shared/bench/peer_jrnl.sh "$n" >>"$peer_file" || echo "bench_cli: peer_jrnl.sh $n (tags) failed (see above)" >&2
		while read -r op size wall _; do
			peer[${op}_$size]=$wall
		done <"$peer_file"
	done
	for n in 10000 100000; do
		for op in $(peer_ops "$n"); do
			key=${op}_$n note=""
			if [[ -z ${peer[$key]:-} ]]; then
				if [[ " $peer_sizes " != *" $n "* ]]; then
					note="PEER_SIZES leaves out $n"
				elif [[ $key == tags_100000 ]]; then
					note="PEER_SLOW=0: jrnl --tags takes about 11 minutes at 100k"
				else
					note="peer_jrnl.sh printed nothing for it: see its output"
				fi
			elif [[ ! ${peer[$key]} =~ ^[0-9.]+$ ]]; then
				note="jrnl: ${peer[$key]}"
				peer[$key]=""
			elif [[ $key == tags_100000 ]]; then
				note="jrnl ran once (PEER_SLOW=0 leaves it out)"
			fi
			ratio "$(what "$op") at $(size "$n")" "${peer[$key]:--}" "${median[$key]}" "$(goal "$op" "$n")" "$note"
		done
	done
fi
echo "figures: $figures" >&2
