"""How low the start-up ratio can go: the bare window with what every filled window needs.

    .venv/bin/python benchmarks/startup_floor.py [--runs 7]

The speed issue measures the reader's start as a ratio to a bare PySide6 window (one
QTextBrowser, `startup.py`). This script times, in alternation and as `startup.py` does
(first paint, offscreen, bytecode cached), four programs:

1. the bare window;
2. the *floor*: the bare window that first makes the PySide6 classes the reader's first paint
   makes (PySide6 makes a class, with a Python `enum` for each of its enums, when it is first
   used; the list is read from a run of `startup_phases.py`'s child), and nothing else: what any
   window of three filled panes on PySide6 pays, before a line of the reader;
3. the floor that also imports the reader's modules that the reader imports before its first
   paint (`reader.cli`, `reader.app`, `reader.ui.main_window`), without running anything:
   what the reader's code costs to load;
4. the reader (`reader --db LIB`, the five seeds).

It prints each median and its ratio to the bare window, and what a ratio of 1.5 leaves for
the reader's own work once the floor is paid. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from startup import BARE_WINDOW, READER, Run, child_env, run_once
from startup_phases import CHILD, run_child_with_classes

GOAL_RATIO = 1.5

# Inserted after `app = QApplication(...)` of the bare window: make the classes in order.
MAKE_CLASSES = '''
import PySide6
for _qualified in {classes!r}:
    _module, _name = _qualified.split(".")
    getattr(getattr(PySide6, _module), _name)
'''

# Inserted before it: the reader's modules, loaded as the reader loads them.
IMPORT_READER = '''
from reader.ui.pyside_imports import skip_feature_scan
skip_feature_scan()
import reader.cli, reader.app, reader.operations.session, reader.ui.main_window  # noqa: E401
'''

APP_LINE = "app = QApplication(sys.argv[:1])\n"


def floor_window(classes: list[str], with_reader_modules: bool) -> str:
    """The bare window's script, making `classes` first (and importing the reader's modules)."""
    assert APP_LINE in BARE_WINDOW, "startup.BARE_WINDOW changed: change this script with it"
    insert = (IMPORT_READER if with_reader_modules else "") + APP_LINE
    insert += MAKE_CLASSES.format(classes=classes)
    return BARE_WINDOW.replace(APP_LINE, insert)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (default 7)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="reader-floor-") as scratch_name:
        scratch = Path(scratch_name)
        env = child_env(scratch, pycache=True)
        library = scratch / "library.sqlite"
        subprocess.run([str(READER), "list", "--db", str(library)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        phases = scratch / "phases_child.py"
        phases.write_text(CHILD, encoding="utf-8")
        run_child_with_classes(phases, library, env)  # warm-up: settings, the article read last
        classes = run_child_with_classes(phases, library, env)[1]
        scripts = {
            "bare window": BARE_WINDOW,
            "floor: + the classes": floor_window(classes, with_reader_modules=False),
            "floor + reader modules": floor_window(classes, with_reader_modules=True),
        }
        commands: dict[str, list[str]] = {}
        for index, (name, text) in enumerate(scripts.items()):
            path = scratch / f"window_{index}.py"
            path.write_text(text, encoding="utf-8")
            commands[name] = [sys.executable, str(path)]
        commands["reader"] = [str(READER), "--db", str(library)]
        for command in commands.values():  # warm-up: disk cache, bytecode, fonts
            run_once(command, env)
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                runs[name].append(run_once(command, env))

    paint = {name: statistics.median(r.to_paint_s for r in measured) * 1000
             for name, measured in runs.items()}
    bare = paint["bare window"]
    print(f"start to first paint, median of {args.runs} runs each, offscreen, bytecode cached; "
          f"{len(classes)} PySide6 classes made by the reader's first paint")
    print(f"{'':<26}{'ms':>8}{'ratio':>8}")
    for name, milliseconds in paint.items():
        print(f"{name:<26}{milliseconds:>8.0f}{milliseconds / bare:>7.2f}×")
    floor = paint["floor: + the classes"]
    budget = GOAL_RATIO * bare - floor
    print(f"a ratio of {GOAL_RATIO} leaves {budget:.0f} ms above the floor; the reader spends "
          f"{paint['reader'] - floor:.0f} (of which loading its modules "
          f"{paint['floor + reader modules'] - floor:.0f})")
    print(json.dumps({name: round(ms, 1) for name, ms in paint.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
