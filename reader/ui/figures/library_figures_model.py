"""Every figure of the library as a Qt table model: article, language, label, value, unit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.operations.session import LibrarySession
from reader.store import FigureRecord
from reader.ui.i18n import _, format_figure, language_name

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 30


class FigureColumn:
    """Columns of the library's figures."""

    ARTICLE = 0
    LANGUAGE = 1
    LABEL = 2
    VALUE = 3
    UNIT = 4
    COUNT = 5


class LibraryFiguresModel(QAbstractTableModel):
    """One row per figure found in any document of the library."""

    def __init__(self, library: LibrarySession) -> None:
        super().__init__()
        self._library = library
        self._rows: list[tuple[str, str, FigureRecord]] = []
        self.reload()

    def reload(self) -> None:
        """Read the figures again from the store."""
        titles = {summary.id: summary.title for summary in self._library.article_summaries()}
        self.beginResetModel()
        self._rows = [(titles.get(article_id, ""), language, figure)
                      for article_id, language, figure in self._library.figures_everywhere()]
        self.endResetModel()

    def units(self) -> list[str]:
        """The units figures of the library are in, sorted."""
        return sorted({figure.unit for _title, _language, figure in self._rows if figure.unit})

    def figure_at(self, row: int) -> tuple[str, str, FigureRecord]:
        """Article title, language and figure of a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else FigureColumn.COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Article"), _("Language"), _("What"), _("Value"), _("Unit"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        title, language, figure = self._rows[index.row()]
        column = index.column()
        if role == SORT_ROLE:
            if column == FigureColumn.VALUE:
                return float(figure.value)
            return str(self.data(index, Qt.ItemDataRole.DisplayRole)).casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            return (title, language_name(language), figure.label or figure.surface,
                    format_figure(figure.value, figure.unit, figure.kind), figure.unit)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return figure.surface
        if role == Qt.ItemDataRole.TextAlignmentRole and column == FigureColumn.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
