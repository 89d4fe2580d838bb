"""What a reader waits for after typing a search in the window: the search, and its results
laid out and painted in the search pane.

    .venv/bin/python benchmarks/search_pane.py --db PATH [--runs 3] [--size 1366x768]
        [--screenshot OUT.png]

Opens the window offscreen on an existing library (as `reader screenshot` does, with fresh
settings), then for each query of search_latency.py (the ones that find something) runs the
pane's `search_now` (what the typing pause triggers) and repaints the results list at once,
timing both together; the texts unpacked lately are forgotten before each run, as for a new
query. Between runs the box is emptied (the library list again). Prints the median, 95th
percentile and maximum in milliseconds, and how many rows had their snippets cut (the rows
the list showed). --screenshot saves the window with the first query's results.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after PYTHONPATH: an older tree can be timed

# The reader of PYTHONPATH (an older tree, to compare), else this tree's: imported before
# search_latency puts this tree first on the path.
importlib.import_module("reader")
from search_latency import QUERIES, percentile  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True, metavar="PATH")
    parser.add_argument("--runs", type=int, default=3, metavar="N")
    parser.add_argument("--size", default="1366x768", metavar="WxH")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png")
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"{args.db}: no such library file")
    width, height = (int(part) for part in args.size.split("x"))

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader import app as reader_app
    from reader.store import texts
    from reader.ui.pyside_imports import skip_feature_scan

    skip_feature_scan()
    qt = QApplication(sys.argv[:1])
    library = reader_app.open_library(args.db)
    scratch = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    reader_app._dress(qt, settings)
    window = reader_app._build_window(library, settings)
    window.resize(width, height)
    window.use_default_split()
    window.show()
    for _ in range(50):
        qt.processEvents()
    pane = window.search_pane
    queries = [query for _, query in QUERIES if len(query.strip()) > 1]
    timings: list[float] = []
    cut: list[int] = []
    for run in range(args.runs + 1):  # the first round untimed (Qt's first paints)
        for query in queries:
            pane.field.setText(query)
            texts._unpacked.cache_clear()
            started = time.perf_counter()
            pane.search_now()
            pane.results.repaint()
            spent = (time.perf_counter() - started) * 1000
            if run:
                timings.append(spent)
                snippets_cut = getattr(pane.model, "snippets_cut", None)
                cut.append(snippets_cut() if snippets_cut else pane.model.rowCount())
            pane.field.setText("")
            pane.search_now()
            qt.processEvents()
    print(f"{args.db}: {library.document_count():,} documents; window {args.size}; "
          f"{len(queries)} queries × {args.runs} runs")
    print(f"search and its results painted: median {statistics.median(timings):.1f} ms, "
          f"p95 {percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms; "
          f"snippets cut a search: median {statistics.median(cut):.0f}")
    if args.screenshot:
        pane.field.setText(queries[0])
        pane.search_now()
        for _ in range(5):
            qt.processEvents()
        window.grab().save(str(args.screenshot), "PNG")
        print(args.screenshot)
    window.close()
    reader_app._let_background_work_end()
    library.close()
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
