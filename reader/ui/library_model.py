"""The library list as a Qt table model over the store's article summaries."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

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
    STAR = 4
    COUNT = 5


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

    def refresh_notes(self) -> None:
        """Read stars and annotation counts again, keeping rows and selection."""
        if not self._articles:
            return
        starred = self._library.bookmarks.starred_ids()
        counts = self._library.annotation_counts()
        self._articles = [replace(a, starred=a.id in starred, annotations=counts.get(a.id, 0))
                          for a in self._articles]
        self.dataChanged.emit(self.index(0, 0),
                              self.index(len(self._articles) - 1, LibraryColumn.COUNT - 1))

    def is_starred(self, article_id: int) -> bool:
        """Whether a listed article is starred."""
        row = self.row_of(article_id)
        return row is not None and self._articles[row].starred

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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == LibraryColumn.STAR:
            return _("Starred (Ctrl+D)")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Title"), _("Place"), _("Languages"), _("Words"), "★")[section]

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
            if column == LibraryColumn.STAR:
                return _("Unstar") if article.starred else _("Star this article")
        if role == Qt.ItemDataRole.ForegroundRole and column == LibraryColumn.STAR:
            return QColor("#f9a825") if article.starred else QColor(160, 160, 160, 110)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = {LibraryColumn.WORDS: Qt.AlignmentFlag.AlignRight,
                          LibraryColumn.STAR: Qt.AlignmentFlag.AlignHCenter}.get(
                column, Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None


def _display(article: ArticleSummary, column: int) -> str:
    if column == LibraryColumn.TITLE:
        return article.title
    if column == LibraryColumn.PLACE:
        return article.place or ""
    if column == LibraryColumn.LANGUAGES:
        return " · ".join(article.languages)
    if column == LibraryColumn.STAR:
        return "★" if article.starred else "☆"
    return format_count(article.words)


def _sort_key(article: ArticleSummary, column: int) -> Any:
    if column == LibraryColumn.WORDS:
        return article.words
    if column == LibraryColumn.STAR:
        return int(article.starred)
    return _display(article, column).casefold()
