"""Bilingual files dropped on the window open as one article whose rows are the file's units,
shown as aligned by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.store.records import ImportResult
from reader.ui.main_window import MainWindow
from reader.ui.parallel.parallel_model import MANUAL_ROLE, SCORE_ROLE
from tests.formats.bilingual_files import seed_paragraphs, tmx_file, xliff2_file
from tests.ui.drops import drop, files


def _drop(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> list[ImportResult]:
    results = drop(qtbot, window, files(paths))
    assert window.importer.report_box is not None
    window.importer.report_box.close()
    return results


def test_a_dropped_tmx_opens_as_the_files_own_alignment(
        qtbot: QtBot, tmp_path: Path, library_path: Path,
        make_window: Callable[[Library], MainWindow]) -> None:
    library = Library.open(library_path)
    window = make_window(library)
    (result,) = _drop(qtbot, window, [tmx_file(tmp_path / "cao-bang.tmx")])
    assert result.status.value == "imported"
    assert window.library_model.rowCount() == 1
    assert window.open_article(result.article_id or 0)
    pane = window.parallel_pane
    assert pane.shown_languages() == ["es", "en"]
    model = pane.model
    expected = seed_paragraphs()
    assert model.rowCount() == len(expected)
    for row, (es, en) in enumerate(expected):
        assert model.data(model.index(row, 0)) == es
        assert model.data(model.index(row, 1)) == en
        assert model.data(model.index(row, 0), MANUAL_ROLE) is True
        assert model.data(model.index(row, 0), SCORE_ROLE) == 1.0
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "Aligned by you"
    library.close()


def test_a_dropped_file_that_is_no_bilingual_file_is_reported_and_not_stored(
        qtbot: QtBot, tmp_path: Path, library_path: Path,
        make_window: Callable[[Library], MainWindow]) -> None:
    library = Library.open(library_path)
    window = make_window(library)
    bomb = tmp_path / "bomb.xlf"
    bomb.write_bytes(b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><xliff>&b;</xliff>')
    good = xliff2_file(tmp_path / "good.xliff", seed_paragraphs()[:2])
    failed, imported = _drop(qtbot, window, [bomb, good])
    assert failed.status.value == "failed"
    assert failed.reason.startswith("refused: the file declares XML entities")
    assert imported.status.value == "imported"
    assert window.library_model.rowCount() == 1
    library.close()
