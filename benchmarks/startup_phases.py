"""Where the reader's start-up time goes: the median time of each phase to the text painted.

    .venv/bin/python benchmarks/startup_phases.py [--runs 9] [--pycache] [--babel-apart]

Each run starts a child Python script (CHILD below) that does what `reader --db LIB` does
(reader.app.run_window), step by step, and stamps each step with time.time(); the parent's
stamp just before the spawn is the zero. The last two steps are the window's first paint and
the paint of the article's text (the article read last is opened before the window is shown,
so both come in the same pass). With --babel-apart, babel's locale data (the first formatted
number and language names, cached afterwards) is loaded in a step of its own before the
window is built, to show what babel costs. The library holds the five seeds, settings are in
a temporary XDG_CONFIG_HOME, Qt runs offscreen; each run closes the window as a reader would,
so that the runs after the warm-up one restore its state and open the article read last.

The child calls private helpers of reader.app (_user_settings, _dress, _build_window,
_let_background_work_end) and turns PySide6's module scan off as run_window does; if they
change, change this script with them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from startup import READER, child_env

CHILD = '''\
"""Start the reader's window as reader.app.run_window does, stamping each step."""
import time

MARKS = [("Python started, site imported", time.time())]


def mark(phase):
    MARKS.append((phase, time.time()))


import sys  # noqa: E402
from pathlib import Path  # noqa: E402

CLASSES = []

import reader.cli  # noqa: E402, F401

mark("import reader.cli")
from reader import app  # noqa: E402

mark("import reader.app (store, seeding)")
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.ui.pyside_imports import skip_feature_scan  # noqa: E402

skip_feature_scan()
mark("import PySide6 QtCore, QtGui, QtWidgets")
from reader.error_log import start_logging  # noqa: E402

start_logging()
qt = QApplication(sys.argv[:1])
qt.setApplicationName("Parallel Reader")
qt.setOrganizationName(app.ORGANISATION)
mark("error log, QApplication()")
settings = app._user_settings()
app._dress(qt, settings)
mark("settings, interface language, icon")
library = app.open_library(Path(sys.argv[1]), refresh=False)
mark("open the library")
import reader.operations.session  # noqa: E402, F401
import reader.ui.main_window  # noqa: E402, F401

mark("import reader.ui.main_window (and panes)")
if "--babel-apart" in sys.argv:
    from reader.ui.i18n import format_count, language_name, ui_locale  # noqa: E402

    ui_locale()
    format_count(1341)
    for code in ("es", "en"):
        language_name(code)
    mark("babel locale data (first number, language names)")
window = app._build_window(library, settings)
mark("MainWindow() (opens the article read last)")


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is window:
            mark("first paint of the window")
            watched.removeEventFilter(self)
            import PySide6  # the classes PySide6 has made so far (it makes each on first use)

            CLASSES.extend(f"{name}.{attribute}" for name in ("QtCore", "QtGui", "QtWidgets")
                           for attribute, value in vars(getattr(PySide6, name)).items()
                           if isinstance(value, type))
        return False

    def text_painted(self):
        mark("the article's text painted")
        window.parallel_pane.view.painted.disconnect(self.text_painted)
        QTimer.singleShot(0, window.close)  # its state is kept for the next run


first_paint = FirstPaint(window)
window.installEventFilter(first_paint)
window.parallel_pane.view.painted.connect(first_paint.text_painted)
window.show()
mark("window.show()")
QTimer.singleShot(5000, window.close)
qt.exec()
app._let_background_work_end()
library.close()
import json  # noqa: E402

print(json.dumps(MARKS), flush=True)
print(json.dumps({"classes": CLASSES}), flush=True)
'''

# Makes the PySide6 classes named on standard input, in order, in a fresh process (after
# QApplication, as the reader does) and prints what each took, in ms.
CLASS_COST = '''
import json, sys, time
import PySide6
from PySide6.QtWidgets import QApplication
from reader.ui.pyside_imports import skip_feature_scan

skip_feature_scan()
qt = QApplication(sys.argv[:1])
costs = {}
for qualified in json.load(sys.stdin):
    module, name = qualified.split(".")
    started = time.perf_counter()
    getattr(getattr(PySide6, module), name)
    costs[qualified] = (time.perf_counter() - started) * 1000
print(json.dumps(costs))
'''


def run_child(script: Path, library: Path, env: dict[str, str],
              babel_apart: bool = False) -> list[tuple[str, float]]:
    """One child run: each phase with its duration in ms, the first from the spawn."""
    return run_child_with_classes(script, library, env, babel_apart)[0]


def run_child_with_classes(script: Path, library: Path, env: dict[str, str],
                           babel_apart: bool = False) -> tuple[list[tuple[str, float]],
                                                               list[str]]:
    """One child run: its phases, and the PySide6 classes made by the first paint."""
    started = time.time()
    completed = subprocess.run(
        [sys.executable, str(script), str(library)] + (["--babel-apart"] if babel_apart else []),
        env=env, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("[")]
    if completed.returncode != 0 or not lines:
        raise RuntimeError(f"child failed ({completed.returncode}):\n{completed.stderr}")
    marks = json.loads(lines[-1])
    phases = []
    previous = started
    for phase, stamp in marks:
        phases.append((phase, (stamp - previous) * 1000))
        previous = stamp
    found = [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]
    return phases, (found[-1]["classes"] if found else [])


def class_costs(classes: list[str], env: dict[str, str], runs: int = 5) -> dict[str, float]:
    """The median time (ms) a fresh process takes to make each of these PySide6 classes."""
    samples: dict[str, list[float]] = {name: [] for name in classes}
    for _ in range(runs):
        completed = subprocess.run([sys.executable, "-c", CLASS_COST], input=json.dumps(classes),
                                   env=env, capture_output=True, text=True, check=True)
        for name, cost in json.loads(completed.stdout.splitlines()[-1]).items():
            samples[name].append(cost)
    return {name: statistics.median(costs) for name, costs in samples.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the children and print the median of each phase."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs (default 9)")
    parser.add_argument("--pycache", action="store_true",
                        help="give the children a bytecode cache (PYTHONPYCACHEPREFIX)")
    parser.add_argument("--babel-apart", action="store_true",
                        help="load babel's locale data in a step of its own before the window")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="reader-phases-") as scratch_name:
        scratch = Path(scratch_name)
        env = child_env(scratch, args.pycache)
        library = scratch / "library.sqlite"
        script = scratch / "phases_child.py"
        script.write_text(CHILD, encoding="utf-8")
        subprocess.run([str(READER), "list", "--db", str(library)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        run_child(script, library, env, args.babel_apart)  # warm-up
        runs = [run_child(script, library, env, args.babel_apart) for _ in range(args.runs - 1)]
        last, classes = run_child_with_classes(script, library, env, args.babel_apart)
        runs.append(last)
        costs = class_costs(classes, env) if classes else {}

    names = [phase for phase, _ in runs[0]]
    medians = [statistics.median(run[index][1] for run in runs) for index in range(len(names))]
    totals = [sum(duration for _, duration in run) for run in runs]
    print(f"reader start-up phases, median of {args.runs} runs (ms)")
    print(f"{'phase':<52}{'median':>8}{'min':>7}{'max':>7}")
    for index, name in enumerate(names):
        durations = [run[index][1] for run in runs]
        print(f"{name:<52}{medians[index]:>8.0f}{min(durations):>7.0f}{max(durations):>7.0f}")
    print(f"{'spawn to text painted (median of the totals)':<52}"
          f"{statistics.median(totals):>8.0f}{min(totals):>7.0f}{max(totals):>7.0f}")
    if costs:
        dearest = sorted(costs.items(), key=lambda item: -item[1])[:8]
        print(f"PySide6 classes made by the first paint: {len(costs)}, in a fresh process "
              f"{sum(costs.values()):.0f} ms (PySide6 makes a class, with its enums, when it "
              "is first used; a bare window makes about 50): "
              + ", ".join(f"{name} {cost:.1f}" for name, cost in dearest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
