"""The Figures window reads the library's figures a block at a time, as the library list does:
a count, then one query per block of rows a view shows; filters and order are the store's;
double-clicking a figure asks for it to be shown in its article."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.operations.session import LibrarySession
from reader.store.library import Library
from reader.store.records import FigureQuery, FigureSort
from reader.ui.figures.library_figures_model import FigureColumn, LibraryFiguresModel
from reader.ui.main_window import MainWindow
from tests.store import test_listing as listing_data


def _count_windows(monkeypatch: pytest.MonkeyPatch, session: LibrarySession) -> list[int]:
    """The offsets of the pages the session is asked for, from now on."""
    calls: list[int] = []
    original = session.figure_window

    def counted(query: FigureQuery, key: FigureSort, descending: bool, offset: int,
                limit: int) -> list[object]:
        calls.append(offset)
        return original(query, key, descending, offset, limit)  # type: ignore[return-value]

    monkeypatch.setattr(session, "figure_window", counted)
    return calls


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester,
                                           seeded_library: Library) -> None:
    model = LibraryFiguresModel(LibrarySession(seeded_library))
    qtmodeltester.check(model)
    assert model.rowCount() == 97
    model.sort(FigureColumn.VALUE, Qt.SortOrder.DescendingOrder)
    model.set_query(FigureQuery(unit="VND"))
    assert 0 < model.rowCount() < 97
    assert model.data(model.index(0, FigureColumn.UNIT)) == "VND"


def test_rows_are_read_a_block_at_a_time(monkeypatch: pytest.MonkeyPatch,
                                         empty_library: Library) -> None:
    listing_data.fill_library(empty_library, 1000)
    session = LibrarySession(empty_library)
    model = LibraryFiguresModel(session)
    assert model.rowCount() > 950
    calls = _count_windows(monkeypatch, session)
    assert calls == []  # nothing read before a view asks
    for row in range(200):
        for column in range(FigureColumn.COUNT):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.TextAlignmentRole):
                model.data(model.index(row, column), role)
    assert calls == [0]
    model.data(model.index(950, FigureColumn.ARTICLE))
    assert calls == [0, 800]
    model.rows.max_blocks = 2
    model.data(model.index(500, FigureColumn.ARTICLE))
    model.data(model.index(0, FigureColumn.ARTICLE))  # dropped as the least recently used
    assert calls == [0, 800, 400, 0]
    by_value = [float(model.figure_at(row)[2].value) for row in range(model.rowCount())]
    model.sort(FigureColumn.VALUE)
    assert [float(model.figure_at(row)[2].value)
            for row in range(model.rowCount())] == sorted(by_value)
    assert model.export_rows() == [model.figure_at(row) for row in range(model.rowCount())]


def test_double_clicking_a_figure_asks_to_show_it(qtbot: QtBot, window: MainWindow) -> None:
    swedish = next(a.id for a in window.library.article_summaries() if a.languages == ("sv",))
    window.open_article(swedish)  # another article is open: the window goes to the figure's
    dialog = window.show_figures_dialog()
    qtbot.addWidget(dialog)
    dialog.view.sortByColumn(FigureColumn.VALUE, Qt.SortOrder.DescendingOrder)
    view = dialog.view
    place = view.visualRect(dialog.model.index(0, FigureColumn.LABEL)).center()
    with qtbot.waitSignal(dialog.figure_activated) as activated:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=place)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=place)
    (figure,) = activated.args
    assert figure.surface == "3.312 billones de VND"
    assert figure == dialog.model.figure_at(0)[2]
    # the window opens the article with that figure selected in the Spanish column
    assert window.parallel_pane.view.textCursor().selectedText() == "3.312 billones de VND"


def test_the_window_counts_with_digit_groups_and_filters_after_typing(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.show_figures_dialog()
    qtbot.addWidget(dialog)
    dialog.search.setText("Presupuestários vnd")  # any case, accents optional
    assert dialog.model.rowCount() == 97  # not yet: a moment after the last key
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # or at once
    assert dialog.model.rowCount() == 1
    assert dialog.count.text() == "1 figure"
    dialog.search.clear()
    assert dialog.model.rowCount() == 97
