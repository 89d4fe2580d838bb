"""Writes announce what they changed; panes listen here instead of calling each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.operations.changes import LibraryChange


class LibraryEvents(QObject):
    """The window's one channel for changes of the library: each carries a LibraryChange that
    names what changed, and each listener refreshes only that."""

    changed = Signal(object)  # LibraryChange
    # A write of the reader's did not reach the library: [PendingWrite] to keep, WriteFailed.
    write_failed = Signal(object, object)

    def announce(self, change: LibraryChange) -> None:
        """Tell every listener what a write changed (nothing is said of an empty change)."""
        if change:
            self.changed.emit(change)
