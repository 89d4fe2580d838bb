"""Deleting an article from the window, undoable: the article and all its versions go, its
highlights are kept with their quotes as notes of deleted articles, and Undo puts everything
back as it was. A deletion the library refuses (busy, read-only) changes nothing and leaves
the undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.operations.session import LibrarySession
from reader.store import RemovedArticle, WriteFailed
from reader.ui.i18n import _, ngettext
from reader.ui.library_events import LibraryEvents

SHORT_TITLE = 48


class DeleteArticle(QUndoCommand):
    """Delete one article (redo) or bring it back (undo)."""

    def __init__(self, library: LibrarySession, events: LibraryEvents, article_id: int,
                 title: str, say: Callable[[str], None],
                 reopen: Callable[[int], object]) -> None:
        short = title if len(title) <= SHORT_TITLE else title[:SHORT_TITLE - 1] + "…"
        super().__init__(_("Delete “{title}”").format(title=short))
        self._library = library
        self._events = events
        self._article_id = article_id
        self._short = short
        self._say = say
        self._reopen = reopen
        self.removed: RemovedArticle | None = None

    def redo(self) -> None:
        try:
            self.removed, change = self._library.delete_article(self._article_id)
        except (WriteFailed, KeyError) as error:
            self.setObsolete(True)
            self._say(_("“{title}” was not deleted: {reason}").format(
                title=self._short, reason=error))
            return
        self._events.announce(change)
        kept = self.removed.kept_note_count
        if kept:
            self._say(ngettext(
                "Deleted “{title}”; its highlight is kept in Notes of deleted articles. "
                "Undo (Ctrl+Z) brings the article back.",
                "Deleted “{title}”; its {count} highlights are kept in Notes of deleted "
                "articles. Undo (Ctrl+Z) brings the article back.", kept).format(
                    title=self._short, count=kept))
        else:
            self._say(_("Deleted “{title}”. Undo (Ctrl+Z) brings it back.").format(
                title=self._short))

    def undo(self) -> None:
        if self.removed is None:
            return
        try:
            change = self._library.restore_article(self.removed)
        except WriteFailed as error:
            self._say(_("“{title}” could not be brought back yet: {reason}").format(
                title=self._short, reason=error))
            return
        self._events.announce(change)
        self._reopen(self._article_id)
        self._say(_("“{title}” is back.").format(title=self._short))
