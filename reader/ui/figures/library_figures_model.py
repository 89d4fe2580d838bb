"""Every figure of the library as a Qt table model that reads the store a block at a time:
article, language, label, value, unit.

Like the library list (reader.ui.library.library_model): `rowCount` is the number of figures
the filter keeps (one COUNT), rows are read when a view asks for them, 200 at a time
by one query each (`figure_window`), the least recently used of at most 50 blocks is
dropped first, and `data()` never queries. The filter (unit, words) and the order are the
store's, in SQL over indexes: changing either resets the model. A library of 100,000 articles
holds about a million figures; nothing here reads them all, except an export.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.operations.session import LibrarySession
from reader.store import FigureRecord
from reader.store.records import FigureQuery, FigureRow, FigureSort
from reader.ui.i18n import _, format_figure, language_name
from reader.ui.row_blocks import RowBlocks

Index = QModelIndex | QPersistentModelIndex


class FigureColumn:
    """Columns of the library's figures."""

    ARTICLE = 0
    LANGUAGE = 1
    LABEL = 2
    VALUE = 3
    UNIT = 4
    COUNT = 5


SORT_KEYS = (FigureSort.ARTICLE, FigureSort.LANGUAGE, FigureSort.LABEL, FigureSort.VALUE,
             FigureSort.UNIT)


class LibraryFiguresModel(QAbstractTableModel):
    """One row per figure found in any document of the library, filtered and sorted by the
    store."""

    def __init__(self, library: LibrarySession) -> None:
        super().__init__()
        self._library = library
        self._query = FigureQuery()
        self._sort_column = FigureColumn.ARTICLE
        self._descending = False
        self.rows: RowBlocks[FigureRow] = RowBlocks(self._read_block)
        self._count = library.figure_count(self._query)

    # -- what the list shows ---------------------------------------------------------------

    def reload(self) -> None:
        """Read the figures again from the store."""
        self.beginResetModel()
        self.rows.clear()
        self._count = self._library.figure_count(self._query)
        self.endResetModel()

    def query(self) -> FigureQuery:
        """Which figures the list shows."""
        return self._query

    def set_query(self, query: FigureQuery) -> None:
        """Show only the figures in this unit whose words hold these (see FigureQuery)."""
        if query != self._query:
            self._query = query
            self.reload()

    def sort_column(self) -> int:
        """The column the list is sorted by."""
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        """Whether the list is sorted up or down."""
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < FigureColumn.COUNT:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        self.reload()

    def units(self) -> list[str]:
        """The units figures of the library are in, sorted."""
        return self._library.figure_units()

    # -- rows ------------------------------------------------------------------------------

    def row_at(self, row: int) -> FigureRow | None:
        """The figure a row shows (its block is read when it is not held)."""
        return self.rows.row(row) if 0 <= row < self._count else None

    def _read_block(self, offset: int, limit: int) -> list[FigureRow]:
        return self._library.figure_window(self._query, SORT_KEYS[self._sort_column],
                                           self._descending, offset, limit)

    def figure_at(self, row: int) -> tuple[str, str, FigureRecord]:
        """Article title, language and figure of a row."""
        found = self.row_at(row)
        if found is None:
            raise IndexError(row)
        return found.title, found.language, found.figure

    def export_rows(self) -> list[tuple[str, str, FigureRecord]]:
        """Article title, language and figure of every row, in order (one query)."""
        return [(row.title, row.language, row.figure) for row in self._library.figure_rows(
            self._query, SORT_KEYS[self._sort_column], self._descending)]

    # -- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else FigureColumn.COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < FigureColumn.COUNT:
            return None
        return (_("Article"), _("Language"), _("What"), _("Value"), _("Unit"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if column == FigureColumn.VALUE else None)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        found = self.row_at(index.row())
        if found is None:
            return None
        figure = found.figure
        if role == Qt.ItemDataRole.ToolTipRole:
            return figure.surface
        return (found.title, language_name(found.language), figure.label or figure.surface,
                format_figure(figure.value, figure.unit, figure.kind), figure.unit)[column]
