"""Opens "this article at this place" for every pane: search hits, notes, bookmarks, figures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from reader.operations.session import LibrarySession
from reader.store.records import Annotation, Bookmark, FigureRecord, SearchHit
from reader.ui.i18n import _
from reader.ui.library.library_pane import LibraryPane
from reader.ui.parallel.parallel_pane import ParallelPane

ShowMessage = Callable[[str], None]
SetNotesArticle = Callable[[int], None]  # the notes panel lists this article's notes


class Navigator(QObject):
    """The one way to go somewhere in the library: select the article in the list (or show it
    when the list's filter hides it), then the language version, then the passage."""

    def __init__(self, library: LibrarySession, library_pane: LibraryPane,
                 parallel_pane: ParallelPane, set_notes_article: SetNotesArticle,
                 show_message: ShowMessage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._list = library_pane
        self._pane = parallel_pane
        self._set_notes_article = set_notes_article
        self._show_message = show_message

    def open_article(self, article_id: int) -> bool:
        """Select an article in the library and show it afresh; False if it is not there."""
        if self._list.selected_article() == article_id:
            self._pane.show_article(article_id)
            return True
        return self._list.select_article(article_id)

    def open_place(self, article_id: int, document_id: int, start: int, end: int) -> bool:
        """Show an article's language version with a stretch of its text selected."""
        if not self.open_article(article_id):
            if not self._library.article_exists(article_id):
                return False
            self._pane.show_article(article_id)  # the list's filter hides it: show it anyway
            self._set_notes_article(article_id)
        return self._pane.locate_passage(document_id, start, end)

    def open_search_hit(self, hit: SearchHit, query: str) -> bool:
        """Show a search result's language version, its matches marked, the first selected."""
        if not self.open_article(hit.article_id):
            self._pane.show_article(hit.article_id)
            self._set_notes_article(hit.article_id)
        if not self._pane.show_document(hit.document_id):
            return False
        spans = self._library.match_spans(hit.document_id, query)
        self._pane.show_search_matches(hit.document_id, spans)
        if hit.match_start >= 0:
            return self._pane.locate_passage(hit.document_id, hit.match_start, hit.match_end)
        return True

    def open_annotation(self, annotation: Annotation) -> bool:
        """Open a highlight's article and select its passage."""
        if annotation.orphaned:
            self.open_article(annotation.article_id)
            self._show_message(
                _("This highlight lost its place when the text changed: “{quote}”").format(
                    quote=annotation.exact[:80]))
            return False
        return self.open_place(annotation.article_id, annotation.document_id, annotation.start,
                               annotation.end)

    def open_bookmark(self, bookmark: Bookmark) -> bool:
        """Open a bookmark's article and show its sentence."""
        return self.open_place(bookmark.article_id, bookmark.document_id, bookmark.start,
                               bookmark.end)

    def open_figure(self, figure: FigureRecord) -> bool:
        """Open the article a figure of the library comes from, the figure selected."""
        article_id = self._library.document(figure.document_id).article_id
        return self.open_place(article_id, figure.document_id, figure.start, figure.end)
