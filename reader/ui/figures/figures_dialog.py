"""The Figures window: every figure of the library, filtered, sorted and exported to CSV.

The list is read from the store a block of rows at a time (reader.ui.figures.
library_figures_model), filtered by unit and words and sorted in SQL, so it opens as fast on a
library of a million figures as on the seeds'. Double-clicking a figure (or Enter) asks for it
to be shown in its article (`figure_activated`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.operations.session import LibrarySession
from reader.store.records import FigureQuery
from reader.ui.figures.library_figures_model import FigureColumn, LibraryFiguresModel
from reader.ui.i18n import _, format_count, ngettext

ALL_UNITS = ""
TYPING_PAUSE_MS = 150  # how long after the last key the list is filtered


class FiguresDialog(QDialog):
    """Lists every figure of the library; filter by unit and words, sort, export CSV."""

    figure_activated = Signal(object)  # FigureRecord: show it in its article

    def __init__(self, library: LibrarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Figures in the library"))
        self.resize(900, 560)
        self.model = LibraryFiguresModel(library)
        self.model.setParent(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Filter by words (article, label, text)…"))
        self.search.setClearButtonEnabled(True)
        self.unit = QComboBox(self)
        self.unit.setAccessibleName(_("Unit"))
        self.unit.addItem(_("All units"), ALL_UNITS)
        for unit in self.model.units():
            self.unit.addItem(unit, unit)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)  # the model sorts in the store
        self.view.sortByColumn(FigureColumn.ARTICLE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        # Rows of one height, columns of set widths: nothing measures rows it does not show.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FigureColumn.LABEL, QHeaderView.ResizeMode.Stretch)
        metrics = header.fontMetrics()
        for column, sample in ((FigureColumn.LANGUAGE, "Norwegian Bokmål"),
                               (FigureColumn.VALUE, "3,312,000,000,000 VND"),
                               (FigureColumn.UNIT, "percent")):
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(metrics.horizontalAdvance(sample),
                                             metrics.horizontalAdvance(label)) + 20)
        header.resizeSection(FigureColumn.ARTICLE, 240)
        self.count = QLabel(self)
        self.export_button = QPushButton(_("Export CSV…"), self)
        close = QPushButton(_("Close"), self)
        for button in (self.export_button, close):  # Enter in the search box filters
            button.setAutoDefault(False)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.unit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self.filter_now)
        self._typing.timeout.connect(self.filter_now)
        self.unit.currentIndexChanged.connect(self._on_unit_changed)
        self.view.activated.connect(self._on_view_activated)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        close.clicked.connect(self.accept)
        self._update_count()

    def filter_now(self) -> None:
        """Show the figures of the chosen unit that hold the words typed (typing calls this
        after a pause)."""
        self._typing.stop()
        self.model.set_query(FigureQuery(str(self.unit.currentData() or ALL_UNITS),
                                         self.search.text()))
        self._update_count()

    def export_csv(self, path: Path) -> int:
        """Write the figures shown, in their order, to a CSV file; how many rows."""
        from reader.formats.registry import FIGURES, writer

        rows = self.model.export_rows()
        path.write_bytes(writer(FIGURES, "csv").content(rows))
        return len(rows)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        self.count.setText(ngettext("{n} figure", "{n} figures", shown).format(
            n=format_count(shown)))

    def _on_search_text_changed(self, text: str) -> None:
        if text.strip():
            self._typing.start()
        else:
            self.filter_now()  # all of them again at once

    def _on_unit_changed(self, _index: int) -> None:
        self.filter_now()

    def _on_view_activated(self, index: QModelIndex) -> None:
        found = self.model.row_at(index.row())
        if found is not None:
            self.figure_activated.emit(found.figure)

    def _on_export_button_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from reader.formats.registry import FIGURES, save_filter

        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export figures"), str(Path.home() / "figures.csv"), save_filter(FIGURES, _))
        if not name:
            return
        try:
            rows = self.export_csv(Path(name))
        except OSError as error:
            QMessageBox.warning(self, _("Export figures"),
                                _("Could not write {path}: {reason}").format(
                                    path=name, reason=error.strerror))
            return
        self.count.setText(ngettext("{n} figure exported", "{n} figures exported",
                                    rows).format(n=rows))
