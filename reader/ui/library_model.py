"""The library list as a Qt table model over the store's article summaries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.store import ArticleSummary, Library
from reader.ui.i18n import _, format_count, language_name

Index = QModelIndex | QPersistentModelIndex
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class LibraryColumn:
    """Columns of the library list."""

    TITLE = 0
    PLACE = 1
    LANGUAGES = 2
    WORDS = 3
    COUNT = 4


class LibraryTableModel(QAbstractTableModel):
    """One row per article: title, place, languages ("es · en") and words."""

    def __init__(self, library: Library, preferred_language: str | None = None) -> None:
        super().__init__()
        self._library = library
        self._preferred_language = preferred_language
        self._articles: list[ArticleSummary] = []
        self.reload()

    def reload(self) -> None:
        """Read the articles again from the store."""
        self.beginResetModel()
        self._articles = self._library.article_summaries(self._preferred_language)
        self.endResetModel()

    def article_id_at(self, row: int) -> int:
        """The id of the article a row shows."""
        return self._articles[row].id

    def row_of(self, article_id: int) -> int | None:
        """The row showing an article, if it is listed."""
        for row, article in enumerate(self._articles):
            if article.id == article_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._articles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else LibraryColumn.COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Title"), _("Place"), _("Languages"), _("Words"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        article = self._articles[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(article, column)
        if role == SORT_ROLE:
            return _sort_key(article, column)
        if role == ARTICLE_ID_ROLE:
            return article.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == LibraryColumn.LANGUAGES:
                return ", ".join(language_name(code) for code in article.languages)
            if column == LibraryColumn.TITLE:
                return article.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column == LibraryColumn.WORDS
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None


def _display(article: ArticleSummary, column: int) -> str:
    if column == LibraryColumn.TITLE:
        return article.title
    if column == LibraryColumn.PLACE:
        return article.place or ""
    if column == LibraryColumn.LANGUAGES:
        return " · ".join(article.languages)
    return format_count(article.words)


def _sort_key(article: ArticleSummary, column: int) -> Any:
    if column == LibraryColumn.WORDS:
        return article.words
    return _display(article, column).casefold()
