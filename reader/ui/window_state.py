"""What the window remembers between sessions: geometry, pane sizes, docks, the library list's
columns, order and filter, and the article read last in each library."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from reader.ui.library.library_model import LibraryTableModel
from reader.ui.library.library_pane import LibraryPane

# A first window takes most of the screen it opens on, up to this size.
SCREEN_SHARE = 0.94
LARGEST_FIRST_SIZE = (1800, 1150)
# The library list, the text and the sidebar share the width; the text gets the most.
DEFAULT_SPLIT = (0.27, 0.53, 0.20)
# Column sizes and sort order of the library list (a new key: the list has new columns).
HEADER_KEY = "library/header-v2"


class WindowState:
    """Reads and writes the window's remembered state in the settings."""

    def __init__(self, settings: QSettings, library_path: Path) -> None:
        self._settings = settings
        self._library_key = "libraries/" + str(library_path.resolve()).replace("/", "|")

    def restore(self, window: QMainWindow, splitter: QSplitter, library_pane: LibraryPane) -> None:
        """Put the window, its panes and the library list back as they were; a first window
        is sized to its screen, and a remembered one is kept within the screen it opens on."""
        available = _available_geometry(window)
        if window.restoreGeometry(self._bytes("window/geometry")):
            _keep_within(window, available)
        else:
            width = min(int(available.width() * SCREEN_SHARE), LARGEST_FIRST_SIZE[0])
            height = min(int(available.height() * SCREEN_SHARE), LARGEST_FIRST_SIZE[1])
            window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
            frame = window.frameGeometry()
            frame.moveCenter(available.center())
            window.move(frame.topLeft())
        if not splitter.restoreState(self._bytes("window/splitter")):
            splitter.setSizes([int(window.width() * share) for share in DEFAULT_SPLIT])
        self.first_start = not window.restoreState(self._bytes("window/state"))
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

    def reading_place(self, article_id: int) -> tuple[int, int] | None:
        """Where an article was left: (document id of the left column, sentence number)."""
        value = self._settings.value(f"{self._library_key}/place/{article_id}")
        try:
            document, sentence = (int(part) for part in str(value).split(":"))
        except ValueError:
            return None
        return document, sentence

    def remember_reading_place(self, article_id: int, document_id: int, sentence: int) -> None:
        """Remember where an article is being read."""
        self._settings.setValue(f"{self._library_key}/place/{article_id}",
                                f"{document_id}:{sentence}")

    def _bytes(self, key: str) -> QByteArray:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()


def _available_geometry(window: QMainWindow) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def _keep_within(window: QMainWindow, available: QRect) -> None:
    """Shrink and move a restored window so that all of it is on the available screen."""
    frame = window.frameGeometry()
    extra_width = frame.width() - window.width()
    extra_height = frame.height() - window.height()
    width = min(window.width(), available.width() - extra_width)
    height = min(window.height(), available.height() - extra_height)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
        frame = window.frameGeometry()
    left = max(available.left(), min(frame.left(), available.right() - frame.width() + 1))
    top = max(available.top(), min(frame.top(), available.bottom() - frame.height() + 1))
    if (left, top) != (frame.left(), frame.top()):
        window.move(left, top)
