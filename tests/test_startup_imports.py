"""The window's first paint waits for nothing it does not show: a real start (`reader --db
LIB`, offscreen) is stopped at the window's first paint, and what Python has loaded by then is
compared with what that paint needs. The paint itself is complete: the article read last is
in it, every pane filled."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from reader.store.library import Library

# Loaded only when what needs them is done: importing, aligning, checking a translation,
# identifying a language, writing, opening a dialog. Each costs the start milliseconds.
NOT_BEFORE_THE_FIRST_PAINT = (
    "sqlite_utils",  # writes (loaded in the background after the paint)
    "lingua", "reader.text.language",  # language identification (imports)
    "trafilatura", "lxml", "markdown_it", "pypdfium2", "docx", "defusedxml",  # formats
    "reader.formats", "reader.formats.registry",  # the command line's list of formats
    "reader.operations.importer", "reader.operations.import_work",
    "reader.text.alignment", "reader.text.chapter_alignment",  # the aligner
    "reader.text.figures", "reader.text.number_words", "reader.text.numbers", "pint",
    "reader.operations.figure_checking", "reader.operations.figure_extraction",
    "rapidfuzz",  # finding a changed passage again
    "babel",  # numbers and reading times: reader.ui.local_formats writes them for the first paint
    "html", "hashlib",  # escaping (reader.ui.plain_text.escape), naming a pending-writes journal
    "reader.operations.recovery", "reader.store.recovery", "subprocess",  # backups
    "logging.handlers",
    "reader.ui.help_window", "reader.ui.preferences", "reader.ui.about",
    "reader.ui.figures.figures_dialog", "reader.ui.notes.annotation_dialog",
    "reader.ui.desktop_entry",
    # The notes panels are made when one shows (closed on a first start without notes).
    "reader.ui.notes.annotations_panel", "reader.ui.notes.bookmarks_panel",
    "reader.ui.notes.kept_notes_panel",
)

CHILD = """
import json, sys
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject
from reader import app

build = app._build_window


def build_and_watch(library, settings):
    window = build(library, settings)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                sidebar = window.metrics_sidebar
                print(json.dumps({
                    "modules": sorted(sys.modules),
                    "text_rows": window.parallel_pane.model.rowCount(),
                    "columns": window.parallel_pane.shown_languages(),
                    "listed": window.library_pane.shown_count(),
                    "sidebar": [sidebar.statistic_text("language", column)
                                for column in (0, 1)],
                    "status": window.statusBar().currentMessage(),
                    "widget_classes": sorted(name for name, value in vars(QtWidgets).items()
                                             if isinstance(value, type)),
                }), flush=True)
            return False

    window._first_paint_watch = FirstPaint(window)
    window.installEventFilter(window._first_paint_watch)
    return window


app._build_window = build_and_watch
from reader.cli import main

sys.exit(main(["--db", sys.argv[1]]))
"""


def _first_paint(library: Path, sandbox: Path) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_QUIT_AFTER_FIRST_PAINT="1",
               XDG_CONFIG_HOME=str(sandbox / "config"), XDG_DATA_HOME=str(sandbox / "data"),
               READER_LOG_DIR=str(sandbox / "logs"))
    done = subprocess.run([sys.executable, "-c", CHILD, str(library)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr
    result: dict[str, Any] = json.loads(lines[0])
    return result


def _second_start(library: Library, sandbox: Path) -> dict[str, Any]:
    """What the window loaded and showed at its first paint, on a start after the first (the
    first one titles the list in the interface's language, a write, and remembers the
    window)."""
    path = library.path
    library.close()
    _first_paint(path, sandbox)
    return _first_paint(path, sandbox)


def test_the_first_paint_loads_nothing_it_does_not_show(
        seeded_library: Library, tmp_path: Path) -> None:
    painted = _second_start(seeded_library, tmp_path)
    loaded = set(painted["modules"])
    assert sorted(loaded & set(NOT_BEFORE_THE_FIRST_PAINT)) == []
    # The interface's words: English needs no catalog, and no other language's is read.
    assert not any(name.startswith("reader.locale") for name in loaded)


def test_the_first_paint_asks_qt_for_no_widget_of_its_own_making(
        seeded_library: Library, tmp_path: Path) -> None:
    """A widget Qt made (a viewport) handed to Python makes PySide6 create every widget
    class with its enums (~10 ms, reader.ui.scroll_areas): these would be among them."""
    painted = _second_start(seeded_library, tmp_path)
    never_used = {"QCalendarWidget", "QMdiArea", "QWizard", "QLCDNumber", "QDial"}
    assert never_used.isdisjoint(painted["widget_classes"])
    assert "QTextBrowser" in painted["widget_classes"]  # the lazy classes are what it reads
    assert "QMessageBox" not in painted["widget_classes"]  # made by the first message box


def test_the_first_paint_is_complete(seeded_library: Library, tmp_path: Path) -> None:
    painted = _second_start(seeded_library, tmp_path)
    assert painted["listed"] == 4  # the library list (five seeds, two of them one article)
    assert painted["text_rows"] and painted["columns"] == ["es", "en"]  # the article's text
    assert painted["sidebar"] == ["español", "English"]  # its statistics
    assert painted["status"] == "4 articles"


def test_a_library_never_shown_in_the_window_loads_no_writer_before_the_first_paint(
        seeded_library: Library, tmp_path: Path) -> None:
    """A copied library (not known to be sound) that the window never listed has no title
    language yet: the window's wish to set it is held until the file's check (after the
    paint), and must not load sqlite-utils meanwhile, on every start until it is written."""
    from reader.store.listing import TITLE_LANGUAGE_KEY
    from reader.store.soundness import NOTE_SUFFIX

    path = seeded_library.path
    seeded_library.close()
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM meta WHERE key = ?", [TITLE_LANGUAGE_KEY])
    path.with_name(path.name + NOTE_SUFFIX).unlink(missing_ok=True)
    painted = _first_paint(path, tmp_path)
    assert "sqlite_utils" not in painted["modules"]
    assert painted["listed"] == 4
