"""The bookmarks panel: starred articles and bookmarked sentences, opened and removed."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.operations.changes import LibraryChange
from reader.operations.session import LibrarySession
from reader.store import Bookmark, StarredArticle
from reader.ui.i18n import _
from reader.ui.library_events import LibraryEvents
from reader.ui.notes.annotations_panel import ListView
from reader.ui.notes.bookmarks_model import BookmarkColumn, BookmarksModel, Entry
from reader.ui.notes.note_commands import RemoveBookmarks


class BookmarksPanel(QWidget):
    """Lists the starred articles and the bookmarks (newest first), each under its heading."""

    open_article_requested = Signal(int)  # an article id
    open_bookmark_requested = Signal(object)  # a Bookmark

    def __init__(self, library: LibrarySession, events: LibraryEvents, undo_stack: QUndoStack,
                 parent: QWidget | None = None, preferred_language: str | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._events = events
        self._undo_stack = undo_stack
        # Titles in this language where an article has it (given here, the list is read once).
        self._preferred_language = preferred_language
        self.model = BookmarksModel()
        self.model.setParent(self)

        self.view = ListView(self)
        self.view.setObjectName("bookmarksView")
        self.view.setAccessibleName(_("Bookmarks"))
        self.view.setRootIsDecorated(True)
        self.view.setAlternatingRowColors(False)
        self.view.setModel(self.model)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(BookmarkColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BookmarkColumn.ARTICLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BookmarkColumn.LANGUAGE,
                                    QHeaderView.ResizeMode.ResizeToContents)
        self.placeholder = QLabel(
            _("No bookmarks yet. Star an article or bookmark a sentence to find it here."), self)
        self.placeholder.setObjectName("bookmarksPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setContentsMargins(12, 12, 12, 12)
        self.placeholder.setEnabled(False)  # drawn greyed, as a hint
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.placeholder)

        self.open_action = QAction(_("Open"), self)
        self.remove_action = QAction(_("Remove"), self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._connect_signals()
        self.reload()

    def _connect_signals(self) -> None:
        self.view.activated.connect(self._on_view_activated)
        self.view.clicked.connect(self._on_view_activated)  # one click jumps there, too
        self.view.delete_pressed.connect(self.remove_selected)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.remove_action.triggered.connect(self.remove_selected)
        self._events.changed.connect(self._on_events_changed)

    def _on_events_changed(self, change: LibraryChange) -> None:
        if (change.bookmarks or change.stars or change.everything
                or change.articles_came_or_went):
            self.reload()

    # -- public --------------------------------------------------------------------------------

    def set_preferred_language(self, code: str | None) -> None:
        """Title starred articles in this language where they have it."""
        if code != self._preferred_language:
            self._preferred_language = code
            self.reload()

    def reload(self) -> None:
        """Read the stars and bookmarks again from the store, keeping the selection."""
        kept = self.selected_entries()
        self.model.set_entries(self._library.starred_articles(self._preferred_language),
                               self._library.bookmarks_newest_first())
        self.view.expandAll()
        selection = self.view.selectionModel()
        for entry in kept:
            index = self.model.index_of(entry)
            if index.isValid():
                selection.select(index, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        empty = self.model.starred_count() == 0 and self.model.bookmark_count() == 0
        self._stack.setCurrentWidget(self.placeholder if empty else self.view)
        self._update_actions()

    def selected_entries(self) -> list[Entry]:
        """The selected starred articles and bookmarks, in list order."""
        rows = sorted(self.view.selectionModel().selectedRows(),
                      key=lambda index: (index.parent().row(), index.row()))
        return [entry for entry in (self.model.entry(index) for index in rows)
                if entry is not None]

    def remove_selected(self) -> None:
        """Unstar the selected articles and remove the selected bookmarks, as one undoable
        step."""
        entries = self.selected_entries()
        if entries:
            self._undo_stack.push(RemoveBookmarks(
                self._library, self._events,
                [e for e in entries if isinstance(e, Bookmark)],
                [e.article_id for e in entries if isinstance(e, StarredArticle)]))

    # -- helpers -------------------------------------------------------------------------------

    def _open(self, entry: Entry) -> None:
        if isinstance(entry, StarredArticle):
            self.open_article_requested.emit(entry.article_id)
        else:
            self.open_bookmark_requested.emit(entry)

    def _update_actions(self) -> None:
        selected = len(self.selected_entries())
        self.open_action.setEnabled(selected == 1)
        self.remove_action.setEnabled(selected > 0)

    # -- slots ---------------------------------------------------------------------------------

    def _on_view_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        entry = self.model.entry(index)
        if entry is not None:
            self._open(entry)

    def _on_view_context_menu_requested(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if self.model.entry(index) is None:
            return
        if not self.view.selectionModel().isSelected(index):
            self.view.setCurrentIndex(index)  # selects its row alone
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _on_open_action_triggered(self) -> None:
        entries = self.selected_entries()
        if len(entries) == 1:
            self._open(entries[0])
