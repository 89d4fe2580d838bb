"""The Compare picker: find the article to show beside the current one by typing.

Empty, it lists the first articles by title (one page of the library list); typing searches
every language version through the search index (any case, accents optional, the last word
as a prefix), a moment after the last key, and lists the articles found, best first, each
once. Enter or a double-click picks one: the version the search found, else the article's
first version. Nothing here reads every article, so it opens as fast at 100,000 articles as
at five.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from reader.operations.session import LibrarySession
from reader.store.records import ListFilter, SortKey
from reader.ui.i18n import _, language_name, ngettext
from reader.ui.plain_text import as_rich_text

Index = QModelIndex | QPersistentModelIndex
FIRST_ROWS = 100  # articles listed, by title, before anything is typed
RESULT_LIMIT = 50  # versions a search asks for (several may be of one article)
TYPING_PAUSE_MS = 150  # how long after the last key the search runs


@dataclass(frozen=True)
class PickerRow:
    """An article the picker offers: its title and languages, and the version a search found
    in it (None when listed without a search)."""

    article_id: int
    title: str
    languages: tuple[str, ...]
    document_id: int | None = None
    language: str | None = None
    snippet: str = ""


class ArticlePickerModel(QAbstractListModel):
    """The articles to compare with: the first by title, or those a search finds."""

    def __init__(self, library: LibrarySession, exclude_article: int | None = None) -> None:
        super().__init__()
        self._library = library
        self._exclude = exclude_article
        self._rows: list[PickerRow] = []
        self._query = ""

    def query(self) -> str:
        """What the rows were found for ("" for the first articles by title)."""
        return self._query

    def set_query(self, query: str) -> None:
        """List what a search finds for the query, or the first articles by title."""
        self._query = query.strip()
        rows = self._found(self._query) if self._query else self._first()
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, row: int) -> PickerRow:
        """The article a row offers."""
        return self._rows[row]

    def _first(self) -> list[PickerRow]:
        summaries = self._library.list_window(ListFilter(), SortKey.TITLE, False, 0,
                                              FIRST_ROWS + 1)
        return [PickerRow(s.id, s.title, s.languages) for s in summaries
                if s.id != self._exclude][:FIRST_ROWS]

    def _found(self, query: str) -> list[PickerRow]:
        best: dict[int, PickerRow] = {}
        for hit in self._library.search(query, RESULT_LIMIT):
            if hit.article_id != self._exclude and hit.article_id not in best:
                best[hit.article_id] = PickerRow(hit.article_id, hit.title, (hit.language,),
                                                 hit.document_id, hit.language, hit.snippet)
        listed = self._library.list_rows(best)  # titles and languages as the list shows them
        return [PickerRow(row.article_id, listed[row.article_id].title,
                          listed[row.article_id].languages, row.document_id, row.language,
                          row.snippet) if row.article_id in listed else row
                for row in best.values()]

    # -- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            languages = " · ".join(row.languages)
            return f"{row.title} ({languages})"
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.language is None:
                return as_rich_text(row.title)
            return as_rich_text(f"{row.title}\n{language_name(row.language)}\n\n{row.snippet}")
        return None


class _SearchField(QLineEdit):
    """The picker's search box; Down moves into the list."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class ComparePicker(QDialog):
    """Type to find an article; Enter or a double-click picks it."""

    def __init__(self, library: LibrarySession, exclude_article: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Compare with"))
        self.resize(560, 420)
        self._library = library
        self._chosen: int | None = None
        self.model = ArticlePickerModel(library, exclude_article)
        self.model.setParent(self)
        self.field = _SearchField(self)
        self.field.setPlaceholderText(_("Type words of the article (any language)…"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(_("Find an article"))
        self.list = QListView(self)
        self.list.setAccessibleName(_("Articles"))
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it repeats the query
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)

        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.field.down_pressed.connect(self._on_field_down_pressed)
        self._timer.timeout.connect(self.search_now)
        self.list.doubleClicked.connect(self._on_list_double_clicked)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.search_now()

    def search_now(self) -> None:
        """List what the box holds now (typing calls this after a pause)."""
        self._timer.stop()
        self.model.set_query(self.field.text())
        count = self.model.rowCount()
        if self.model.query() and not count:
            text = _("Nothing found for “{query}”").format(query=self.model.query())
        elif self.model.query():
            text = ngettext("{n} article found", "{n} articles found", count).format(n=count)
        else:
            text = _("Type to find any article of the library")
        self.status.setText(text)
        if count:
            self.list.setCurrentIndex(self.model.index(0))

    def chosen_document(self) -> int | None:
        """The language version picked (after the dialog was accepted)."""
        return self._chosen

    def accept(self) -> None:
        if self._timer.isActive() or self.field.text().strip() != self.model.query():
            self.search_now()
        index = self.list.currentIndex()
        row = index.row() if index.isValid() else 0
        if not 0 <= row < self.model.rowCount():
            return  # nothing to pick: the picker stays open
        picked = self.model.row(row)
        if picked.document_id is not None:
            self._chosen = picked.document_id
        else:
            documents = self._library.documents_of(picked.article_id)
            if not documents:
                return
            self._chosen = documents[0].id
        super().accept()

    # -- slots -------------------------------------------------------------------------------

    def _on_field_text_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self.search_now()

    def _on_field_return_pressed(self) -> None:
        if self._timer.isActive():
            self.search_now()

    def _on_field_down_pressed(self) -> None:
        if self._timer.isActive():
            self.search_now()
        if self.model.rowCount():
            self.list.setFocus()

    def _on_list_double_clicked(self, index: QModelIndex) -> None:
        self.list.setCurrentIndex(index)
        self.accept()


def pick_document(library: LibrarySession, parent: QWidget | None = None,
                  exclude_article: int | None = None) -> int | None:
    """Ask for an article to compare with; the language version picked, or None."""
    picker = ComparePicker(library, exclude_article, parent)
    try:
        return picker.chosen_document() if picker.exec() == QDialog.DialogCode.Accepted else None
    finally:
        picker.deleteLater()
