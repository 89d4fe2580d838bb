"""Issue 16 in one command: start-up ratios, import rate and CPU, library size, search speed.

    .venv/bin/python benchmarks/speed.py [--files 5000] [--startup-runs 7] [--db LIBRARY]

Runs the project's own benchmarks one after the other and prints their figures next to the
goals of the speed issue:

1. `startup.py --pycache` on the five seeds (and, with --db, on a copy of that library): start
   to the window's first paint and to the article's text painted, as ratios to a bare PySide6
   window timed in alternation with it (the machine's noise touches both alike).
2. `import_throughput.py --files N --keep …`: `reader import` of N corpus files into a new
   library: articles/s, CPU ms per file (with its workers) and how many cores were busy; the
   300 articles/s goal needs about 5.5 ms of CPU per file on two cores, the CPU is the figure
   to compare on a shared machine.
3. the size of that library per 1,000 articles.
4. `search_latency.py` on it: the median and 95th percentile of the 20 queries, and of a
   search as the window makes it (the hits, then the snippets of the 16 rows shown).

Nothing is asserted: the figures are printed (CI times nothing). A few minutes for 5,000 files.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent

GOAL_RATIO = 1.5
GOAL_ARTICLES_PER_S = 300.0
GOAL_CPU_MS_PER_FILE = 5.5
GOAL_MB_PER_1000 = 15.0


def _run(script: str, *arguments: str) -> str:
    """A benchmark's standard output (its progress on standard error is shown as it runs)."""
    completed = subprocess.run([sys.executable, str(HERE / script), *arguments],
                               stdout=subprocess.PIPE, text=True, check=True,
                               stdin=subprocess.DEVNULL)
    print(completed.stdout, end="", flush=True)
    return completed.stdout


def _number(pattern: str, text: str) -> float | None:
    match = re.search(pattern, text)
    return float(match.group(1).replace(",", "")) if match else None


def _verdict(value: float | None, goal: float, lower_is_better: bool) -> str:
    if value is None:
        return "not measured"
    met = value <= goal if lower_is_better else value >= goal
    return "met" if met else "not met"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and print the table of goals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000, metavar="N",
                        help="corpus files to import (default 5000)")
    parser.add_argument("--startup-runs", type=int, default=7, metavar="R")
    parser.add_argument("--db", type=Path, metavar="LIBRARY",
                        help="also time the start on a copy of this (closed) library")
    args = parser.parse_args(argv)

    rows: list[tuple[str, str, str, str]] = []
    libraries = [("five seeds", None)] + ([(args.db.name, args.db)] if args.db else [])
    for name, library in libraries:
        extra = ["--db", str(library)] if library is not None else []
        output = _run("startup.py", "--runs", str(args.startup_runs), "--pycache", *extra)
        paint = _number(r"ratio reader / bare window \(median to first paint\): ([\d.]+)", output)
        text = _number(r"ratio reader's text / bare window's text: ([\d.]+)", output)
        rows.append((f"start → first paint, {name}", f"{paint}×" if paint else "-",
                     f"≤ {GOAL_RATIO}×", _verdict(paint, GOAL_RATIO, True)))
        rows.append((f"start → text painted, {name}", f"{text}×" if text else "-",
                     f"≤ {GOAL_RATIO}×", _verdict(text, GOAL_RATIO, True)))

    with tempfile.TemporaryDirectory(prefix="reader-speed-") as scratch:
        kept = Path(scratch) / "library.sqlite"
        output = _run("import_throughput.py", "--files", str(args.files), "--keep", str(kept))
        rate = _number(r"run 1: .*?([\d.]+) articles/s", output)
        cpu = _number(r"CPU ([\d.]+) s", output)
        cores = _number(r"\(([\d.]+) of \d+ cores busy\)", output)
        size = _number(r"([\d.]+) MB per 1,000 articles", output)
        cpu_per_file = cpu * 1000 / args.files if cpu is not None else None
        rows.append((f"import, {args.files:,} files: articles/s", f"{rate}"
                     + (f" ({cores} cores busy)" if cores is not None else ""),
                     f"≥ {GOAL_ARTICLES_PER_S:.0f}", _verdict(rate, GOAL_ARTICLES_PER_S, False)))
        rows.append(("import: CPU ms per file (command and workers)",
                     f"{cpu_per_file:.2f}" if cpu_per_file is not None else "-",
                     f"≤ {GOAL_CPU_MS_PER_FILE}",
                     _verdict(cpu_per_file, GOAL_CPU_MS_PER_FILE, True)))
        rows.append(("library file, MB per 1,000 articles", f"{size}",
                     f"≤ {GOAL_MB_PER_1000:.0f}", _verdict(size, GOAL_MB_PER_1000, True)))
        output = _run("search_latency.py", "--db", str(kept), "--runs", "5")
        median = _number(r"median ([\d.]+) ms, p95", output)
        p95 = _number(r"p95 ([\d.]+) ms", output)
        rows.append(("search, the 20 queries: median / p95 ms", f"{median} / {p95}",
                     "as fast as before", "compare with benchmarks/README.md"))
        median = _number(r"as the window, \d+ snippets: median ([\d.]+) ms", output)
        p95 = _number(r"as the window, \d+ snippets: median [\d.]+ ms, p95 ([\d.]+) ms", output)
        rows.append(("search as the window shows it: median / p95 ms", f"{median} / {p95}",
                     "as fast as before", "compare with benchmarks/README.md"))

    print(f"\nmachine: {os.cpu_count()} cores, load average "
          f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'now':>22}  {'goal':>18}  verdict")
    for measure, now, goal, verdict in rows:
        print(f"{measure:<{width}}  {now:>22}  {goal:>18}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
