"""Search as you type over every language of the library, above the library list.

While the box is empty the library list shows; once something is typed, the results take
its place: best first, each with its title, language and a snippet with the match in bold.
Typing waits a moment after the last key before it searches, so a fast typist starts one
search, not one per letter; a search on a large library takes tens of milliseconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from reader.operations.session import LibrarySession
from reader.store.records import SearchHit
from reader.ui.i18n import _, language_name, ngettext
from reader.ui.plain_text import as_rich_text, escape

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 30
RESULT_LIMIT = 50
TYPING_PAUSE_MS = 150  # how long after the last key the search runs


class SearchResultsModel(QAbstractListModel):
    """The hits of one search, best first."""

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        """Show these hits instead of the ones before."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        """The hit a row shows."""
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title} ({hit.language})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_rich_text(f"{hit.title}\n{language_name(hit.language)}\n\n{hit.snippet}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title}, {language_name(hit.language)}: {hit.snippet}"
        if role == HIT_ROLE:
            return hit
        return None


def hit_html(hit: SearchHit) -> str:
    """A hit as rich text: the title, the language, and the snippet with its matches bold.
    Every piece of the title and snippet is escaped before the bold tags go around matches,
    so the article's own text never reads as markup."""
    snippet, last = [], 0
    for first, end in sorted(hit.snippet_matches):
        start = max(first, last)  # overlapping matches: each character once
        if end <= start:
            continue
        snippet.append(escape(hit.snippet[last:start]))
        snippet.append(f"<b>{escape(hit.snippet[start:end])}</b>")
        last = end
    snippet.append(escape(hit.snippet[last:]))
    return (f"<div><b>{escape(hit.title)}</b> "
            f"<span style='color: gray'>· {escape(language_name(hit.language))}</span>"
            f"</div><div>{''.join(snippet)}</div>")


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as two to four lines of rich text.

    A row's height is its laid-out text's, and the list asks each row's twice before painting
    the visible ones: the laid-out texts are kept by hit and width, for this search's hits
    (the delegate forgets them when the model shows other hits): 12.9 -> 10.7 ms to show 50
    results (benchmarks/README.md, "Schema 17")."""

    KEPT = 400  # laid-out hits at most (a few widths of one search's results)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[tuple[SearchHit, int], QTextDocument] = {}
        self._width = 320  # the rows' width the list last gave

    def forget_documents(self) -> None:
        """Lay the hits out anew (other hits are shown)."""
        self._documents.clear()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # QStyle's type (hundreds of enum members) is made when first used: at the first hit
        # drawn, not at start-up.
        from PySide6.QtGui import QAbstractTextDocumentLayout
        from PySide6.QtWidgets import QStyle

        model = index.model()
        hit = model.data(index, HIT_ROLE) if model is not None else None
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        document = self.document_for(hit, option.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        model = index.model()
        hit = model.data(index, HIT_ROLE) if model is not None else None
        if not isinstance(hit, SearchHit):
            return super().sizeHint(option, index)
        # The list's first pass over its rows gives no width: the last one it gave, which
        # is the one it gives next (laying the texts out at another is done in vain).
        if option.rect.width() > 0:
            self._width = option.rect.width()
        width = self._width
        document = self.document_for(hit, width)
        return QSize(width, int(document.size().height()) + 2)

    def document_for(self, hit: SearchHit, width: int) -> QTextDocument:
        """The hit's rich text laid out at this width (kept: see the class)."""
        key = (hit, width)
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) >= self.KEPT:
                self._documents.clear()
            document = QTextDocument()
            document.setDocumentMargin(4)
            document.setHtml(hit_html(hit))
            document.setTextWidth(max(80, width))
            self._documents[key] = document
        return document


class SearchField(QLineEdit):
    """The search box; Down moves into the results, Escape clears it."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class SearchPane(QWidget):
    """The search box above the library list, and the results in its place while searching."""

    hit_opened = Signal(object)  # a SearchHit
    searching_changed = Signal(bool)  # results shown (True) or the library list again

    def __init__(self, library: LibrarySession, library_widget: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._query = ""
        self.model = SearchResultsModel()
        self.model.setParent(self)
        self.field = SearchField(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(_("Search all articles (Ctrl+K)"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(_("Search all articles"))
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(_("Search results"))
        self.results.setModel(self.model)
        self._delegate = HitDelegate(self.results)
        self.results.setItemDelegate(self._delegate)
        self.model.modelReset.connect(self._delegate.forget_documents)
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setAlternatingRowColors(True)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it may quote the query
        results_page = QWidget(self)
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.status)
        results_layout.addWidget(self.results, 1)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(library_widget)
        self._stack.addWidget(results_page)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self._stack, 1)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.field.down_pressed.connect(self._on_field_down_pressed)
        self._timer.timeout.connect(self.search_now)
        self.results.activated.connect(self._on_results_activated)
        self.results.clicked.connect(self._on_results_activated)

    def focus_field(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+K)."""
        self.field.setFocus()
        self.field.selectAll()

    def query(self) -> str:
        """What the shown results are for ("" while the library list shows)."""
        return self._query

    def is_searching(self) -> bool:
        """Whether the results are shown instead of the library list."""
        return self._stack.currentIndex() == 1

    def search_now(self) -> None:
        """Search for what the box holds now (typing calls this after a pause)."""
        self._timer.stop()
        query = self.field.text().strip()
        self._query = query
        if not query:
            self.model.set_hits([])
            self._show_results(False)
            return
        hits = self._library.search(query, limit=RESULT_LIMIT)
        self.model.set_hits(hits)
        if hits:
            shown = ngettext("{n} article version found", "{n} article versions found",
                             len(hits)).format(n=len(hits))
            if len(hits) == RESULT_LIMIT:
                shown = _("The best {n} matches").format(n=RESULT_LIMIT)
        else:
            shown = _("Nothing found for “{query}”").format(query=query)
        self.status.setText(shown)
        self._show_results(True)

    def open_row(self, row: int) -> None:
        """Open the hit a row shows."""
        if 0 <= row < self.model.rowCount():
            self.hit_opened.emit(self.model.hit(row))

    def _show_results(self, shown: bool) -> None:
        if shown != self.is_searching():
            self._stack.setCurrentIndex(1 if shown else 0)
            self.searching_changed.emit(shown)

    # -- slots -------------------------------------------------------------------------------

    def _on_field_text_changed(self, text: str) -> None:
        if not text.strip():
            self.search_now()  # back to the library at once
        else:
            self._timer.start()

    def _on_field_return_pressed(self) -> None:
        if self._timer.isActive() or self.field.text().strip() != self._query:
            self.search_now()
        self.open_row(0)

    def _on_field_down_pressed(self) -> None:
        if self._timer.isActive():
            self.search_now()
        if self.model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0))

    def _on_results_activated(self, index: QModelIndex) -> None:
        self.open_row(index.row())
