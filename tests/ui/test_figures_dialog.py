"""Figures across the library: the list, its filters, sorting, CSV export, and the library
filter for articles whose translations report a figure differently."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.ui.figures.library_figures_model import FigureColumn
from reader.ui.main_window import MainWindow


def test_every_figure_of_the_library_is_listed_filtered_sorted_and_exported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = window.show_figures_dialog()
    qtbot.addWidget(dialog)
    total = dialog.model.rowCount()
    assert total == 97  # the hand-checked figures of the five seeds
    assert dialog.count.text() == "97 figures"
    dialog.unit.setCurrentIndex(dialog.unit.findData("VND"))
    vnd = dialog.model.rowCount()
    assert 0 < vnd < total
    dialog.view.sortByColumn(FigureColumn.VALUE, Qt.SortOrder.DescendingOrder)
    top = dialog.model.figure_at(0)
    assert top[2].surface == "3.312 billones de VND"
    qtbot.keyClicks(dialog.search, "presupuestarios")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)  # a moment after the last key
    out = tmp_path / "figures.csv"
    assert dialog.export_csv(out) == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["value"] == "3312000000000000" and rows[0]["unit"] == "VND"
    assert rows[0]["language"] == "es"


def test_library_can_show_only_articles_whose_translations_differ(qtbot: QtBot,
                                                                   window: MainWindow) -> None:
    window.disagreeing_action.setChecked(True)  # each article keeps its check: at once
    assert window.library_pane.shown_count() == 1
    assert window.statusBar().currentMessage() == "1 of 4 articles"
    assert window.parallel_pane.shown_languages() == ["es", "en"]
    window.disagreeing_action.setChecked(False)
    assert window.library_pane.shown_count() == 4
