"""The Figures window: every figure of the library, filtered, sorted and exported to CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
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
from reader.ui.figures.library_figures_model import SORT_ROLE, FigureColumn, LibraryFiguresModel
from reader.ui.i18n import _, ngettext

ALL_UNITS = ""


class FigureFilter(QSortFilterProxyModel):
    """Keeps the figures of one unit (or all) whose text holds the words typed."""

    def __init__(self, model: LibraryFiguresModel) -> None:
        super().__init__()
        self._model = model
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self._unit = ALL_UNITS
        self._words: list[str] = []

    def set_unit(self, unit: str) -> None:
        """Show only figures in this unit ("" for every unit)."""
        self.beginFilterChange()
        self._unit = unit
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        """Show only figures whose article, label or text hold every word typed."""
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,  # noqa: N802
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        title, _language, figure = self._model.figure_at(source_row)
        if self._unit and figure.unit != self._unit:
            return False
        haystack = f"{title} {figure.label} {figure.surface} {figure.unit}".casefold()
        return all(word in haystack for word in self._words)


class FiguresDialog(QDialog):
    """Lists every figure of the library; filter by unit and text, sort, export CSV."""

    def __init__(self, library: LibrarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Figures in the library"))
        self.resize(900, 560)
        self.model = LibraryFiguresModel(library)
        self.proxy = FigureFilter(self.model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Filter by words (article, label, text)…"))
        self.search.setClearButtonEnabled(True)
        self.unit = QComboBox(self)
        self.unit.setAccessibleName(_("Unit"))
        self.unit.addItem(_("All units"), ALL_UNITS)
        for unit in self.model.units():
            self.unit.addItem(unit, unit)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(FigureColumn.ARTICLE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(FigureColumn.LABEL, QHeaderView.ResizeMode.Stretch)
        for column in (FigureColumn.LANGUAGE, FigureColumn.VALUE, FigureColumn.UNIT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(FigureColumn.ARTICLE, 240)
        self.count = QLabel(self)
        self.export_button = QPushButton(_("Export CSV…"), self)
        close = QPushButton(_("Close"), self)

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
        self.unit.currentIndexChanged.connect(self._on_unit_changed)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        close.clicked.connect(self.accept)
        self._update_count()

    def export_csv(self, path: Path) -> int:
        """Write the figures shown, in their order, to a CSV file; how many rows."""
        from reader.formats.registry import FIGURES, writer

        rows = [self.model.figure_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
                for row in range(self.proxy.rowCount())]
        path.write_bytes(writer(FIGURES, "csv").content(rows))
        return len(rows)

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        self.count.setText(ngettext("{n} figure", "{n} figures", shown).format(n=shown))

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _on_unit_changed(self, _index: int) -> None:
        self.proxy.set_unit(str(self.unit.currentData() or ALL_UNITS))
        self._update_count()

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
