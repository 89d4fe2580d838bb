"""Import throughput: `reader import` of a synthetic corpus into a fresh library.

    .venv/bin/python benchmarks/import_throughput.py [--articles 10000] [--in-process] [--keep DIR]

Writes --articles article files with make_corpus.py (about one article in five is an es + en
translation pair, so N files are about N / 1.2 library articles) into a temporary folder, then
times `reader import FOLDER --db NEW_LIBRARY` as a subprocess, wall clock. It reports files/s
and library articles/s, the imported / duplicate / failed counts from the command's output,
the library's size per 1,000 files and per 1,000 articles, and checks the library: articles
and documents, es + en pairs grouped as one article, and each file's detected language
against the language it was written in.

A new library first takes the five bundled seeds (4 articles), which are counted in the
library's size and articles but not in the import's output lines.

--in-process repeats the import in this process (open_library + import_paths on another new
library) to separate the cost of starting the command and loading the language models from
the steady rate: it reports the time to the first file's result and the rate after it.
"""

from __future__ import annotations

import argparse
import sqlite3
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
        paragraphs = connection.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        sentences = connection.execute("SELECT count(*) FROM sentences").fetchone()[0]
    finally:
        connection.close()
    return {"articles": articles, "documents": documents, "es+en articles": grouped,
            "paragraphs": paragraphs, "sentences": sentences,
            "wrong language": dict(wrong_language)}


def import_in_process(folder: Path, library_path: Path) -> tuple[float, float, int]:
    """Import in this process: seconds to the first file's result, total seconds, files."""
    from reader.app import open_library
    from reader.store.importer import import_paths

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
    parser.add_argument("--articles", type=int, default=10_000, metavar="N",
                        help="article files to generate and import (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="corpus random seed (default 0)")
    parser.add_argument("--in-process", action="store_true",
                        help="also time an import inside this process")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="write corpus and library into DIR and keep them")
    args = parser.parse_args(argv)
    if not READER.exists():
        parser.error(f"no `reader` command beside this Python: {READER}")

    with tempfile.TemporaryDirectory(prefix="reader-import-") as scratch_name:
        scratch = args.keep or Path(scratch_name)
        scratch.mkdir(parents=True, exist_ok=True)
        corpus = scratch / "corpus"
        library = scratch / "library.sqlite"
        for path in (library, library.with_name(library.name + "-wal")):
            path.unlink(missing_ok=True)
        started = time.perf_counter()
        files = make_corpus(args.articles, corpus, args.seed)
        expected_articles, expected_pairs = count_articles(files)
        print(f"corpus: {len(files)} files, {expected_articles} articles "
              f"({expected_pairs} es+en pairs), "
              f"{sum(f.stat().st_size for f in files) / 1e6:.1f} MB of text, "
              f"made in {time.perf_counter() - started:.1f} s")

        output_file = scratch / "import-output.txt"
        with output_file.open("w", encoding="utf-8") as output:
            started = time.perf_counter()
            completed = subprocess.run(
                [str(READER), "import", str(corpus), "--db", str(library)],
                stdout=output, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
            )
            wall = time.perf_counter() - started
        counts, failures = parse_import_output(output_file.read_text(encoding="utf-8"))
        size = library_bytes(library)
        held = check_library(library)

        print(f"reader import: exit status {completed.returncode}, {wall:.1f} s wall")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
