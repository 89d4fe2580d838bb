"""Import throughput: `reader import` of a synthetic corpus into a fresh library.

    .venv/bin/python benchmarks/import_throughput.py [--files 10000] [--runs 1] [--in-process]
        [--keep LIBRARY]

Writes --files article files with make_corpus.py (about one article in five is an es + en
translation pair, so N files are about N / 1.2 library articles) into a temporary folder, then
times `reader import FOLDER --db NEW_LIBRARY` as a subprocess, wall clock, --runs times (each
into a new library; the median is reported). It reports files/s and library articles/s, the
imported / duplicate / failed counts from the command's output, the CPU time the command and
its worker processes took (and so how many cores they kept busy), the machine's load average
before and after (other work on the machine slows the import), the library's size per 1,000
files and per 1,000 articles, and checks the library: articles and documents, es + en pairs
grouped as one article and aligned, figures, and each file's detected language against the
language it was written in.

A new library first takes the five bundled seeds (4 articles), which are counted in the
library's size and articles but not in the import's output lines.

--keep LIBRARY keeps the (last run's) library at that path, for the benchmarks that need a
large library (library_scale.py, search_latency.py): `--files 100000 --keep /tmp/100k.sqlite`.
--articles is the old name of --files.

--stretch N prints, as the import goes, the rate of each stretch of N stored files (wall
time, files/s, articles/s, and the CPU the command and its workers took in that stretch, read
from /proc), so that a large import shows how the rate changes as the library grows:
`--files 120000 --stretch 12000` (about 10,000 articles a stretch).

--library LIBRARY imports into a copy of an existing library instead of a new one (the copy
is made in the scratch folder; use another --seed than the one the library was made with, so
that the files are new): the marginal rate at that library's size.

--in-process repeats the import in this process (open_library + import_paths on another new
library) to separate the cost of starting the command and loading the language models from
the steady rate: it reports the time to the first file's result and the rate after it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from make_corpus import LANGUAGES, count_articles, make_corpus

READER = Path(sys.executable).parent / "reader"
STATUSES = ("imported", "updated", "duplicate", "failed")


def library_bytes(library: Path) -> int:
    """Size of the library file with its write-ahead log and shared-memory file, if any."""
    return sum(
        p.stat().st_size
        for p in (library, library.with_name(library.name + "-wal"),
                  library.with_name(library.name + "-shm"))
        if p.exists()
    )


def parse_import_output(output: str) -> tuple[Counter[str], list[str]]:
    """Count the `reader import` lines by status; the failed lines themselves."""
    counts: Counter[str] = Counter()
    failures = []
    for line in output.splitlines():
        status = line.split(":", 1)[0]
        if status in STATUSES:
            counts[status] += 1
            if status == "failed":
                failures.append(line)
        elif line.strip():
            counts["other"] += 1
    return counts, failures


def check_library(library: Path) -> dict[str, Any]:
    """What the library holds after the import, read straight from its tables."""
    connection = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    try:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        grouped = connection.execute(
            "SELECT count(*) FROM (SELECT article_id, group_concat(language, '+') AS langs "
            "FROM (SELECT article_id, language FROM documents ORDER BY article_id, language) "
            "GROUP BY article_id) WHERE langs = 'en+es'"
        ).fetchone()[0]
        wrong_language = Counter(
            f"{want}->{got}"
            for name, got in connection.execute("SELECT file_name, language FROM documents")
            if (want := name.removesuffix(".txt").rpartition("_")[2]) in LANGUAGES
            and want != got
        )
        # Paragraphs and sentences are counted on their documents (tables until schema 16).
        paragraphs = connection.execute(
            "SELECT sum(paragraph_count) FROM documents").fetchone()[0]
        sentences = connection.execute("SELECT sum(sentence_count) FROM documents").fetchone()[0]
        aligned = connection.execute("SELECT count(*) FROM alignments").fetchone()[0]
        figures = connection.execute("SELECT count(*) FROM figures").fetchone()[0]
    finally:
        connection.close()
    return {"articles": articles, "documents": documents, "es+en articles": grouped,
            "aligned pairs": aligned, "paragraphs": paragraphs, "sentences": sentences,
            "figures": figures, "wrong language": dict(wrong_language)}


def children_cpu_seconds() -> float:
    """User and system CPU time of this process's finished children (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load_average() -> str:
    """The machine's 1, 5 and 15 minute load averages."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def remove_library(library: Path) -> None:
    """Delete a library file with its -wal and -shm files."""
    for path in (library, library.with_name(library.name + "-wal"),
                 library.with_name(library.name + "-shm")):
        path.unlink(missing_ok=True)


def _tree_pids(pid: int) -> list[int]:
    """A process and its descendants, from /proc (Linux); [] when it is gone."""
    pids = [pid]
    index = 0
    while index < len(pids):
        try:
            tasks = list(Path(f"/proc/{pids[index]}/task").iterdir())
        except OSError:
            tasks = []
        for task in tasks:
            with contextlib.suppress(OSError):
                pids.extend(int(c) for c in (task / "children").read_text().split())
        index += 1
    return pids


def tree_cpu_seconds(pid: int) -> tuple[float, float]:
    """User and system CPU time of a running process and its descendants (and their finished
    children), and of the process alone (the importer's writer), from /proc; 0 where /proc
    cannot say."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = own = 0
    for each in _tree_pids(pid):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        if each == pid:
            own = int(fields[11]) + int(fields[12])
    return total / ticks, own / ticks


def run_import(corpus: Path, library: Path, output_file: Path, stretch: int | None,
               articles_per_file: float) -> subprocess.CompletedProcess[str]:
    """`reader import` of the corpus, its output to output_file; every `stretch` results a
    line with that stretch's rate and CPU."""
    command = [str(READER), "import", str(corpus), "--db", str(library)]
    with output_file.open("w", encoding="utf-8") as output:
        if stretch is None:
            return subprocess.run(command, stdout=output, stderr=subprocess.PIPE,
                                  stdin=subprocess.DEVNULL, text=True)
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL, text=True, bufsize=1)
        assert process.stdout is not None and process.stderr is not None
        started = last_time = time.perf_counter()
        last_cpu = last_own = 0.0
        done = 0
        for line in process.stdout:
            output.write(line)
            if line.split(":", 1)[0] not in STATUSES:
                continue
            done += 1
            if done % stretch == 0:
                now = time.perf_counter()
                cpu, own = tree_cpu_seconds(process.pid)
                wall = now - last_time
                print(f"  files {done - stretch + 1:>7}-{done:<7} {wall:7.1f} s "
                      f"{stretch / wall:7.1f} files/s {stretch * articles_per_file / wall:7.1f} "
                      f"articles/s; CPU {(cpu - last_cpu) / stretch * 1000:5.2f} ms a file "
                      f"(writer {(own - last_own) / stretch * 1000:4.2f}; "
                      f"{(cpu - last_cpu) / wall:.2f} cores); {now - started:7.1f} s in all; "
                      f"load {load_average()}", flush=True)
                last_time, last_cpu, last_own = now, cpu, own
        stderr = process.stderr.read()
        return subprocess.CompletedProcess(command, process.wait(), None, stderr)


def import_in_process(folder: Path, library_path: Path) -> tuple[float, float, int]:
    """Import in this process: seconds to the first file's result, total seconds, files."""
    from reader.app import open_library
    from reader.operations.importer import import_paths

    started = time.perf_counter()
    first_done: list[float] = []

    def progress(done: int, total: int, path: Path) -> None:
        if done == 1 and not first_done:
            first_done.append(time.perf_counter())

    library = open_library(library_path)
    try:
        results = import_paths(library, [folder], progress=progress)
    finally:
        library.close()
    total = time.perf_counter() - started
    return (first_done[0] - started if first_done else total), total, len(results)


def main(argv: Sequence[str] | None = None) -> int:
    """Make the corpus, run the import, print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", "--articles", type=int, default=10_000, metavar="N",
                        help="article files to generate and import (default 10000)")
    parser.add_argument("--runs", type=int, default=1, metavar="R",
                        help="imports to time, each into a new library (default 1)")
    parser.add_argument("--seed", type=int, default=0, help="corpus random seed (default 0)")
    parser.add_argument("--in-process", action="store_true",
                        help="also time an import inside this process")
    parser.add_argument("--stretch", type=int, metavar="N",
                        help="print the rate of every N stored files as the import goes")
    parser.add_argument("--library", type=Path, metavar="LIBRARY",
                        help="import into a copy of this library instead of a new one")
    parser.add_argument("--keep", type=Path, metavar="LIBRARY",
                        help="keep the library the (last) import made at this path")
    args = parser.parse_args(argv)
    if not READER.exists():
        parser.error(f"no `reader` command beside this Python: {READER}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.keep is not None and library_bytes(args.keep) > 0:
        parser.error(f"{args.keep} exists already; remove it or choose another path")

    with tempfile.TemporaryDirectory(prefix="reader-import-") as scratch_name:
        scratch = Path(scratch_name)
        corpus = scratch / "corpus"
        library = scratch / "library.sqlite"
        started = time.perf_counter()
        files = make_corpus(args.files, corpus, args.seed)
        expected_articles, expected_pairs = count_articles(files)
        print(f"corpus: {len(files)} files, {expected_articles} articles "
              f"({expected_pairs} es+en pairs), "
              f"{sum(f.stat().st_size for f in files) / 1e6:.1f} MB of text, "
              f"made in {time.perf_counter() - started:.1f} s")

        output_file = scratch / "import-output.txt"
        walls: list[float] = []
        for run in range(1, args.runs + 1):
            remove_library(library)
            if args.library is not None:
                for suffix in ("", "-wal", "-shm"):
                    source = args.library.with_name(args.library.name + suffix)
                    if source.exists():
                        shutil.copyfile(source, library.with_name(library.name + suffix))
            load_before = load_average()
            cpu_before = children_cpu_seconds()
            started = time.perf_counter()
            completed = run_import(corpus, library, output_file, args.stretch,
                                   expected_articles / max(1, len(files)))
            wall = time.perf_counter() - started
            cpu = children_cpu_seconds() - cpu_before
            walls.append(wall)
            print(f"run {run}: {wall:.1f} s wall, {len(files) / wall:.1f} files/s, "
                  f"{expected_articles / wall:.1f} articles/s; CPU {cpu:.1f} s "
                  f"({cpu / wall:.2f} of {os.cpu_count()} cores busy); load average "
                  f"{load_before} before, {load_average()} after")
        wall = statistics.median(walls)
        counts, failures = parse_import_output(output_file.read_text(encoding="utf-8"))
        size = library_bytes(library)
        held = check_library(library)

        print(f"reader import: exit status {completed.returncode}, {wall:.1f} s wall"
              + (f" (median of {len(walls)})" if len(walls) > 1 else ""))
        if completed.stderr.strip():
            print(f"stderr: {completed.stderr.strip()[:2000]}")
        print("  " + ", ".join(f"{status} {counts[status]}" for status in
                               (*STATUSES, "other") if counts[status] or status != "other"))
        for line in failures[:10]:
            print(f"  {line}")
        print(f"  {len(files) / wall:.1f} files/s, "
              f"{expected_articles / wall:.1f} articles/s "
              f"({wall / len(files) * 1000:.2f} ms per file)" if files else "  no files")
        print(f"library: {size / 1e6:.1f} MB; "
              + ", ".join(f"{key} {value}" for key, value in held.items()))
        print(f"  {size / 1e6 / (len(files) / 1000):.2f} MB per 1,000 files, "
              f"{size / 1e6 / (int(held['articles']) / 1000):.2f} MB per 1,000 articles "
              f"(seeds included)" if files else "")

        if args.in_process:
            second = scratch / "library-in-process.sqlite"
            second.unlink(missing_ok=True)
            first, total, results = import_in_process(corpus, second)
            rest = results - 1
            print(f"in process: {total:.1f} s for {results} files; first file after "
                  f"{first * 1000:.0f} ms (opening and seeding the library, loading the "
                  f"language models), then {rest / (total - first):.1f} files/s")
        if args.keep is not None:
            args.keep.parent.mkdir(parents=True, exist_ok=True)
            for name in (library.name, library.name + "-wal", library.name + "-shm"):
                if (library.parent / name).exists():
                    shutil.move(library.parent / name, args.keep.with_name(
                        args.keep.name + name.removeprefix(library.name)))
            print(f"library kept at {args.keep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
