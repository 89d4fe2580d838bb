"""What the window remembers between sessions: geometry, pane sizes, docks, the library list's
columns, order and filter, and the article read last in each library."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter

from reader.ui.library.library_model import LibraryTableModel
from reader.ui.library.library_pane import LibraryPane

DEFAULT_SIZE = (1400, 900)
DEFAULT_SPLIT = [500, 560, 340]  # the library list has eight columns
# Column sizes and sort order of the library list (a new key: the list has new columns).
HEADER_KEY = "library/header-v2"


class WindowState:
    """Reads and writes the window's remembered state in the settings."""

    def __init__(self, settings: QSettings, library_path: Path) -> None:
        self._settings = settings
        self._library_key = "libraries/" + str(library_path.resolve()).replace("/", "|")

    def restore(self, window: QMainWindow, splitter: QSplitter, library_pane: LibraryPane) -> None:
        """Put the window, its panes and the library list back as they were."""
        if not window.restoreGeometry(self._bytes("window/geometry")):
            window.resize(*DEFAULT_SIZE)
        if not splitter.restoreState(self._bytes("window/splitter")):
            splitter.setSizes(DEFAULT_SPLIT)
        window.restoreState(self._bytes("window/state"))
        header = self._bytes(HEADER_KEY)
        if not header.isEmpty():
            library_pane.restore_header_state(header)
        try:
            column = int(str(self._settings.value("library/sort_column")))
            order = Qt.SortOrder(int(str(self._settings.value("library/sort_order"))))
        except ValueError:  # never saved, or not by us
            pass
        else:
            library_pane.set_sort(column, order)
        quick_filter = self._settings.value("library/filter")
        if quick_filter:
            library_pane.set_quick_filter(str(quick_filter))

    def save(self, window: QMainWindow, splitter: QSplitter, library_pane: LibraryPane,
             library_model: LibraryTableModel) -> None:
        """Remember geometry, pane sizes, column layout and the open article."""
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/splitter", splitter.saveState())
        self._settings.setValue("window/state", window.saveState())
        self._settings.setValue(HEADER_KEY, library_pane.header_state())
        self._settings.setValue("library/sort_column", library_model.sort_column())
        self._settings.setValue("library/sort_order", library_model.sort_order().value)
        self._settings.setValue("library/filter", library_pane.quick_filter())
        article_id = library_pane.selected_article()
        if article_id is not None:
            self._settings.setValue(f"{self._library_key}/last_article", article_id)
        self._settings.sync()

    def last_article(self) -> int | None:
        """The article read last in this library, if any."""
        value = self._settings.value(f"{self._library_key}/last_article")
        try:
            return None if value is None else int(str(value))
        except ValueError:
            return None

    def _bytes(self, key: str) -> QByteArray:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()
