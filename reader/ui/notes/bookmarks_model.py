"""Starred articles and bookmarked sentences as a two-level Qt model: sections, then entries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.store import Bookmark, StarredArticle
from reader.ui.i18n import _, format_moment, language_name
from reader.ui.notes.annotations_model import one_line
from reader.ui.plain_text import escape

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 41  # the StarredArticle or Bookmark of a row
LABEL_CHARACTERS = 80

# Top-level rows, in order; internalId of a section's row is _NO_PARENT, of an entry its
# section's row + 1.
STARRED_SECTION = 0
BOOKMARKS_SECTION = 1
_SECTIONS = 2
_NO_PARENT = 0

Entry = StarredArticle | Bookmark


class BookmarkColumn:
    """Columns of the bookmarks list."""

    NAME = 0  # an article's title, a bookmark's sentence
    ARTICLE = 1  # a bookmark's article
    LANGUAGE = 2
    COUNT = 3


class BookmarksModel(QAbstractItemModel):
    """Two sections, "Starred articles" and "Bookmarks", each holding its entries."""

    def __init__(self) -> None:
        super().__init__()
        self._starred: list[StarredArticle] = []
        self._bookmarks: list[Bookmark] = []

    def set_entries(self, starred: list[StarredArticle], bookmarks: list[Bookmark]) -> None:
        """Show these starred articles and bookmarks instead."""
        self.beginResetModel()
        self._starred = list(starred)
        self._bookmarks = list(bookmarks)
        self.endResetModel()

    def starred_count(self) -> int:
        """How many starred articles are listed."""
        return len(self._starred)

    def bookmark_count(self) -> int:
        """How many bookmarks are listed."""
        return len(self._bookmarks)

    def section_index(self, section: int) -> QModelIndex:
        """The row of a section (STARRED_SECTION or BOOKMARKS_SECTION)."""
        return self.index(section, 0)

    def entry(self, index: Index) -> Entry | None:
        """The starred article or bookmark a row shows (None for a section's row)."""
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        section = int(index.internalId()) - 1
        entries: list[Any] = self._starred if section == STARRED_SECTION else self._bookmarks
        return entries[index.row()] if 0 <= index.row() < len(entries) else None

    def index_of(self, entry: Entry) -> QModelIndex:
        """The row showing an entry (same id and kind), or an invalid index."""
        if isinstance(entry, StarredArticle):
            for row, article in enumerate(self._starred):
                if article.article_id == entry.article_id:
                    return self.index(row, 0, self.section_index(STARRED_SECTION))
        else:
            for row, bookmark in enumerate(self._bookmarks):
                if bookmark.id == entry.id:
                    return self.index(row, 0, self.section_index(BOOKMARKS_SECTION))
        return QModelIndex()

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
            return _SECTIONS
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._starred if parent.row() == STARRED_SECTION else self._bookmarks)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return BookmarkColumn.COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _NO_PARENT:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < BookmarkColumn.COUNT:
            return None
        return (_("Title"), _("Article"), _("Language"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._section_data(index.row(), index.column(), role)
        entry = self.entry(index)
        if entry is None:
            return None
        if role == ENTRY_ROLE:
            return entry
        if isinstance(entry, StarredArticle):
            return _starred_data(entry, index.column(), role)
        return _bookmark_data(entry, index.column(), role)

    def _section_data(self, section: int, column: int, role: int) -> Any:
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == STARRED_SECTION:
                return _("Starred articles ({count})").format(count=len(self._starred))
            return _("Bookmarks ({count})").format(count=len(self._bookmarks))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


def _starred_data(article: StarredArticle, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        if column == BookmarkColumn.NAME:
            return article.title
        if column == BookmarkColumn.LANGUAGE:
            return " · ".join(article.languages)
        return ""
    if role == Qt.ItemDataRole.ToolTipRole:
        if column == BookmarkColumn.LANGUAGE:
            return ", ".join(language_name(code) for code in article.languages)
        return f"<p>{escape(article.title)}</p>"
    return None


def _bookmark_data(bookmark: Bookmark, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        if column == BookmarkColumn.NAME:
            return one_line(bookmark.label, LABEL_CHARACTERS)
        if column == BookmarkColumn.ARTICLE:
            return bookmark.article_title
        return language_name(bookmark.language)
    if role == Qt.ItemDataRole.ToolTipRole:
        return (f"<p>{escape(bookmark.label)}</p>"
                f"<p><i>{escape(bookmark.article_title)}</i> "
                f"({escape(language_name(bookmark.language))})</p>"
                f"<p>{escape(format_moment(bookmark.created_at))}</p>")
    return None
