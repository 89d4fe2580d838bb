"""Drag and drop onto the main window, as a file manager or a web browser does it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.store.records import ImportResult
from reader.ui.main_window import MainWindow


def files(paths: list[Path]) -> QMimeData:
    """What a file manager gives for dragged files."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drag_enter(window: MainWindow, mime: QMimeData) -> bool:
    """Drag over the window's middle; whether the window would take the drop."""
    enter = QDragEnterEvent(QPointF(window.rect().center()).toPoint(), Qt.DropAction.CopyAction,
                            mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    return enter.isAccepted()


def drop(qtbot: QtBot, window: MainWindow, mime: QMimeData) -> list[ImportResult]:
    """Drag over the window and drop; the import's results once it has finished (its report
    box is left open)."""
    assert drag_enter(window, mime)
    event = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.importer.import_finished, timeout=60_000) as finished:
        QApplication.sendEvent(window, event)
    results: list[ImportResult] = finished.args[0]
    return results
