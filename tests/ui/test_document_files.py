"""Books and documents chosen in File → Import files… (whose filter offers them) or dropped
on the window open as articles with their text; a bad one is reported with its reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui.main_window import MainWindow
from tests.formats.document_files import (
    docx_file,
    epub_expected,
    epub_file,
    odt_file,
    pdf_expected,
    pdf_file,
    scanned_pdf_file,
)
from tests.ui.drops import drop, files


def test_import_files_offers_documents_and_opens_a_book_chapter_by_chapter(
        qtbot: QtBot, tmp_path: Path, library_path: Path,
        make_window: Callable[[Library], MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library.open(library_path)
    window = make_window(library)
    chosen = [str(epub_file(tmp_path / "book.epub")), str(pdf_file(tmp_path / "report.pdf"))]
    offered: list[str] = []

    def choose(*args: object) -> tuple[list[str], str]:
        offered.append(str(args[3]))
        return chosen, ""

    # The native file dialog cannot be driven offscreen; answer it as a user would.
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    with qtbot.waitSignal(window.importer.import_finished, timeout=30_000):
        window.import_files_action.trigger()
    assert "EPUB books (*.epub);;PDF documents (*.pdf);;Word documents (*.docx);;" \
           "OpenDocument text (*.odt)" in offered[0]
    assert window.importer.report_box is not None
    assert window.importer.report_box.text() == "2 files imported."
    window.importer.report_box.close()
    assert window.library_model.rowCount() == 2
    by_name = {d.file_name: d for d in library.all_documents()}
    assert window.open_article(by_name["book.epub"].article_id)
    model = window.parallel_pane.model
    shown = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    text = " ".join(shown)
    for _section, paragraph in epub_expected():
        assert paragraph in text
    assert window.open_article(by_name["report.pdf"].article_id)
    shown = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert " ".join(shown).startswith(" ".join(pdf_expected()[:2]))
    library.close()


def test_dropped_documents_are_imported_and_a_scan_is_reported(
        qtbot: QtBot, tmp_path: Path, library_path: Path,
        make_window: Callable[[Library], MainWindow]) -> None:
    library = Library.open(library_path)
    window = make_window(library)
    paths = [docx_file(tmp_path / "memo.docx"), odt_file(tmp_path / "notes.odt"),
             scanned_pdf_file(tmp_path / "scan.pdf")]
    results = drop(qtbot, window, files(paths))
    assert [(r.status.value, r.reason) for r in results] == [
        ("imported", ""), ("imported", ""),
        ("failed", "has no text layer (a scanned PDF?)")]
    assert window.importer.report_box is not None
    assert "has no text layer (a scanned PDF?)" in window.importer.report_box.detailedText()
    window.importer.report_box.close()
    assert window.library_model.rowCount() == 2
    assert sorted(d.language for d in library.all_documents()) == ["ru", "sv"]
    library.close()
