#!/usr/bin/env python3
"""Prints each benchmark figure next to its target.

    scripts/bench_summary.py RESULTS [WINDOW]

RESULTS is `go test -bench` output (build/bench/results.txt). WINDOW, if
given and present, holds the real-window figures that
scripts/bench_window.sh wrote (build/bench/window.txt), one a line:

    figure<TAB>value<TAB>unit<TAB>target     (target "-" for none)

Benchmarks run more than once (-count N) are judged by their median. A
missed target is marked MISSED, but the exit status stays 0: the summary
reports, it doesn't gate. Only unreadable input exits non-zero.
"""

import os
import re
import statistics
import sys

NO_TARGET = "—"

# Target in ms and what the figure stands for, by benchmark name without
# the -N GOMAXPROCS suffix. None: shown, but with no target.
TARGETS = {
    "BenchmarkSaveEntry_100k": (10, "saving an entry"),
    "BenchmarkUnlock_10k": (2000, "unlocking a 10,000-entry encrypted journal"),
    "BenchmarkEncryptedSave_10k": (15, "saving an entry, encrypted"),
    "BenchmarkFirstPage_100k": (20, "first page of the list"),
    "BenchmarkNextPage_100k": (20, "a page deep in the list (scrolling without stalls)"),
    "BenchmarkOpen_100k": (200, "opening the journal"),
    "BenchmarkTaggings_100k": (None, "all taggings"),
    "BenchmarkAllTime_100k": (100, "patterns over all time"),
    "BenchmarkOpenWindow_100k": (1000, "window built with all screens"),
    "BenchmarkPatternsView_100k": (300, "pattern view opens"),
    "BenchmarkReportPDF_Year": (1000, "a year's session-prep PDF"),
    "BenchmarkImportJrnl_100k": (15000, "importing 100,000 jrnl entries"),
    "BenchmarkExportJSON_100k": (5000, "exporting 100,000 entries as JSON"),
}
# Any benchmark whose name starts with one of these.
PREFIX_TARGETS = [
    ("BenchmarkSearch", (50, "search answers")),
]

BENCH_LINE = re.compile(r"^(Benchmark\S*?)(?:-\d+)?\s+(\d+)\s+([0-9.eE+-]+) ns/op\b")


def target_of(name):
    if name in TARGETS:
        return TARGETS[name]
    for prefix, target in PREFIX_TARGETS:
        if name.startswith(prefix):
            return target
    return (None, "")


def parse_results(path):
    """Returns [(pkg, name, [ns/op, ...])] in first-seen order, and the cpu line."""
    runs, order, cpu, pkg = {}, [], "", ""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("pkg: "):
                pkg = line[5:].strip()
            elif line.startswith("cpu: ") and not cpu:
                cpu = line[5:].strip()
            m = BENCH_LINE.match(line)
            if m:
                key = (pkg, m.group(1))
                if key not in runs:
                    runs[key] = []
                    order.append(key)
                runs[key].append(float(m.group(3)))
    return [(pkg, name, runs[(pkg, name)]) for pkg, name in order], cpu


def parse_window(path):
    """Returns [(figure, value, unit, target or None)]."""
    figures = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4:
                print(f"{path}:{n}: expected figure, value, unit and target, tab-separated; skipped", file=sys.stderr)
                continue
            figure, value, unit, target = fields
            try:
                value = float(value)
                target = None if target.strip() in ("", "-", NO_TARGET) else float(target)
            except ValueError:
                print(f"{path}:{n}: value or target isn't a number; skipped", file=sys.stderr)
                continue
            figures.append((figure, value, unit, target))
    return figures


def number(x):
    """A figure with precision that fits its size: 8775, 117.6, 1.45, 0.811, 0.000118."""
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def target_text(target, unit):
    return NO_TARGET if target is None else f"{target:g} {unit}"


def verdict(value, target):
    if target is None:
        return NO_TARGET
    return "ok" if value <= target else "MISSED"


def machine():
    try:
        cores = len(os.sched_getaffinity(0))  # what nproc prints
    except (AttributeError, OSError):
        cores = os.cpu_count() or 0
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return cores, model


def table(header, rows):
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    out = []
    for i, r in enumerate([header] + rows):
        out.append(" | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if i == 0:
            out.append("-+-".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        results, go_cpu = parse_results(argv[1])
    except OSError as e:
        print(f"bench_summary: can't read the benchmark results: {e}", file=sys.stderr)
        return 1

    cores, model = machine()
    print("Throughline benchmarks on a 100,000-entry journal")
    print(f"machine: {cores} cores (nproc), {model or go_cpu or 'CPU model unknown'}")
    print()

    rows, missed = [], 0
    names = {name for _, name, _ in results}
    repeated = len(names) != len(results)  # a name in more than one package
    for pkg, name, ns in results:
        target, what = target_of(name)
        ms = statistics.median(ns) / 1e6
        measured = f"{number(ms)} ms"
        if len(ns) > 1:
            measured += f" (median of {len(ns)}, max {number(max(ns) / 1e6)})"
        shown = name if not repeated else f"{name} ({pkg.rsplit('/', 1)[-1]})"
        ok = verdict(ms, target)
        missed += ok == "MISSED"
        rows.append((shown, measured, target_text(target, "ms"), ok, what))
    if rows:
        print("go test -bench (" + argv[1] + ")")
        print(table(("figure", "measured", "target", "ok?", "stands for"), rows))
    else:
        print(f"no benchmark figures in {argv[1]}")

    absent = [n for n in TARGETS if n not in names]
    absent += [p + "*" for p, _ in PREFIX_TARGETS if not any(n.startswith(p) for n in names)]
    if absent:
        print("not in the results: " + ", ".join(absent))
    print()

    unmeasured = ""
    if len(argv) == 3:
        window = argv[2]
        if not os.path.exists(window):
            unmeasured = " (the real window wasn't measured)"
            print(f"real window: not measured ({window} is missing; see scripts/bench_window.sh's output)")
        else:
            try:
                figures = parse_window(window)
            except OSError as e:
                print(f"bench_summary: can't read the real-window figures: {e}", file=sys.stderr)
                return 1
            rows = []
            for figure, value, unit, target in figures:
                ok = verdict(value, target)
                missed += ok == "MISSED"
                rows.append((figure, f"{number(value)} {unit}", target_text(target, unit), ok))
            if rows:
                print("real window, the built app in X (" + window + ")")
                print(table(("figure", "measured", "target", "ok?"), rows))
            else:
                unmeasured = " (the real window wasn't measured)"
                print(f"real window: no figures in {window}")
            print()

    print((f"{missed} target(s) MISSED" if missed else "all targets met") + unmeasured)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
