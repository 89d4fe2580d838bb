"""The reader's changes to stars, bookmarks and highlights, as undoable commands.

Each command writes to the store at once (redo runs when it is pushed) and announces the
change through LibraryEvents.notes_changed, so every pane shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from reader.store import Annotation, Bookmark
from reader.store.library import Library
from reader.ui.i18n import _, ngettext
from reader.ui.library_events import LibraryEvents


class _NoteCommand(QUndoCommand):
    def __init__(self, library: Library, events: LibraryEvents, text: str) -> None:
        super().__init__(text)
        self._library = library
        self._events = events

    def _changed(self) -> None:
        self._events.notes_changed.emit()


class AddHighlight(_NoteCommand):
    """Highlight a passage of a document."""

    def __init__(self, library: Library, events: LibraryEvents, document_id: int, start: int,
                 end: int, colour: str, note: str = "", tags: Sequence[str] = ()) -> None:
        super().__init__(library, events, _("Highlight"))
        self._request = (document_id, start, end, colour, note, tuple(tags))
        self.annotation: Annotation | None = None

    def redo(self) -> None:
        if self.annotation is None:
            document_id, start, end, colour, note, tags = self._request
            self.annotation = self._library.annotations.add(document_id, start, end, colour,
                                                            note, tags)
        else:
            self.annotation = self._library.annotations.restore(self.annotation)
        self._changed()

    def undo(self) -> None:
        if self.annotation is not None:
            self._library.annotations.delete(self.annotation.id)
        self._changed()


class EditHighlight(_NoteCommand):
    """Change a highlight's colour, note or tags."""

    def __init__(self, library: Library, events: LibraryEvents, before: Annotation,
                 colour: str, note: str, tags: Sequence[str]) -> None:
        super().__init__(library, events, _("Edit highlight"))
        self._before = before
        self._after = (colour, note, tuple(tags))

    def redo(self) -> None:
        colour, note, tags = self._after
        self._library.annotations.update(self._before.id, colour=colour, note=note, tags=tags)
        self._changed()

    def undo(self) -> None:
        self._library.annotations.update(self._before.id, colour=self._before.colour,
                                         note=self._before.note, tags=self._before.tags)
        self._changed()


class DeleteHighlights(_NoteCommand):
    """Remove highlights (and their notes); undo puts them back as they were, under their ids."""

    def __init__(self, library: Library, events: LibraryEvents,
                 annotations: Sequence[Annotation]) -> None:
        count = len(annotations)
        super().__init__(library, events, _("Delete highlight") if count == 1 else
                         ngettext("Delete {n} highlight", "Delete {n} highlights",
                                  count).format(n=count))
        self._annotations = tuple(annotations)

    def redo(self) -> None:
        for annotation in self._annotations:
            self._library.annotations.delete(annotation.id)
        self._changed()

    def undo(self) -> None:
        for annotation in reversed(self._annotations):
            self._library.annotations.restore(annotation)
        self._changed()


class AddBookmark(_NoteCommand):
    """Bookmark a sentence."""

    def __init__(self, library: Library, events: LibraryEvents, document_id: int, start: int,
                 end: int) -> None:
        super().__init__(library, events, _("Bookmark sentence"))
        self._request = (document_id, start, end)
        self.bookmark: Bookmark | None = None

    def redo(self) -> None:
        if self.bookmark is None:
            self.bookmark = self._library.bookmarks.add(*self._request)
        else:
            self.bookmark = self._library.bookmarks.restore(self.bookmark)
        self._changed()

    def undo(self) -> None:
        if self.bookmark is not None:
            self._library.bookmarks.delete(self.bookmark.id)
        self._changed()


class RemoveBookmarks(_NoteCommand):
    """Remove sentence bookmarks and unstar articles; undo puts them all back."""

    def __init__(self, library: Library, events: LibraryEvents,
                 bookmarks: Sequence[Bookmark] = (), unstarred: Sequence[int] = ()) -> None:
        if not unstarred and len(bookmarks) == 1:
            text = _("Remove bookmark")
        elif not bookmarks and len(unstarred) == 1:
            text = _("Unstar article")
        else:
            count = len(bookmarks) + len(unstarred)
            text = ngettext("Remove {n} bookmark or star", "Remove {n} bookmarks and stars",
                            count).format(n=count)
        super().__init__(library, events, text)
        self._bookmarks = tuple(bookmarks)
        self._unstarred = tuple(unstarred)

    def redo(self) -> None:
        for bookmark in self._bookmarks:
            self._library.bookmarks.delete(bookmark.id)
        for article_id in self._unstarred:
            self._library.bookmarks.set_starred(article_id, False)
        self._changed()

    def undo(self) -> None:
        for bookmark in reversed(self._bookmarks):
            self._library.bookmarks.restore(bookmark)
        for article_id in self._unstarred:
            self._library.bookmarks.set_starred(article_id, True)
        self._changed()


class SetStar(_NoteCommand):
    """Star or unstar an article."""

    def __init__(self, library: Library, events: LibraryEvents, article_id: int,
                 starred: bool) -> None:
        super().__init__(library, events, _("Star article") if starred else _("Unstar article"))
        self._article_id = article_id
        self._starred = starred

    def redo(self) -> None:
        self._library.bookmarks.set_starred(self._article_id, self._starred)
        self._changed()

    def undo(self) -> None:
        self._library.bookmarks.set_starred(self._article_id, not self._starred)
        self._changed()
