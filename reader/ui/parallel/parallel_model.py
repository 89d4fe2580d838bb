"""The parallel text as a Qt table model: one row per bead, one column per shown language.

With two languages a row is a bead of their sentence alignment, so counterparts always share
a row; with one language a row is a paragraph.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.store import DocumentInfo, SentenceAlignment, SentenceRecord
from reader.text.versions import UNSURE_BELOW
from reader.ui.i18n import _, language_name

Index = QModelIndex | QPersistentModelIndex
SENTENCES_ROLE = Qt.ItemDataRole.UserRole + 10   # tuple[SentenceRecord, ...] of the cell
PARAGRAPH_START_ROLE = Qt.ItemDataRole.UserRole + 11  # the row opens a paragraph (bool)
SCORE_ROLE = Qt.ItemDataRole.UserRole + 12       # alignment confidence of the row, or None
MANUAL_ROLE = Qt.ItemDataRole.UserRole + 13      # the reader set this row by hand (bool)
FLAGGED_ROLE = Qt.ItemDataRole.UserRole + 14     # a figure of this row disagrees (bool)
# Rows aligned with less confidence than this are marked for the reader: the line the
# aligner's confidence was calibrated for.
LOW_CONFIDENCE = UNSURE_BELOW


class ParallelRow(NamedTuple):
    """What one row shows: each column's sentences, and how sure the alignment is."""

    cells: tuple[tuple[SentenceRecord, ...], ...]
    score: float | None
    manual: bool


class ParallelTextModel(QAbstractTableModel):
    """Aligned rows of one or two language versions."""

    def __init__(self) -> None:
        super().__init__()
        self._documents: list[DocumentInfo] = []
        self._rows: list[ParallelRow] = []
        self._flagged: set[int] = set()

    # -- filling -----------------------------------------------------------------------------

    def show_single(self, document: DocumentInfo, sentences: list[SentenceRecord]) -> None:
        """One language version, a paragraph per row."""
        rows: dict[int, list[SentenceRecord]] = {}
        for sentence in sentences:
            rows.setdefault(sentence.paragraph, []).append(sentence)
        self.beginResetModel()
        self._flagged = set()
        self._documents = [document]
        self._rows = [ParallelRow((tuple(cell),), None, False) for cell in rows.values()]
        self.endResetModel()

    def show_aligned(self, left: DocumentInfo, right: DocumentInfo,
                     left_sentences: list[SentenceRecord], right_sentences: list[SentenceRecord],
                     alignment: SentenceAlignment) -> None:
        """Two language versions, a bead of their alignment per row (left is the source)."""
        self.beginResetModel()
        self._flagged = set()
        self._documents = [left, right]
        self._rows = [
            ParallelRow(
                (tuple(left_sentences[i] for i in bead.source),
                 tuple(right_sentences[j] for j in bead.target)),
                bead.score, bead.manual,
            )
            for bead in alignment.beads
        ]
        self.endResetModel()

    def set_flagged_rows(self, rows: set[int]) -> None:
        """Mark the rows whose figures disagree across the two languages."""
        if rows == self._flagged:
            return
        self._flagged = set(rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._documents) - 1))

    def flagged_rows(self) -> set[int]:
        """The rows whose figures disagree across the two languages."""
        return set(self._flagged)

    def clear(self) -> None:
        """Show nothing."""
        self.beginResetModel()
        self._documents, self._rows = [], []
        self.endResetModel()

    # -- reading -----------------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        """The language versions shown, left to right."""
        return list(self._documents)

    def row(self, row: int) -> ParallelRow:
        """What a row shows."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._documents)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self._documents):
            return language_name(self._documents[section].language)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._documents):
            return None
        row = self._rows[index.row()]
        cell = row.cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(sentence.text for sentence in cell)
        if role == SENTENCES_ROLE:
            return cell
        if role == PARAGRAPH_START_ROLE:
            return self._opens_paragraph(index.row(), index.column())
        if role == SCORE_ROLE:
            return row.score
        if role == MANUAL_ROLE:
            return row.manual
        if role == FLAGGED_ROLE:
            return index.row() in self._flagged
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index.row() in self._flagged)
        return None

    def _opens_paragraph(self, row: int, column: int) -> bool:
        cell = self._rows[row].cells[column]
        if not cell or row == 0:
            return False
        for earlier in range(row - 1, -1, -1):
            previous = self._rows[earlier].cells[column]
            if previous:
                return previous[-1].paragraph != cell[0].paragraph
        return False

    def _tooltip(self, row: ParallelRow, flagged: bool = False) -> str | None:
        if flagged:
            return _("A figure of this row differs between the languages")
        if row.score is None:
            return None
        if row.manual:
            return _("Aligned by you")
        if row.score >= LOW_CONFIDENCE:
            return None  # a sure row needs no word: pointing at the text is reading it
        return _("Alignment confidence: {percent} %").format(percent=round(row.score * 100))
