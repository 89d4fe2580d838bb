"""The parallel text as a Qt table model: one row per paragraph, one column per language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.store import DocumentText, ParagraphText
from reader.ui.i18n import language_name

Index = QModelIndex | QPersistentModelIndex
SECTION_START_ROLE = Qt.ItemDataRole.UserRole + 10
HEADING_ROLE = Qt.ItemDataRole.UserRole + 11


class ParallelTextModel(QAbstractTableModel):
    """Paragraph i of each shown language version side by side."""

    def __init__(self) -> None:
        super().__init__()
        self._columns: list[DocumentText] = []

    def show_documents(self, documents: list[DocumentText]) -> None:
        """Show these language versions, left to right."""
        self.beginResetModel()
        self._columns = list(documents)
        self.endResetModel()

    def documents(self) -> list[DocumentText]:
        """The language versions shown, left to right."""
        return list(self._columns)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or not self._columns:
            return 0
        return max(len(document.paragraphs) for document in self._columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self._columns):
            return language_name(self._columns[section].document.language)
        return None

    def paragraph(self, index: Index) -> ParagraphText | None:
        """The paragraph shown in a cell, if that language version has one there."""
        if not index.isValid() or index.column() >= len(self._columns):
            return None
        paragraphs = self._columns[index.column()].paragraphs
        return paragraphs[index.row()] if index.row() < len(paragraphs) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        paragraph = self.paragraph(index)
        if paragraph is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return paragraph.text
        if role == Qt.ItemDataRole.FontRole and paragraph.kind == "heading":
            font = QFont()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == HEADING_ROLE:
            return paragraph.kind == "heading"
        if role == SECTION_START_ROLE:
            paragraphs = self._columns[index.column()].paragraphs
            row = index.row()
            return row > 0 and paragraphs[row - 1].section != paragraph.section
        return None
