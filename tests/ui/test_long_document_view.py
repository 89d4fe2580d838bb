"""A very long document shows its beginning at once and lays out the rest while the window is
idle: the window never freezes for the whole text; going to a row or a passage further on
lays out what it needs first; highlights reach the rows laid out later."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QTextOption
from pytestqt.qtbot import QtBot

from reader.operations.importer import import_paths
from reader.store.library import Library
from reader.ui.parallel.parallel_model import ParallelTextModel
from reader.ui.parallel.parallel_view import MarginMark, ParallelTextView, TextMark

PARAGRAPHS = 1200


def _long_model(library: Library, tmp_path: Path) -> ParallelTextModel:
    path = tmp_path / "long.txt"
    paragraphs = "\n\n".join(f"Paragraph number {n} tells of rice. It rained that day."
                             for n in range(PARAGRAPHS))
    path.write_text(f"A very long report\n\n{paragraphs}\n", encoding="utf-8")
    [result] = import_paths(library, [path], workers=0)
    assert result.document_id is not None
    document = library.document(result.document_id)
    model = ParallelTextModel()
    model.show_single(document, library.sentences(document.id))
    assert model.rowCount() > PARAGRAPHS  # the title is a row too
    return model


def test_the_beginning_shows_at_once_and_the_rest_follows(
        qtbot: QtBot, empty_library: Library, tmp_path: Path) -> None:
    model = _long_model(empty_library, tmp_path)
    view = ParallelTextView(model)
    qtbot.addWidget(view)
    text = view.document().toPlainText()
    first = view.first_rows()
    assert "Paragraph number 0 tells" in text
    assert view.rendered_rows() == first < PARAGRAPHS // 3  # a screen's worth at first
    assert f"Paragraph number {first} tells" not in text  # not yet: the window is free
    qtbot.waitUntil(lambda: f"Paragraph number {PARAGRAPHS - 1} tells"
                    in view.document().toPlainText(), timeout=30_000)
    assert view.document().toPlainText().count("tells of rice") == PARAGRAPHS


def test_held_rows_wait_for_the_release(
        qtbot: QtBot, empty_library: Library, tmp_path: Path) -> None:
    """The window holds the later rows until its first paint: Qt's idle time comes before
    that paint, and laying out a chunk then delayed it by 35 ms on a long article."""
    model = _long_model(empty_library, tmp_path)
    view = ParallelTextView(model)
    qtbot.addWidget(view)
    view.hold_more_rows()
    first = view.rendered_rows()
    qtbot.wait(100)  # idle: nothing more is laid out while held
    assert view.rendered_rows() == first
    view.release_more_rows()
    qtbot.waitUntil(lambda: view.rendered_rows() == model.rowCount(), timeout=30_000)


def test_going_to_a_row_further_on_lays_it_out_first(
        qtbot: QtBot, empty_library: Library, tmp_path: Path) -> None:
    model = _long_model(empty_library, tmp_path)
    view = ParallelTextView(model)
    qtbot.addWidget(view)
    last = model.rowCount() - 1
    assert view.select_text(last, 0, 1, 0, 2)  # "It" of the last paragraph's second sentence
    assert view.textCursor().selectedText() == "It"
    assert view.current_row() == last


def test_highlights_reach_the_rows_laid_out_later(
        qtbot: QtBot, empty_library: Library, tmp_path: Path) -> None:
    model = _long_model(empty_library, tmp_path)
    view = ParallelTextView(model)
    qtbot.addWidget(view)
    last_sentence = model.row(model.rowCount() - 1).cells[0][0]
    first_sentence = model.row(0).cells[0][0]
    yellow = QColor(255, 230, 0)
    view.set_marks([
        TextMark(0, first_sentence.start, first_sentence.end, yellow),
        TextMark(0, last_sentence.start, last_sentence.end, yellow, margin=MarginMark.NOTE),
    ])
    assert view.background_at(0, first_sentence.start) == yellow
    qtbot.waitUntil(lambda: view.background_at(0, last_sentence.start) == yellow,
                    timeout=30_000)
    assert len(view._margin_marks) == 1


def test_a_text_with_an_endless_word_wraps_anywhere(
        qtbot: QtBot, empty_library: Library, tmp_path: Path) -> None:
    """Qt looked for a place to break a 1,000,000-character word again on every line: 37 s."""
    path = tmp_path / "word.txt"
    path.write_text("One long word\n\n" + "a" * 200_000 + "\n", encoding="utf-8")
    [result] = import_paths(empty_library, [path], workers=0)
    assert result.document_id is not None
    document = empty_library.document(result.document_id)
    model = ParallelTextModel()
    model.show_single(document, empty_library.sentences(document.id))
    view = ParallelTextView(model)
    qtbot.addWidget(view)
    assert view.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    assert view.verticalScrollBar().maximum() > 0  # laid out, in lines


def test_ordinary_text_wraps_between_words(
        qtbot: QtBot, empty_library: Library, tmp_path: Path) -> None:
    view = ParallelTextView(_long_model(empty_library, tmp_path))
    qtbot.addWidget(view)
    assert view.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
