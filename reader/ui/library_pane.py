"""The library pane: the sortable list of articles on the left of the window."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import _
from reader.ui.library_model import SORT_ROLE, LibraryColumn, LibraryTableModel


class ArticleFilter(QSortFilterProxyModel):
    """Sorts the library and, when asked, keeps only some articles."""

    def __init__(self, model: LibraryTableModel) -> None:
        super().__init__()
        self._model = model
        self._only: set[int] | None = None
        self.setSourceModel(model)

    def keep_only(self, article_ids: set[int] | None) -> None:
        """Show only these articles (None: all of them)."""
        self.beginFilterChange()
        self._only = article_ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,  # noqa: N802
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        return self._only is None or self._model.article_id_at(source_row) in self._only


class LibraryPane(QWidget):
    """Lists the library's articles; selecting one announces it."""

    article_selected = Signal(int)
    star_clicked = Signal(int)  # article id whose star the reader clicked

    def __init__(self, model: LibraryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._proxy = ArticleFilter(model)
        self._proxy.setParent(self)
        self._proxy.setSortRole(SORT_ROLE)
        self._proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.view = QTableView(self)
        self.view.setObjectName("libraryView")
        self.view.setModel(self._proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(LibraryColumn.TITLE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Titles are sentences: two lines each, the second elided, read better than one.
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        line = self.view.fontMetrics().lineSpacing()
        self.view.verticalHeader().setDefaultSectionSize(int(line * 2 + 12))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setShowGrid(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(LibraryColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (LibraryColumn.PLACE, LibraryColumn.LANGUAGES, LibraryColumn.WORDS,
                       LibraryColumn.STAR):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setAccessibleName(_("Library"))

        self._empty_hint = QLabel(
            _("The library is empty. Use File → Import files… to add articles.")
        )
        self._empty_hint.setWordWrap(True)
        self._empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self._empty_hint)
        self._connect_signals()
        self._on_model_reset()

    def _connect_signals(self) -> None:
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.clicked.connect(self._on_view_clicked)
        self._model.modelReset.connect(self._on_model_reset)

    def select_article(self, article_id: int) -> bool:
        """Select and show an article's row; False when it is not listed."""
        row = self._model.row_of(article_id)
        if row is None:
            return False
        index = self._proxy.mapFromSource(self._model.index(row, 0))
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    def selected_article(self) -> int | None:
        """The id of the selected article, if any."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self._model.article_id_at(self._proxy.mapToSource(rows[0]).row())

    def select_first(self) -> None:
        """Select the first row, if there is one."""
        if self._proxy.rowCount() > 0:
            self.view.selectRow(0)

    def keep_only(self, article_ids: set[int] | None) -> None:
        """List only these articles (None: the whole library)."""
        self._proxy.keep_only(article_ids)

    def shown_count(self) -> int:
        """How many articles the list shows."""
        return self._proxy.rowCount()

    def header_state(self) -> QByteArray:
        """Column sizes and sort order, to remember between runs."""
        return self.view.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        """Bring back column sizes and sort order."""
        self.view.horizontalHeader().restoreState(state)

    def _on_view_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        article_id = self.selected_article()
        if article_id is not None:
            self.article_selected.emit(article_id)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        if index.column() == LibraryColumn.STAR:
            self.star_clicked.emit(self._model.article_id_at(self._proxy.mapToSource(index).row()))

    def _on_model_reset(self) -> None:
        empty = self._model.rowCount() == 0
        self._empty_hint.setVisible(empty)
        self.view.setVisible(not empty)
