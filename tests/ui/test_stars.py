"""Starring articles from the library list and with Ctrl+D."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.ui.library.library_model import LibraryColumn
from reader.ui.main_window import MainWindow


def _star_text(window: MainWindow, article_id: int) -> str:
    model = window.library_model
    row = model.row_of(article_id)
    assert row is not None
    return str(model.data(model.index(row, LibraryColumn.STAR)))


def test_ctrl_d_stars_the_selected_article_and_undo_unstars(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    article_id = window.library_pane.selected_article()
    assert article_id is not None
    assert _star_text(window, article_id) == "☆"
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.library.is_starred(article_id)
    assert _star_text(window, article_id) == "★"
    assert window.library_pane.selected_article() == article_id  # the list kept its place
    window.parallel_pane.undo_stack.undo()
    assert not window.library.is_starred(article_id)
    assert _star_text(window, article_id) == "☆"


def test_clicking_the_star_column_toggles_the_star(qtbot: QtBot, window: MainWindow) -> None:
    view = window.library_pane.view
    index = view.model().index(1, LibraryColumn.STAR)
    article_id = window.library_model.article_id_at(index.row())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert window.library.is_starred(article_id)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert not window.library.is_starred(article_id)
