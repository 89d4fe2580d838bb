"""The reader's changes to stars, bookmarks and highlights, as undoable commands.

Each command writes to the store at once (redo runs when it is pushed) and announces the
change the session reports through LibraryEvents, so each pane showing it refreshes.

A write that fails (the library is busy, the disk full, the file read-only) loses nothing and
keeps the undo stack true: what could not be stored goes to the pending-writes journal through
`LibraryEvents.write_failed` (the window keeps it, says so at once and stores it when it can),
and the command leaves the stack (it is made obsolete), so Undo never offers what was not done.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from reader.operations import pending
from reader.operations.changes import NOTHING, LibraryChange
from reader.operations.pending import PendingWrite
from reader.operations.session import LibrarySession
from reader.store import Annotation, Bookmark, WriteFailed
from reader.ui.i18n import _, ngettext
from reader.ui.library_events import LibraryEvents

Step = tuple[Callable[[], LibraryChange], Callable[[], PendingWrite]]


class _NoteCommand(QUndoCommand):
    def __init__(self, library: LibrarySession, events: LibraryEvents, text: str) -> None:
        super().__init__(text)
        self._library = library
        self._events = events

    def _run(self, steps: Sequence[Step]) -> bool:
        """Do the writes in order and announce what they changed; when one fails, it and
        every one after it go to the pending journal, and this command leaves the stack."""
        change = NOTHING
        for done, (write, _kept) in enumerate(steps):
            try:
                change |= write()
            except WriteFailed as error:
                self.setObsolete(True)
                self._events.announce(change)
                self._events.write_failed.emit([k() for _w, k in steps[done:]], error)
                return False
        self._events.announce(change)
        return True


class AddHighlight(_NoteCommand):
    """Highlight a passage of a document."""

    def __init__(self, library: LibrarySession, events: LibraryEvents, document_id: int,
                 start: int, end: int, colour: str, note: str = "",
                 tags: Sequence[str] = ()) -> None:
        super().__init__(library, events, _("Highlight"))
        self._request = (document_id, start, end, colour, note, tuple(tags))
        self.annotation: Annotation | None = None

    def redo(self) -> None:
        self._run([(self._add, lambda: pending.add_annotation(*self._request))
                   if self.annotation is None else
                   (self._restore, lambda: pending.restore_annotation(self._shown()))])

    def undo(self) -> None:
        if self.annotation is not None:
            annotation_id = self.annotation.id
            self._run([(lambda: self._library.delete_annotation(annotation_id)[1],
                        lambda: pending.delete_annotation(annotation_id))])

    def _add(self) -> LibraryChange:
        self.annotation, change = self._library.add_annotation(*self._request)
        return change

    def _restore(self) -> LibraryChange:
        self.annotation, change = self._library.restore_annotation(self._shown())
        return change

    def _shown(self) -> Annotation:
        assert self.annotation is not None
        return self.annotation


class EditHighlight(_NoteCommand):
    """Change a highlight's colour, note or tags."""

    def __init__(self, library: LibrarySession, events: LibraryEvents, before: Annotation,
                 colour: str, note: str, tags: Sequence[str]) -> None:
        super().__init__(library, events, _("Edit highlight"))
        self._before = before
        self._after = (colour, note, tuple(tags))

    def redo(self) -> None:
        self._set(*self._after)

    def undo(self) -> None:
        self._set(self._before.colour, self._before.note, self._before.tags)

    def _set(self, colour: str, note: str, tags: Sequence[str]) -> None:
        annotation_id = self._before.id
        self._run([(lambda: self._library.update_annotation(
                        annotation_id, colour=colour, note=note, tags=tags)[1],
                    lambda: pending.update_annotation(annotation_id, colour, note, tags))])


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
        self._run([self._delete(annotation) for annotation in self._annotations])

    def undo(self) -> None:
        self._run([self._restore(annotation) for annotation in reversed(self._annotations)])

    def _delete(self, annotation: Annotation) -> Step:
        return (lambda: self._library.delete_annotation(annotation.id)[1],
                lambda: pending.delete_annotation(annotation.id))

    def _restore(self, annotation: Annotation) -> Step:
        return (lambda: self._library.restore_annotation(annotation)[1],
                lambda: pending.restore_annotation(annotation))


class AddBookmark(_NoteCommand):
    """Bookmark a sentence."""

    def __init__(self, library: LibrarySession, events: LibraryEvents, document_id: int,
                 start: int, end: int) -> None:
        super().__init__(library, events, _("Bookmark sentence"))
        self._request = (document_id, start, end)
        self.bookmark: Bookmark | None = None

    def redo(self) -> None:
        self._run([(self._add, lambda: pending.add_bookmark(*self._request))
                   if self.bookmark is None else
                   (self._restore, lambda: pending.restore_bookmark(self._shown()))])

    def undo(self) -> None:
        if self.bookmark is not None:
            bookmark_id = self.bookmark.id
            self._run([(lambda: self._library.delete_bookmark(bookmark_id)[1],
                        lambda: pending.delete_bookmark(bookmark_id))])

    def _add(self) -> LibraryChange:
        self.bookmark, change = self._library.add_bookmark(*self._request)
        return change

    def _restore(self) -> LibraryChange:
        self.bookmark, change = self._library.restore_bookmark(self._shown())
        return change

    def _shown(self) -> Bookmark:
        assert self.bookmark is not None
        return self.bookmark


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
        self._run([*(self._delete(bookmark) for bookmark in self._bookmarks),
                   *(_star(self._library, article_id, False) for article_id in self._unstarred)])

    def undo(self) -> None:
        self._run([*(self._restore(bookmark) for bookmark in reversed(self._bookmarks)),
                   *(_star(self._library, article_id, True) for article_id in self._unstarred)])

    def _delete(self, bookmark: Bookmark) -> Step:
        return (lambda: self._library.delete_bookmark(bookmark.id)[1],
                lambda: pending.delete_bookmark(bookmark.id))

    def _restore(self, bookmark: Bookmark) -> Step:
        return (lambda: self._library.restore_bookmark(bookmark)[1],
                lambda: pending.restore_bookmark(bookmark))


class SetStar(_NoteCommand):
    """Star or unstar an article."""

    def __init__(self, library: LibrarySession, events: LibraryEvents, article_id: int,
                 starred: bool) -> None:
        super().__init__(library, events, _("Star article") if starred else _("Unstar article"))
        self._article_id = article_id
        self._starred = starred

    def redo(self) -> None:
        self._run([_star(self._library, self._article_id, self._starred)])

    def undo(self) -> None:
        self._run([_star(self._library, self._article_id, not self._starred)])


def _star(library: LibrarySession, article_id: int, starred: bool) -> Step:
    return (lambda: library.set_starred(article_id, starred),
            lambda: pending.set_starred(article_id, starred))
