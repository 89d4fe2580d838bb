"""The library list as a Qt table model that reads the store a page at a time.

The model is windowed: `rowCount` is the number of articles the filter keeps (one COUNT), so
the scroll bar stands for the whole library, and rows are read when a view asks for them, in
blocks of 200 rows by one indexed query each (`library.list_window`). `data()`
never queries a single row: a row whose block is not held loads the whole block. At most
50 blocks are held (`ui/row_blocks.py`); the least recently used one is dropped first. Sorting and
filtering happen in SQL (`sort`, `set_filter`) and reset the model; nothing reads every
article, at start or later.

We chose a windowed model over canFetchMore/fetchMore: with fetchMore a scroll bar shows only
the rows fetched so far, and jumping to an article far down would fetch everything above it.
"""

from __future__ import annotations

import contextlib
from datetime import date
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from reader.operations.changes import LibraryChange
from reader.operations.session import LibrarySession
from reader.store import ArticleSummary, WriteFailed
from reader.store.records import ListFilter, ListKind, SortKey
from reader.ui.i18n import _, format_count, language_name, ngettext, ui_locale
from reader.ui.plain_text import as_rich_text
from reader.ui.row_blocks import RowBlocks

Index = QModelIndex | QPersistentModelIndex
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryColumn:
    """Columns of the library list."""

    TITLE = 0
    LANGUAGES = 1
    PLACE = 2
    DATE = 3
    WORDS = 4
    FIGURES = 5
    NOTES = 6
    STAR = 7
    COUNT = 8


SORT_KEYS = {
    LibraryColumn.TITLE: SortKey.TITLE,
    LibraryColumn.LANGUAGES: SortKey.LANGUAGES,
    LibraryColumn.PLACE: SortKey.PLACE,
    LibraryColumn.DATE: SortKey.PUBLISHED,
    LibraryColumn.WORDS: SortKey.WORDS,
    LibraryColumn.FIGURES: SortKey.FIGURES,
    LibraryColumn.NOTES: SortKey.ANNOTATIONS,
    LibraryColumn.STAR: SortKey.STARRED,
}
_NUMBER_COLUMNS = (LibraryColumn.WORDS, LibraryColumn.FIGURES, LibraryColumn.NOTES)


class LibraryTableModel(QAbstractTableModel):
    """One row per article: title, languages ("es · en"), place, date, words, figures, notes
    and star; sorted and filtered by the store."""

    def __init__(self, library: LibrarySession, preferred_language: str | None = None) -> None:
        super().__init__()
        self._library = library
        if preferred_language:  # before the list is counted: no reload needed
            with contextlib.suppress(WriteFailed):  # held: set later (use_title_language)
                library.set_title_language(preferred_language)
        self._filter = ListFilter()
        self._sort_column = LibraryColumn.TITLE
        self._descending = False
        self.rows: RowBlocks[ArticleSummary] = RowBlocks(self._read_block)
        self._count = library.list_count(self._filter)

    # -- what the list shows ---------------------------------------------------------------

    def use_title_language(self, language: str) -> bool:
        """List titles in this language where an article has it (a choice kept in the
        library); False while the library cannot be written (the list keeps its titles)."""
        try:
            changed = self._library.set_title_language(language)
        except WriteFailed:
            return False
        if changed:
            self.reload()
        return True

    def reload(self) -> None:
        """Read the list again from the store (after an import, or a change of order)."""
        self.beginResetModel()
        self.rows.clear()
        self._count = self._library.list_count(self._filter)
        self.endResetModel()

    def list_filter(self) -> ListFilter:
        """Which articles the list shows."""
        return self._filter

    def set_filter(self, list_filter: ListFilter) -> None:
        """Show only the articles this filter keeps."""
        if list_filter != self._filter:
            self._filter = list_filter
            self.reload()

    def keep_only(self, article_ids: set[int] | None) -> None:
        """Show only these articles (None: all that the quick filter keeps)."""
        self.set_filter(self._filter._replace(only_ids=None if article_ids is None
                                              else frozenset(article_ids)))

    def sort_column(self) -> int:
        """The column the list is sorted by."""
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        """Whether the list is sorted up or down."""
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        self.reload()

    def refresh(self, change: LibraryChange) -> None:
        """Show what a write changed: the changed rows alone when no row comes, goes or moves,
        else the list afresh."""
        if change.everything or self._rows_move(change):
            self.reload()
            return
        held = {summary.id: row for row, summary in self.rows.held()}
        fresh = self._library.list_rows(change.articles & held.keys())
        for article_id, summary in fresh.items():
            row = held[article_id]
            self.rows.replace(row, summary)
            self.dataChanged.emit(self.index(row, 0), self.index(row, LibraryColumn.COUNT - 1))

    def _rows_move(self, change: LibraryChange) -> bool:
        """Whether a change can add, remove or reorder rows of the list as it is shown."""
        if change.articles_came_or_went:
            return True
        sorted_by = self._sort_column
        if change.stars and (sorted_by == LibraryColumn.STAR
                             or self._filter.kind is ListKind.STARRED):
            return True
        if change.read_marks and self._filter.kind is ListKind.UNREAD:
            return True
        if change.annotations and (sorted_by == LibraryColumn.NOTES
                                   or self._filter.kind is ListKind.ANNOTATED):
            return True
        # Whether translations differ follows alignments and figures (reader.operations.
        # figure_checking); a check of articles names them.
        if self._filter.kind is ListKind.DIFFERING and (change.alignments or change.figures
                                                         or change.articles):
            return True
        return bool(change.figures) and sorted_by == LibraryColumn.FIGURES

    def total_count(self) -> int:
        """How many articles the library holds, filtered or not."""
        return self._library.list_count()

    def any_dated(self) -> bool:
        """Whether the library knows the date of any article."""
        return self._library.list_has_dates()

    def languages(self) -> list[str]:
        """The languages the library has documents in, by code."""
        return self._library.languages_in_library()

    # -- rows ------------------------------------------------------------------------------

    def summary_at(self, row: int) -> ArticleSummary | None:
        """The article a row shows (its block is read when it is not held)."""
        return self.rows.row(row) if 0 <= row < self._count else None

    def _read_block(self, offset: int, limit: int) -> list[ArticleSummary]:
        return self._library.list_window(self._filter, SORT_KEYS[self._sort_column],
                                         self._descending, offset, limit)

    def is_starred(self, article_id: int) -> bool:
        """Whether a listed article is starred."""
        row = self.row_of(article_id)
        summary = None if row is None else self.summary_at(row)
        return summary is not None and summary.starred

    def article_id_at(self, row: int) -> int:
        """The id of the article a row shows."""
        summary = self.summary_at(row)
        if summary is None:
            raise IndexError(row)
        return summary.id

    def row_of(self, article_id: int) -> int | None:
        """The row showing an article, if it is listed."""
        for row, summary in self.rows.held():
            if summary.id == article_id:
                return row
        return self._library.list_position(article_id, self._filter,
                                           SORT_KEYS[self._sort_column], self._descending)

    # -- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else LibraryColumn.COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < LibraryColumn.COUNT:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return {LibraryColumn.STAR: _("Starred (Ctrl+D)"),
                    LibraryColumn.NOTES: _("Highlights and notes"),
                    LibraryColumn.FIGURES: _("Figures the article reports"),
                    LibraryColumn.DATE: _("Date of the report, when its source address "
                                          "tells it")}.get(section)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Title"), _("Languages"), _("Place"), _("Date"), _("Words"), _("Figures"),
                _("Notes"), "★")[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column in _NUMBER_COLUMNS
                          else Qt.AlignmentFlag.AlignHCenter if column == LibraryColumn.STAR
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
                        Qt.ItemDataRole.AccessibleDescriptionRole, ARTICLE_ID_ROLE):
            return None
        article = self.summary_at(index.row())
        if article is None:
            return None
        if role == Qt.ItemDataRole.FontRole:  # unread articles in bold, as mail is
            return _bold_font() if not article.read else None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return None if article.read else _("Unread")
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(article, column)
        if role == ARTICLE_ID_ROLE:
            return article.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(article, column)
        if column == LibraryColumn.STAR:  # the foreground
            return QColor("#f9a825") if article.starred else QColor(160, 160, 160, 110)
        return None


@cache
def _bold_font() -> QFont:
    font = QFont()  # only the weight is set: the view's own font gives the rest
    font.setBold(True)
    return font


def _display(article: ArticleSummary, column: int) -> str:
    if column == LibraryColumn.TITLE:
        return article.title
    if column == LibraryColumn.LANGUAGES:
        return " · ".join(article.languages)
    if column == LibraryColumn.PLACE:
        return article.place or ""
    if column == LibraryColumn.DATE:
        return format_date(article.published) if article.published else ""
    if column == LibraryColumn.WORDS:
        return format_count(article.words)
    if column == LibraryColumn.FIGURES:
        return format_count(article.figures)
    if column == LibraryColumn.NOTES:
        return format_count(article.annotations) if article.annotations else ""
    return "★" if article.starred else "☆"


def _tooltip(article: ArticleSummary, column: int) -> str | None:
    if column == LibraryColumn.TITLE:
        title = as_rich_text(article.title)
        return title if article.read else title + "<br><i>" + _("Unread") + "</i>"
    if column == LibraryColumn.LANGUAGES:
        return ", ".join(language_name(code) for code in article.languages)
    if column == LibraryColumn.NOTES and article.annotations:
        return ngettext("{n} highlight", "{n} highlights",
                        article.annotations).format(n=article.annotations)
    if column == LibraryColumn.STAR:
        return _("Unstar") if article.starred else _("Star this article")
    return None


@cache
def format_date(iso: str) -> str:
    """An ISO date as the interface locale writes it briefly ("10/14/25")."""
    from babel.dates import format_date as babel_format_date  # heavy: load when first needed

    try:
        return str(babel_format_date(date.fromisoformat(iso), "short", locale=ui_locale()))
    except ValueError:
        return iso
