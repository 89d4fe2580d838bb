"""File → Export translation pair… writes the article shown, in its columns' languages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.pair_files import write_pair


def _open_pair(window: MainWindow) -> int:
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    assert window.open_article(article.id)
    return article.id


def test_every_pair_format_from_the_window(window: MainWindow, tmp_path: Path) -> None:
    article_id = _open_pair(window)
    for name in ("tmx", "xliff", "tsv", "html", "docx"):
        written = write_pair(window, window.library, window.events, tmp_path / f"pair.{name}",
                             name, article_id)
        assert written is not None and written.stat().st_size > 1000
    assert window.statusBar().currentMessage().startswith("38 aligned rows written to")
    from docx import Document

    (table,) = Document(io.BytesIO((tmp_path / "pair.docx").read_bytes())).tables
    assert [cell.text for cell in table.rows[0].cells] == ["Español", "English"]
    assert table.rows[1].cells[1].text.startswith("Comrades: Quan Minh Cuong")


def test_the_menu_writes_the_columns_shown_in_the_format_chosen(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _open_pair(window)
    window.parallel_pane.choose_languages("en", "es")
    asked: list[str] = []

    def answer(_parent: object, _title: str, _start: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(tmp_path / "chosen"), "TSV table (*.tsv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    assert window.export_pair_action in window.menuBar().actions()[0].menu().actions()
    window.export_pair_action.trigger()
    assert asked and "Word document, two columns (*.docx)" in asked[0]
    written = tmp_path / "chosen.tsv"
    assert written.read_text(encoding="utf-8").startswith("en\tes\nComrades: ")


def test_an_article_in_one_language_has_no_pair_to_write(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    single = next(a for a in window.library.article_summaries() if len(a.languages) == 1)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text: told.append(text))
    assert write_pair(window, window.library, window.events, tmp_path / "x.tmx", "tmx",
                      single.id) is None
    assert told == ["<p>the article has one language version: a pair needs two</p>"]
    assert not (tmp_path / "x.tmx").exists()


def test_a_pair_aligned_for_its_export_is_announced(
        qtbot: QtBot, window: MainWindow, seeded_library: Library, tmp_path: Path) -> None:
    """The pair's stored alignment is an older aligner's (as after an upgrade): the export
    aligns it first, and the window hears of it as of any alignment."""
    from reader.operations.changes import LibraryChange, pair
    from reader.text import versions

    article_id = _open_pair(window)
    spanish, english = seeded_library.documents_of(article_id)
    stored = seeded_library.alignments.get(spanish.id, english.id)
    assert stored is not None
    hashes = (seeded_library.content_hash_of(spanish.id),
              seeded_library.content_hash_of(english.id))
    seeded_library.alignments.save(stored, hashes, str(int(versions.ALIGNER_VERSION) - 1))
    with qtbot.waitSignal(window.events.changed, timeout=5_000) as heard:
        assert write_pair(window, window.library, window.events, tmp_path / "pair.tmx", "tmx",
                          article_id) is not None
    change: LibraryChange = heard.args[0]
    assert change.alignments == frozenset({pair(spanish.id, english.id)})
    assert window.library.current_alignment(spanish.id, english.id) is not None
    with qtbot.assertNotEmitted(window.events.changed):  # current now: nothing to announce
        write_pair(window, window.library, window.events, tmp_path / "again.tmx", "tmx",
                   article_id)
