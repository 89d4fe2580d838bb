"""What a reader or a file wrote is shown as text in the window, never read as markup: a note
holding `<img src="file:///…">` loads no image, `<b>` makes nothing bold."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.store.records import SearchHit
from reader.ui.library.search_pane import snippet_html
from reader.ui.main_window import MainWindow
from reader.ui.notes.annotations_model import ANNOTATION_ROLE, AnnotationColumn
from reader.ui.notes.notes_files import import_notes
from reader.ui.parallel.parallel_view import MarginMark
from reader.ui.plain_text import as_menu_text, as_rich_text

EVIL = '<img src="file:///tmp/x.png"><b>bold</b>'


def _shown_as(rich_text: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(rich_text)
    return document


def _assert_literal(rich_text: str, *texts: str) -> None:
    """The rich text shows each text as written, and holds no image and no bold."""
    assert QtGui.Qt.mightBeRichText(rich_text)  # so Qt reads it as the escaped rich text it is
    assert "<img" not in rich_text and "<b>" not in rich_text
    document = _shown_as(rich_text)
    plain = document.toPlainText()
    for text in texts:
        assert text in plain
    assert "<img" not in document.toHtml() and "font-weight:700" not in document.toHtml()


def test_rich_text_of_plain_text_shows_exactly_it() -> None:
    tip = as_rich_text(EVIL + "\nsecond & line")
    assert tip.startswith("<p>&lt;img src=")
    _assert_literal(tip, EVIL)
    assert _shown_as(tip).toPlainText().splitlines() == [EVIL, "second & line"]
    assert as_menu_text("Salt & pepper") == "Salt && pepper"


def test_a_highlight_note_with_markup_shows_as_text(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow],
        seeded_library: Library) -> None:
    spanish = next(d for d in seeded_library.all_documents() if d.language == "es")
    text = seeded_library.document_text(spanish.id).text
    start = text.index("desastres naturales")
    seeded_library.annotations.add(spanish.id, start, start + 19, "yellow", EVIL,
                                   ("<i>tag</i>",))
    window = make_window(seeded_library)
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    assert window.open_article(article.id)
    qtbot.waitUntil(lambda: any(m.margin == MarginMark.NOTE
                                for m in window.parallel_pane.view.marks()))
    marks = window.parallel_pane.view.marks()
    note = next(m for m in marks if m.margin == MarginMark.NOTE)
    assert '&lt;img src="file:///tmp/x.png"&gt;&lt;b&gt;bold&lt;/b&gt;' in note.tooltip
    _assert_literal(note.tooltip, EVIL, "Tags: <i>tag</i>")
    echo = next(m for m in marks if m.faint and m.column == 1)
    _assert_literal(echo.tooltip, EVIL)
    # The highlights panel's tooltip too.
    panel = window.annotations_panel
    panel.set_whole_library(True)
    model = panel.model
    row = next(r for r in range(model.rowCount())
               if model.data(model.index(r, 0), ANNOTATION_ROLE).note == EVIL)
    _assert_literal(model.data(model.index(row, AnnotationColumn.NOTE),
                               Qt.ItemDataRole.ToolTipRole), EVIL, "<i>tag</i>")


def test_search_results_escape_title_and_snippet(qtbot: QtBot, window: MainWindow) -> None:
    snippet = 'before <img src="file:///tmp/x.png"> floods <b>after</b>'
    match = snippet.index("floods")
    hit = SearchHit(1, 1, "es", "<b>Title</b> & more", snippet,
                    ((match, match + 6), (match + 2, match + 4)), 0, 6, 1.0)
    rich = snippet_html(hit.snippet, hit.snippet_matches)
    assert "<b>floods</b>" in rich and "&lt;img src=" in rich
    assert _shown_as(rich).toPlainText().count("floods") == 1
    assert "<img" not in _shown_as(rich).toHtml()
    window.search_pane.model.set_hits([hit])
    tip = window.search_pane.model.data(window.search_pane.model.index(0, 0),
                                        Qt.ItemDataRole.ToolTipRole)
    _assert_literal(tip, "<b>Title</b> & more", snippet)
    # The status line quotes the query as typed.
    window.search_pane.field.setText("<img src=x>zzqxv")
    window.search_pane.search_now()
    status = window.search_pane.status
    assert status.textFormat() == Qt.TextFormat.PlainText
    assert "<img src=x>zzqxv" in status.text()


def test_an_import_report_shows_the_file_ids_as_text(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: shown.append(text))
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps({
        "type": "Annotation", "id": EVIL,
        "target": {"source": "https://example.org/<img src=x>",
                   "selector": {"type": "TextQuoteSelector", "exact": "x"}}}),
        encoding="utf-8")
    report = import_notes(window, window.library, window.events, notes)
    assert report is not None and EVIL in report  # the report itself is plain text
    assert len(shown) == 1
    _assert_literal(shown[0], EVIL, "https://example.org/<img src=x>")


def test_a_source_address_links_only_when_it_is_a_web_address(seeded_library: Library) -> None:
    from reader.ui.figures.metrics_sidebar import _source_html

    document = seeded_library.all_documents()[0]
    web = _source_html(document._replace(source_url="https://example.org/a?b=1&c=2"))
    assert '<a href="https://example.org/a?b=1&amp;c=2">example.org</a>' in web
    for address in ("javascript:alert(1)", "file:///etc/passwd"):
        shown = _source_html(document._replace(source_url=address))
        assert "<a " not in shown and address in shown


def test_a_title_tooltip_in_the_library_list_is_plain_text(seeded_library: Library) -> None:
    from reader.ui.library.library_model import LibraryColumn, _tooltip

    summary = seeded_library.article_summaries()[0]
    tip = _tooltip(summary._replace(title='<img src="file:///tmp/x.png">'), LibraryColumn.TITLE)
    assert tip is not None and "<img" not in tip and "&lt;img" in tip


def test_the_window_escapes_text_as_html_escape_does() -> None:
    import html

    from reader.ui.plain_text import escape

    for text in ('<img src="file:///x.png">', "Tom & Jerry's", "plain", "", "<<&&>>'\"", "é → ü"):
        assert escape(text) == html.escape(text)
