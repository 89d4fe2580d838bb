"""Read and unread marks: an article counts as read once it has been on screen for a moment;
the reader can mark it unread again (Library → Mark as unread, Ctrl+U)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from reader.operations.session import LibrarySession
from reader.store import WriteFailed
from reader.ui.i18n import _
from reader.ui.library_events import LibraryEvents

# An article glanced at while walking down the list with the arrow keys is not read.
READ_AFTER_MS = 1500


class ReadMarks(QObject):
    """Marks the article on screen read after READ_AFTER_MS; in a list of unread articles
    only when the reader leaves it, so that the row does not vanish under the reader."""

    def __init__(self, library: LibrarySession, events: LibraryEvents,
                 only_unread_listed: Callable[[], bool], message: Callable[[str], None],
                 parent: QObject | None = None, delay_ms: int = READ_AFTER_MS) -> None:
        super().__init__(parent)
        self._library = library
        self._events = events
        self._only_unread_listed = only_unread_listed
        self._message = message
        self.read_after_ms = delay_ms
        self._article_id: int | None = None
        self._due = False  # shown long enough, mark waits until the reader leaves
        self._shown = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def article_shown(self, article_id: int | None) -> None:
        """The article now on screen (None: none); the one before is marked if it was read."""
        if article_id == self._article_id:
            return
        self.leave()
        self._article_id = article_id
        if article_id is not None and not self._library.read_only:
            self._shown.start()
            self._timer.start(self.read_after_ms)

    def leave(self) -> None:
        """The reader leaves the article on screen (another one, or the window closes)."""
        self._timer.stop()
        article_id, self._article_id = self._article_id, None
        read_long_enough = self._due or (self._shown.isValid()
                                         and self._shown.elapsed() >= self.read_after_ms)
        self._due = False
        self._shown.invalidate()
        if article_id is not None and read_long_enough:
            self._set(article_id, True, quiet=True)

    def toggle(self, article_id: int) -> bool:
        """Mark an article unread if it is read, else read; whether it is read now."""
        read = not self._library.is_read(article_id)
        if article_id == self._article_id:  # the reader's choice wins over the timer
            self._timer.stop()
            self._due = False
            self._shown.invalidate()
        if self._set(article_id, read, quiet=False):
            self._message(_("Marked as read") if read else _("Marked as unread"))
            return read
        return not read

    def _on_timer_timeout(self) -> None:
        if self._article_id is None:
            return
        if self._only_unread_listed():
            self._due = True
            return
        self._set(self._article_id, True, quiet=True)
        self._shown.invalidate()

    def _set(self, article_id: int, read: bool, quiet: bool) -> bool:
        if self._library.read_only:
            if not quiet:
                self._message(_("The library is read-only: read marks cannot be changed."))
            return False
        try:
            change = self._library.set_read(article_id, read)
        except KeyError:
            return False  # the article went meanwhile
        except WriteFailed as error:
            if not quiet:  # a mark the app made itself is not worth a message
                self._message(_("The mark could not be saved: {reason}").format(
                    reason=error.reason))
            return False
        self._events.announce(change)
        return True
