"""The library list in the window: rows read a block at a time, sorting by every column,
quick filters, selection that survives sorting and starring, and remembered order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.app import open_library
from reader.operations.session import LibrarySession
from reader.store.library import Library
from reader.store.records import ListFilter, SortKey
from reader.ui.library import library_model
from reader.ui.library.library_model import SORT_KEYS, LibraryColumn, LibraryTableModel
from reader.ui.main_window import MainWindow
from tests.store import test_listing as listing_data

WindowFactory = Callable[[Library], MainWindow]
Made = listing_data.Made


@pytest.fixture
def big(empty_library: Library) -> tuple[Library, list[Made]]:
    """A library of a thousand varied articles."""
    return empty_library, listing_data.fill_library(empty_library, 1000)


@pytest.fixture
def big_window(make_window: WindowFactory, big: tuple[Library, list[Made]]) -> MainWindow:
    return make_window(big[0])


def _listed_ids(model: LibraryTableModel) -> list[int]:
    return [model.article_id_at(row) for row in range(model.rowCount())]


def _count_windows(monkeypatch: pytest.MonkeyPatch, library: Library) -> list[int]:
    """Record the offset of every page of the list the store is asked for."""
    calls: list[int] = []
    window = library.listing.window

    def counted(list_filter: ListFilter, key: SortKey, descending: bool, offset: int,
                limit: int) -> list[library_model.ArticleSummary]:
        calls.append(offset)
        return window(list_filter, key, descending, offset, limit)

    monkeypatch.setattr(library.listing, "window", counted)
    return calls


def test_model_tester_on_a_thousand_articles(qtmodeltester: ModelTester,
                                             big: tuple[Library, list[Made]]) -> None:
    library, _made = big
    model = LibraryTableModel(LibrarySession(library), "en")
    qtmodeltester.check(model)
    assert model.rowCount() == 1000
    model.sort(LibraryColumn.WORDS, Qt.SortOrder.DescendingOrder)  # checked again on reset
    model.set_filter(ListFilter(only_ids=frozenset(range(1, 1001, 3))))
    assert model.rowCount() == 334


def test_rows_are_read_a_block_at_a_time(monkeypatch: pytest.MonkeyPatch,
                                         big: tuple[Library, list[Made]]) -> None:
    library, _made = big
    model = LibraryTableModel(LibrarySession(library), "en")
    calls = _count_windows(monkeypatch, library)
    assert calls == []  # nothing read before a view asks
    for row in range(200):
        for column in range(LibraryColumn.COUNT):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.ForegroundRole):
                model.data(model.index(row, column), role)
    assert calls == [0]
    model.data(model.index(950, LibraryColumn.TITLE))
    assert calls == [0, 800]
    model.rows.max_blocks = 2
    model.data(model.index(500, LibraryColumn.TITLE))
    model.data(model.index(0, LibraryColumn.TITLE))  # dropped as the least recently used
    assert calls == [0, 800, 400, 0]


def test_a_window_on_a_thousand_articles_reads_few_rows(
        monkeypatch: pytest.MonkeyPatch, make_window: WindowFactory,
        big: tuple[Library, list[Made]]) -> None:
    library, _made = big
    calls = _count_windows(monkeypatch, library)
    window = make_window(library)
    assert len(calls) <= 2 and window.library_pane.shown_count() == 1000
    assert window.statusBar().currentMessage() == "1,000 articles"


@pytest.mark.parametrize("column", list(SORT_KEYS))
def test_sorting_by_every_column(big_window: MainWindow, big: tuple[Library, list[Made]],
                                 column: int) -> None:
    _library, made = big
    model = big_window.library_model
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        big_window.library_pane.view.sortByColumn(column, order)
        assert (model.sort_column(), model.sort_order()) == (column, order)
        assert _listed_ids(model) == listing_data.python_order(
            made, SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder,
            title_language="en")


# A popup list asks for what the offscreen platform does not do.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_quick_filters(big_window: MainWindow, big: tuple[Library, list[Made]]) -> None:
    _library, made = big
    pane, model = big_window.library_pane, big_window.library_model
    starred = {a.id for a in made if a.starred}
    assert pane.set_quick_filter("starred")
    assert set(_listed_ids(model)) == starred
    assert big_window.statusBar().currentMessage() == f"{len(starred)} of 1,000 articles"
    assert pane.filter_combo.currentText() == "Starred"
    assert pane.set_quick_filter("annotated")
    assert set(_listed_ids(model)) == {a.id for a in made if a.annotations}
    assert pane.set_quick_filter("language:sv")
    assert set(_listed_ids(model)) == {a.id for a in made
                                       if any(d[0] == "sv" for d in a.documents)}
    assert pane.filter_combo.currentText() == "svenska"
    assert not pane.set_quick_filter("language:fi")  # no Finnish article: all of them
    assert pane.quick_filter() == "all" and pane.shown_count() == 1000
    assert big_window.statusBar().currentMessage() == "1,000 articles"
    # Every language of the library is a choice once the list of choices opens.
    pane.filter_combo.showPopup()
    pane.filter_combo.hidePopup()
    texts = [pane.filter_combo.itemText(i) for i in range(pane.filter_combo.count())]
    assert {"English", "español", "norsk bokmål", "русский", "svenska"} <= set(texts)
    pane.filter_combo.setCurrentIndex(texts.index("русский"))
    pane.filter_combo.activated.emit(texts.index("русский"))
    assert pane.quick_filter() == "language:ru"
    assert all("ru" in model.summary_at(row).languages  # type: ignore[union-attr]
               for row in range(model.rowCount()))


def test_quick_filter_and_translation_check_filter_combine(big_window: MainWindow,
                                                           big: tuple[Library, list[Made]]
                                                           ) -> None:
    _library, made = big
    pane = big_window.library_pane
    some = {a.id for a in made[::4]}
    pane.keep_only(some)
    pane.set_quick_filter("starred")
    assert set(_listed_ids(big_window.library_model)) == {a.id for a in made[::4]
                                                          if a.starred}
    pane.keep_only(None)
    assert pane.shown_count() == sum(a.starred for a in made)


def test_selecting_an_article_far_down_the_list(big_window: MainWindow,
                                                big: tuple[Library, list[Made]]) -> None:
    _library, made = big
    pane = big_window.library_pane
    pane.set_sort(LibraryColumn.WORDS, Qt.SortOrder.DescendingOrder)
    order = listing_data.python_order(made, SortKey.WORDS, True, title_language="en")
    assert big_window.open_article(order[750])
    assert pane.selected_article() == order[750]
    assert pane.view.selectionModel().selectedRows()[0].row() == 750
    rect = pane.view.visualRect(big_window.library_model.index(750, LibraryColumn.TITLE))
    assert pane.view.viewport().rect().intersects(rect)
    assert big_window.parallel_pane._article_id == order[750]


def test_sorting_and_starring_keep_the_selection(qtbot: QtBot, big_window: MainWindow,
                                                 big: tuple[Library, list[Made]]) -> None:
    _library, made = big
    pane, model = big_window.library_pane, big_window.library_model
    article = next(a for a in made[500:] if not a.starred)
    assert big_window.open_article(article.id)
    with qtbot.assertNotEmitted(pane.article_selected):  # it is shown already
        pane.set_sort(LibraryColumn.FIGURES, Qt.SortOrder.AscendingOrder)
    assert pane.selected_article() == article.id
    big_window.toggle_star(article.id)
    assert pane.selected_article() == article.id
    row = model.row_of(article.id)
    assert row is not None
    assert model.data(model.index(row, LibraryColumn.STAR)) == "★"
    assert model.is_starred(article.id)
    pane.set_quick_filter("starred")
    assert pane.selected_article() == article.id
    starred = pane.shown_count()
    big_window.toggle_star(article.id)  # unstarred: it leaves the starred list
    assert pane.shown_count() == starred - 1
    assert model.row_of(article.id) is None
    big_window.parallel_pane.undo_stack.undo()
    assert pane.shown_count() == starred


def test_sort_and_filter_are_remembered(make_window: WindowFactory,
                                        big: tuple[Library, list[Made]],
                                        settings: QSettings) -> None:
    library, _made = big
    first = make_window(library)
    first.library_pane.set_sort(LibraryColumn.NOTES, Qt.SortOrder.DescendingOrder)
    first.library_pane.set_quick_filter("language:sv")
    first.close()
    second = make_window(library)
    model = second.library_model
    assert (model.sort_column(), model.sort_order()) == (LibraryColumn.NOTES,
                                                         Qt.SortOrder.DescendingOrder)
    assert second.library_pane.quick_filter() == "language:sv"
    assert second.library_pane.filter_combo.currentText() == "svenska"
    header = second.library_pane.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        LibraryColumn.NOTES, Qt.SortOrder.DescendingOrder)


def test_date_column_shows_when_some_date_is_known(make_window: WindowFactory,
                                                   big: tuple[Library, list[Made]],
                                                   tmp_path: Path) -> None:
    library, made = big
    header = make_window(library).library_pane.view.horizontalHeader()
    assert not header.isSectionHidden(LibraryColumn.DATE)
    model = LibraryTableModel(LibrarySession(library), "en")
    dated = next(a for a in made if listing_data.expected_keys(a)[SortKey.PUBLISHED])
    row = model.row_of(dated.id)
    assert row is not None
    year, month, day = listing_data.expected_keys(dated)[SortKey.PUBLISHED].split("-")
    assert model.data(model.index(row, LibraryColumn.DATE)) == \
        f"{int(month)}/{int(day)}/{year[2:]}"
    seeded = open_library(tmp_path / "seeded.sqlite")  # the seeds tell no date
    try:
        window = make_window(seeded)
        assert window.library_pane.view.horizontalHeader().isSectionHidden(LibraryColumn.DATE)
        window.close()
    finally:
        seeded.close()


def test_the_title_column_keeps_a_dozen_characters_however_narrow_the_pane(
        qtbot: QtBot, window: MainWindow) -> None:
    from reader.ui.library.library_model import LibraryColumn

    width = window.splitter.width()
    window.splitter.setSizes([40, width - 240, 200])  # the reader drags the library narrow
    header = window.library_pane.view.horizontalHeader()
    twelve = header.fontMetrics().averageCharWidth() * 12
    assert header.sectionSize(LibraryColumn.TITLE) >= twelve
    window.library_pane._show_column(LibraryColumn.PLACE, True)  # a column more: it widens
    view = window.library_pane.view  # the new minimum reaches the splitter through the layouts
    qtbot.waitUntil(lambda: window.search_pane.minimumSizeHint().width() >= view.minimumWidth())
    window.splitter.setSizes([40, width - 240, 200])
    qtbot.waitUntil(lambda: header.sectionSize(LibraryColumn.TITLE) >= twelve)
