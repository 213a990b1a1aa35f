#!/usr/bin/env python3
"""Prints each benchmark figure next to its target.

    scripts/bench_summary.py RESULTS [FIGURES...]

RESULTS is `go test -bench` output (build/bench/results.txt); when it is
missing, the Go benchmarks count as not run. Each FIGURES file, if
present, holds figures measured outside `go test`: the real window
(build/bench/window.txt, by scripts/bench_window.sh) and the built binary
as a whole process, with the ratios against jrnl (build/bench/cli.txt,
by scripts/bench_cli.sh). One a line, tab-separated:

    figure<TAB>value<TAB>unit<TAB>target     (target "-": none; value "-": not measured)
    ratio<TAB>figure<TAB>jrnl seconds<TAB>Throughline seconds<TAB>goal<TAB>note

A ratio is jrnl's time over Throughline's (30 means 30 times faster) and
is met when at least its goal; with jrnl's time "-" it is not measured,
and its note says why.

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
    "BenchmarkSyncIdleRound_10k": (50, "a sync round with nothing to send or receive (the window runs one a minute)"),
    "BenchmarkSyncReceiveOne_10k": (150, "a sync round receiving one entry from another computer"),
    "BenchmarkFirstPage_100k": (20, "first page of the list"),
    "BenchmarkNextPage_100k": (20, "a page deep in the list (scrolling without stalls)"),
    "BenchmarkOpen_100k": (200, "opening the journal"),
    "BenchmarkTaggings_100k": (None, "all taggings"),
    "BenchmarkAllTime_100k": (100, "patterns over all time"),
    "BenchmarkOpenWindow_100k": (1000, "window built with all screens"),
    "BenchmarkPatternsView_100k": (300, "pattern view opens"),
    "BenchmarkReportPDF_Year": (100, "a year's session-prep PDF"),
    "BenchmarkImportJrnl_100k": (5800, "importing 100,000 jrnl entries (jrnl importing its own text: 5.8 s)"),
    "BenchmarkExportJSON_100k": (1500, "exporting 100,000 entries as JSON"),
    "BenchmarkReportMarkdown_100k": (None, "the session-prep report over all time, as Markdown"),
    "BenchmarkExportMarkdown_100k": (None, "every entry as one Markdown file"),
    "BenchmarkPatternsAllTime_100k": (None, "what the patterns command reads and sums over all time"),
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


# What each FIGURES file holds, by its name.
SECTIONS = {
    "window.txt": ("real window, the built app in X", "scripts/bench_window.sh"),
    "cli.txt": ("whole process, the built binary", "scripts/bench_cli.sh"),
}
# A FIGURES file may name its own section in a line "# section: TITLE".
SECTION_LINE = "# section: "


def parse_figures(path):
    """Returns the section's title ("" when the file names none) and its
    figures: ("figure", name, value or None, unit, target or None) and
    ("ratio", name, jrnl s or None, Throughline s or None, goal, note)."""
    title, figures = "", []
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith(SECTION_LINE):
                title = line[len(SECTION_LINE):].strip()
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            try:
                if fields[0] == "ratio" and len(fields) == 6:
                    _, name, jrnl, ours, goal, note = fields
                    figures.append(("ratio", name, optional(jrnl), optional(ours), float(goal), note))
                elif len(fields) == 4:
                    name, value, unit, target = fields
                    figures.append(("figure", name, optional(value), unit, optional(target)))
                else:
                    print(f"{path}:{n}: expected figure, value, unit and target, or a ratio row, tab-separated; skipped", file=sys.stderr)
            except ValueError:
                print(f"{path}:{n}: a value, target or goal isn't a number; skipped", file=sys.stderr)
    return title, figures


def optional(text):
    """A number, or None for "", "-" or "—"."""
    return None if text.strip() in ("", "-", NO_TARGET) else float(text)


def figure_rows(figures):
    """Returns the table's rows, and how many targets were missed and how many not measured."""
    rows, missed, unmeasured = [], 0, 0
    for kind, name, *rest in figures:
        if kind == "ratio":
            jrnl, ours, goal, note = rest
            target = f"≥ {goal:g}×"
            if jrnl is None or not ours:
                unmeasured += 1
                rows.append((name, "not measured" + (f" ({note})" if note else ""), target, NO_TARGET))
                continue
            ratio = jrnl / ours
            ok = "ok" if ratio >= goal else "MISSED"
            measured = f"{number(ratio)}× (jrnl {number(jrnl)} s / {number(ours)} s)" + (f"; {note}" if note else "")
        else:
            value, unit, target_value = rest
            if value is None:
                unmeasured += 1
                rows.append((name, "not measured", target_text(target_value, unit), NO_TARGET))
                continue
            ok = verdict(value, target_value)
            measured, target = f"{number(value)} {unit}", target_text(target_value, unit)
        missed += ok == "MISSED"
        rows.append((name, measured, target, ok))
    return rows, missed, unmeasured


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
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    results, go_cpu, not_run = [], "", ""
    if os.path.exists(argv[1]):
        try:
            results, go_cpu = parse_results(argv[1])
        except OSError as e:
            print(f"bench_summary: can't read the benchmark results: {e}", file=sys.stderr)
            return 1
    else:
        not_run = "go test -bench"

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
    if not_run:
        print(f"go test -bench: not measured ({argv[1]} is missing)")
    elif rows:
        print("go test -bench (" + argv[1] + ")")
        print(table(("figure", "measured", "target", "ok?", "stands for"), rows))
    else:
        print(f"no benchmark figures in {argv[1]}")

    absent = [n for n in TARGETS if n not in names]
    absent += [p + "*" for p, _ in PREFIX_TARGETS if not any(n.startswith(p) for n in names)]
    if absent and not not_run:
        print("not in the results: " + ", ".join(absent))
    print()

    unmeasured, parts_missing = 0, [not_run] if not_run else []
    for path in argv[2:]:
        title, script = SECTIONS.get(os.path.basename(path), (path, "its script"))
        if not os.path.exists(path):
            parts_missing.append(title)
            print(f"{title}: not measured ({path} is missing; see {script}'s output)")
            print()
            continue
        try:
            own_title, figures = parse_figures(path)
        except OSError as e:
            print(f"bench_summary: can't read {path}: {e}", file=sys.stderr)
            return 1
        if not figures:
            parts_missing.append(title)
            print(f"{title}: no figures in {path}")
            print()
            continue
        print(f"{own_title or title} ({path})")
        for kind, header in (("figure", "figure"), ("ratio", "jrnl's time / Throughline's")):
            rows, m, u = figure_rows([f for f in figures if f[0] == kind])
            missed, unmeasured = missed + m, unmeasured + u
            if rows:
                print(table((header, "measured", "target", "ok?"), rows))
                print()

    line = f"{missed} target(s) MISSED" if missed else "all targets met"
    if unmeasured:
        line += f", {unmeasured} figure(s) not measured"
    if parts_missing:
        line += "; parts not measured: " + ", ".join(parts_missing)
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
