"""The focus frame: set right after the first paint, drawn around the widget with the keyboard."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.main_window import FOCUS_STYLE, MainWindow


def test_the_focused_list_is_framed_in_the_highlight_colour(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.styleSheet() == FOCUS_STYLE)  # after the first paint
    view = window.library_pane.view
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    QApplication.processEvents()
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    image = view.grab().toImage()
    middle = image.height() // 2
    assert image.pixelColor(0, middle).name() == highlight.name()
    assert image.pixelColor(image.width() - 1, middle).name() == highlight.name()
