"""Search as you type in the window: results with snippets, opening one marks the match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.store.records import SearchHit
from reader.ui.library.search_pane import HitDelegate, snippet_html
from reader.ui.main_window import MainWindow
from reader.ui.parallel.highlights import SEARCH_COLOUR


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    field = window.search_pane.field
    field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest types ASCII only (it aborts on other characters); paste the rest
        field.insert(text)
    qtbot.waitUntil(lambda: window.search_pane.query() == text)


def test_typing_without_accents_finds_the_spanish_text(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    search = window.search_pane
    assert not search.is_searching()
    _type(qtbot, window, "comite provincial")
    assert search.is_searching()
    hits = [search.model.hit(row) for row in range(search.model.rowCount())]
    assert hits and hits[0].language == "es"
    first = hits[0]
    assert first.snippet_matches
    start, end = first.snippet_matches[0]
    assert first.snippet[start:end].casefold() in ("comité", "comité provincial")
    assert "<b>Comité" in snippet_html(first.snippet, first.snippet_matches)
    assert "found" in search.status.text()


def test_russian_with_e_for_yo_and_nothing_found(qtbot: QtBot, window: MainWindow,
                                                 seeded_library: Library) -> None:
    russian = next(d for d in seeded_library.all_documents() if d.language == "ru")
    text = window.library.document_text(russian.id).text
    word = next(w.strip(".,;:«»()") for w in text.split() if "ё" in w)
    _type(qtbot, window, word.replace("ё", "е"))
    search = window.search_pane
    assert search.model.rowCount() >= 1
    assert search.model.hit(0).document_id == russian.id
    _type(qtbot, window, "zzqxv")
    assert search.model.rowCount() == 0
    assert "Nothing found" in search.status.text()


def test_enter_opens_the_best_hit_with_its_matches_marked(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    _type(qtbot, window, "desastres naturales")
    search = window.search_pane
    hit = search.model.hit(0)
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    pane = window.parallel_pane
    assert hit.document_id in [d.id for d in pane.model.documents()]
    column = [d.id for d in pane.model.documents()].index(hit.document_id)
    passage = pane.view.selected_passage()
    assert passage is not None and (passage.start, passage.end) == (hit.match_start,
                                                                    hit.match_end)
    spans = pane.highlights.search_matches()
    assert (hit.match_start, hit.match_end) in spans
    assert pane.view.background_at(column, hit.match_start) == SEARCH_COLOUR
    # Escape empties the box: the library list is back and the marks go.
    search.field.setFocus()
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert not search.is_searching()
    assert pane.highlights.search_matches() == []


def test_ctrl_f_goes_to_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.parallel_pane.view.setFocus()
    window.search_action.trigger()
    assert QApplication.focusWidget() is window.search_pane.field


def test_only_the_rows_shown_have_their_snippets_cut(qtbot: QtBot, window: MainWindow) -> None:
    search = window.search_pane
    _type(qtbot, window, "provincial")
    found = [search.model.hit(row) for row in range(search.model.rowCount())]
    assert found and all(hit.snippet for hit in found)
    # Many hits (the seeds' found again and again), found without their snippets.
    uncut = [hit._replace(snippet="", snippet_matches=(), match_start=-1, match_end=-1)
             for hit in found] * (60 // len(found) + 1)
    asked: list[int] = []

    def cut(hits: list[SearchHit], query: str) -> list[SearchHit]:
        asked.append(len(hits))
        return window.library.cut_snippets(hits, query)

    search.model.set_hits(uncut, "provincial", cut)
    search.results.viewport().update()
    qtbot.waitUntil(lambda: search.model.snippets_cut() > 0)  # laid out and painted
    heights = {search.results.visualRect(search.model.index(row)).height()
               for row in range(search.model.rowCount())}
    assert len(heights) == 1  # one height: the list lays out only the rows it shows
    assert 0 < search.model.snippets_cut() <= 2 * search.model.SNIPPET_PAGE
    assert search.model.snippets_cut() < len(uncut)
    assert search.model.hit(len(uncut) - 1).snippet  # cut when asked for
    assert asked and max(asked) <= search.model.SNIPPET_PAGE


def test_a_long_snippet_is_cut_to_its_lines_with_an_ellipsis(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    search = window.search_pane
    _type(qtbot, window, "provincial")
    hit = search.model.hit(0)
    long_hit = hit._replace(snippet=(hit.snippet + " ") * 6)
    delegate = search.results.itemDelegate()
    assert isinstance(delegate, HitDelegate)
    font = search.results.font()
    document = delegate.document_for(long_hit, 200, font)
    layout = document.firstBlock().layout()
    assert 1 <= layout.lineCount() <= HitDelegate.SNIPPET_LINES
    assert document.toPlainText().endswith("…")
    assert "Provincial" in document.toPlainText() or "provincial" in document.toPlainText()
    assert delegate.document_for(long_hit, 200, font) is document  # kept
    _type(qtbot, window, "comite")  # other hits: the layouts kept before are let go
    assert delegate.document_for(long_hit, 200, font) is not document
