"""Export and import of highlights from the window's File menu."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.app import open_library
from reader.store.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.notes.notes_files import import_notes, write_notes


def _annotate(library: Library) -> None:
    for document in library.all_documents()[:2]:
        text = library.document_text(document.id).text
        library.annotations.add(document.id, 0, text.index(" ", 10), "purple",
                                "see, \"this\"\nand that", ["a", "b"])


def test_export_every_format_from_the_window(window: MainWindow, tmp_path: Path,
                                            seeded_library: Library) -> None:
    _annotate(seeded_library)
    markdown = write_notes(window, window.library, tmp_path / "notes.md", "md")
    assert markdown is not None
    assert markdown.read_text(encoding="utf-8").count("> ") >= 2
    table = write_notes(window, window.library, tmp_path / "notes.csv", "csv")
    assert table is not None
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert len(rows) == 2 and rows[0]["note"] == "see, \"this\"\nand that"
    w3c = write_notes(window, window.library, tmp_path / "notes.jsonld", "w3c")
    assert w3c is not None
    data = json.loads(w3c.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    assert "2 highlights written" in window.statusBar().currentMessage()


def test_import_into_another_library_reproduces_every_highlight(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow], seeded_library: Library,
        tmp_path: Path) -> None:
    _annotate(seeded_library)
    window = make_window(seeded_library)
    exported = write_notes(window, window.library, tmp_path / "notes.jsonld", "w3c")
    assert exported is not None
    other = open_library(tmp_path / "other.sqlite")
    try:
        other_window = make_window(other)
        report = import_notes(other_window, other_window.library, other_window.events, exported)
        assert report is not None and report.startswith("Imported 2, already here 0")
        mine = sorted((a.document_uri, a.start, a.end, a.exact, a.colour, a.note, a.tags, a.uid)
                      for a in seeded_library.annotations.newest_first())
        theirs = sorted((a.document_uri, a.start, a.end, a.exact, a.colour, a.note, a.tags,
                         a.uid) for a in other.annotations.newest_first())
        assert mine == theirs
        other_window.annotations_panel.set_whole_library(True)
        assert other_window.annotations_panel.shown_count() == 2
        again = import_notes(other_window, other_window.library, other_window.events, exported)
        assert again is not None and again.startswith("Imported 0, already here 2")
        other_window.close()
    finally:
        other.close()


def test_a_file_that_is_not_json_is_refused_clearly(window: MainWindow, tmp_path: Path,
                                                    monkeypatch: object,
                                                    seeded_library: Library) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",  # type: ignore[attr-defined]
                        lambda _parent, _title, text: shown.append(text))
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"\xff\xfe not json")
    assert import_notes(window, window.library, window.events, broken) is None
    assert shown and "not valid UTF-8" in shown[0]
    assert seeded_library.annotations.count() == 0


def test_export_of_one_article(window: MainWindow, tmp_path: Path, seeded_library: Library) -> None:
    _annotate(seeded_library)
    documents = seeded_library.all_documents()
    article_id = documents[0].article_id
    elsewhere = next(d for d in documents if d.article_id != article_id)
    seeded_library.annotations.add(elsewhere.id, 0, 10, "blue")
    path = write_notes(window, window.library, tmp_path / "one.csv", "csv", article_id)
    assert path is not None
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows and {row["article_id"] for row in rows} == {str(article_id)}
    assert len(rows) < seeded_library.annotations.count()
