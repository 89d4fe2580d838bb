"""Highlights, notes and bookmarks on the parallel pane's text.

The layer reads the shown documents' annotations and bookmarks from the store and hands the
view its marks: each highlight in its colour, its faint echo on the aligned sentences of the
other column, and margin markers for notes and bookmarks. Its actions make, change and remove
them through undoable commands.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from reader.operations.changes import LibraryChange
from reader.operations.session import LibrarySession
from reader.store import COLOURS, Annotation, Bookmark
from reader.ui.i18n import _, language_name
from reader.ui.library_events import LibraryEvents
from reader.ui.notes.highlight_colours import colour_label, highlight_colour, swatch
from reader.ui.notes.note_commands import (
    AddBookmark,
    AddHighlight,
    DeleteHighlights,
    EditHighlight,
    RemoveBookmarks,
)
from reader.ui.parallel.parallel_model import ParallelTextModel
from reader.ui.parallel.parallel_view import (
    CellPlace,
    MarginMark,
    ParallelTextView,
    Passage,
    TextMark,
)
from reader.ui.plain_text import as_menu_text, as_rich_text

BOOKMARK_COLOUR = QColor("#e53935")
SEARCH_COLOUR = QColor(255, 152, 0, 120)  # the words a search found, while its result is open


class HighlightLayer(QObject):
    """Draws and edits the reader's marks on a ParallelTextView."""

    def __init__(self, library: LibrarySession, events: LibraryEvents, model: ParallelTextModel,
                 view: ParallelTextView, undo_stack: QUndoStack, owner: QWidget) -> None:
        super().__init__(owner)
        self._library = library
        self._events = events
        self._model = model
        self._view = view
        self._undo_stack = undo_stack
        self._owner = owner
        self._annotations: list[tuple[int, Annotation]] = []  # (column, annotation)
        self._bookmarks: list[tuple[int, Bookmark]] = []
        self._search: tuple[int, list[tuple[int, int]]] | None = None
        self.last_colour = COLOURS[0]

        self.highlight_action = QAction(_("&Highlight"), owner)
        self.highlight_action.setShortcut(QKeySequence("Ctrl+H"))
        self.highlight_action.setToolTip(_("Highlight the selected text"))
        self.note_action = QAction(_("Highlight with &note…"), owner)
        self.note_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.bookmark_action = QAction(_("&Bookmark this sentence"), owner)
        self.bookmark_action.setShortcut(QKeySequence("Ctrl+B"))
        for action in (self.highlight_action, self.note_action, self.bookmark_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            owner.addAction(action)
        self.highlight_action.triggered.connect(self._on_highlight_action_triggered)
        self.note_action.triggered.connect(self._on_note_action_triggered)
        self.bookmark_action.triggered.connect(self._on_bookmark_action_triggered)
        events.changed.connect(self._on_events_changed)

    # -- reading -----------------------------------------------------------------------------

    def shown_annotations(self) -> list[Annotation]:
        """The annotations of the shown columns that have a place in their text."""
        return [annotation for _column, annotation in self._annotations]

    def shown_bookmarks(self) -> list[Bookmark]:
        """The bookmarks of the shown columns."""
        return [bookmark for _column, bookmark in self._bookmarks]

    def _on_events_changed(self, change: LibraryChange) -> None:
        if change.notes and change.touches_documents(
                {document.id for document in self._model.documents()}):
            self.refresh()

    def refresh(self) -> None:
        """Read the shown documents' marks again and draw them."""
        documents = self._model.documents()
        self._annotations, self._bookmarks = [], []
        for column, document in enumerate(documents):
            self._annotations.extend(
                (column, a) for a in self._library.annotations_of(document.id)
                if not a.orphaned)
            self._bookmarks.extend(
                (column, b) for b in self._library.bookmarks_of(document.id))
        marks: list[TextMark] = []
        for column, annotation in self._annotations:
            colour = highlight_colour(annotation.colour)
            marks.append(TextMark(column, annotation.start, annotation.end, colour,
                                  tooltip=_tooltip(annotation),
                                  margin=MarginMark.NOTE if annotation.note else MarginMark.NONE,
                                  key=annotation))
            if len(documents) == 2:
                marks.extend(self._echoes(column, annotation))
        if self._search is not None and self._search[0] in [d.id for d in documents]:
            column = [d.id for d in documents].index(self._search[0])
            marks.extend(TextMark(column, start, end, SEARCH_COLOUR, key="search",
                                  tooltip=_("Found by your search"))
                         for start, end in self._search[1])
        for column, bookmark in self._bookmarks:
            marks.append(TextMark(column, bookmark.start, bookmark.end, BOOKMARK_COLOUR,
                                  margin=MarginMark.BOOKMARK, key=bookmark, fill=False,
                                  tooltip=_("Bookmarked")))
        self._view.set_marks(marks)

    def _echoes(self, column: int, annotation: Annotation) -> list[TextMark]:
        """Faint marks on the other column's sentences aligned with a highlight's."""
        other = 1 - column
        echoes = []
        language = language_name(annotation.language)
        for row in range(self._model.rowCount()):
            cells = self._model.row(row).cells
            if not any(s.start < annotation.end and s.end > annotation.start
                       for s in cells[column]):
                continue
            counterpart = cells[other]
            if counterpart:
                tip = _("Highlighted in {language}: “{quote}”").format(
                    language=language, quote=_shorten(annotation.exact))
                if annotation.note:
                    tip += "\n" + annotation.note
                echoes.append(TextMark(other, counterpart[0].start, counterpart[-1].end,
                                       highlight_colour(annotation.colour), faint=True,
                                       tooltip=as_rich_text(tip), key=annotation))
        return echoes

    def show_search_matches(self, document_id: int, spans: Sequence[tuple[int, int]]) -> None:
        """Mark the words a search found in a document (until cleared)."""
        self._search = (document_id, list(spans))
        self.refresh()

    def clear_search_matches(self) -> None:
        """Stop marking a search's words."""
        if self._search is not None:
            self._search = None
            self.refresh()

    def search_matches(self) -> list[tuple[int, int]]:
        """The marked words of the last opened search result."""
        return list(self._search[1]) if self._search else []

    def annotations_at(self, column: int, offset: int) -> list[Annotation]:
        """The highlights of a column that cover a document offset."""
        return [a for c, a in self._annotations if c == column and a.start <= offset < a.end]

    # -- making and changing -----------------------------------------------------------------

    def highlight_selection(self, colour: str | None = None, note: str = "",
                            tags: Sequence[str] = ()) -> Annotation | None:
        """Highlight the selected text (undoable); None when nothing is selected."""
        passage = self._view.selected_passage()
        documents = self._model.documents()
        if passage is None or passage.column >= len(documents):
            return None
        colour = colour or self.last_colour
        self.last_colour = colour
        command = AddHighlight(self._library, self._events, documents[passage.column].id,
                               passage.start, passage.end, colour, note, tags)
        self._undo_stack.push(command)
        # The selection would hide the new highlight's colour: it goes, the caret stays.
        cursor = self._view.textCursor()
        cursor.clearSelection()
        self._view.setTextCursor(cursor)
        return command.annotation

    def edit(self, annotation: Annotation, colour: str, note: str,
             tags: Sequence[str]) -> None:
        """Change a highlight's colour, note and tags (undoable)."""
        if (colour, note, tuple(tags)) == (annotation.colour, annotation.note, annotation.tags):
            return
        self._undo_stack.push(EditHighlight(self._library, self._events, annotation, colour,
                                            note, tags))

    def delete(self, annotation: Annotation) -> None:
        """Remove a highlight (undoable)."""
        self._undo_stack.push(DeleteHighlights(self._library, self._events, [annotation]))

    def edit_with_dialog(self, annotation: Annotation) -> None:
        """Ask for a highlight's colour, note and tags, and keep them."""
        from reader.ui.notes.annotation_dialog import AnnotationDialog

        dialog = AnnotationDialog(annotation.exact, annotation.colour, annotation.note,
                                  annotation.tags, self._owner)
        if dialog.exec():
            self.edit(annotation, dialog.colour(), dialog.note(), dialog.tags())

    def toggle_bookmark(self, column: int, sentence_start: int, sentence_end: int) -> None:
        """Bookmark a sentence, or remove its bookmark (undoable)."""
        documents = self._model.documents()
        if column >= len(documents):
            return
        for shown_column, bookmark in self._bookmarks:
            if shown_column == column and bookmark.start < sentence_end \
                    and bookmark.end > sentence_start:
                self._undo_stack.push(RemoveBookmarks(self._library, self._events, [bookmark]))
                return
        self._undo_stack.push(AddBookmark(self._library, self._events, documents[column].id,
                                          sentence_start, sentence_end))

    def locate(self, document_id: int, start: int, end: int) -> bool:
        """Select and show a stretch of a shown document."""
        ids = [document.id for document in self._model.documents()]
        if document_id not in ids:
            return False
        return self._view.select_passage(Passage(ids.index(document_id), start, end))

    def add_to_menu(self, menu: QMenu, place: CellPlace) -> None:
        """Put the highlight and bookmark entries for a place of the text into a menu."""
        column, offset = place.column, place.offset
        has_selection = self._view.selected_passage() is not None
        colours = menu.addMenu(_("Highlight in"))
        colours.setEnabled(has_selection)
        for name in COLOURS:
            action = colours.addAction(swatch(highlight_colour(name)), colour_label(name))
            action.triggered.connect(lambda _checked=False, n=name: self.highlight_selection(n))
        self.highlight_action.setEnabled(has_selection)
        self.note_action.setEnabled(has_selection)
        menu.addAction(self.highlight_action)
        menu.addAction(self.note_action)
        for annotation in self.annotations_at(column, offset):
            quote = as_menu_text(_shorten(annotation.exact, 30))
            edit = menu.addAction(_("Edit note of “{quote}”…").format(quote=quote))
            edit.triggered.connect(lambda _c=False, a=annotation: self.edit_with_dialog(a))
            delete = menu.addAction(_("Delete highlight “{quote}”").format(quote=quote))
            delete.triggered.connect(lambda _c=False, a=annotation: self.delete(a))
        cell = self._model.row(place.row).cells[column] if place.row >= 0 else ()
        if 0 <= place.sentence < len(cell):
            sentence = cell[place.sentence]
            marked = any(c == column and b.start < sentence.end and b.end > sentence.start
                         for c, b in self._bookmarks)
            bookmark = menu.addAction(_("Remove the bookmark of this sentence") if marked
                                      else _("Bookmark this sentence"))
            bookmark.setShortcut(self.bookmark_action.shortcut())
            bookmark.triggered.connect(lambda _c=False, s=sentence: self.toggle_bookmark(
                column, s.start, s.end))

    # -- slots -------------------------------------------------------------------------------

    def _on_highlight_action_triggered(self) -> None:
        self.highlight_selection()

    def _on_note_action_triggered(self) -> None:
        passage = self._view.selected_passage()
        documents = self._model.documents()
        if passage is None or passage.column >= len(documents):
            return
        quote = self._library.document_text(documents[passage.column].id).text[
            passage.start:passage.end]
        from reader.ui.notes.annotation_dialog import AnnotationDialog

        dialog = AnnotationDialog(quote, self.last_colour, parent=self._owner)
        if dialog.exec():
            self.highlight_selection(dialog.colour(), dialog.note(), dialog.tags())

    def _on_bookmark_action_triggered(self) -> None:
        place = self._view.current_sentence()
        if place is not None:
            column, start, end = place
            self.toggle_bookmark(column, start, end)


def _shorten(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1] + "…"


def _tooltip(annotation: Annotation) -> str:
    """The note and tags as rich text that shows them as written: a note holding markup
    (`<img src=…>`, `<b>`) is shown as that text, never rendered."""
    lines = [annotation.note or _("Highlight ({colour})").format(
        colour=colour_label(annotation.colour))]
    if annotation.tags:
        lines.append(_("Tags: {tags}").format(tags=", ".join(annotation.tags)))
    return as_rich_text("\n".join(lines))
