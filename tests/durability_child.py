"""Run by test_durability in a child process: the window highlights, bookmarks and stars as a
reader would, says what it saved, then waits to be killed."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.app import open_library  # noqa: E402
from reader.operations.session import LibrarySession  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402
from reader.ui.parallel.parallel_view import Passage  # noqa: E402


def main(library_path: Path, settings_path: Path) -> None:
    app = QApplication([])
    library = open_library(library_path)
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(LibrarySession(library), settings)
    window.show()
    article = next(a for a in library.article_summaries() if len(a.languages) == 2)
    window.open_article(article.id)
    while window.health.checking or not window.initial_article_opened():
        app.processEvents()  # writes wait for the file's quick check
    pane = window.parallel_pane
    for row in range(0, 10):
        sentence = pane.model.row(row).cells[0][0]
        pane.view.select_passage(Passage(0, sentence.start, sentence.start + 12))
        annotation = pane.highlights.highlight_selection("blue", f"note {row}", ["kill"])
        assert annotation is not None
        print(f"annotation {annotation.id}", flush=True)
    pane.highlights.toggle_bookmark(1, pane.model.row(2).cells[1][0].start,
                                    pane.model.row(2).cells[1][0].end)
    print("bookmark", flush=True)
    window.toggle_star(article.id)
    print("star", flush=True)
    print("ready", flush=True)
    while True:  # the parent kills us here, with nothing closed or flushed by hand
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
