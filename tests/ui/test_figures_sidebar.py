"""The Figures section of the sidebar: grouped by kind, formatted, and click-to-locate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui.main_window import MainWindow
from tests.conftest import make_figure as _figure


def _store_budget_figure(window: MainWindow, seeded_library: Library) -> str:
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    spanish = window.library.documents_of(article.id)[0]
    text = window.library.document_text(spanish.id).text
    surface = "3.312 billones de VND"
    start = text.index(surface)
    growth = text.index("6,52%")
    seeded_library.figures.replace(spanish.id, [
        _figure(growth, "6,52%", "6.52", "percent", "percent", "exact", "GRDP"),
        _figure(start, surface, "3312000000000000", "VND", "money", "over",
                "Ingresos presupuestarios totales"),
    ], "test")
    window.open_article(article.id)
    return surface


def test_figures_are_grouped_by_kind_and_formatted(window: MainWindow,
                                                  seeded_library: Library) -> None:
    _store_budget_figure(window, seeded_library)
    model = window.metrics_sidebar.figures_model
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "Percentages (1)"
    assert model.index(1, 0).data() == "Money (1)"
    money = model.index(0, 0, model.index(1, 0))
    assert money.data() == "3.312 × 10¹⁵ VND"
    assert model.index(0, 1, model.index(1, 0)).data() == "Ingresos presupuestarios totales"
    percent = model.index(0, 0, model.index(0, 0))
    assert percent.data() == "6.52 %"


def test_the_value_column_fits_the_widest_value(window: MainWindow,
                                                 seeded_library: Library) -> None:
    _store_budget_figure(window, seeded_library)
    view = window.metrics_sidebar.figures_view
    model = window.metrics_sidebar.figures_model
    money = model.index(0, 0, model.index(1, 0))
    widest = view.fontMetrics().horizontalAdvance(money.data())
    assert view.columnWidth(0) >= widest + view.indentation()
    assert view.columnWidth(0) < widest + view.indentation() + 100  # fitted, not left wide


def test_clicking_a_figure_selects_it_in_the_text(qtbot: QtBot, window: MainWindow,
                                                  seeded_library: Library) -> None:
    surface = _store_budget_figure(window, seeded_library)
    sidebar = window.metrics_sidebar
    view = sidebar.figures_view
    index = sidebar.figures_model.index(0, 0, sidebar.figures_model.index(1, 0))
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text_view = window.parallel_pane.view
    assert text_view.textCursor().selectedText() == surface
    assert text_view.current_row() >= 0


def test_the_budget_disagreement_is_listed_and_its_row_marked(qtbot: QtBot,
                                                             window: MainWindow,
                                                             seeded_library: Library) -> None:
    from reader.ui.parallel.parallel_model import FLAGGED_ROLE

    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    spanish, english = window.library.documents_of(article.id)
    for document, readings in (
        (spanish, [("6,52%", "6.52", "percent", "percent"),
                   ("3.312 billones de VND", "3312000000000000", "VND", "money")]),
        (english, [("6.52%", "6.52", "percent", "percent"),
                   ("3,312 billion VND", "3312000000000", "VND", "money")]),
    ):
        text = window.library.document_text(document.id).text
        seeded_library.figures.replace(document.id, [
            _figure(text.index(s), s, v, u, k)
            for s, v, u, k in readings
        ], "test")
    window.open_article(article.id)
    qtbot.waitUntil(window.parallel_pane.translation_checked)
    sidebar = window.metrics_sidebar
    assert sidebar.check_model.rowCount() == 1
    line = sidebar.check_model.index(0, 0).data()
    assert line == ("≠ es 3.312 × 10¹⁵ VND · en 3.312 × 10¹² VND · ×1,000"
                    " — same quantity and unit, the values differ")
    assert sidebar._check_summary.text() == "1 differ, 0 to check, 1 agree"
    model = window.parallel_pane.model
    flagged = [row for row in range(model.rowCount()) if model.index(row, 0).data(FLAGGED_ROLE)]
    assert len(flagged) == 1
    assert "3.312 billones de VND" in model.index(flagged[0], 0).data()
    view = sidebar.check_view
    # The whole wrapped line fits in the list: nothing of the reason is cut off.
    qtbot.waitUntil(lambda: view.visualRect(sidebar.check_model.index(0, 0)).height() > 0)
    row = view.visualRect(sidebar.check_model.index(0, 0))
    assert row.height() > view.fontMetrics().lineSpacing()  # it wraps in the narrow sidebar
    assert row.bottom() <= view.viewport().height()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(sidebar.check_model.index(0, 0)).center())
    assert window.parallel_pane.view.textCursor().selectedText() == "3.312 billones de VND"


def test_cao_bang_shows_exactly_one_disagreement_the_budget_revenue(qtbot: QtBot,
                                                                    window: MainWindow) -> None:
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    window.open_article(article.id)
    qtbot.waitUntil(window.parallel_pane.translation_checked)
    sidebar = window.metrics_sidebar
    assert sidebar.check_model.disagreements() == 1
    line = sidebar.check_model.index(0, 0).data()
    assert line == ("≠ es 3.312 × 10¹⁵ VND · en 3.312 × 10¹² VND · ×1,000"
                    " — same quantity and unit, the values differ")
    assert sidebar.figures_model.figure_count() == 17


def test_the_check_lists_differs_first_then_check_each_with_its_reason(
        qtbot: QtBot, window: MainWindow, seeded_library: Library) -> None:
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    spanish, english = window.library.documents_of(article.id)
    for document, readings in (  # the growth rate stored as a converted length, wrongly
        (spanish, [("6,52%", "6.52", "km", "measure"),
                   ("3.312 billones de VND", "3312000000000000", "VND", "money")]),
        (english, [("6.52%", "6.52", "mi", "measure"),
                   ("3,312 billion VND", "3312000000000", "VND", "money")]),
    ):
        text = window.library.document_text(document.id).text
        seeded_library.figures.replace(document.id, [
            _figure(text.index(s), s, v, u, k) for s, v, u, k in readings], "test")
    window.open_article(article.id)
    qtbot.waitUntil(window.parallel_pane.translation_checked)
    model = window.metrics_sidebar.check_model
    lines = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert lines == [
        "≠ es 3.312 × 10¹⁵ VND · en 3.312 × 10¹² VND · ×1,000"
        " — same quantity and unit, the values differ",
        "? es 6.52 km · en 6.52 mi · ×1.61 — the converted unit does not match",
    ]
    rows = [model.pair(model.index(row, 0)) for row in range(2)]
    assert rows[0] is not None and rows[1] is not None
    assert rows[1][0] < rows[0][0]  # the growth rate comes first in the text
    assert window.metrics_sidebar._check_summary.text() == "1 differ, 1 to check, 0 agree"
