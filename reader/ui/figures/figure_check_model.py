"""The translation check as a Qt list model: figures that differ or are missing, first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.store import DocumentInfo, FigureRecord
from reader.text.figure_check import FigurePair, Verdict
from reader.ui.i18n import _, format_factor, format_figure, format_power_of_ten

Index = QModelIndex | QPersistentModelIndex
Checked = tuple[int, FigurePair[FigureRecord]]


def reading(language: str, figure: FigureRecord) -> str:
    """One side of a pair: "es 3.312 × 10¹⁵ VND"."""
    if figure.kind in ("money", "measure", "count") and abs(figure.value) >= 1000:
        value = f"{format_power_of_ten(figure.value)} {figure.unit}".rstrip()
    else:
        value = format_figure(figure.value, figure.unit, figure.kind)
    return f"{language} {value}"


class FigureCheckModel(QAbstractListModel):
    """Pairs of figures that do not agree: disagreements, then figures without a counterpart."""

    def __init__(self) -> None:
        super().__init__()
        self._pairs: list[Checked] = []
        self._languages = ("", "")
        self.agreements = 0

    def show_check(self, checked: list[Checked], documents: list[DocumentInfo]) -> None:
        """Show the check of the two documents shown (left, right)."""
        self.beginResetModel()
        self._pairs = [item for item in checked if item[1].verdict is not Verdict.AGREES]
        self.agreements = len(checked) - len(self._pairs)
        self._languages = ((documents[0].language, documents[1].language)
                           if len(documents) == 2 else ("", ""))
        self.endResetModel()

    def disagreements(self) -> int:
        """How many pairs disagree."""
        return sum(1 for _row, pair in self._pairs if pair.verdict is Verdict.DISAGREES)

    def pair(self, index: Index) -> Checked | None:
        """The row of the alignment and the figure pair a line shows."""
        return self._pairs[index.row()] if index.isValid() else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._pairs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pairs):
            return None
        _row, pair = self._pairs[index.row()]
        left, right = self._languages
        if role == Qt.ItemDataRole.DisplayRole:
            return self._describe(pair, left, right)
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(f.surface for f in (pair.source, pair.target) if f is not None)
        if role == Qt.ItemDataRole.DecorationRole:
            return None
        return None

    @staticmethod
    def _describe(pair: FigurePair[FigureRecord], left: str, right: str) -> str:
        if pair.source is not None and pair.target is not None:
            parts = [reading(left, pair.source), reading(right, pair.target)]
            if pair.target.value and pair.source.unit == pair.target.unit:
                parts.append(format_factor(pair.source.value / pair.target.value))
            elif pair.source.unit != pair.target.unit:
                parts.append(_("another unit"))
            return "≠ " + " · ".join(parts)
        if pair.source is not None:
            return _("{reading} · not in {language}").format(
                reading=reading(left, pair.source), language=right)
        assert pair.target is not None
        return _("{reading} · not in {language}").format(
            reading=reading(right, pair.target), language=left)
