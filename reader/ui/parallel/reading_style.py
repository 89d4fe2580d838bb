"""How an article's text is set for reading: a font and size of its own (not the interface's),
zoomed with Ctrl++ / Ctrl+− / Ctrl+0 or Ctrl+wheel, comfortable line spacing, and a measure
that keeps a line readable; remembered between sessions."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QFont, QFontDatabase

DEFAULT_POINT_SIZE = 12.0
SMALLEST, LARGEST = 7.0, 40.0
ZOOM_STEP = 1.0  # points
LINE_HEIGHT = 140  # per cent of the font's line
# A line of one language is kept to about this many characters (typographers advise 45–75);
# side by side, each column gets as much.
MEASURE_CHARACTERS = 75

FONT_KEY = "reading/font"
SIZE_KEY = "reading/size"


class ReadingStyle(QObject):
    """The reading font and size, read from and written to the settings."""

    changed = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        self._chosen_size = DEFAULT_POINT_SIZE
        stored = None if settings is None else settings.value(FONT_KEY)
        if stored:
            font = QFont()
            if font.fromString(str(stored)):
                self._font = font
                self._chosen_size = _clamped(font.pointSizeF())
        self._font.setPointSizeF(self._chosen_size)
        size = None if settings is None else settings.value(SIZE_KEY)
        with contextlib.suppress(ValueError):
            self._font.setPointSizeF(_clamped(float(str(size))) if size is not None
                                     else self._chosen_size)

    def font(self) -> QFont:
        """The font the article text is set in, at its zoomed size."""
        return QFont(self._font)

    def point_size(self) -> float:
        """The text's size in points, zoom included."""
        return self._font.pointSizeF()

    def set_font(self, font: QFont) -> None:
        """Set the text in this font and size (its size is the one Ctrl+0 comes back to)."""
        self._font = QFont(font)
        self._chosen_size = _clamped(font.pointSizeF() if font.pointSizeF() > 0
                                     else DEFAULT_POINT_SIZE)
        self._font.setPointSizeF(self._chosen_size)
        self._save(font_too=True)

    def zoom_in(self) -> None:
        """One step larger."""
        self._set_size(self.point_size() + ZOOM_STEP)

    def zoom_out(self) -> None:
        """One step smaller."""
        self._set_size(self.point_size() - ZOOM_STEP)

    def reset_zoom(self) -> None:
        """Back to the chosen font's own size."""
        self._set_size(self._chosen_size)

    def _set_size(self, size: float) -> None:
        size = _clamped(size)
        if size == self.point_size():
            return
        self._font.setPointSizeF(size)
        self._save(font_too=False)

    def _save(self, font_too: bool) -> None:
        if self._settings is not None:
            if font_too:
                chosen = QFont(self._font)
                chosen.setPointSizeF(self._chosen_size)
                self._settings.setValue(FONT_KEY, chosen.toString())
            self._settings.setValue(SIZE_KEY, self.point_size())
        self.changed.emit()


def _clamped(size: float) -> float:
    return max(SMALLEST, min(LARGEST, size))
