"""Time full-text search on an existing library: what the reader waits for as it types.

    .venv/bin/python benchmarks/search_latency.py --db PATH [--runs 5] [--limit 50]

Each of the 20 queries below (single words, phrases, rare and common words, prefixes as
typed, in the seeds' five languages; make_corpus.py builds its files from the seeds, so they
find something there too) is run once untimed, then `--runs` times, the queries taking turns.
A run is the wall time of `library.search.search(query, limit=50)`, the 50 snippets included
(what `reader search` does), and, separately, of what the window does: `find` (the 50 hits
without snippets) and the snippets of the first page of rows (`cut_snippets` of
SearchResultsModel.SNIPPET_PAGE hits; the list asks only for the rows it shows). The texts
unpacked lately are forgotten before every run, as for a new query. The per-query median and
the overall median and 95th percentile are printed in milliseconds, with the number of hits.
The library is opened read-only in spirit: nothing is written.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.store import texts  # noqa: E402
from reader.store.library import Library  # noqa: E402

WINDOW_PAGE = 16  # reader.ui.library.search_pane.SearchResultsModel.SNIPPET_PAGE (no Qt here)

# (kind, query): typed the way a reader types, without diacritics where a word has them.
QUERIES: tuple[tuple[str, str], ...] = (
    ("word", "provincial"),  # es, en
    ("word", "comite"),  # es "Comité", prefix of "Comités"
    ("word", "partikommitten"),  # sv "partikommittén"
    ("word", "конференцию"),  # ru
    ("word", "styringskomiteen"),  # nb
    ("rare word", "inundaciones"),  # es
    ("rare word", "серьезно"),  # ru "серьёзно"
    ("rare word", "okonomiske"),  # nb "økonomiske"
    ("phrase", '"natural disasters"'),  # en
    ("phrase", '"desastres naturales"'),  # es
    ("phrase", '"den provinsiella partikommitten"'),  # sv
    ("phrase", '"провинциального комитета"'),  # ru
    ("common word", "the "),  # en, finished (no prefix)
    ("common word", "och "),  # sv
    ("common word", "и "),  # ru
    ("prefix", "de"),  # es "de", "del", "desastres", ...; nb "den", "det", ...
    ("prefix", "d"),  # the first letter typed
    ("prefix", "imple"),  # es, en, nb
    ("prefix", "desastr"),  # es
    ("words", "Quan Minh Cuong"),  # the name in es, en, nb
)


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True, metavar="PATH",
                        help="an existing library file")
    parser.add_argument("--runs", type=int, default=5, metavar="N",
                        help="timed runs of each query (default 5)")
    parser.add_argument("--limit", type=int, default=50, metavar="N",
                        help="results per search (default 50)")
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"{args.db}: no such library file")
    library = Library.open(args.db)
    try:
        documents = library.document_count()
        hits = {query: len(library.search.search(query, limit=args.limit))
                for _, query in QUERIES}  # warm-up, untimed
        timings: dict[str, list[float]] = {query: [] for _, query in QUERIES}
        window: dict[str, list[float]] = {query: [] for _, query in QUERIES}
        search = library.search
        for _ in range(args.runs):
            for _, query in QUERIES:
                texts._unpacked.cache_clear()
                start = time.perf_counter()
                search.search(query, limit=args.limit)
                timings[query].append((time.perf_counter() - start) * 1000)
                texts._unpacked.cache_clear()
                start = time.perf_counter()
                search.cut_snippets(search.find(query, limit=args.limit)[:WINDOW_PAGE], query)
                window[query].append((time.perf_counter() - start) * 1000)
    finally:
        library.close()
    size = sum(p.stat().st_size for p in args.db.parent.glob(args.db.name + "*")
               if "backup" not in p.name)
    print(f"{args.db}: {documents:,} documents, {size / 1e6:.0f} MB; "
          f"{args.runs} runs of each query, limit {args.limit}")
    print(f"{'kind':<12} {'query':<36} {'hits':>5} {'median ms':>10} {'max ms':>8} "
          f"{'window median':>14}")
    for kind, query in QUERIES:
        values = timings[query]
        print(f"{kind:<12} {query!r:<36} {hits[query]:>5} {statistics.median(values):>10.2f} "
              f"{max(values):>8.2f} {statistics.median(window[query]):>14.2f}")
    every = [value for values in timings.values() for value in values]
    print(f"all {len(every)} searches: median {statistics.median(every):.2f} ms, "
          f"p95 {percentile(every, 0.95):.2f} ms, max {max(every):.2f} ms")
    shown = [value for values in window.values() for value in values]
    print(f"as the window, {WINDOW_PAGE} snippets: median {statistics.median(shown):.2f} ms, "
          f"p95 {percentile(shown, 0.95):.2f} ms, max {max(shown):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
