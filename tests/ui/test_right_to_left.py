"""Text written right to left (Arabic, Hebrew, Persian) is laid out right to left in its
column, beside a left-to-right translation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.operations.importer import import_paths
from reader.store.library import Library
from reader.ui.parallel.parallel_model import ParallelTextModel
from reader.ui.parallel.parallel_view import ParallelTextView

# Written for this test: "The government announced a new plan to build schools in the
# countryside. The minister said that work begins next month."
ARABIC = ("أعلنت الحكومة عن خطة جديدة لبناء المدارس في الريف. "
          "وقال الوزير إن العمل سيبدأ في الشهر المقبل.\n\n"
          "وستبنى المدارس الأولى قرب الحدود الشمالية.\n")
ENGLISH = ("The government announced a new plan to build schools in the countryside. "
           "The minister said that work begins next month.\n\n"
           "The first schools will be built near the northern border.\n")


def _view_of(library: Library, tmp_path: Path, name: str, text: str) -> ParallelTextView:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [result] = import_paths(library, [path], workers=0)
    assert result.document_id is not None
    document = library.document(result.document_id)
    model = ParallelTextModel()
    model.show_single(document, library.sentences(document.id))
    view = ParallelTextView(model)
    view.resize(700, 400)
    return view


def test_an_arabic_article_is_laid_out_right_to_left(
        qtbot: QtBot, empty_library: Library, tmp_path: Path) -> None:
    arabic = _view_of(empty_library, tmp_path, "ar.txt", ARABIC)
    english = _view_of(empty_library, tmp_path, "en.txt", ENGLISH)
    for view in (arabic, english):
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
    assert empty_library.document(arabic._model.documents()[0].id).language == "ar"
    for view, direction in ((arabic, Qt.LayoutDirection.RightToLeft),
                            (english, Qt.LayoutDirection.LeftToRight)):
        cell = view._tables[0].cellAt(0, 0)
        block = cell.firstCursorPosition().block()
        assert block.textDirection() == direction
    arabic_block = arabic._tables[0].cellAt(0, 0).firstCursorPosition().block()
    assert arabic_block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The first word starts at the right edge of an Arabic cell, at the left of an English one.
    middle = arabic.viewport().width() // 2
    first_ar = arabic.cursorRect(arabic._tables[0].cellAt(0, 0).firstCursorPosition())
    first_en = english.cursorRect(english._tables[0].cellAt(0, 0).firstCursorPosition())
    assert first_ar.x() > middle > first_en.x()
