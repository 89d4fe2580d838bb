"""Time from process start to the first painted window: the reader against a bare Qt window.

    .venv/bin/python benchmarks/startup.py [--runs 5] [--pycache] [--db LIBRARY]

(a) `reader --db LIB` on a library that already holds the five seeds, and (b) a bare PySide6
script: QApplication and a QMainWindow of the same size holding one QTextBrowser. Both run
offscreen (QT_QPA_PLATFORM=offscreen) and print `painted <time.time()>` at their window's
first Paint event, then quit (the reader does so when READER_QUIT_AFTER_FIRST_PAINT is set,
after `article <time.time()>` when its article's text has been painted, by closing its window
as a reader would: the timed runs restore the state the warm-up run left, and open the
article read last).
A run's time is from just before the process is spawned to that timestamp. After one untimed
warm-up run of each, the two are timed in turn (a, b, a, b, ...), so that drift of the
machine touches both alike. Peak RSS is each child's own, from os.wait4.

Settings are kept in a temporary XDG_CONFIG_HOME, so the user's own are neither read nor
written. The children inherit this environment otherwise; where PYTHONDONTWRITEBYTECODE is set
(as on the development machines) the reader's own modules, installed in editable mode, are
compiled from source at every start. --pycache gives the children a bytecode cache of their
own in the temporary folder (PYTHONPYCACHEPREFIX, filled by the warm-up run), as an installed
app has.

benchmarks/startup_phases.py splits the reader's time into its phases.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

READER = Path(sys.executable).parent / "reader"
TIMEOUT_S = 120.0
WINDOW_SIZE = (1400, 900)  # the reader's default window size

BARE_WINDOW = f'''\
"""A bare PySide6 window: one QTextBrowser, quit after the first paint."""
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {{time.time():.6f}}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
browser = QTextBrowser()
browser.setHtml("<h1>Parallel Reader</h1><p>A bare window for the start-up benchmark.</p>")
window.setCentralWidget(browser)
window.resize({WINDOW_SIZE[0]}, {WINDOW_SIZE[1]})
first_paint = FirstPaint(window)
window.installEventFilter(first_paint)
window.show()
sys.exit(app.exec())
'''


@dataclass(frozen=True)
class Run:
    """One timed start: seconds to the first paint and to exit, and the child's peak RSS."""

    to_paint_s: float
    to_exit_s: float
    peak_rss_kib: int
    to_article_s: float | None = None  # the reader: its first article's text painted


def run_once(command: Sequence[str], env: dict[str, str]) -> Run:
    """Start the command, read its `painted` line and wait for it; raises on any failure."""
    with tempfile.TemporaryFile() as errors:
        started = time.time()
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=errors,
                                   stdin=subprocess.DEVNULL)
        timer = threading.Timer(TIMEOUT_S, process.kill)
        timer.start()
        try:
            assert process.stdout is not None
            output = process.stdout.read().decode("utf-8", "replace")
            # wait4 gives this child's own resource use (getrusage sums over all children).
            _, status, usage = os.wait4(process.pid, 0)
            exited = time.time()
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    painted = [line for line in output.splitlines() if line.startswith("painted ")]
    if process.returncode != 0 or not painted:
        raise RuntimeError(f"{command[0]} exited with {process.returncode} without a "
                           f"`painted` line.\nstdout:\n{output}\nstderr:\n{stderr}")
    paint_time = float(painted[0].split()[1])
    article = [line for line in output.splitlines() if line.startswith("article ")]
    to_article = float(article[0].split()[1]) - started if article else None
    return Run(paint_time - started, exited - started, usage.ru_maxrss,  # Linux: KiB
               to_article)


def child_env(scratch: Path, pycache: bool = False) -> dict[str, str]:
    """The environment of every child: offscreen Qt, quit at first paint, private settings,
    and with `pycache` a bytecode cache in the scratch folder."""
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "READER_QUIT_AFTER_FIRST_PAINT": "1",
        "XDG_CONFIG_HOME": str(scratch / "config"),
    })
    if pycache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    return env


def describe_environment(env: dict[str, str]) -> str:
    """The versions and switches that move the numbers, in one line."""
    from importlib.metadata import PackageNotFoundError, version
    from importlib.util import find_spec

    parts = [f"Python {sys.version.split()[0]}"]
    for package in ("PySide6-Essentials", "sqlite-utils", "babel"):
        try:
            parts.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package} missing")
    # sqlite-utils imports numpy and pandas when they are installed (+~100 ms for numpy).
    for optional in ("numpy", "pandas"):
        parts.append(f"{optional} {'installed' if find_spec(optional) else 'not installed'}")
    if env.get("PYTHONPYCACHEPREFIX"):
        parts.append("bytecode cached in PYTHONPYCACHEPREFIX")
    elif env.get("PYTHONDONTWRITEBYTECODE"):
        parts.append("PYTHONDONTWRITEBYTECODE set")
    return ", ".join(parts)


def _row(name: str, runs: Sequence[Run]) -> str:
    paint = [r.to_paint_s * 1000 for r in runs]
    exit_ = [r.to_exit_s * 1000 for r in runs]
    rss = max(r.peak_rss_kib for r in runs) / 1024
    return (f"{name:<14}{statistics.median(paint):>10.0f}{min(paint):>8.0f}{max(paint):>8.0f}"
            f"{statistics.median(exit_):>14.0f}{rss:>14.0f}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument("--pycache", action="store_true",
                        help="give the children a bytecode cache (PYTHONPYCACHEPREFIX)")
    parser.add_argument("--db", type=Path, metavar="LIBRARY",
                        help="start on a copy of this library (default: a new one of the seeds)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not READER.exists():
        parser.error(f"no `reader` command beside this Python: {READER}")

    with tempfile.TemporaryDirectory(prefix="reader-startup-") as scratch_name:
        scratch = Path(scratch_name)
        env = child_env(scratch, args.pycache)
        environment = describe_environment(env)
        library = scratch / "library.sqlite"
        bare = scratch / "bare_window.py"
        bare.write_text(BARE_WINDOW, encoding="utf-8")
        if args.db is not None:  # a copy: the reader may write (titles, read marks)
            import shutil

            shutil.copyfile(args.db, library)
        # A library that already holds the seeds: the timed runs only open it.
        subprocess.run([str(READER), "list", "--db", str(library)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        commands = {
            "reader": [str(READER), "--db", str(library)],
            "bare window": [sys.executable, str(bare)],
        }
        for command in commands.values():  # warm-up: disk cache, fonts, settings file
            run_once(command, env)
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for index in range(args.runs):
            for name, command in commands.items():
                run = run_once(command, env)
                runs[name].append(run)
                print(f"run {index + 1}/{args.runs} {name:<12} painted after "
                      f"{run.to_paint_s * 1000:6.0f} ms, exited after {run.to_exit_s * 1000:6.0f} "
                      f"ms, peak RSS {run.peak_rss_kib / 1024:5.0f} MiB", file=sys.stderr)

    print(environment)
    print(f"start-up to first paint, {args.runs} runs each (ms); exit and peak RSS for context")
    print(f"{'':<14}{'median':>10}{'min':>8}{'max':>8}{'median exit':>14}{'peak RSS MiB':>14}")
    for name, measured in runs.items():
        print(_row(name, measured))
    ratio = (statistics.median(r.to_paint_s for r in runs["reader"])
             / statistics.median(r.to_paint_s for r in runs["bare window"]))
    print(f"ratio reader / bare window (median to first paint): {ratio:.2f}")
    articles = [r.to_article_s * 1000 for r in runs["reader"] if r.to_article_s is not None]
    if articles:
        print(f"reader, to its first article's text painted: median "
              f"{statistics.median(articles):.0f} ms (min {min(articles):.0f}, "
              f"max {max(articles):.0f})")
        # The bare window's text is in its first paint.
        bare = statistics.median(r.to_paint_s for r in runs["bare window"]) * 1000
        print(f"ratio reader's text / bare window's text: "
              f"{statistics.median(articles) / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
