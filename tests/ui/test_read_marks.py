"""Read and unread marks: new articles are unread (bold in the list, an "Unread" filter);
an article on screen for a moment becomes read; Ctrl+U marks it unread again; a list of
unread articles keeps the one being read until the reader leaves it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.store.records import ListFilter, ListKind
from reader.ui.library.library_model import LibraryColumn
from reader.ui.main_window import MainWindow
from tests.conftest import as_version_16


def _row_font(window: MainWindow, article_id: int) -> QFont | None:
    model = window.library_model
    row = model.row_of(article_id)
    assert row is not None
    font = model.index(row, LibraryColumn.TITLE).data(Qt.ItemDataRole.FontRole)
    return font if isinstance(font, QFont) else None


def test_new_articles_are_unread_and_marking_is_stored(seeded_library: Library) -> None:
    marks = seeded_library.bookmarks
    ids = [summary.id for summary in seeded_library.article_summaries()]
    assert ids and not any(marks.is_read(article_id) for article_id in ids)
    assert seeded_library.listing.count(ListFilter(ListKind.UNREAD)) == len(ids)
    assert marks.set_read(ids[0], True) and not marks.set_read(ids[0], True)  # once
    assert marks.is_read(ids[0])
    assert seeded_library.listing.count(ListFilter(ListKind.UNREAD)) == len(ids) - 1
    assert marks.set_read(ids[0], False) and not marks.is_read(ids[0])


def test_an_article_on_screen_becomes_read_and_ctrl_u_makes_it_unread(
        qtbot: QtBot, window: MainWindow) -> None:
    window.read_marks.read_after_ms = 50
    article_id = window.library_pane.selected_article()
    assert article_id is not None
    other = next(a.id for a in window.library.article_summaries() if a.id != article_id)
    window.open_article(other)  # the one shown at the start was not on screen long enough
    font = _row_font(window, other)
    assert font is not None and font.bold()
    qtbot.waitUntil(lambda: window.library.is_read(other))
    qtbot.waitUntil(lambda: _row_font(window, other) is None)  # the row is plain now
    window.read_action.trigger()  # Ctrl+U
    assert not window.library.is_read(other)
    font = _row_font(window, other)
    assert font is not None and font.bold()
    assert window.statusBar().currentMessage() == "Marked as unread"
    qtbot.wait(200)  # the reader's choice holds: the timer does not mark it read again
    assert not window.library.is_read(other)
    window.read_action.trigger()
    assert window.library.is_read(other)


def test_the_unread_list_keeps_the_article_being_read_until_it_is_left(
        qtbot: QtBot, window: MainWindow) -> None:
    window.read_marks.read_after_ms = 50
    qtbot.wait(100)  # the article shown at the start has been on screen long enough
    pane = window.library_pane
    pane.set_quick_filter(ListKind.UNREAD.value)
    assert pane.filter_combo.currentText() == "Unread"
    unread = window.library_model.rowCount()
    shown_at_start = pane.selected_article()
    first, second = [window.library_model.article_id_at(row) for row in range(unread)
                     if window.library_model.article_id_at(row) != shown_at_start][:2]
    window.open_article(first)  # the article shown at the start was read: it leaves the list
    qtbot.waitUntil(lambda: window.library_model.rowCount() == unread - 1)
    unread -= 1
    qtbot.wait(300)
    assert window.read_marks.read_after_ms < 300 and not window.library.is_read(first)
    assert window.library_model.rowCount() == unread  # still listed while it is read
    assert pane.selected_article() == first
    window.open_article(second)
    qtbot.waitUntil(lambda: window.library_model.rowCount() == unread - 1)
    assert window.library.is_read(first) and pane.selected_article() == second


def test_an_older_library_gains_read_marks_with_everything_unread(
        library_path: Path, seeded_library: Library, tmp_path: Path) -> None:
    seeded_library.close()
    old = tmp_path / "old.sqlite"
    shutil.copy(library_path, old)
    as_version_16(old)
    connection = sqlite3.connect(old)
    connection.execute("DROP INDEX idx_articles_unread")
    connection.execute("ALTER TABLE articles DROP COLUMN read_at")
    connection.execute("PRAGMA user_version = 14")  # before read marks (version 15)
    connection.commit()
    connection.close()
    upgraded = Library.open(old)
    try:
        count = upgraded.listing.count(ListFilter())
        assert count > 0 and upgraded.listing.count(ListFilter(ListKind.UNREAD)) == count
    finally:
        upgraded.close()
