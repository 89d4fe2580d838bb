"""Files and folders dropped on the window are imported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui.main_window import MainWindow
from tests.conftest import SEED_RU, SEED_SV


def _drag(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def test_dropping_a_folder_imports_it(qtbot: QtBot, tmp_path: Path, library_path: Path,
                                      make_window: Callable[[Library], MainWindow]) -> None:
    library = Library.open(library_path)
    window = make_window(library)
    folder = tmp_path / "dropped"
    folder.mkdir()
    for seed in (SEED_SV, SEED_RU):
        (folder / seed.name).write_bytes(seed.read_bytes())
    mime = _drag([folder])
    centre = QPointF(window.rect().center())
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(centre.toPoint(), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(centre, actions, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.importer.import_finished, timeout=30_000) as finished:
        QApplication.sendEvent(window, drop)
    assert sorted(r.status.value for r in finished.args[0]) == ["imported", "imported"]
    assert window.library_model.rowCount() == 2
    assert window.importer.report_box is not None
    window.importer.report_box.close()
    library.close()


def test_a_drag_without_files_is_refused(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("just words")
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_a_file_name_that_is_not_utf8_is_reported_with_its_bytes_escaped(
        qtbot: QtBot, tmp_path: Path, library_path: Path,
        make_window: Callable[[Library], MainWindow]) -> None:
    import os

    library = Library.open(library_path)
    window = make_window(library)
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / SEED_SV.name).write_bytes(SEED_SV.read_bytes())
    odd = os.fsdecode(os.fsencode(str(folder)) + b"/caf\xe9.txt")
    Path(odd).write_bytes(b"\x00\x01 not text")
    with qtbot.waitSignal(window.importer.import_finished, timeout=30_000):
        window.import_paths([folder])
    box = window.importer.report_box
    assert box is not None
    assert "caf\\xe9.txt" in box.detailedText()  # shown, not a crash on the odd byte
    box.close()
    library.close()
