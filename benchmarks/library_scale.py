"""How the reader behaves on a library of a given size: start-up, memory, search, typing.

    .venv/bin/python benchmarks/library_scale.py --db LIB [--db LIB ...] [--runs 5]

For each library file (build them with `benchmarks/import_throughput.py --keep` or
`reader import`):

- size: articles, documents, file size (with its -wal file) and MB per 1,000 articles;
- start-up: `reader --db LIB` offscreen, from just before the process is spawned to its
  window's first paint (READER_QUIT_AFTER_FIRST_PAINT), median of --runs after one warm-up,
  with the child's peak RSS (os.wait4);
- search: the 20 queries of benchmarks/search_latency.py, each once untimed then --runs
  times, as `library.search.search(query, limit=50)` in this process: median and p95 ms;
- a session in a child process: the window opens the library, the library list is scrolled
  to its end and back, a query is typed into the search box one key at a time (a key every
  80 ms, as a quick typist), the best hit is opened; a 5 ms timer measures the longest time
  the event loop did not run (the longest the window could not repaint or take a key), and
  the child's peak RSS is the memory of the app with the library open and used.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from search_latency import QUERIES  # noqa: E402
from startup import READER, child_env, run_once  # noqa: E402

from reader.store.library import Library  # noqa: E402

TYPED_QUERY = "desastres naturales"
KEY_INTERVAL_MS = 80

SESSION = f'''\
"""One session on a library: open, scroll the list, type a search, open the best hit."""
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.operations.session import LibrarySession
from reader.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
library = LibrarySession.open(Path(sys.argv[1]))
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow(library, settings)
window.resize(1400, 900)
window.show()
while not window.initial_article_opened():
    app.processEvents()
clock = QElapsedTimer()
clock.start()
longest = [0, 0]  # the longest gap between ticks: while scrolling, while typing
phase = [0]
last = [clock.elapsed()]


def tick():
    now = clock.elapsed()
    longest[phase[0]] = max(longest[phase[0]], now - last[0])
    last[0] = now


timer = QTimer()
timer.setInterval(5)
timer.timeout.connect(tick)
timer.start()
view = window.library_pane.view
for _ in range(3):
    view.scrollToBottom()
    QTest.qWait(50)
    view.scrollToTop()
    QTest.qWait(50)
phase[0] = 1
last[0] = clock.elapsed()
field = window.search_pane.field
field.setFocus()
for character in {TYPED_QUERY!r}:
    QTest.keyClick(field, character)
    QTest.qWait({KEY_INTERVAL_MS})
QTest.qWait(400)
typing_stall = longest[1]
timer.stop()
hits = window.search_pane.model.rowCount()
started = time.perf_counter()
window.search_pane.open_row(0)
opened_ms = (time.perf_counter() - started) * 1000
QTest.qWait(100)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"session rows={{window.library_model.rowCount()}} hits={{hits}} "
      f"scroll_stall_ms={{longest[0]}} typing_stall_ms={{typing_stall}} "
      f"open_hit_ms={{opened_ms:.0f}} peak_kib={{peak}}", flush=True)
window.close()
library.close()
'''


def _size(path: Path) -> tuple[int, int, float]:
    library = Library.open(path)
    try:
        articles = library.listing.count()
        documents = library.document_count()
    finally:
        library.close()
    total = sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    return articles, documents, total / 1e6


def _search(path: Path, runs: int) -> tuple[float, float]:
    library = Library.open(path)
    times: list[float] = []
    try:
        for _kind, query in QUERIES:
            library.search.search(query, limit=50)
        for _ in range(runs):
            for _kind, query in QUERIES:
                started = time.perf_counter()
                library.search.search(query, limit=50)
                times.append((time.perf_counter() - started) * 1000)
    finally:
        library.close()
    times.sort()
    return statistics.median(times), times[max(0, math.ceil(0.95 * len(times)) - 1)]


def _session(path: Path, scratch: Path) -> dict[str, float]:
    script = scratch / "session.py"
    script.write_text(SESSION, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(scratch / "cfg"))
    done = subprocess.run([sys.executable, str(script), str(path), str(scratch / "s.ini")],
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("session ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"session failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return {key: float(value) for key, value in
            (part.split("=") for part in line.split()[1:])}


def main() -> int:
    """Measure each library and print one row for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, action="append", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="reader-scale-") as scratch_name:
        scratch = Path(scratch_name)
        env = child_env(scratch)
        for path in args.db:
            articles, documents, megabytes = _size(path)
            command = [str(READER), "--db", str(path)]
            run_once(command, env)  # warm-up: disk cache, fonts
            starts = [run_once(command, env) for _ in range(args.runs)]
            start_ms = statistics.median(r.to_paint_s for r in starts) * 1000
            start_rss = max(r.peak_rss_kib for r in starts) / 1024
            median_ms, p95_ms = _search(path, args.runs)
            session = _session(path, scratch)
            rows.append((path.name, articles, documents, megabytes,
                         megabytes / articles * 1000 if articles else 0.0, start_ms, start_rss,
                         median_ms, p95_ms, session))
            print(f"measured {path}", file=sys.stderr)
    print(f"{'library':<22}{'articles':>9}{'docs':>8}{'MB':>8}{'MB/1k':>7}{'start ms':>9}"
          f"{'RSS MiB':>8}{'search med':>11}{'p95 ms':>7}{'session MiB':>12}{'type stall':>11}"
          f"{'scroll stall':>13}{'open hit':>9}")
    for (name, articles, documents, megabytes, per_k, start_ms, start_rss, median_ms, p95_ms,
         session) in rows:
        print(f"{name:<22}{articles:>9}{documents:>8}{megabytes:>8.0f}{per_k:>7.1f}"
              f"{start_ms:>9.0f}{start_rss:>8.0f}{median_ms:>11.1f}{p95_ms:>7.1f}"
              f"{session['peak_kib'] / 1024:>12.0f}{session['typing_stall_ms']:>11.0f}"
              f"{session['scroll_stall_ms']:>13.0f}{session['open_hit_ms']:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
