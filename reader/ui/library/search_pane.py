"""Search as you type over every language of the library, above the library list.

While the box is empty the library list shows; once something is typed, the results take
its place: best first, each with its title, language and a snippet with the match in bold.
Typing waits a moment after the last key before it searches, so a fast typist starts one
search, not one per letter; a search on a large library takes tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QPalette, QTextDocument
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
    """The hits of one search, best first.

    The hits come without their snippets (LibrarySession.find); a row's snippet is cut when
    the row is first asked for, with those of the rows after it (SNIPPET_PAGE, one query):
    the list's rows are all of one height, so it asks only for the rows it shows."""

    SNIPPET_PAGE = 16

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []
        self._cut: list[bool] = []
        self._query = ""
        self._cut_snippets: Callable[[list[SearchHit], str], list[SearchHit]] | None = None

    def set_hits(self, hits: list[SearchHit], query: str = "",
                 cut_snippets: Callable[[list[SearchHit], str], list[SearchHit]] | None = None
                 ) -> None:
        """Show these hits instead of the ones before; `cut_snippets` cuts the snippets of
        hits found without them (for `query`), None when the hits have theirs."""
        self.beginResetModel()
        self._hits = list(hits)
        self._cut = [cut_snippets is None] * len(self._hits)
        self._query = query
        self._cut_snippets = cut_snippets
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        """The hit a row shows, with its snippet."""
        if not self._cut[row] and self._cut_snippets is not None:
            rows = [r for r in range(row, min(len(self._hits), row + self.SNIPPET_PAGE))
                    if not self._cut[r]]
            for r, hit in zip(rows, self._cut_snippets([self._hits[r] for r in rows],
                                                       self._query), strict=True):
                self._hits[r] = hit
                self._cut[r] = True
        return self._hits[row]

    def snippets_cut(self) -> int:
        """How many of the hits have their snippets cut so far."""
        return sum(self._cut)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            hit = self._hits[index.row()]
            return f"{hit.title} ({hit.language})"
        if role == Qt.ItemDataRole.ToolTipRole:
            hit = self.hit(index.row())
            return as_rich_text(f"{hit.title}\n{language_name(hit.language)}\n\n{hit.snippet}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            hit = self.hit(index.row())
            return f"{hit.title}, {language_name(hit.language)}: {hit.snippet}"
        if role == HIT_ROLE:
            return self.hit(index.row())
        return None


def snippet_html(snippet: str, matches: Iterable[tuple[int, int]]) -> str:
    """A snippet as rich text with its matches bold. Every piece of it is escaped before the
    bold tags go around matches, so the article's own text never reads as markup."""
    pieces, last = [], 0
    for first, end in sorted(matches):
        start = max(first, last)  # overlapping matches: each character once
        if end <= start:
            continue
        pieces.append(escape(snippet[last:start]))
        pieces.append(f"<b>{escape(snippet[start:end])}</b>")
        last = end
    pieces.append(escape(snippet[last:]))
    return "".join(pieces)


class HitDelegate(QStyledItemDelegate):
    """Draws a hit in rows of one height: its title in bold on one line (cut with "…" where
    it is longer) with its language, then SNIPPET_LINES lines of its snippet, the matches
    bold, cut with "…" where it is longer.

    Rows of one height let the list lay out only the rows it shows (uniformItemSizes): 50
    results of rich text of their own heights took 10.7 ms to lay out and paint, and every
    hit's snippet had to be cut first (benchmarks/README.md, "Search results in rows of one
    height"). The snippets' laid-out texts are kept by hit and width, for this search's hits
    (the delegate forgets them when the model shows other hits)."""

    SNIPPET_LINES = 3
    PADDING = 4  # around a row's text, in pixels
    KEPT = 200  # laid-out snippets at most

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[tuple[SearchHit, int], QTextDocument] = {}

    def forget_documents(self) -> None:
        """Lay the hits out anew (other hits are shown)."""
        self._documents.clear()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # QStyle's type (hundreds of enum members) is made when first used: at the first hit
        # drawn, not at start-up.
        from PySide6.QtGui import QAbstractTextDocumentLayout, QFontMetrics
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
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        quiet_colour = text_colour if selected else option.palette.color(
            QPalette.ColorRole.PlaceholderText)
        area = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics, metrics = QFontMetrics(bold), QFontMetrics(option.font)
        language = f" · {language_name(hit.language)}"
        title_room = max(area.width() - metrics.horizontalAdvance(language), area.width() // 2)
        title = bold_metrics.elidedText(hit.title, Qt.TextElideMode.ElideRight, title_room)
        title_width = bold_metrics.horizontalAdvance(title)
        line = bold_metrics.height()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.save()
        painter.setClipRect(option.rect)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(QRect(area.left(), area.top(), title_width, line), flags, title)
        painter.setFont(option.font)
        painter.setPen(quiet_colour)
        rest = area.width() - title_width
        painter.drawText(QRect(area.left() + title_width, area.top(), rest, line), flags,
                         metrics.elidedText(language, Qt.TextElideMode.ElideRight, rest))
        document = self.document_for(hit, area.width(), option.font)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_colour)
        painter.translate(area.left(), area.top() + line)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        from PySide6.QtGui import QFontMetrics

        bold = QFont(option.font)
        bold.setBold(True)
        height = (QFontMetrics(bold).height() + self.SNIPPET_LINES
                  * QFontMetrics(option.font).lineSpacing() + 2 * self.PADDING + 1)
        return QSize(max(option.rect.width(), 80), height)

    def document_for(self, hit: SearchHit, width: int, font: QFont) -> QTextDocument:
        """The hit's snippet laid out at this width in at most SNIPPET_LINES lines (kept:
        see the class)."""
        key = (hit, width)
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) >= self.KEPT:
                self._documents.clear()
            document = _snippet_document(hit.snippet, hit.snippet_matches, width, font,
                                         self.SNIPPET_LINES)
            self._documents[key] = document
        return document


def _snippet_document(snippet: str, matches: tuple[tuple[int, int], ...], width: int,
                      font: QFont, lines: int) -> QTextDocument:
    """A snippet's rich text laid out at a width; where it takes more than `lines` lines, it
    is cut at the end of a word and "…" put after, so that it fits in them."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    document.setTextWidth(max(80, width))
    shown = snippet
    while True:
        document.setHtml(snippet_html(shown, [(start, min(end, len(shown)))
                                              for start, end in matches if start < len(shown)]))
        document.size()  # laid out now: its lines are known
        layout = document.firstBlock().layout()
        if layout is None or layout.lineCount() <= lines or not shown:
            return document
        end = layout.lineAt(lines - 1).textStart() + layout.lineAt(lines - 1).textLength()
        cut = shown.rstrip("…")[:max(0, min(end, len(shown)) - 1)]
        space = cut.rfind(" ")
        shown = (cut[:space] if space > 0 else cut[:-1]).rstrip(" ,;:") + "…"


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
        self.results.setUniformItemSizes(True)  # rows of one height: HitDelegate
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
        hits = self._library.find(query, limit=RESULT_LIMIT)
        self.model.set_hits(hits, query, self._library.cut_snippets)
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
