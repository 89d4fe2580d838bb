"""The library pane: quick filters above the sortable list of articles, on the left."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.store.records import ListFilter, ListKind
from reader.ui.i18n import _, language_name
from reader.ui.library.library_model import LibraryColumn, LibraryTableModel

LANGUAGE_PREFIX = "language:"
# Widths of the narrow columns, as sample texts they must hold.
_COLUMN_SAMPLES = {
    LibraryColumn.LANGUAGES: "es · en",
    LibraryColumn.PLACE: "Bac Giang",
    LibraryColumn.DATE: "10/14/25",
    LibraryColumn.WORDS: "10,000",
    LibraryColumn.FIGURES: "100",
    LibraryColumn.NOTES: "100",
    LibraryColumn.STAR: "★",
}


DEFAULT_HIDDEN = (LibraryColumn.PLACE, LibraryColumn.FIGURES, LibraryColumn.NOTES)


def filter_name(list_filter: ListFilter) -> str:
    """A quick filter as a word to remember it by: "all", "starred", "language:es"."""
    if list_filter.kind is ListKind.LANGUAGE:
        return LANGUAGE_PREFIX + (list_filter.language or "")
    return list_filter.kind.value


def filter_named(name: str) -> ListFilter | None:
    """The quick filter a word stands for (see filter_name); None for a word that is none."""
    if name.startswith(LANGUAGE_PREFIX):
        code = name.removeprefix(LANGUAGE_PREFIX)
        return ListFilter(ListKind.LANGUAGE, code) if code else None
    try:
        kind = ListKind(name)
    except ValueError:
        return None
    return None if kind is ListKind.LANGUAGE else ListFilter(kind)


class FilterCombo(QComboBox):
    """The quick filter choice; it says when it is about to open its list."""

    about_to_open = Signal()

    def showPopup(self) -> None:  # noqa: N802
        self.about_to_open.emit()
        super().showPopup()


class LibraryPane(QWidget):
    """Lists the library's articles; selecting one announces it."""

    article_selected = Signal(int)
    star_clicked = Signal(int)  # article id whose star the reader clicked
    filter_changed = Signal()  # the list shows other articles

    def __init__(self, model: LibraryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._selected_before_reset: int | None = None
        self._restoring: int | None = None
        # The language choices are made when the list of choices first opens: their names
        # load each language's locale data, which start-up should not wait for.
        self._all_languages = False

        self.filter_combo = FilterCombo(self)
        self.filter_combo.setObjectName("libraryFilter")
        self.filter_combo.setAccessibleName(_("Show"))
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._filter_label = QLabel(_("&Show:"), self)
        self._filter_label.setBuddy(self.filter_combo)
        self._fill_filter_choices()

        self.view = QTableView(self)
        self.view.setObjectName("libraryView")
        self.view.setModel(model)
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
        self.view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        header = self.view.horizontalHeader()
        # Set widths, not ResizeToContents: that would read a thousand rows to measure them.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LibraryColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = header.fontMetrics()
        for column, sample in _COLUMN_SAMPLES.items():
            label = str(model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(metrics.horizontalAdvance(sample),
                                             metrics.horizontalAdvance(label)) + 20)
        # Few reports say their date in their address: an empty column would only take room.
        header.setSectionHidden(LibraryColumn.DATE, not model.any_dated())
        # The title needs the room most: place, figures and notes are in the header's menu.
        for column in DEFAULT_HIDDEN:
            header.setSectionHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._keep_title_readable()
        header.sectionResized.connect(lambda *_args: self._keep_title_readable())
        # The header's own order first: turning sorting on sorts by what the header shows.
        header.setSortIndicator(model.sort_column(), model.sort_order())
        self.view.setSortingEnabled(True)
        self.view.setAccessibleName(_("Library"))

        self._empty_hint = QLabel(
            _("The library is empty. Use File → Import files… to add articles.")
        )
        self._empty_hint.setWordWrap(True)
        self._empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        filters = QHBoxLayout()
        filters.setContentsMargins(4, 4, 4, 0)
        filters.addWidget(self._filter_label)
        filters.addWidget(self.filter_combo)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addWidget(self._empty_hint)
        self._connect_signals()
        self._on_model_reset()

    def _connect_signals(self) -> None:
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.clicked.connect(self._on_view_clicked)
        self._model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self._model.modelReset.connect(self._on_model_reset)
        self.filter_combo.activated.connect(self._on_filter_combo_activated)
        self.filter_combo.about_to_open.connect(self._on_filter_combo_about_to_open)
        self.view.horizontalHeader().customContextMenuRequested.connect(
            self._on_header_context_menu_requested)

    # -- selection -------------------------------------------------------------------------

    def select_article(self, article_id: int) -> bool:
        """Select and show an article's row; False when it is not listed."""
        row = self._model.row_of(article_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self._model.index(row, 0))
        return True

    def selected_article(self) -> int | None:
        """The id of the selected article, if any."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        summary = self._model.summary_at(rows[0].row())
        return None if summary is None else summary.id

    def select_first(self) -> None:
        """Select the first row, if there is one."""
        if self._model.rowCount() > 0:
            self.view.selectRow(0)

    # -- filters and order -----------------------------------------------------------------

    def quick_filter(self) -> str:
        """The quick filter chosen, as a word to remember ("all", "starred", "language:es")."""
        return filter_name(self._model.list_filter())

    def set_quick_filter(self, name: str) -> bool:
        """Choose a quick filter by its word; False (and All) when the library has no such
        choice, such as a language it holds no document in."""
        chosen = filter_named(name)
        found = chosen is not None and (chosen.kind is not ListKind.LANGUAGE
                                        or chosen.language in self._model.languages())
        self._apply_quick_filter(chosen if chosen is not None and found else ListFilter())
        return found

    def keep_only(self, article_ids: set[int] | None) -> None:
        """List only these articles (None: the whole library)."""
        self._model.keep_only(article_ids)
        self.filter_changed.emit()

    def shown_count(self) -> int:
        """How many articles the list shows."""
        return self._model.rowCount()

    def set_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Sort the list by a column, up or down."""
        if 0 <= column < LibraryColumn.COUNT:
            self.view.sortByColumn(column, order)

    def header_state(self) -> QByteArray:
        """Column sizes and sort order, to remember between runs."""
        return self.view.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        """Bring back column sizes; the list is sorted again as the header says."""
        header = self.view.horizontalHeader()
        if header.restoreState(state):
            self._model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self._keep_title_readable()

    # -- slots -----------------------------------------------------------------------------

    def _on_view_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        article_id = self.selected_article()
        if article_id is not None and article_id != self._restoring:
            self.article_selected.emit(article_id)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        if index.column() == LibraryColumn.STAR:
            self.star_clicked.emit(self._model.article_id_at(index.row()))

    def _on_filter_combo_activated(self, _position: int) -> None:
        chosen = filter_named(str(self.filter_combo.currentData() or ""))
        self._apply_quick_filter(chosen or ListFilter())

    def _keep_title_readable(self) -> None:
        """The list is never narrower than its other columns and a dozen characters of title:
        the splitter stops there instead of squeezing the title column to nothing."""
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(column) for column in range(LibraryColumn.COUNT)
                     if column != LibraryColumn.TITLE and not header.isSectionHidden(column))
        title = header.fontMetrics().averageCharWidth() * 12
        frame = 2 * self.view.frameWidth() + self.view.verticalScrollBar().sizeHint().width()
        wanted = others + title + frame
        if wanted > self.view.minimumWidth():  # the pane widens: the title takes the new room
            QTimer.singleShot(0, lambda: header.setSectionResizeMode(
                LibraryColumn.TITLE, QHeaderView.ResizeMode.Stretch))
        self.view.setMinimumWidth(wanted)

    def _on_header_context_menu_requested(self, position: QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column in range(LibraryColumn.TITLE + 1, LibraryColumn.COUNT):
            name = str(self._model.headerData(column, Qt.Orientation.Horizontal))
            if column == LibraryColumn.STAR:
                name = _("Starred")
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self._show_column(c, shown))
        menu.exec(header.mapToGlobal(position))

    def _show_column(self, column: int, shown: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(column, not shown)
        self._keep_title_readable()

    def _on_filter_combo_about_to_open(self) -> None:
        self._all_languages = True
        self._fill_filter_choices()

    def _on_model_about_to_be_reset(self) -> None:
        self._selected_before_reset = self.selected_article()

    def _on_model_reset(self) -> None:
        empty = self._model.rowCount() == 0 and self._model.list_filter() == ListFilter()
        self._empty_hint.setVisible(empty)
        self.view.setVisible(not empty)
        self.filter_combo.setVisible(not empty)
        self._filter_label.setVisible(not empty)
        self._fill_filter_choices()
        # The same article stays selected when the order or the filter changes; it is not
        # announced again, since it is already shown.
        article_id, self._selected_before_reset = self._selected_before_reset, None
        if article_id is not None:
            self._restoring = article_id
            try:
                self.select_article(article_id)
            finally:
                self._restoring = None

    def _apply_quick_filter(self, chosen: ListFilter) -> None:
        current = self._model.list_filter()
        self._model.set_filter(ListFilter(chosen.kind, chosen.language, current.only_ids))
        self._fill_filter_choices()
        self.filter_changed.emit()

    def _fill_filter_choices(self) -> None:
        """All, Unread, Starred, Annotated, Translations differ, then one choice per language of the
        library (only the chosen one until the list of choices first opens)."""
        current = self._model.list_filter()
        codes = set(self._model.languages()) if self._all_languages else set()
        if current.kind is ListKind.LANGUAGE and current.language:
            codes.add(current.language)
        choices = [(_("All articles"), ListKind.ALL.value), (_("Unread"), ListKind.UNREAD.value),
                   (_("Starred"), ListKind.STARRED.value),
                   (_("Annotated"), ListKind.ANNOTATED.value),
                   (_("Translations differ"), ListKind.DIFFERING.value)]
        fixed = len(choices)
        choices += sorted(((language_name(code), LANGUAGE_PREFIX + code) for code in codes),
                          key=lambda choice: choice[0].casefold())
        combo = self.filter_combo
        held = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        combo.blockSignals(True)
        if [item for item in held if item[1] is not None] != choices:
            combo.clear()
            for text, name in choices:
                combo.addItem(text, name)
            if len(choices) > fixed:
                combo.insertSeparator(fixed)
        combo.setCurrentIndex(max(0, combo.findData(filter_name(current))))
        combo.blockSignals(False)
