"""Where an import's CPU time goes: each stage of `reader import`, in CPU ms per file.

    .venv/bin/python benchmarks/import_stages.py [--files 2000] [--seed 0] [--profile OUT]

Makes --files corpus files (make_corpus.py), then, in this one process (no workers), prepares
every file as a worker does (import_work.prepare_file), aligns the translation pairs as the
workers do (import_work.align_job) and stores everything as the importer's writer does
(batches of 64 files into a new library). Each stage is timed with time.process_time around
the functions the stages call, so other work on the machine (a shared machine) changes the
figures little; the whole of each phase is timed too, so what no stage names shows as "rest".
--profile OUT writes a cProfile of the whole run to OUT (pstats format). --library LIB stores
into a copy of LIB (with its -wal file) instead of a new library, to see what the writer
costs in a large library (make one with `import_throughput.py --files N --keep LIB`, then use
another --seed here, or every file is a duplicate).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from make_corpus import count_articles, make_corpus

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(owner: Any, name: str, stage: str) -> None:
    """Replace owner.name by a wrapper that adds its CPU time to SPENT[stage] (outermost
    calls only, so a stage's own nested calls are not counted twice)."""
    original: Callable[..., Any] = getattr(owner, name)
    depth = [0]

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if depth[0]:
            return original(*args, **kwargs)
        depth[0] += 1
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            SPENT[stage] += time.process_time() - started
            CALLS[stage] += 1
            depth[0] -= 1

    if isinstance(owner, type):
        setattr(owner, name, wrapper)
    else:  # a frozen dataclass instance, such as a format's reader
        object.__setattr__(owner, name, wrapper)


def instrument() -> None:
    """Wrap the functions each stage calls."""
    import reader.formats.article_text as article_text
    import reader.store.figures as store_figures
    import reader.store.library as library
    import reader.store.search as search
    import reader.text.analysis as analysis
    import reader.text.figures as figures

    timed(article_text.READER, "read", "read and parse")
    timed(analysis, "detect_language", "language")
    timed(analysis, "split_sentences", "sentences")
    timed(analysis, "_title", "title")
    timed(analysis, "find_place", "place")
    timed(analysis, "count_words", "words and characters")
    timed(analysis, "count_characters", "words and characters")
    timed(figures, "find_figures", "figures")
    timed(search.SearchIndex, "index_document", "writer: search index")
    timed(store_figures.FigureStore, "replace", "writer: figures")
    timed(library, "refresh_article_listing", "writer: list columns")
    timed(analysis, "pack_text", "packing text and structure")
    timed(analysis, "pack_structure", "packing text and structure")
    timed(library, "store_text", "writer: text and structure")


def store_all(library: Any, prepared: list[Any]) -> tuple[int, int, float, float]:
    """Store the prepared files as the importer's writer does, 64 a batch, aligning the pairs
    of each batch as its workers do: (alignments stored, jobs run, writer CPU, aligner CPU)."""
    from reader.operations.aligning import pending_alignments, save_alignment_job
    from reader.operations.import_work import align_job
    from reader.operations.importer import _store, _to_align

    writer_cpu = align_cpu = 0.0
    aligned = jobs_run = 0
    for first in range(0, len(prepared), 64):
        started = time.process_time()
        touched = []
        with library.batch():
            for item in prepared[first:first + 64]:
                result = _store(library, item)
                if (article_id := _to_align(result)) is not None:
                    touched.append(article_id)
        writer_cpu += time.process_time() - started
        jobs = []
        started = time.process_time()
        for article_id in dict.fromkeys(touched):  # as the importer's _Aligner.submit
            jobs += pending_alignments(library, article_id)[0]
        writer_cpu += time.process_time() - started
        started = time.process_time()
        done = [(job, align_job(job)) for job in jobs]
        jobs_run += len(done)
        align_cpu += time.process_time() - started
        started = time.process_time()
        with library.batch():
            for job, alignment in done:
                aligned += save_alignment_job(library, job, alignment)
        writer_cpu += time.process_time() - started
    return aligned, jobs_run, writer_cpu, align_cpu


def main(argv: Sequence[str] | None = None) -> int:
    """Make the corpus, run each phase, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--library", type=Path, help="store into a copy of this library")
    args = parser.parse_args(argv)

    from reader.app import open_library
    from reader.operations.import_work import prepare_file, start_worker

    instrument()
    with tempfile.TemporaryDirectory(prefix="reader-stages-") as scratch_name:
        scratch = Path(scratch_name)
        files = make_corpus(args.files, scratch / "corpus", args.seed)
        articles, pairs = count_articles(files)
        profiler = cProfile.Profile() if args.profile else None
        start_worker()
        if args.library is not None:
            for suffix in ("", "-wal"):
                source = Path(f"{args.library}{suffix}")
                if source.exists():
                    shutil.copyfile(source, scratch / f"library.sqlite{suffix}")
        library = open_library(scratch / "library.sqlite")
        SPENT.clear()
        CALLS.clear()
        if profiler is not None:
            profiler.enable()
        started = time.process_time()
        prepared = [prepare_file(path) for path in files]
        prepare_cpu = time.process_time() - started
        failed = sum(1 for p in prepared if p.analysed is None)

        # As the importer stores its workers' results (older code has no bulk_writes).
        bulk = getattr(library, "bulk_writes", contextlib.nullcontext)
        with bulk():
            aligned, jobs_run, writer_cpu, align_cpu = store_all(library, prepared)
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(args.profile))
        library.close()
        size = sum(p.stat().st_size for p in scratch.glob("library.sqlite*"))

    n = len(files)
    ms = 1000 / n
    per_article = "" if args.library else (
        f", {size / 1e6 / (articles / 1000):.2f} MB per 1,000 articles")
    print(f"{n} files ({articles} articles, {pairs} pairs), {failed} failed, {aligned} "
          f"alignments stored; library {size / 1e6:.1f} MB{per_article}")
    print("| stage | CPU ms per file |")
    print("|---|---|")
    named = 0.0
    for stage in ("read and parse", "language", "sentences", "title", "place",
                  "words and characters", "figures", "packing text and structure"):
        named += SPENT[stage]
        print(f"| {stage} | {SPENT[stage] * ms:.2f} |")
    print(f"| rest of the preparation | {(prepare_cpu - named) * ms:.2f} |")
    print(f"| **prepare (worker), all** | **{prepare_cpu * ms:.2f}** |")
    print(f"| alignment (worker), per file | {align_cpu * ms:.2f} "
          f"({align_cpu * 1000 / max(jobs_run, 1):.1f} per pair) |")
    named = 0.0
    for stage in ("writer: search index", "writer: text and structure",
                  "writer: figures", "writer: list columns"):
        named += SPENT[stage]
        print(f"| {stage} | {SPENT[stage] * ms:.2f} |")
    print(f"| writer: rest (document row, alignments, commits) | {(writer_cpu - named) * ms:.2f} |")
    print(f"| **writer, all** | **{writer_cpu * ms:.2f}** |")
    total = prepare_cpu + align_cpu + writer_cpu
    print(f"| **all** | **{total * ms:.2f}** |")
    print(f"two cores, workers and writer overlapping: at best "
          f"{articles / n * 2 / total * n:.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
