"""The reader's changes to stars, bookmarks and highlights, as undoable commands.

Each command writes to the store at once (redo runs when it is pushed) and announces the
change the session reports through LibraryEvents, so each pane showing it refreshes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from reader.operations.changes import NOTHING, LibraryChange
from reader.operations.session import LibrarySession
from reader.store import Annotation, Bookmark
from reader.ui.i18n import _, ngettext
from reader.ui.library_events import LibraryEvents


class _NoteCommand(QUndoCommand):
    def __init__(self, library: LibrarySession, events: LibraryEvents, text: str) -> None:
        super().__init__(text)
        self._library = library
        self._events = events

    def _changed(self, change: LibraryChange) -> None:
        self._events.announce(change)


class AddHighlight(_NoteCommand):
    """Highlight a passage of a document."""

    def __init__(self, library: LibrarySession, events: LibraryEvents, document_id: int, start: int,
                 end: int, colour: str, note: str = "", tags: Sequence[str] = ()) -> None:
        super().__init__(library, events, _("Highlight"))
        self._request = (document_id, start, end, colour, note, tuple(tags))
        self.annotation: Annotation | None = None

    def redo(self) -> None:
        if self.annotation is None:
            document_id, start, end, colour, note, tags = self._request
            self.annotation, change = self._library.add_annotation(document_id, start, end,
                                                                   colour, note, tags)
        else:
            self.annotation, change = self._library.restore_annotation(self.annotation)
        self._changed(change)

    def undo(self) -> None:
        if self.annotation is not None:
            self._changed(self._library.delete_annotation(self.annotation.id)[1])


class EditHighlight(_NoteCommand):
    """Change a highlight's colour, note or tags."""

    def __init__(self, library: LibrarySession, events: LibraryEvents, before: Annotation,
                 colour: str, note: str, tags: Sequence[str]) -> None:
        super().__init__(library, events, _("Edit highlight"))
        self._before = before
        self._after = (colour, note, tuple(tags))

    def redo(self) -> None:
        colour, note, tags = self._after
        self._changed(self._library.update_annotation(self._before.id, colour=colour,
                                                      note=note, tags=tags)[1])

    def undo(self) -> None:
        self._changed(self._library.update_annotation(
            self._before.id, colour=self._before.colour, note=self._before.note,
            tags=self._before.tags)[1])


class DeleteHighlights(_NoteCommand):
    """Remove highlights (and their notes); undo puts them back as they were, under their ids."""

    def __init__(self, library: LibrarySession, events: LibraryEvents,
                 annotations: Sequence[Annotation]) -> None:
        count = len(annotations)
        super().__init__(library, events, _("Delete highlight") if count == 1 else
                         ngettext("Delete {n} highlight", "Delete {n} highlights",
                                  count).format(n=count))
        self._annotations = tuple(annotations)

    def redo(self) -> None:
        change = NOTHING
        for annotation in self._annotations:
            change |= self._library.delete_annotation(annotation.id)[1]
        self._changed(change)

    def undo(self) -> None:
        change = NOTHING
        for annotation in reversed(self._annotations):
            change |= self._library.restore_annotation(annotation)[1]
        self._changed(change)


class AddBookmark(_NoteCommand):
    """Bookmark a sentence."""

    def __init__(self, library: LibrarySession, events: LibraryEvents, document_id: int, start: int,
                 end: int) -> None:
        super().__init__(library, events, _("Bookmark sentence"))
        self._request = (document_id, start, end)
        self.bookmark: Bookmark | None = None

    def redo(self) -> None:
        if self.bookmark is None:
            self.bookmark, change = self._library.add_bookmark(*self._request)
        else:
            self.bookmark, change = self._library.restore_bookmark(self.bookmark)
        self._changed(change)

    def undo(self) -> None:
        if self.bookmark is not None:
            self._changed(self._library.delete_bookmark(self.bookmark.id)[1])


class RemoveBookmarks(_NoteCommand):
    """Remove sentence bookmarks and unstar articles; undo puts them all back."""

    def __init__(self, library: LibrarySession, events: LibraryEvents,
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
        change = NOTHING
        for bookmark in self._bookmarks:
            change |= self._library.delete_bookmark(bookmark.id)[1]
        for article_id in self._unstarred:
            change |= self._library.set_starred(article_id, False)
        self._changed(change)

    def undo(self) -> None:
        change = NOTHING
        for bookmark in reversed(self._bookmarks):
            change |= self._library.restore_bookmark(bookmark)[1]
        for article_id in self._unstarred:
            change |= self._library.set_starred(article_id, True)
        self._changed(change)


class SetStar(_NoteCommand):
    """Star or unstar an article."""

    def __init__(self, library: LibrarySession, events: LibraryEvents, article_id: int,
                 starred: bool) -> None:
        super().__init__(library, events, _("Star article") if starred else _("Unstar article"))
        self._article_id = article_id
        self._starred = starred

    def redo(self) -> None:
        self._changed(self._library.set_starred(self._article_id, self._starred))

    def undo(self) -> None:
        self._changed(self._library.set_starred(self._article_id, not self._starred))
