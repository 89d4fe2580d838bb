"""The figures of the shown document as a two-level Qt model: kinds, then their figures."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from reader.store import FigureRecord
from reader.ui.i18n import _, format_figure

Index = QModelIndex | QPersistentModelIndex
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 20
KIND_ORDER = ("percent", "money", "measure", "count", "rank", "ratio")
# internalId of a kind's row; a figure's row carries its kind's row + 1.
_NO_PARENT = 0


def kind_title(kind: str) -> str:
    """How the sidebar names a kind of figure."""
    return {
        "percent": _("Percentages"),
        "money": _("Money"),
        "measure": _("Measures"),
        "count": _("Counts"),
        "rank": _("Ranks"),
        "ratio": _("Ratios"),
    }.get(kind, _("Other figures"))


class FiguresModel(QAbstractItemModel):
    """Kinds of figure at the top level; each holds its figures in reading order."""

    COLUMNS = 2  # value, what it measures

    def __init__(self) -> None:
        super().__init__()
        self._groups: list[tuple[str, list[FigureRecord]]] = []

    def show_figures(self, figures: list[FigureRecord]) -> None:
        """Show these figures, grouped by kind."""
        grouped: dict[str, list[FigureRecord]] = {}
        for figure in figures:
            grouped.setdefault(figure.kind, []).append(figure)
        order = {kind: rank for rank, kind in enumerate(KIND_ORDER)}
        self.beginResetModel()
        self._groups = sorted(grouped.items(), key=lambda item: order.get(item[0], 99))
        self.endResetModel()

    def figure_count(self) -> int:
        """How many figures are shown."""
        return sum(len(figures) for _kind, figures in self._groups)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index | None = None) -> Any:
        if index is None:  # QObject.parent(), which this name also stands for
            return super().parent()
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return self.COLUMNS

    def figure(self, index: Index) -> FigureRecord | None:
        """The figure a row shows (None for a kind's row)."""
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self._groups[int(index.internalId()) - 1][1][index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            kind, figures = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{kind_title(kind)} ({len(figures)})"
            return None
        figure = self.figure(index)
        assert figure is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return format_figure(figure.value, figure.unit, figure.kind)
            if figure.kind == "count" and figure.unit and figure.unit not in figure.label:
                return f"{figure.label} ({figure.unit})" if figure.label else figure.unit
            return figure.label or figure.surface
        if role == Qt.ItemDataRole.ToolTipRole:
            qualifier = f"{figure.qualifier}: " if figure.qualifier not in ("", "exact") else ""
            return f"{qualifier}{figure.surface}"
        if role == FIGURE_ROLE:
            return figure
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Value"), _("What"))[section]
        return None
