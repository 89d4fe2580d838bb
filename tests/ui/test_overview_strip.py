"""The overview strip beside the parallel text: a map of the whole article's marks, and a
click that goes there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.parallel.overview_strip import OverviewKind, strip_point
from reader.ui.parallel.parallel_view import Passage

WindowFactory = Callable[[Library], MainWindow]

PASSAGE = "a pesar de los graves efectos de desastres naturales"


def _open_cao_bang(window: MainWindow) -> None:
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    assert window.open_article(article.id)
    assert window.parallel_pane.shown_languages() == ["es", "en"]


def _rows(window: MainWindow, kind: OverviewKind) -> list[int]:
    return [m.row for m in window.parallel_pane.overview.marks() if m.kind is kind]


def test_the_strip_maps_highlights_notes_bookmarks_differences_and_finds(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    window = make_window(seeded_library)
    _open_cao_bang(window)
    pane = window.parallel_pane
    qtbot.waitUntil(pane.translation_checked)
    assert pane.overview.isVisible()
    assert _rows(window, OverviewKind.DIFFERS) == sorted(pane.model.flagged_rows())
    assert _rows(window, OverviewKind.DIFFERS)  # the Cao Bang budget disagreement
    assert not _rows(window, OverviewKind.HIGHLIGHT)

    document = pane.model.documents()[0]
    text = window.library.document_text(document.id).text
    start = text.index(PASSAGE)
    row = next(r for r in range(pane.model.rowCount())
               if any(s.start <= start < s.end for s in pane.model.row(r).cells[0]))
    pane.view.select_passage(Passage(0, start, start + len(PASSAGE)))
    assert pane.highlights.highlight_selection("green") is not None
    assert _rows(window, OverviewKind.HIGHLIGHT) == [row]

    last = pane.model.rowCount() - 1
    sentence = pane.model.row(last).cells[1][0]
    pane.highlights.toggle_bookmark(1, sentence.start, sentence.end)
    assert _rows(window, OverviewKind.BOOKMARK) == [last]

    pane.view.setFocus()
    window.find_action.trigger()
    qtbot.keyClicks(pane.find_bar.field, "Quan Minh Cuong")
    found = _rows(window, OverviewKind.FOUND)
    assert found and found == sorted({m.row for m in pane.find_bar._matches})
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Escape)
    assert not _rows(window, OverviewKind.FOUND)

    pane.undo_stack.undo()  # the bookmark
    assert not _rows(window, OverviewKind.BOOKMARK)


def test_a_click_on_the_strip_goes_to_that_row(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    window = make_window(seeded_library)
    _open_cao_bang(window)
    pane = window.parallel_pane
    last = pane.model.rowCount() - 1
    sentence = pane.model.row(last).cells[0][0]
    pane.highlights.toggle_bookmark(0, sentence.start, sentence.end)
    strip = pane.overview
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip_point(strip, last))
    assert pane.view.current_row() == last
    assert pane.view.top_row() > 0  # scrolled down to it
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip_point(strip, 0))
    assert pane.view.current_row() == 0
