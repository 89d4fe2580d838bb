"""How long what once read every article takes on a library of a given size.

    .venv/bin/python benchmarks/scale_opens.py --db LIB [--db LIB ...] [--runs 5]

For each library (build them with `benchmarks/import_throughput.py --keep` or `reader import`;
an older library is upgraded by the first run, and its translations are checked first if they
are not yet; see --prepare), a child process opens the window offscreen and, once its first
article is shown, times each of these from the action until the event loop is idle again (the
list, table or text repainted; two zero-timers in a row have fired):

- figures: the Figures window opened from the Library menu (`figures_action`), first rows shown;
- picker open, picker filter: the Compare picker opened on the current article, then a word
  typed and searched (`search_now`, as after the typing pause);
- differing: the "Only articles whose translations differ" filter turned on (the list shows
  the flagged articles and the first is opened);
- star: a star toggled on the selected article (`toggle_star`), the list row and stars panel
  refreshed from the change record the write returned;
- highlight: a passage of the open article highlighted (`highlight_selection`), the text's
  marks and the notes panel refreshed;
- upkeep check (once): what the window asks at every start once it has painted, on the GUI
  thread: figures to find again? translations to check again?

each --runs times, once the background work of what came before has finished (the
translation check of an article opened holds the interpreter on the second core): the first is
"cold" (the modules of a window load at its first opening), the
others are reported as their median ("warm"). Stars and highlights are undone after each run.
Then `reader list --json` is run --runs times as a command, output read through a pipe (wall
time, median).
"""

from __future__ import annotations

import argparse
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

from startup import READER  # noqa: E402

PICKER_WORD = "desastres"

SESSION = '''\
"""The window on a library: time opening what once read every article, and small writes."""
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from reader.operations.session import LibrarySession
from reader.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
library = LibrarySession.open(Path(sys.argv[1]))
runs = int(sys.argv[3])
word = sys.argv[4]
window = MainWindow(library, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.resize(1400, 900)
window.show()
while not window.initial_article_opened():
    app.processEvents()


def idle() -> None:
    """Process events until two zero-timers in a row have fired: what the action posted
    (repaints, queued signals) has been handled."""
    fired = []
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: fired.append(1)))
    while not fired:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def timed(action) -> float:
    """Milliseconds from the action until the event loop is idle again (background work
    of what came before, such as the translation check of the article opened, finished)."""
    QThreadPool.globalInstance().waitForDone()
    idle()
    started = time.perf_counter()
    action()
    idle()
    return (time.perf_counter() - started) * 1000


idle()
# What the window asks at every start, once it has painted (on the GUI thread): anything for
# the background upkeep to do?
started = time.perf_counter()
library.figures_stale()
library.translation_flags_stale()
upkeep_check_ms = (time.perf_counter() - started) * 1000
times = {key: [] for key in ("figures", "picker_open", "picker_filter", "differing",
                             "star", "highlight")}
rows = {}
for _run in range(runs):
    # The Figures window, from the menu.
    times["figures"].append(timed(window.figures_action.trigger))
    from reader.ui.figures.figures_dialog import FiguresDialog

    (dialog,) = window.findChildren(FiguresDialog)
    rows["figures"] = dialog.model.rowCount()
    dialog.close()
    dialog.deleteLater()
    idle()

    # The Compare picker: open, then a word searched.
    from reader.ui.parallel.compare_picker import ComparePicker
    article = window.library_pane.selected_article()
    holder = []

    def open_picker() -> None:
        holder.append(ComparePicker(window.library, article, window))
        holder[-1].show()

    times["picker_open"].append(timed(open_picker))
    picker = holder[-1]

    def search() -> None:
        picker.field.blockSignals(True)
        picker.field.setText(word)
        picker.field.blockSignals(False)
        picker.search_now()

    times["picker_filter"].append(timed(search))
    rows["picker"] = picker.model.rowCount()
    picker.close()
    picker.deleteLater()
    idle()

    # The translations-differ filter, on (timed) and off.
    times["differing"].append(timed(lambda: window.disagreeing_action.setChecked(True)))
    rows["differing"] = window.library_pane.shown_count()
    window.disagreeing_action.setChecked(False)
    idle()

    # A star on the selected article, then taken off again.
    selected = window.library_pane.selected_article()
    times["star"].append(timed(lambda: window.toggle_star(selected)))
    window.undo_stack.undo()
    idle()

    # A highlight on the first sentence shown, then undone.
    from reader.ui.parallel.parallel_view import Passage
    pane = window.parallel_pane
    document = pane.model.documents()[0]
    sentence = window.library.sentences(document.id)[0]
    pane.view.select_passage(Passage(0, sentence.start, sentence.end))
    idle()
    times["highlight"].append(timed(lambda: pane.highlights.highlight_selection("yellow")))
    window.undo_stack.undo()
    idle()

parts = [f"{key}_cold={values[0]:.1f} {key}_warm="
         f"{statistics.median(values[1:] or values):.1f}" for key, values in times.items()]
print("opens " + " ".join(parts) + " " + " ".join(f"rows_{k}={v}" for k, v in rows.items())
      + f" upkeep_check={upkeep_check_ms:.1f}", flush=True)
window.close()
library.close()
'''


def _prepare(path: Path) -> tuple[int, int]:
    """Upgrade the library if it is older and check its translations if they are not yet,
    as the window's upkeep would in the background; its articles and figures."""
    from reader.operations.figure_checking import refresh_translation_flags
    from reader.store.library import Library

    library = Library.open(path)
    try:
        checked = refresh_translation_flags(library)
        if checked:
            print(f"checked the translations of {len(checked)} articles first",
                  file=sys.stderr)
        return library.listing.count(), library.figures.count()
    finally:
        library.close()


def _session(path: Path, scratch: Path, runs: int) -> dict[str, float]:
    script = scratch / "opens.py"
    script.write_text(SESSION, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(scratch / "cfg"))
    settings = scratch / f"{path.stem}.ini"
    settings.unlink(missing_ok=True)
    done = subprocess.run([sys.executable, str(script), str(path), str(settings), str(runs),
                           PICKER_WORD], env=env, capture_output=True, text=True,
                          timeout=1200, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("opens ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"session failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return {key: float(value) for key, value in
            (part.split("=") for part in line.split()[1:])}


def _list_json(path: Path, runs: int) -> tuple[float, int]:
    """Median wall milliseconds of `reader list --json` (output read through a pipe), and
    the size of its output."""
    command = [str(READER), "list", "--db", str(path), "--json"]
    subprocess.run(command, capture_output=True, check=True)  # warm-up: the disk cache
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=True)
        times.append((time.perf_counter() - started) * 1000)
        size = len(done.stdout)
    return statistics.median(times), size


def main() -> int:
    """Measure each library and print one row for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, action="append", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    keys = ("figures", "picker_open", "picker_filter", "differing", "star", "highlight")
    results = []
    with tempfile.TemporaryDirectory(prefix="reader-opens-") as scratch_name:
        scratch = Path(scratch_name)
        for path in args.db:
            articles, figures = _prepare(path)
            session = _session(path, scratch, args.runs)
            list_ms, list_bytes = _list_json(path, args.runs)
            results.append((path.name, articles, figures, session, list_ms, list_bytes))
            print(f"measured {path}", file=sys.stderr)
    print("ms from the action until the event loop is idle: cold (first in the process) / "
          f"warm (median of the other {args.runs - 1}); `reader list --json`: whole command")
    print(f"{'library':<18}{'articles':>9}{'figures':>9}"
          + "".join(f"{key:>16}" for key in keys) + f"{'list --json':>13}{'MB':>6}")
    for name, articles, figures, session, list_ms, list_bytes in results:
        cells = "".join(f"{session[key + '_cold']:>8.0f} /{session[key + '_warm']:>5.0f}"
                        for key in keys)
        print(f"{name:<18}{articles:>9}{figures:>9}{cells}{list_ms:>13.0f}"
              f"{list_bytes / 1e6:>6.1f}")
    for name, _articles, _figures, session, _list_ms, _bytes in results:
        print(f"{name}: rows shown: figures {session['rows_figures']:.0f}, picker "
              f"{session['rows_picker']:.0f} for {PICKER_WORD!r}, differing "
              f"{session['rows_differing']:.0f}; the start-up check for upkeep took "
              f"{session['upkeep_check']:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
