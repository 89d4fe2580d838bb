"""The window on a fresh library: library rows, the parallel pane, the sidebar, menus, state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reader.app import open_library
from reader.store import ImportStatus
from reader.store.library import Library
from reader.ui.about import about_text
from reader.ui.library.library_model import LibraryColumn
from reader.ui.main_window import MainWindow
from tests.conftest import SEED_EN, SEED_NB, SEED_RU, SEED_SV

WindowFactory = Callable[[Library], MainWindow]


def _row_of_title(window: MainWindow, start: str) -> int:
    view = window.library_pane.view
    model = view.model()
    for row in range(model.rowCount()):
        if str(model.index(row, LibraryColumn.TITLE).data()).startswith(start):
            return row
    raise AssertionError(f"no row titled {start!r}")


def _click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    view = window.library_pane.view
    rect = view.visualRect(view.model().index(row, LibraryColumn.TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_fresh_library_lists_four_articles(window: MainWindow) -> None:
    model = window.library_pane.view.model()
    assert model.rowCount() == 4
    languages = sorted(model.index(r, LibraryColumn.LANGUAGES).data() for r in range(4))
    assert languages == ["en · es", "nb", "ru", "sv"] or languages == ["es · en", "nb", "ru", "sv"]
    assert window.statusBar().currentMessage() == "4 articles"
    assert not window.windowIcon().isNull()


def test_selecting_cao_bang_shows_spanish_and_english_columns(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    _click_row(qtbot, window, _row_of_title(window, "Conference to evaluate the results"))
    pane = window.parallel_pane
    assert pane.shown_languages() == ["es", "en"]
    headers = [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert headers == ["español", "English"]
    assert pane.model.index(0, 0).data().startswith("Camaradas: Quan Minh Cuong")
    assert pane.model.index(0, 1).data().startswith("Comrades: Quan Minh Cuong")
    assert pane.left_language.currentText() == "español"
    assert pane.right_language.currentText() == "English"
    assert pane.right_language.isVisible()


def test_sidebar_shows_the_word_count_of_the_shown_article(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    _click_row(qtbot, window, _row_of_title(window, "Conference to evaluate the results"))
    sidebar = window.metrics_sidebar
    assert sidebar.statistic_text("language", 0) == "español"
    assert sidebar.statistic_text("words", 0) == "1,341"
    assert sidebar.statistic_text("words", 1) == "1,140"
    assert sidebar.statistic_text("paragraphs", 0) == "12"
    assert sidebar.statistic_text("reading_time", 0) == "6 minutes"
    _click_row(qtbot, window, _row_of_title(window, "Утром 14 января"))
    assert sidebar.statistic_text("language", 0) == "русский"
    assert sidebar.statistic_text("words", 0) == "2,759"
    assert not sidebar.findChild(type(sidebar._values[("words", 1)]), "metric_words_1").isVisible()


def test_single_language_article_shows_one_column(qtbot: QtBot, window: MainWindow) -> None:
    _click_row(qtbot, window, _row_of_title(window, "Lemannen for den provinsielle"))
    pane = window.parallel_pane
    assert pane.model.columnCount() == 1
    assert pane.model.headerData(0, Qt.Orientation.Horizontal) == "norsk bokmål"
    assert not pane.right_language.isVisible()


def test_swap_and_choose_languages(qtbot: QtBot, window: MainWindow) -> None:
    _click_row(qtbot, window, _row_of_title(window, "Conference to evaluate the results"))
    pane = window.parallel_pane
    qtbot.mouseClick(pane.swap_button, Qt.MouseButton.LeftButton)
    assert pane.shown_languages() == ["en", "es"]
    assert window.metrics_sidebar.statistic_text("language", 0) == "English"
    pane.choose_languages("es", "en")
    assert pane.shown_languages() == ["es", "en"]


def test_library_sorts_by_words(qtbot: QtBot, window: MainWindow) -> None:
    view = window.library_pane.view
    view.sortByColumn(LibraryColumn.WORDS, Qt.SortOrder.DescendingOrder)
    words = [view.model().index(r, LibraryColumn.WORDS).data() for r in range(4)]
    assert words[0] == "2,759"
    assert words[-1] == "509"


def test_geometry_splitter_and_last_article_are_remembered(
    qtbot: QtBot, make_window: WindowFactory, seeded_library: Library, settings: QSettings
) -> None:
    first = make_window(seeded_library)
    _click_row(qtbot, first, _row_of_title(first, "Утром 14 января"))
    # The offscreen screen is 800x800 and the panes need 866 pixels: the width is the screen's.
    first.resize(798, 600)
    first.splitter.setSizes([300, 300, 180])
    first.close()

    second = make_window(seeded_library)
    assert second.size().height() == 600
    assert second.splitter.sizes()[0] == 300  # the library pane keeps the width it was given
    assert second.parallel_pane.shown_languages() == ["ru"]


def test_import_from_the_menu_with_progress_and_report(
    qtbot: QtBot, make_window: WindowFactory, library_path: Path, tmp_path: Path
) -> None:
    library = Library.open(library_path)  # empty, not seeded
    window = make_window(library)
    assert window.library_pane.view.model().rowCount() == 0
    folder = tmp_path / "batch"
    folder.mkdir()
    for seed in (SEED_EN, SEED_SV, SEED_RU, SEED_NB):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00bad")

    with qtbot.waitSignal(window.importer.import_finished, timeout=30_000) as finished:
        assert window.import_paths([folder])
    results = finished.args[0]
    assert sorted(r.status.value for r in results) == ["failed"] + ["imported"] * 4
    assert window.library_pane.view.model().rowCount() == 4
    report = window.importer.report_box
    assert report is not None and report.isVisible()
    assert report.text() == "4 files imported, 1 failed."
    assert "broken.txt: binary file, not text" in report.detailedText()
    assert report.icon() == QMessageBox.Icon.Warning
    report.close()
    library.close()


def test_import_of_duplicates_reports_them(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.importer.import_finished, timeout=30_000) as finished:
        window.import_paths([SEED_SV])
    assert [r.status for r in finished.args[0]] == [ImportStatus.DUPLICATE]
    assert window.importer.report_box is not None
    assert window.importer.report_box.text() == "0 files imported, 1 duplicate skipped."
    window.importer.report_box.close()


def test_menus(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Library", "&View", "&Help"]
    file_actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()
                    if not a.isSeparator()]
    assert file_actions == ["&Import files…", "Import &folder…", "Open &address…",
                            "&Export highlights and notes…",
                            "Export this article's highlights…", "Import &highlights (W3C)…",
                            "Export &translation pair…",
                            "&Restore the library from a backup…", "&Quit"]
    help_actions = [a.text() for a in window.menuBar().actions()[4].menu().actions()]
    assert help_actions == ["Parallel Reader &Help and keyboard shortcuts", "Copy &diagnostics",
                            "&About Parallel Reader"]
    text = about_text()
    assert "Qt 6." in text and "Python 3." in text and "Parallel Reader 0." in text


def test_window_on_a_library_opened_by_the_app(qtbot: QtBot, make_window: WindowFactory,
                                               tmp_path: Path) -> None:
    library = open_library(tmp_path / "other.sqlite")
    window = make_window(library)
    assert window.library_pane.selected_article() is not None
    assert window.parallel_pane.model.rowCount() > 0
    library.close()


def test_file_menu_import_files_action_imports_the_chosen_files(
    qtbot: QtBot, make_window: WindowFactory, library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library = Library.open(library_path)
    window = make_window(library)
    # The native file dialog cannot be driven offscreen; answer it as a user would.
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(SEED_SV), str(SEED_NB)], ""))
    with qtbot.waitSignal(window.importer.import_finished, timeout=30_000):
        window.import_files_action.trigger()
    assert window.library_pane.view.model().rowCount() == 2
    assert window.importer.report_box is not None
    assert window.importer.report_box.text() == "2 files imported."
    window.importer.report_box.close()
    library.close()
