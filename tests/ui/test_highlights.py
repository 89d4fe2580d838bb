"""Highlighting in the window: select, highlight, note, echo on the translation, bookmarks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.notes.highlight_colours import highlight_colour
from reader.ui.parallel.parallel_view import MarginMark, ParallelTextView, Passage

PASSAGE = "a pesar de los graves efectos de desastres naturales"


def _open_cao_bang(window: MainWindow) -> None:
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    assert window.open_article(article.id)
    assert window.parallel_pane.shown_languages() == ["es", "en"]


def _point_of(view: ParallelTextView, column: int, offset: int) -> QPoint:
    [(position, _end)] = view._view_ranges(column, offset, offset + 1)
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.cursorRect(cursor).center()


def _drag_select(qtbot: QtBot, view: ParallelTextView, column: int, start: int,
                 end: int) -> None:
    """Select document text of a column with the mouse, as a reader does."""
    view.select_passage(Passage(column, start, end))  # scrolls it into view
    cursor = view.textCursor()
    cursor.clearSelection()
    view.setTextCursor(cursor)
    assert view.selected_passage() is None
    begin, finish = _point_of(view, column, start), _point_of(view, column, end - 1)
    # The middle of the last character's cursor slot is before it: press just past it.
    finish = QPoint(finish.x() + view.fontMetrics().averageCharWidth(), finish.y())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=begin)
    # QTest's mouseMove carries no buttons; a drag needs them, so the move is sent by hand.
    drag = QMouseEvent(QEvent.Type.MouseMove, QPointF(finish),
                       view.viewport().mapToGlobal(QPointF(finish)),
                       Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), drag)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=finish)


def _spanish_offsets(window: MainWindow) -> tuple[int, int, int]:
    document = window.parallel_pane.model.documents()[0]
    text = window.library.document_text(document.id).text
    start = text.index(PASSAGE)
    return document.id, start, start + len(PASSAGE)


def test_a_mouse_selection_maps_to_the_document_text(qtbot: QtBot, window: MainWindow) -> None:
    _open_cao_bang(window)
    view = window.parallel_pane.view
    _document_id, start, end = _spanish_offsets(window)
    _drag_select(qtbot, view, 0, start, end)
    assert view.selected_passage() == Passage(0, start, end)


def test_highlight_with_a_note_shows_in_both_columns_and_after_reopening(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow],
        seeded_library: Library) -> None:
    window = make_window(seeded_library)
    _open_cao_bang(window)
    pane = window.parallel_pane
    view = pane.view
    document_id, start, end = _spanish_offsets(window)
    _drag_select(qtbot, view, 0, start, end)
    annotation = pane.highlights.highlight_selection("yellow", "Floods hit the north.",
                                                     ["clima"])
    assert annotation is not None
    assert (annotation.document_id, annotation.start, annotation.end) == (document_id, start,
                                                                          end)
    assert annotation.exact == PASSAGE
    assert view.background_at(0, start + 3) == highlight_colour("yellow")
    assert view.background_at(0, start - 3) is None
    # The English counterpart sentence wears a faint mark of the same colour.
    echoes = [m for m in view.marks() if m.faint and m.column == 1]
    assert len(echoes) == 1
    english = pane.model.documents()[1]
    english_text = seeded_library.document_text(english.id).text
    assert "natural disasters" in english_text[echoes[0].start:echoes[0].end]
    faint = view.background_at(1, echoes[0].start + 2)
    assert faint is not None and faint.alpha() < 255
    assert faint.rgb() == highlight_colour("yellow").rgb()
    # The note shows as a margin marker whose tooltip is the note.
    notes = [m for m in view.marks() if m.margin == MarginMark.NOTE]
    assert [m.tooltip for m in notes] == ["<p>Floods hit the north.<br>\nTags: clima</p>"]
    qtbot.waitUntil(lambda: bool(view.marker_rects()))
    rect, mark = view.marker_rects()[0]
    assert view.marks_at(rect.center()) == [mark]

    # The panel lists it; searching without accents finds it; opening it selects the passage.
    panel = window.annotations_panel
    assert panel.shown_count() == 1
    qtbot.keyClicks(panel.search, "desastres")
    assert panel.shown_count() == 1
    panel.search.clear()
    qtbot.keyClicks(panel.search, "inundaciones")
    assert panel.shown_count() == 0
    panel.search.clear()
    view.moveCursor(QTextCursor.MoveOperation.Start)
    with qtbot.waitSignal(panel.open_requested):
        panel.view.setCurrentIndex(panel.view.model().index(0, 0))
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert view.selected_passage() == Passage(0, start, end)

    window.close()
    again = make_window(seeded_library)
    _open_cao_bang(again)
    assert again.parallel_pane.view.background_at(0, start + 3) == highlight_colour("yellow")
    assert again.annotations_panel.shown_count() == 1


def test_ctrl_h_highlights_and_undo_removes(qtbot: QtBot, window: MainWindow,
                                            seeded_library: Library) -> None:
    _open_cao_bang(window)
    pane = window.parallel_pane
    _document_id, start, end = _spanish_offsets(window)
    _drag_select(qtbot, pane.view, 0, start, end)
    qtbot.keyClick(pane.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert seeded_library.annotations.count() == 1
    assert pane.view.background_at(0, start + 1) is not None
    assert pane.view.selected_passage() is None  # the selection would hide the new colour
    pane.undo_stack.undo()
    assert seeded_library.annotations.count() == 0
    assert pane.view.background_at(0, start + 1) is None
    pane.undo_stack.redo()
    assert seeded_library.annotations.count() == 1


def test_edit_and_delete_with_undo(window: MainWindow, seeded_library: Library) -> None:
    _open_cao_bang(window)
    pane = window.parallel_pane
    _document_id, start, end = _spanish_offsets(window)
    pane.view.select_passage(Passage(0, start, end))
    annotation = pane.highlights.highlight_selection("green")
    assert annotation is not None
    pane.highlights.edit(annotation, "pink", "a note", ["one", "two"])
    assert seeded_library.annotations.get(annotation.id).colour == "pink"
    assert pane.view.background_at(0, start + 1) == highlight_colour("pink")
    pane.highlights.delete(seeded_library.annotations.get(annotation.id))
    assert seeded_library.annotations.count() == 0
    pane.undo_stack.undo()
    restored = seeded_library.annotations.get(annotation.id)
    assert (restored.colour, restored.note, restored.tags) == ("pink", "a note", ("one", "two"))
    pane.undo_stack.undo()
    assert seeded_library.annotations.get(annotation.id).colour == "green"


def test_bookmark_a_sentence_with_a_margin_mark(qtbot: QtBot, window: MainWindow) -> None:
    _open_cao_bang(window)
    pane = window.parallel_pane
    view = pane.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    [bookmark] = window.library.bookmarks_newest_first()
    first = pane.model.row(1).cells[0][0]
    assert (bookmark.start, bookmark.end) == (first.start, first.end)
    assert [m.key for m in view.marks() if m.margin == MarginMark.BOOKMARK] == [bookmark]
    qtbot.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.library.bookmarks_newest_first() == []
