"""The translation check as a Qt list model: figures that differ, then those to check, each
with the reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.store import DocumentInfo, FigureRecord
from reader.text.figure_check import VERDICT_ORDER, FigurePair, Reason, Verdict
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


def reason_text(reason: Reason) -> str:
    """Why the check flagged a pair, in the interface language."""
    texts = {
        Reason.VALUES_DIFFER: _("same quantity and unit, the values differ"),
        Reason.SCALE_DIFFERS: _("same digits with another scale word"),
        Reason.CONVERSION_OFF: _("the converted unit does not match"),
        Reason.UNITS_DIFFER: _("the units cannot be compared"),
        Reason.COUNTS_DIFFER: _("the counts differ"),
        Reason.ONE_SIDE: _("no such figure on the other side"),
    }
    return texts.get(reason, _("agrees"))


class FigureCheckModel(QAbstractListModel):
    """Pairs of figures a reader should look at: "differs" first, then "check"."""

    def __init__(self) -> None:
        super().__init__()
        self._pairs: list[Checked] = []
        self._languages = ("", "")
        self.agreements = 0

    def show_check(self, checked: list[Checked], documents: list[DocumentInfo]) -> None:
        """Show the check of the two documents shown (left, right)."""
        self.beginResetModel()
        flagged = [item for item in checked if item[1].flagged]
        self._pairs = sorted(flagged, key=lambda item: VERDICT_ORDER[item[1].verdict])
        self.agreements = sum(1 for item in checked if item[1].verdict is Verdict.AGREES)
        self._languages = ((documents[0].language, documents[1].language)
                           if len(documents) == 2 else ("", ""))
        self.endResetModel()

    def disagreements(self) -> int:
        """How many pairs differ."""
        return sum(1 for _row, pair in self._pairs if pair.verdict is Verdict.DIFFERS)

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
        reason = reason_text(pair.reason)
        if pair.source is not None and pair.target is not None:
            parts = [reading(left, pair.source), reading(right, pair.target)]
            if pair.verdict is Verdict.DIFFERS and pair.target.value:
                parts.append(format_factor(pair.source.value / pair.target.value))
            elif pair.factor is not None:
                parts.append(format_factor(pair.factor))
            mark = "≠" if pair.verdict is Verdict.DIFFERS else "?"
            return f"{mark} " + " · ".join(parts) + f" — {reason}"
        if pair.source is not None:
            return "? " + _("{reading} · not in {language}").format(
                reading=reading(left, pair.source), language=right) + f" — {reason}"
        assert pair.target is not None
        return "? " + _("{reading} · not in {language}").format(
            reading=reading(right, pair.target), language=left) + f" — {reason}"
