"""The notes panel: the reader's highlights and notes, searched, filtered, opened and deleted."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.operations.changes import LibraryChange
from reader.operations.session import LibrarySession
from reader.store import COLOURS, Annotation
from reader.ui.i18n import _, ngettext
from reader.ui.library_events import LibraryEvents
from reader.ui.notes.annotations_model import AnnotationColumn, AnnotationFilter, AnnotationsModel
from reader.ui.notes.highlight_colours import colour_label, highlight_colour, swatch
from reader.ui.notes.note_commands import DeleteHighlights

SCOPE_ARTICLE = "article"
SCOPE_LIBRARY = "library"
ALL = ""  # the colour and tag combos' "all" entry


class ListView(QTreeView):
    """A read-only list of whole rows (flat unless told otherwise); Delete or Backspace asks
    for the selection's removal."""

    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSortingEnabled(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.matches(QKeySequence.StandardKey.Delete)
                or (event.key() == Qt.Key.Key_Backspace
                    and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)):
            event.accept()
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class AnnotationsPanel(QWidget):
    """Lists the highlights of the open article or of the whole library, newest first."""

    open_requested = Signal(object)  # an Annotation
    edit_requested = Signal(object)  # an Annotation

    def __init__(self, library: LibrarySession, events: LibraryEvents, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._events = events
        self._undo_stack = undo_stack
        self._article_id: int | None = None
        self.model = AnnotationsModel()
        self.proxy = AnnotationFilter(self.model)
        self.model.setParent(self)
        self.proxy.setParent(self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search notes"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search notes"))
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(_("Show notes of"))
        self.scope.addItem(_("This article"), SCOPE_ARTICLE)
        self.scope.addItem(_("Whole library"), SCOPE_LIBRARY)
        self.colour = QComboBox(self)
        self.colour.setAccessibleName(_("Colour"))
        self.colour.addItem(_("All colours"), ALL)
        for name in COLOURS:
            self.colour.addItem(swatch(highlight_colour(name), 12), colour_label(name), name)
        self.tag = QComboBox(self)
        self.tag.setAccessibleName(_("Tag"))
        self.tag.addItem(_("All tags"), ALL)

        self.view = ListView(self)
        self.view.setObjectName("annotationsView")
        self.view.setAccessibleName(_("Notes"))
        self.view.setModel(self.proxy)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AnnotationColumn.QUOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AnnotationColumn.NOTE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(AnnotationColumn.ARTICLE, 240)
        for column in (AnnotationColumn.COLOUR, AnnotationColumn.TAGS, AnnotationColumn.CREATED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("annotationsPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setContentsMargins(12, 12, 12, 12)
        self.placeholder.setEnabled(False)  # drawn greyed, as a hint
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.placeholder)
        self.count = QLabel(self)
        self.count.setObjectName("annotationsCount")
        self._build_actions()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.scope)
        filters.addWidget(self.colour)
        filters.addWidget(self.tag)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self._stack, 1)
        self._connect_signals()
        self.reload()

    def _build_actions(self) -> None:
        self.open_action = QAction(_("Open"), self)
        self.edit_action = QAction(_("Edit note…"), self)
        self.delete_action = QAction(_("Delete"), self)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self.scope.currentIndexChanged.connect(self._on_scope_changed)
        self.colour.currentIndexChanged.connect(self._on_colour_changed)
        self.tag.currentIndexChanged.connect(self._on_tag_changed)
        self.view.activated.connect(self._on_view_activated)
        self.view.clicked.connect(self._on_view_activated)  # one click jumps there, too
        self.view.delete_pressed.connect(self.delete_selected)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.edit_action.triggered.connect(self._on_edit_action_triggered)
        self.delete_action.triggered.connect(self.delete_selected)
        self._events.changed.connect(self._on_events_changed)

    def _on_events_changed(self, change: LibraryChange) -> None:
        if change.annotations or change.everything or change.articles_came_or_went:
            self.reload()

    # -- public --------------------------------------------------------------------------------

    def set_current_article(self, article_id: int | None) -> None:
        """The article open in the reader; "This article" lists its notes."""
        if article_id == self._article_id:
            return
        self._article_id = article_id
        if self.scope.currentData() == SCOPE_ARTICLE:
            self.reload()

    def current_article(self) -> int | None:
        """The article "This article" stands for."""
        return self._article_id

    def set_whole_library(self, whole: bool) -> None:
        """List the notes of the whole library, or of the open article only."""
        self.scope.setCurrentIndex(self.scope.findData(SCOPE_LIBRARY if whole else SCOPE_ARTICLE))

    def reload(self) -> None:
        """Read the notes again from the store, keeping the filters and the selection."""
        kept = {annotation.id for annotation in self.selected_annotations()}
        if self.scope.currentData() == SCOPE_LIBRARY:
            annotations = self._library.annotations_newest_first()
        elif self._article_id is not None:
            annotations = self._library.annotations_newest_first(self._article_id)
        else:
            annotations = []
        self.model.set_annotations(annotations)
        self._refill_tags()
        self._select(kept)
        self._show_state()

    def shown_count(self) -> int:
        """How many notes the list shows after filtering."""
        return self.proxy.rowCount()

    def total_count(self) -> int:
        """How many notes the chosen scope holds, before filtering."""
        return self.model.rowCount()

    def selected_annotations(self) -> list[Annotation]:
        """The selected notes, in list order."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda index: index.row())
        return [self.proxy.annotation(index) for index in rows]

    def current_annotation(self) -> Annotation | None:
        """The note with the keyboard focus, or the first selected one."""
        index = self.view.currentIndex()
        if index.isValid() and self.view.selectionModel().isRowSelected(index.row(),
                                                                         QModelIndex()):
            return self.proxy.annotation(index)
        selected = self.selected_annotations()
        return selected[0] if selected else None

    def delete_selected(self) -> None:
        """Delete the selected notes, as one undoable step."""
        selected = self.selected_annotations()
        if selected:
            self._undo_stack.push(DeleteHighlights(self._library, self._events, selected))

    # -- helpers -------------------------------------------------------------------------------

    def _refill_tags(self) -> None:
        chosen = str(self.tag.currentData() or ALL)
        tags = self.model.tags()
        self.tag.blockSignals(True)
        try:
            self.tag.clear()
            self.tag.addItem(_("All tags"), ALL)
            for tag in tags:
                self.tag.addItem(tag, tag)
            found = self.tag.findData(chosen) if chosen else 0
            self.tag.setCurrentIndex(max(found, 0))
        finally:
            self.tag.blockSignals(False)
        self.proxy.set_tag(str(self.tag.currentData() or ALL) or None)

    def _select(self, annotation_ids: set[int]) -> None:
        for annotation_id in annotation_ids:
            row = self.model.row_of(annotation_id)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.view.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows)

    def _show_state(self) -> None:
        shown, total = self.shown_count(), self.total_count()
        self.count.setText(ngettext("{shown} of {total} note", "{shown} of {total} notes",
                                    total).format(shown=shown, total=total))
        if total == 0 and self.scope.currentData() == SCOPE_ARTICLE and self._article_id is None:
            self.placeholder.setText(_("Open an article to see its highlights and notes."))
        elif total == 0:
            self.placeholder.setText(
                _("No highlights yet. Select text in the article and press Ctrl+H."))
        elif shown == 0:
            self.placeholder.setText(_("No notes match the search and filters."))
        self._stack.setCurrentWidget(self.view if shown else self.placeholder)
        self._update_actions()

    def _update_actions(self) -> None:
        selected = len(self.view.selectionModel().selectedRows())
        self.open_action.setEnabled(selected == 1)
        self.edit_action.setEnabled(selected == 1)
        self.delete_action.setEnabled(selected > 0)

    # -- slots ---------------------------------------------------------------------------------

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_state()

    def _on_scope_changed(self, _index: int) -> None:
        self.reload()

    def _on_colour_changed(self, _index: int) -> None:
        self.proxy.set_colour(str(self.colour.currentData() or ALL) or None)
        self._show_state()

    def _on_tag_changed(self, _index: int) -> None:
        self.proxy.set_tag(str(self.tag.currentData() or ALL) or None)
        self._show_state()

    def _on_view_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.proxy.annotation(index))

    def _on_view_context_menu_requested(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        if not self.view.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.view.setCurrentIndex(index)  # selects its row alone
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.edit_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _on_open_action_triggered(self) -> None:
        annotation = self.current_annotation()
        if annotation is not None:
            self.open_requested.emit(annotation)

    def _on_edit_action_triggered(self) -> None:
        annotation = self.current_annotation()
        if annotation is not None:
            self.edit_requested.emit(annotation)
