"""Search as you type in the window: results with snippets, opening one marks the match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui.library.search_pane import hit_html
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
    assert "<b>Comité" in hit_html(first)
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


def test_a_hit_is_laid_out_once_for_its_height_and_its_paint(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    search = window.search_pane
    _type(qtbot, window, "provincial")
    qtbot.wait(20)  # the results' layout and paint
    delegate = search.results.itemDelegate()
    first = search.model.hit(0)
    width = search.results.visualRect(search.model.index(0)).width()
    kept = delegate.document_for(first, width)
    assert delegate.document_for(first, width) is kept  # the same layout again
    assert search.results.visualRect(search.model.index(0)).height() == int(
        kept.size().height()) + 2
    _type(qtbot, window, "comite")  # other hits: the layouts kept before are let go
    assert delegate.document_for(first, width) is not kept
