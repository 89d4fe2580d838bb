"""The notes panels are made when one first shows: a start with them closed does not wait for
them, and the first one that opens lists the article on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.notes.annotations_panel import AnnotationsPanel
from reader.ui.notes.bookmarks_panel import BookmarksPanel
from reader.ui.parallel.parallel_view import Passage


def _two_language_article(window: MainWindow) -> int:
    return next(a.id for a in window.library.article_summaries() if len(a.languages) == 2)


def test_closed_panels_are_not_made_until_one_shows(qtbot: QtBot, window: MainWindow) -> None:
    assert window.first_start and window.annotations_dock.isHidden()
    assert all(dock.widget() is None for dock in (window.annotations_dock,
                                                   window.bookmarks_dock,
                                                   window.kept_notes_dock))
    window.open_article(_two_language_article(window))
    window.bookmarks_panel_action.trigger()  # View → Bookmarks
    qtbot.waitUntil(window.bookmarks_dock.isVisible)
    assert isinstance(window.bookmarks_dock.widget(), BookmarksPanel)
    assert isinstance(window.annotations_dock.widget(), AnnotationsPanel)
    panel = window.bookmarks_dock.widget()
    assert panel.hasFocus() or panel.isAncestorOf(window.focusWidget())


def test_the_first_highlight_opens_its_panel_on_the_article_shown(
        qtbot: QtBot, window: MainWindow) -> None:
    window.open_article(_two_language_article(window))
    pane = window.parallel_pane
    sentence = pane.model.row(0).cells[0][0]
    pane.view.select_passage(Passage(0, sentence.start, sentence.start + 12))
    assert pane.highlights.highlight_selection("green") is not None
    qtbot.waitUntil(window.annotations_dock.isVisible)
    panel = window.annotations_dock.widget()
    assert isinstance(panel, AnnotationsPanel) and panel.shown_count() == 1


def test_a_panel_open_last_time_is_made_before_the_first_paint(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow], seeded_library: Library,
        settings: QSettings) -> None:
    first = make_window(seeded_library)
    first.bookmarks_panel_action.trigger()
    qtbot.waitUntil(first.bookmarks_dock.isVisible)
    first.close()  # the layout is remembered
    again = MainWindow(first.library, settings)  # not shown yet
    qtbot.addWidget(again)
    assert isinstance(again.bookmarks_dock.widget(), BookmarksPanel)
