"""Focus mode (F11): the article's text alone on the whole screen; Esc or F11 brings back the
window exactly as it was."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QWidget


class FocusMode(QObject):
    """Hides everything but the text and shows the window full screen, then puts it back."""

    def __init__(self, window: QMainWindow, others: Sequence[QWidget],
                 text: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._others = list(others)  # the panes, docks and bars that make way for the text
        self._text = text
        self._shown: list[QWidget] = []
        self._state = Qt.WindowState.WindowNoState
        self.active = False

    def toggle(self) -> None:
        """Enter focus mode, or leave it."""
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        """Give the text the whole screen."""
        if self.active:
            return
        self.active = True
        self._state = self._window.windowState()
        self._shown = [widget for widget in self._others if widget.isVisible()]
        for widget in self._shown:
            widget.hide()
        self._window.showFullScreen()
        self._text.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave(self) -> None:
        """Bring the window back as it was before."""
        if not self.active:
            return
        self.active = False
        for widget in self._shown:
            widget.show()
        self._shown = []
        self._window.setWindowState(self._state)
        self._window.show()
        self._text.setFocus(Qt.FocusReason.OtherFocusReason)
