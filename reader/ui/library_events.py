"""Store writes announce what changed; panes listen here instead of calling each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class LibraryEvents(QObject):
    """Signals that say what in the library changed."""

    articles_changed = Signal()
    figures_changed = Signal()
    # Stars, bookmarks or annotations were added, changed or removed.
    notes_changed = Signal()
